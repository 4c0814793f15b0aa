// Where documents begin in a file that has no `Document N` lines: a letterbook, a run of orders
// or dispatches as a printed compilation sets them, a transcriber's file of consecutive letters.
// One blank line separates paragraphs and documents alike, so a blank line alone decides nothing:
// a document begins at a paragraph that opens with a dateline, or with a heading that a dateline
// follows within two lines. Text before the first such paragraph is a document of its own when it
// holds prose, and is the page's furniture (a site's navigation, a book's running title) when not.

import { isHeading } from './heading.js';

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
  for (let i = 0; i < lines.length; i++) {
    if (blank(i) || (i > 0 && !blank(i - 1))) continue;
    if (isDatelineAt(i)) starts.push({ line: i });
    else if (isHeading(lines[i]!) && ((!blank(i + 1) && isDatelineAt(i + 1)) || (!blank(i + 1) && !blank(i + 2) && isDatelineAt(i + 2)))) {
      starts.push({ line: i, heading: i });
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

/** A paragraph of a dozen words or more: text, not a menu. */
function holdsProse(lines: readonly string[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (lines[i]!.trim().split(/\s+/).length >= 12) return true;
  return false;
}
