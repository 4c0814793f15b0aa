// Where documents begin in a file that has no `Document N` lines: a letterbook, a run of orders
// or dispatches as a printed compilation sets them, a transcriber's file of consecutive letters.
// One blank line separates paragraphs and documents alike, so a blank line alone decides nothing:
// a document begins at a paragraph that opens with a dateline and its place, or with a heading
// that a dateline follows in the document's head (its number, file numbers, classification, the
// kind of document, in paragraphs of their own or not), or, on a web page, that follows its date
// line; after a separator (`* * *`) a heading that names the parties opens one by itself, and so
// does a modern edition's head that says where the document is filed (`795.00/4–1753: Telegram`)
// over the parties. A file copied from web pages, whose first document opens with its date and
// then its title, opens one at each such pair, even within a paragraph. A
// document's number or file number standing above its heading belongs to it. Text before the
// first such paragraph is a document of its own when it holds prose, a heading that names parties
// or a salutation, and is the page's furniture (a site's navigation, a book's running title) when not.

import type { Dateline } from '../types.js';
import { COMPLIMENTARY_CLOSE, ENCLOSURE_LABEL, SALUTATION } from '../vocabulary.js';
import { isSourceLine } from './archive-reference.js';
import { isPageFurniture } from './closing-date.js';
import { addressesParty, isFiledAs, isHeading, isProse, isSeparator, isStrongHeading, namesParties, namesPartiesInCapitals } from './heading.js';

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
  const open = (line: number, heading?: number) => {
    if (starts.length > 0 && line <= starts[starts.length - 1]!.line) return;
    starts.push(heading === undefined ? { line } : { line, heading });
  };
  // A file whose first document opens with a date and then a title (after a page's menus at most,
  // no prose), as a web page's copy does, sets its documents so throughout: each such date opens
  // one, even after a signature, where a letter dated at its foot would close the one before.
  const firstText = lines.findIndex((l) => l.trim() !== '');
  const firstTitled = lines.findIndex((_, i) => titleUnderDate(lines, i, datelineAt) !== undefined);
  const copiedPages = firstTitled >= 0 && !opensBefore(lines, firstText, firstTitled - 1);
  for (let block = 0; block < lines.length; block++) {
    if (blank(block)) continue;
    const paragraph = block === 0 || blank(block - 1);
    // The heading of the document the dateline above opened (`Berlin, October 3, 1870.` / `Ciphered Telegram, …`).
    if (starts[starts.length - 1]?.heading === block) continue;
    // `May 3, 1779` / `John Adams to Richard Cranch` / `Dear Sir, …` with no blank lines: the
    // closing date of one letter, the heading and salutation of the next.
    // Not in a file of pages, where the date heads the letter below it, nor at the file's first line.
    if (!paragraph && !copiedPages && block - 1 > firstText && SALUTATION.test(lines[block + 1] ?? '') && namesPartiesAt(lines, block) && datelineAt(block - 1)?.date) {
      open(block, block);
      continue;
    }
    if (!paragraph && !copiedPages) continue;
    const previous = previousText(lines, block);
    const before = lines[previous] ?? '';
    // After `… the following telegram from Moscow:` the paragraph is quoted, not a new document.
    if (/:\s*$/.test(before) && !isSourceLine(before)) continue;
    // Within a paragraph too where the file sets its documents so: a copy of a page without blank lines.
    const titled = titleUnderDate(lines, block, datelineAt);
    if (titled !== undefined && (copiedPages || previous < 0 || isSourceLine(before) || isSeparator(before) || isPageFurniture(before))) {
      open(block, titled);
      continue;
    }
    if (!paragraph) continue;
    // `795.00/4–1753: Telegram` / `No. 587` / `The Secretary of State to the Embassy in the Soviet
    // Union`: a head that says where the document is filed and who wrote to whom opens it, with
    // or without a dateline (a copy may drop it).
    const filed = isFiledAs(lines[block]!) ? partiesBelow(lines, block) : undefined;
    if (filed !== undefined) {
      open(numbersAbove(lines, block), filed);
      continue;
    }
    if (isSeparator(before) && (namesPartiesAt(lines, block) || (isHeading(lines[block]!) && namesPartiesInCapitals(lines[block]!)))) {
      open(block, block);
      continue;
    }
    // `To Samuel Adams` / `Dear Sir, …`: a letter dated at its foot opens with its heading alone.
    if (opensLetter(lines, block, previous, datelineAt)) {
      open(block, block);
      continue;
    }
    // The paragraph's first short lines (a page's menus, file numbers, classification, a
    // heading) may lead to a dateline; the first line of prose ends the search.
    for (let j = block; !blank(j) && j < block + 12; j++) {
      const dateline = datelineAt(j);
      if (dateline) {
        const above = headingBefore(lines, block, j);
        const heading = above.strong ?? headingUnder(lines, j) ?? headingInHead(lines, block, datelineAt) ?? above.weak;
        // A heading that names no parties and no kind of document (a name in capitals) heads a
        // document only when a text follows; over a closing date it is a signature. A date alone,
        // with no place and no heading, opens nothing: it is a paragraph of the text.
        const opens = opensText(lines, j);
        if (heading !== undefined && (opens || strongAt(lines, heading))) open(heading > j ? j : numbersAbove(lines, heading), heading);
        else if (opens && dateline.place) open(j);
        break;
      }
      if (isProse(lines[j]!)) break;
    }
  }
  return starts.length === 0 ? undefined : segmentsAt(lines, starts, firstText);
}

/**
 * The documents that begin at `starts`, and before the first the text that may be one (a letter
 * whose heading opened none); a page's menus are not.
 */
function segmentsAt(lines: readonly string[], starts: ReadonlyArray<{ line: number; heading?: number }>, firstText: number): Segment[] {
  const segments: Segment[] = [];
  if (firstText < starts[0]!.line && opensBefore(lines, firstText, starts[0]!.line - 1)) {
    const segment: Segment = { first: firstText, last: starts[0]!.line - 1 };
    if (strongAt(lines, firstText)) segment.heading = firstText;
    segments.push(segment);
  }
  starts.forEach((s, k) => {
    const segment: Segment = { first: s.line, last: (starts[k + 1]?.line ?? lines.length) - 1 };
    if (s.heading !== undefined) segment.heading = s.heading;
    segments.push(segment);
  });
  const blank = (i: number) => lines[i]!.trim() === '';
  for (const s of segments) {
    while (s.last > s.first && (blank(s.last) || isSeparator(lines[s.last]!))) s.last--;
    // A document is read from its own lines only (an edit elsewhere leaves its reading as it was).
    if (s.heading !== undefined && s.heading > s.last) delete s.heading;
  }
  return segments;
}

/**
 * A dateline opens a letter when prose follows it in its paragraph (`Portsmouth, 14th March,
 * 1797.` / `Sir,` / `I have received …`); alone, or over a signature, it closes the text before it.
 */
function opensText(lines: readonly string[], at: number): boolean {
  for (let i = at + 1; i < lines.length && lines[i]!.trim() !== ''; i++) if (words(lines[i]!) >= 8 && !COMPLIMENTARY_CLOSE.test(lines[i]!)) return true;
  // `No. 350.] Legation …, Peking, May 1, 1920.` / `Sir: I have the honor …` in the next paragraph.
  let next = at + 1;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  return next > at + 1 && next < lines.length && SALUTATION.test(lines[next]!) && words(lines[next]!) >= 8;
}


/**
 * `January 13, 1951` / `Ciphered telegram, Roshchin to USSR Foreign Ministry`: a date alone on its
 * line, and under it, or in the next paragraph, a heading by what it says. The heading's line.
 */
function titleUnderDate(lines: readonly string[], at: number, datelineAt: (line: number) => Dateline | undefined): number | undefined {
  // A date alone is short; most lines are not, and need no reading.
  const t = lines[at]!.trim();
  if (t === '' || t.length > 40) return undefined;
  let next = at + 1;
  while (next < lines.length && next <= at + 3 && lines[next]!.trim() === '') next++;
  if (next >= lines.length || lines[next]!.trim() === '' || notAHeading.test(lines[next]!)) return undefined;
  if (!isHeading(lines[next]!) || !strongAt(lines, next)) return undefined;
  const dateline = datelineAt(at);
  return dateline?.date && !dateline.place ? next : undefined;
}

/** The heading that names the parties within the three lines under `at`, past a document number. */
function partiesBelow(lines: readonly string[], at: number): number | undefined {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 3; i++) {
    if (lines[i]!.trim() === '') continue;
    seen++;
    if (namesPartiesAt(lines, i)) return i;
    if (!isDocumentNumber(lines[i]!)) return undefined;
  }
  return undefined;
}

/** A web page's copy gives its date line first, then the title: `September 26, 1950` / `Ciphered Telegram, Ivanov to Petrov`. */
function headingUnder(lines: readonly string[], dateline: number): number | undefined {
  for (let i = dateline + 1; i <= dateline + 2 && i < lines.length && lines[i]!.trim() !== ''; i++) if (isHeading(lines[i]!) && isStrongHeading(lines[i]!)) return i;
  return undefined;
}

/**
 * The heading in the paragraphs above the dateline's, as long as they are a document's head (short
 * lines with no sentence: `No. 12`, `1234/345678-80`, `Mr. Bevin to Sir O. Franks`, `Telegram`,
 * `MOST URGENT`). The nearest that names the parties wins over one that names only the kind of
 * document. Prose, a separator or another dateline (the previous document's) ends the head.
 */
function headingInHead(lines: readonly string[], block: number, datelineAt: (line: number) => Dateline | undefined): number | undefined {
  let kind: number | undefined;
  for (let i = block - 1, seen = 0; i >= 0 && seen < 12; i--) {
    const t = lines[i]!;
    if (t.trim() === '') continue;
    seen++;
    // Before the prose and dateline tests: a heading may describe the document (`…, containing a
    // Message from the Chinese side`) or carry its date (`Abigail Adams to John Adams, 22 April 1789`).
    if (namesPartiesAt(lines, i)) return i;
    if (isSeparator(t) || isProse(t)) break;
    if (datelineAt(i)) break;
    if (!isHeading(t) || !isStrongHeading(t)) continue;
    kind ??= i;
  }
  return kind;
}

/**
 * A letter dated at its foot opens with its heading alone: a line that names the parties, as a
 * paragraph of one line, with the salutation after it, where the text before has ended (the top of
 * the file, a separator, a signature or a closing dateline). Not a line of a body (`Military Aid
 * to Korea`), an address at a letter's foot with the editors' note after it, nor a heading after
 * an enclosure's label (`[Inclosure.]` / `Count Bismarck to Mr. Bancroft.`: a document inside
 * the one before).
 */
function opensLetter(lines: readonly string[], block: number, before: number, datelineAt: (line: number) => Dateline | undefined): boolean {
  if (block + 1 < lines.length && lines[block + 1]!.trim() !== '') return false;
  if (!namesPartiesAt(lines, block)) return false;
  let next = block + 1;
  while (next < lines.length && lines[next]!.trim() === '') next++;
  if (next >= lines.length || !SALUTATION.test(lines[next]!)) return false;
  if (before < 0) return true;
  const end = lines[before]!;
  if (ENCLOSURE_LABEL.test(end)) return false;
  return isSeparator(end) || datelineAt(before) !== undefined || (!isProse(end) && words(end) <= 5 && !/:\s*$/.test(end));
}

/** `Copy to Mr. Bevin`, `Repeated to Paris`: a line about a document, not its heading (nor is an enclosure's label, `Enclosure to Despatch No. 45`). */
const notAHeading = /^\s*(?:\[\s*)?(?:Copy|Copies|Repeated|Addressed|Sent|Forwarded|Passed|My\s+Compliments|Compliments)\b/i;

/** A heading that names the parties, `A to B`, or `To John Jay` as a paragraph of its own. */
function namesPartiesAt(lines: readonly string[], i: number): boolean {
  const t = lines[i]!;
  if (!isHeading(t) || notAHeading.test(t) || ENCLOSURE_LABEL.test(t)) return false;
  if (namesParties(t)) return true;
  const alone = (i === 0 || lines[i - 1]!.trim() === '') && (i + 1 >= lines.length || lines[i + 1]!.trim() === '');
  return alone && addressesParty(t);
}

function strongAt(lines: readonly string[], i: number): boolean {
  return isStrongHeading(lines[i]!) || namesPartiesAt(lines, i);
}

/** The first line of a document whose heading is at `heading`: its number and file numbers above it. */
function numbersAbove(lines: readonly string[], heading: number): number {
  let first = heading;
  for (let i = heading - 1, seen = 0; i >= 0 && seen < 3; i--) {
    if (lines[i]!.trim() === '') continue;
    seen++;
    if (!isFileNumber(lines[i]!) && !isDocumentNumber(lines[i]!)) break;
    first = i;
  }
  return first;
}

/** `No. 45`, `[No. 12.]`, `12.`: the number an edition gives a document, on a line of its own. */
function isDocumentNumber(text: string): boolean {
  return /^\s*(?:\[\s*)?(?:(?:No|Nr|Number|Doc(?:ument)?)\.?\s*)?\d{1,5}[A-Z]?\s*(?:[.\]]+\s*)?$/i.test(text);
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

/** `795.00/6–2550: Telegram`, `File No. 763.72/2`, a film serial `1234/345678-80`: a file number standing above its heading. */
function isFileNumber(text: string): boolean {
  return /^\s*(?:File\s+No\.\s*)?\d{3}[A-Z]{0,2}\.[\w.]+(?:\s[A-Z]+)?\/\S+/.test(text) || /^\s*\d{2,6}\/[\dA-Z]{2,8}(?:\s*[-–]\s*\d{1,6})?\s*$/.test(text);
}

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/**
 * Whether a document may have begun in these lines, before a page's date and title: a letter's
 * heading or salutation, or a paragraph of text. A page's menus have none.
 */
function opensBefore(lines: readonly string[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (SALUTATION.test(lines[i]!) || namesPartiesAt(lines, i)) return true;
  return holdsProse(lines, first, last);
}

/** A paragraph of a dozen words or more: text, not a menu. */
export function holdsProse(lines: readonly string[], first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (words(lines[i]!) >= 12) return true;
  return false;
}
