// Where documents begin in a file that has no `Document N` lines: a letterbook, a run of orders
// or dispatches as a printed compilation sets them, a transcriber's file of consecutive letters.
// One blank line separates paragraphs and documents alike, so a blank line alone decides nothing:
// a document begins at a paragraph that opens with a dateline and its place, or with a heading
// that a dateline follows within five lines (file numbers and classifications between them), or,
// on a web page, that follows its date line. Text before the first such paragraph is a document
// of its own when it holds prose, and is the page's furniture (a site's navigation, a book's
// running title) when not.

import type { Dateline } from '../types.js';
import { isHeading, isProse, isStrongHeading } from './heading.js';

export interface Segment {
  first: number;
  last: number;
  /** The heading's line, where the document opens with one. */
  heading?: number;
}

/** The documents of a file without header lines, or undefined when no paragraph opens one. */
export function headerlessSegments(lines: readonly string[], datelineAt: (line: number) => Dateline | undefined): Segment[] | undefined {
  const blank = (i: number) => i >= lines.length || lines[i]!.trim() === '';
  const starts: Array<{ line: number; heading?: number }> = [];
  for (let block = 0; block < lines.length; block++) {
    if (blank(block) || (block > 0 && !blank(block - 1))) continue;
    // After `… the following telegram from Moscow:` the paragraph is quoted, not a new document.
    if (/:\s*$/.test(lines[previousText(lines, block)] ?? '')) continue;
    // The paragraph's first short lines (a page's menus, file numbers, classification, a
    // heading) may lead to a dateline; the first line of prose ends the search.
    for (let j = block; !blank(j) && j < block + 12; j++) {
      const dateline = datelineAt(j);
      if (dateline) {
        const above = headingBefore(lines, block, j);
        const heading = above.strong ?? headingUnder(lines, j) ?? headingAbove(lines, block) ?? above.weak;
        // A heading that names no parties and no kind of document (a name in capitals) heads a
        // document only when a text follows; over a closing date it is a signature. A date alone,
        // with no place and no heading, opens nothing: it is a paragraph of the text.
        const opens = opensText(lines, j);
        if (heading !== undefined && (opens || isStrongHeading(lines[heading]!))) {
          const first = heading > j ? j : heading > block && isFileNumber(lines[heading - 1]!) ? heading - 1 : heading;
          starts.push({ line: first, heading });
        } else if (opens && dateline.place) starts.push({ line: j });
        break;
      }
      if (isProse(lines[j]!)) break;
    }
  }
  if (starts.length === 0) return undefined;
  const segments: Segment[] = [];
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (firstText < starts[0]!.line && holdsProse(lines, firstText, starts[0]!.line - 1)) segments.push({ first: firstText, last: starts[0]!.line - 1 });
  starts.forEach((s, k) => {
    const segment: Segment = { first: s.line, last: (starts[k + 1]?.line ?? lines.length) - 1 };
    if (s.heading !== undefined) segment.heading = s.heading;
    segments.push(segment);
  });
  for (const s of segments) while (s.last > s.first && blank(s.last)) s.last--;
  return segments;
}

/**
 * A dateline opens a letter when prose follows it in its paragraph (`Portsmouth, 14th March,
 * 1797.` / `Sir,` / `I have received …`); alone, or over a signature, it closes the text before it.
 */
function opensText(lines: readonly string[], at: number): boolean {
  for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) if (words(lines[i]!) >= 8 && !complimentaryClose.test(lines[i]!)) return true;
  return false;
}

/** `I have the honor to be, Sir, your obedient servant,`: the foot of a letter, not its opening. */
const complimentaryClose = /^\s*(?:I\s+have\s+the\s+hono(?:u)?r\s+to\s+be|I\s+am\b|Yours|Your\s+(?:most\s+)?(?:obedient|humble)|With\s+(?:respect|regards|great\s+respect))/i;

/** A web page's copy gives its date line first, then the title: `September 26, 1950` / `Ciphered Telegram, Ivanov to Petrov`. */
function headingUnder(lines: readonly string[], dateline: number): number | undefined {
  for (let i = dateline + 1; i <= dateline + 2 && i < lines.length && lines[i]!.trim() !== ''; i++) if (isHeading(lines[i]!) && isStrongHeading(lines[i]!)) return i;
  return undefined;
}

/** `Mr. Adams to Mr. Seward.` as a paragraph of its own over the dateline's. */
function headingAbove(lines: readonly string[], block: number): number | undefined {
  const h = block - 2;
  if (h < 0 || lines[block - 1]!.trim() !== '' || (h > 0 && lines[h - 1]!.trim() !== '')) return undefined;
  return isStrongHeading(lines[h]!) ? h : undefined;
}

function previousText(lines: readonly string[], before: number): number {
  let i = before - 1;
  while (i >= 0 && lines[i]!.trim() === '') i--;
  return i;
}

/**
 * Headings above the dateline at `dateline`, within five lines: the nearest that names parties or
 * a kind of document (strong), and the nearest that is a heading at all (weak: `Proposed Articles
 * of Confederation`, but also a classification such as `SECRET` or a page's `Menu`). A strong
 * heading is taken first, then one under the dateline, then a weak one.
 */
function headingBefore(lines: readonly string[], block: number, dateline: number): { strong?: number; weak?: number } {
  let weak: number | undefined;
  for (let i = dateline - 1; i >= Math.max(block, dateline - 5); i--) {
    if (!isHeading(lines[i]!)) continue;
    if (isStrongHeading(lines[i]!)) return weak === undefined ? { strong: i } : { strong: i, weak };
    weak ??= i;
  }
  return weak === undefined ? {} : { weak };
}

/** `795.00/6–2550: Telegram`, `File No. 763.72/2`: a file number standing above its heading. */
function isFileNumber(text: string): boolean {
  return /^\s*(?:File\s+No\.\s*)?\d{3}[A-Z]{0,2}\.[\w.]+(?:\s[A-Z]+)?\/\S+/.test(text);
}

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** A paragraph of a dozen words or more: text, not a menu. */
function holdsProse(lines: readonly string[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (words(lines[i]!) >= 12) return true;
  return false;
}
