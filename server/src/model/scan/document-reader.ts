// One pass over a document's lines, running each recogniser on each line. What carries from line
// to line is kept here, in one small context: whether the line is quoted (a message inside the
// document), enclosed (an enclosure, with its own date), in the head (before the first sentence:
// where the dateline stands), and a stamp waiting for its date on the next line.

import { lineScannerFor, type DateContext, type LineDates } from '../dates.js';
import { range, within } from '../text.js';
import type { DateConventions, DateMention, DateOrderChoice, Dateline, NameMention, Range, TranscribedDocument, TransmissionStamp } from '../types.js';
import { readArchiveReferences } from './archive-reference.js';
import { readBrackets } from './bracket.js';
import { closesText, closingDate, isPageFurniture } from './closing-date.js';
import { linkIdentifications, nameMentions, readCorrespondents } from './correspondents.js';
import { readCrossReferences } from './cross-reference.js';
import { settleByWrittenDates, swapOrder } from './date-order.js';
import { readDateline } from './dateline.js';
import { distributionPattern, readDistribution } from './distribution.js';
import { isHeading, isProse, namesAParty } from './heading.js';
import { readReferenceNumbers } from './reference-number.js';
import { findStamp, readNotedStamp, readStamp } from './stamp.js';
import type { ScanOptions } from '../scanner.js';
import { COMPLIMENTARY_CLOSE, ENCLOSURE_LABEL } from '../vocabulary.js';
import { kindNamedInHead } from './header.js';

/** `From Pyongyang` on a line of its own: where the telegram came from. */
const originPattern = /^\s*From\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s*(?:[.:]\s*)?$/;

export function emptyDocument(index: number, whole: Range): TranscribedDocument {
  return {
    index,
    range: whole,
    dates: [],
    times: [],
    dateRanges: [],
    stamps: [],
    distributionLists: [],
    referenceNumbers: [],
    archiveReferences: [],
    names: [],
    brackets: [],
    crossReferences: [],
    quotations: [],
    repeatedHeaders: [],
    enclosures: [],
  };
}

export class DocumentReader {
  /** Where the open quotation began, and what closes it; -1 when none is open. */
  private quoteStart = -1;
  private quoteEnds: 'quote' | 'end text' = 'quote';
  /** After `Enclosure:` or a second dateline the dates are the enclosure's, not the document's. */
  private enclosed = false;
  /** Before the first sentence: where the dateline stands. */
  private inHead = true;
  /** A stamp waiting for its date on the next line (`Transmitted to Bulganin` / `On 1.X.50 …`). */
  private waiting: TransmissionStamp | undefined;
  /** Dates that may close the document, with their lines. */
  private readonly closingCandidates: Array<{ date: DateMention; line: number }> = [];

  /** The document's dates on a line of prose, and on a stamp or registry line. */
  private readonly datesIn: (text: string, line: number) => LineDates;
  private readonly datesInStamp: (text: string, line: number) => LineDates;

  constructor(
    private readonly lines: readonly string[],
    private readonly options: ScanOptions,
    private readonly doc: TranscribedDocument,
    ctx: DateContext,
  ) {
    this.datesIn = lineScannerFor({ ...ctx, stampLine: false });
    this.datesInStamp = lineScannerFor({ ...ctx, stampLine: true });
  }

  read(first: number, last: number): void {
    // A file number may stand above the heading (`795.00/6–2550: Telegram`): read it too.
    const header = this.doc.header?.range;
    for (let line = first; line <= last; line++) {
      if (header && line >= header.start.line && line <= header.end.line) continue;
      if (this.lines[line]!.trim() === '') this.waiting = undefined;
      else this.readLine(line, last);
    }
    // The document's own date ends its text: what follows it at once is a blank line, a stamp, a
    // number, the source or a signature, not more prose (`25 June 1950` / `The attack began.` is
    // an entry of a chronology).
    const closing = this.closingCandidates.filter((c) => c.line === last || closesText(this.lines[c.line + 1]!)).pop()?.date;
    if (closing && closing !== this.doc.header?.date) this.doc.closingDate = closing;
    const open = this.doc.enclosures[this.doc.enclosures.length - 1];
    if (open) open.range = range(open.range.start.line, 0, this.lines[last]!.length, last);
  }

  private readLine(line: number, last: number): void {
    const { doc } = this;
    const text = this.lines[line]!;
    const quoted = this.quotation(text, line);
    // `Enclosure:`, `[Inclosure.]`: what follows is another document's.
    if (ENCLOSURE_LABEL.test(text)) this.openEnclosure(line);

    // A stamp quoted in a letter is the quoted message's, not this document's.
    const stampMatch = quoted ? null : findStamp(text);
    const referenceLine = /^\s*(?:No\.|#|_\s)/.test(text) && text.length < 60;
    const found = (stampMatch !== null || referenceLine ? this.datesInStamp : this.datesIn)(text, line);
    doc.dates.push(...found.dates);
    doc.times.push(...found.times);
    doc.dateRanges.push(...found.ranges);

    const names = nameMentions(this.options.names.find(text, line));
    linkIdentifications(text, names);
    doc.names.push(...names);

    const furniture = isPageFurniture(text);
    const dateline = quoted || stampMatch || furniture ? undefined : readDateline(text, line, found);
    this.takeDateline(dateline, text, line, names);

    const brackets = readBrackets(text, line, names, found.dates);
    doc.brackets.push(...brackets);
    this.stamps(stampMatch, text, line, found, names);
    for (const b of brackets) {
      const noted = b.bracketKind === 'handwritten' ? readNotedStamp(b, text, line, found, names) : undefined;
      if (noted) doc.stamps.push(noted);
    }
    // `From Pyongyang` on its own line, or `From BEIJING Received …`: where the message came from.
    const place = originPattern.exec(text)?.[1] ?? stampMatch?.[2];
    if (place && !doc.origin) {
      const start = text.indexOf(place);
      const r = range(line, start, start + place.length);
      doc.origin = { text: place, range: r, entryId: names.find((n) => within(n.range, r))?.entryId };
    }

    const distribution = distributionPattern.exec(text);
    if (distribution) doc.distributionLists.push(readDistribution(this.lines, this.options.names, line, last, names, distribution));
    const refs = readReferenceNumbers(text, line, found.dates);
    doc.referenceNumbers.push(...refs);
    doc.archiveReferences.push(...readArchiveReferences(text, line, brackets, this.options.registry));
    doc.crossReferences.push(...readCrossReferences(text, line, found.dates, refs));

    if (!quoted && !stampMatch && !this.enclosed && !furniture) {
      const closing = closingDate(text, found.dates, dateline);
      if (closing) this.closingCandidates.push({ date: closing, line });
    }
  }

  /**
   * Whether the line is quoted: a quotation runs from a line opening with `"` to the line closing
   * it; in U.S. editions, from `Begin text` to `End text`.
   */
  private quotation(text: string, line: number): boolean {
    const quotes = countQuotes(text);
    const inQuote = this.quoteStart >= 0;
    // `Begin text` has an x, which few lines have: the pattern is tried only on those.
    if (!inQuote && (text.includes('x') || text.includes('X')) && /\bBegin text\b/i.test(text)) {
      this.quoteStart = line;
      this.quoteEnds = 'end text';
    } else if (!inQuote && /^\s*["“]/.test(text) && quotes % 2 === 1) {
      this.quoteStart = line;
      this.quoteEnds = 'quote';
    } else if (inQuote && (this.quoteEnds === 'quote' ? quotes % 2 === 1 : /\bEnd text\b/i.test(text))) {
      this.doc.quotations.push(range(this.quoteStart, 0, text.length, line));
      this.quoteStart = -1;
    }
    return inQuote || this.quoteStart === line;
  }

  private takeDateline(dateline: Dateline | undefined, text: string, line: number, names: NameMention[]): void {
    const { doc } = this;
    if (dateline && this.inHead && !doc.dateline) {
      doc.dateline = dateline;
      // `London, March 6, 1951—7 p. m.`: written, and sent, in London.
      const town = dateline.town;
      if (town && !doc.origin) doc.origin = { text: town.text, range: town.range, entryId: names.find((n) => within(n.range, town.range))?.entryId };
    } else if (dateline?.place && doc.dateline) {
      // A second dateline, with its place, is an enclosure's: a document inside this one.
      // Over the complimentary close it is the letter's closing dateline: dates after it are not the letter's, but it opens no document.
      const open = doc.enclosures[doc.enclosures.length - 1];
      if (!this.closesLetter(line)) {
        if (!this.enclosed || open?.dateline) this.openEnclosure(line, true);
        doc.enclosures[doc.enclosures.length - 1]!.dateline = dateline;
      }
      this.enclosed = true;
    } else if (this.enclosed) this.enclosureHeading(text, line, names);
    // `601.4193/3–651: Telegram`, `[Telegram.]`, `Telegram`: the head names the kind where the heading does not.
    const header = doc.header;
    if (this.inHead && header?.type === 'document') header.type = kindNamedInHead(text) ?? 'document';
    // `Chronology of events:` introduces the body; so does any sentence.
    if (this.inHead && !dateline && (isProse(text) || /:\s*$/.test(text))) this.inHead = false;
  }

  /**
   * An enclosure begins at its label, or at a dateline of its own with the heading just above it
   * (`Count Bismarck to Mr. Bancroft.` / `Versailles, October 10, 1870.`). The one before ends there.
   */
  private openEnclosure(line: number, atDateline = false): void {
    this.enclosed = true;
    const { enclosures } = this.doc;
    let first = line;
    if (atDateline) {
      let above = line - 1;
      while (above > this.doc.range.start.line && this.lines[above]!.trim() === '') above--;
      if (above > this.doc.range.start.line && isHeading(this.lines[above]!) && namesAParty(this.lines[above]!)) first = above;
    }
    const previous = enclosures[enclosures.length - 1];
    if (previous) previous.range = range(previous.range.start.line, 0, this.lines[first - 1]?.length ?? 0, first - 1);
    enclosures.push({ range: range(first, 0, this.lines[first]!.length), from: [], to: [] });
    if (first !== line) this.enclosureHeading(this.lines[first]!, first, this.doc.names.filter((n) => n.range.start.line === first));
  }

  private closesLetter(line: number): boolean {
    let next = line + 1;
    while (next <= this.doc.range.end.line && this.lines[next]!.trim() === '') next++;
    return next > this.doc.range.end.line || COMPLIMENTARY_CLOSE.test(this.lines[next]!);
  }

  /** `Count Bismarck to Mr. Bancroft.` after the enclosure's label: its parties. */
  private enclosureHeading(text: string, line: number, names: NameMention[]): void {
    const enclosure = this.doc.enclosures[this.doc.enclosures.length - 1];
    if (!enclosure || enclosure.heading || enclosure.dateline || !isHeading(text) || !namesAParty(text) || ENCLOSURE_LABEL.test(text)) return;
    const title = text.trim();
    const start = text.indexOf(title);
    enclosure.heading = { text: title, range: range(line, start, start + title.length) };
    const { from, to } = readCorrespondents(title.replace(/\.$/, ''), start, line, names);
    enclosure.from = from;
    enclosure.to = to;
  }

  /** The stamp the line opens, or the date a stamp on the line before was waiting for. */
  private stamps(stampMatch: RegExpExecArray | null, text: string, line: number, found: LineDates, names: NameMention[]): void {
    const waiting = this.waiting;
    if (waiting && /^\s*(?:On|at)\b/i.test(text) && found.dates.length > 0) {
      waiting.date = found.dates[0];
      if (found.times[0]) waiting.time = found.times[0];
      waiting.range = { start: waiting.range.start, end: { line, character: text.trimEnd().length } };
      this.doc.stamps.push(waiting);
    }
    this.waiting = undefined;
    const stamp = stampMatch && readStamp(stampMatch, text, line, found, names);
    if (stamp?.date || stamp?.time) this.doc.stamps.push(stamp);
    else if (stamp) this.waiting = stamp;
  }
}

/** How the document's numeric dates were read, and on what ground (see date-order.ts). */
export function chooseDateOrders(
  doc: TranscribedDocument,
  inferred: { conventions: DateConventions; undetermined: Array<'slashes' | 'dots'>; byCorpus: Array<'slashes' | 'dots'> },
  declaredOrders: ScanOptions['declared'],
): { slashes: DateOrderChoice; dots: DateOrderChoice } {
  const declared = declaredOrders ?? { slashes: true, dots: true };
  const choice = (what: 'slashes' | 'dots'): DateOrderChoice => {
    const order = inferred.conventions[what];
    if (declared[what]) return { order, by: 'declared' };
    const byCorpus = inferred.byCorpus.includes(what);
    if (!byCorpus && !inferred.undetermined.includes(what)) return { order, by: 'document' };
    // The document's written-out dates are its own evidence, before the corpus's orders: else
    // whether it decides would hang on what the other files say, and on the order they are read in.
    const settled = settleByWrittenDates(doc, what, byCorpus ? 'keep' : 'undetermined');
    if (settled === 'swapped') return { order: swapOrder(order), by: 'document' };
    if (settled) return { order, by: 'document' };
    return { order, by: byCorpus ? 'corpus' : 'guess' };
  };
  return { slashes: choice('slashes'), dots: choice('dots') };
}

function countQuotes(text: string): number {
  // By code unit: a loop over characters would make a string of each.
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x201d) n++;
  }
  return n;
}
