// The date a document closes with: alone on its line, ending a paragraph, or a dateline at the
// foot; not a page's upload date.

import type { DateMention, Dateline } from '../types.js';
import { isSourceLine } from './archive-reference.js';
import { findStamp } from './stamp.js';

/** The document's own date: a date alone on its line, closing a paragraph, or a dateline. */
export function closingDate(text: string, dates: DateMention[], dateline: Dateline | undefined): DateMention | undefined {
  const last = dates[dates.length - 1];
  if (!last || !last.value || last.precision !== 'day') return undefined;
  if (last.reading.supplied.includes('year') || last.reading.supplied.includes('month')) return undefined;
  if (dateline?.date === last) return last;
  // `5.7.50 [5 July 1950]`: the editors' reading may follow the date on its line.
  const end = Math.max(last.range.end.character, last.editorial?.range.end.character ?? 0);
  const after = text.slice(end).trim();
  if (!/^[.,]?$/.test(after)) return undefined;
  const before = text.slice(0, last.range.start.character).trim();
  if (before === '' || /[.!?]["”]?$/.test(before)) return last;
  return undefined;
}

/** A line that may follow a document's closing date: a signature, a number, a stamp, the source. */
export function closesText(next: string): boolean {
  const t = next.trim();
  if (t === '' || t.startsWith('[') || isSourceLine(t) || findStamp(t) || /^(?:No\.|#|_\s|\d+\s+cop)/i.test(t)) return true;
  // `SHTYKOV`, `A. G R O M Y K O`, `(A. Vasilevsky) (A. Gromyko)`, `With respect,`: no sentence.
  return (t.match(/(?<![\w'’])[a-z][a-z'’]*/g) ?? []).length < 2;
}

/**
 * `Original Uploaded: June 3, 2015`, `Page last modified …`: the web page's dates, not the
 * document's. A short line that says so in its first words; in a letter `… has now been
 * published in the London Gazette` is the text.
 */
export function isPageFurniture(text: string): boolean {
  return text.length <= 100 && /^\s*(?:\p{L}+\s+){0,2}(?:Uploaded|Posted|Published|Updated|[Ll]ast\s+(?:modified|updated)|Accessed|Retrieved|Date\s+added|Copyright)|©/u.test(text);
}
