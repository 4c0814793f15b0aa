// Where documents begin in a file that has no `Document N` lines: a letterbook, a run of orders
// or dispatches as a printed compilation sets them, a transcriber's file of consecutive letters.
// One blank line separates paragraphs and documents alike, so a blank line alone decides nothing:
// a document begins at a paragraph that opens with a dateline, or with a heading that a dateline
// follows within two lines. Text before the first such paragraph is a document of its own when it
// holds prose, and is the page's furniture (a site's navigation, a book's running title) when not.

import { isHeading, isProse, isStrongHeading } from './heading.js';

export interface Segment {
  first: number;
  last: number;
  /** The heading's line, where the document opens with one. */
  heading?: number;
}

/** The documents of a file without header lines, or undefined when no paragraph opens one. */
export function headerlessSegments(lines: readonly string[], isDatelineAt: (line: number) => boolean): Segment[] | undefined {
  const blank = (i: number) => i >= lines.length || lines[i]!.trim() === '';
  const starts: Array<{ line: number; heading?: number }> = [];
  for (let block = 0; block < lines.length; block++) {
    if (blank(block) || (block > 0 && !blank(block - 1))) continue;
    // The paragraph's first short lines (a page's menus, file numbers, classification, a
    // heading) may lead to a dateline; the first line of prose ends the search.
    for (let j = block; !blank(j) && j < block + 12; j++) {
      if (isDatelineAt(j)) {
        const heading = headingBefore(lines, block, j);
        // A heading that names no parties and no kind of document (a name in capitals) heads a
        // document only when a text follows; over a closing date it is a signature.
        const opens = opensText(lines, j);
        if (heading !== undefined && (opens || isStrongHeading(lines[heading]!))) {
          starts.push({ line: heading > block && isFileNumber(lines[heading - 1]!) ? heading - 1 : heading, heading });
        } else if (opens) starts.push({ line: j });
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
  for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) if (words(lines[i]!) >= 8) return true;
  return false;
}

/**
 * The heading of the dateline at `dateline`: the nearest of the five lines above it that names
 * parties or a kind of document; else the nearest that is a heading at all (`Proposed Articles of
 * Confederation`), over a classification such as `SECRET`.
 */
function headingBefore(lines: readonly string[], block: number, dateline: number): number | undefined {
  let weak: number | undefined;
  for (let i = dateline - 1; i >= Math.max(block, dateline - 5); i--) {
    if (!isHeading(lines[i]!)) continue;
    if (isStrongHeading(lines[i]!)) return i;
    weak ??= i;
  }
  return weak;
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
