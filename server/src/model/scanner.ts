// The scanner: one transcription file in, its documents and every fact in them out, each with its
// exact range. It reads line by line (linear in the size of the file), never throws, and never
// looks at any other file: what links documents together is the corpus index's work.

import { isAllNumeric, scanLine, type DateContext } from './dates.js';
import type { NameMatcher } from './names.js';
import { readDateline } from './scan/dateline.js';
import { isHeading, isProse, namesParties } from './scan/heading.js';
import { STAMP_VERB, STAMP_VERBS } from './vocabulary.js';
import { headerlessSegments } from './scan/segments.js';
import { range, splitLines } from './text.js';
import type {
  ArchiveReference,
  BracketKind,
  Correspondent,
  CrossReference,
  DateConventions,
  DateMention,
  DateOrderChoice,
  Dateline,
  DistributionList,
  DocumentHeader,
  DocumentType,
  EditorialBracket,
  NameMention,
  Range,
  Registry,
  ReferenceNumber,
  StampAction,
  TimeMention,
  TranscribedDocument,
  TranscriptionFile,
  TransmissionStamp,
} from './types.js';

export interface ScanOptions {
  registry: Registry;
  names: NameMatcher;
  conventions: DateConventions;
  /** Orders the corpus declares; the others are inferred per document from its own dates. */
  declared?: { slashes: boolean; dots: boolean };
  /**
   * The file as it was last scanned, with the same registry and settings: a document whose text
   * has not changed is taken over (moved to its new lines) rather than read again, so that an
   * edit re-reads its own document, not the file.
   */
  previous?: { text: string; facts: TranscriptionFile };
  /** Orders the corpus's other documents bear out, for a document that decides nothing itself. */
  corpusOrders?: Partial<Pick<DateConventions, 'slashes' | 'dots'>>;
}

export function scanTranscription(uri: string, text: string, options: ScanOptions): TranscriptionFile {
  try {
    return new FileScanner(uri, text, options).scan();
  } catch (error) {
    // A bug of ours must not take the editor down with it; say so where the user will see it.
    return {
      uri,
      documents: [],
      problems: [{ range: range(0, 0, 0), message: `Marginalia could not read this file (${String(error)}); please report it.` }],
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Patterns. Each names the editorial or archival practice it recognises.

/** `Document 12: …`, `DOCUMENT No. 12. …`, `Doc. 12 — …`. */
const headerPattern = /^(\s*\[?\s*(?:Document|Doc\.)\s*(?:No\.?\s*)?)(\d+[A-Za-z]?)\s*[:.—–-]\s*(\S.*?)\]?\s*$/i;

const documentTypes: Array<[RegExp, DocumentType]> = [
  [/^ciphered\s+(?:telegram|cable|note)\b/i, 'ciphered telegram'],
  [/^coded\s+telegram\b/i, 'ciphered telegram'],
  [/^draft\s+(?:telegram|cable)\b/i, 'draft telegram'],
  [/^(?:telegram|cable)\b/i, 'telegram'],
  [/^letter\b/i, 'letter'],
  [/^memorand(?:um|a)(?:\s+of\s+(?:a\s+)?conversation)?\b/i, 'memorandum'],
  [/^(?:decision|resolution|extract)\b/i, 'decision'],
  [/^(?:note|notes)\b/i, 'note'],
  [/^report\b/i, 'report'],
];

const stampActions: Array<[RegExp, StampAction]> = STAMP_VERBS.map((v) => [new RegExp(`^(?:${v.pattern})`, 'i'), v.action]);

/** A stamp opens its line: `Received in Moscow …`, `Dec[iphered by] Araushkin …`, `[Received January 28—3:21 a. m.]`. */
const stampPattern = new RegExp(`^(\\s*[[(]?\\s*)(?:From\\s+(.+?)\\s+)?(${STAMP_VERB})(?![\\w])`, 'i');

/** `to the 8th Department`, `to the Second Directorate`: an office of the institution, not a person or a place. */
const forwardedTo = /^\s*to\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:Department|Directorate|Section|Division|Office|Bureau|Registry|Secretariat)\b/i;

/** An editors' note reporting a transmission in prose: `[Handwritten: This letter was delivered …]`. */
const notedStampPattern = /\b(?:was|were|been)\s+(delivered|received|sent|transmitted|deciphered|typed)\b/i;

/** `From Pyongyang` on a line of its own: where the telegram came from. */
const originPattern = /^\s*From\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s*[.:]?\s*$/;

const distributionPattern = /^(\s*)(Distribution\s+list|Copies|Copy\s+to|Distributed\s+to)\b\s*(?:-\s*(\d+)\s+cop(?:y|ies))?\s*:?\s*(.*)$/i;

/** `No. 2270`, `# P78/118`, `## 1112-1126`, `_ 373/sh`, `Protocol #78`. */
const referencePattern =
  /(?<![\w#])(?:(No\.?|Nos\.?|Protocol)\s*(?:#|No\.?)?\s*|(##?)\s*|(?<=^|\s)_\s+)([A-Z]{0,2}\d+(?:[a-z]{1,3})?(?:[-/–][A-Za-z0-9]+)*)/g;
/** `1304/sh.`, `RE: 1405/sh`: Soviet registry numbers written without a marker. */
const bareReferencePattern = /(?<![\w#/.,-])(\d{2,}[-/][a-z]{1,3})(?![\w/])/g;

const archivePartPatterns = {
  fond: /\b(?:fond|f\.)\s*([\w-]+)/i,
  opis: /\b(?:opis|op\.)\s*([\w-]+)/i,
  delo: /\b(?:delo|d\.)\s*([\w-]+)/i,
  folios: /\b(?:listy|list|ll\.|l\.)\s*(\d[\d\s,–-]*(?:ob\.?)?)/i,
};

const messageOfDatePattern =
  /\b(?:your|my|our|his|her|their|the|this|that)\s+((?:ciphered\s+|coded\s+)?(?:telegram|letter|cable|message|note|report))s?\s+(?:of|dated|from)\s+$/i;

const documentReferencePattern = /\b(?:Document|Doc\.)\s+(?:No\.\s*)?(\d+)\b/g;

/** Words that describe an office, not a person, in a header (`Soviet Ambassador in Beijing`). */
const roleWords = new Set(
  'state department ministry office consul legation mission headquarters command army navy fleet soviet ambassador comrade comrades com cmrd cmrds minister chairman chinese korean government embassy the of in at for and deputy foreign affairs defense general staff central committee politburo party communist people\'s republic president premier secretary envoy military adviser advisers chief commander'.split(
    ' ',
  ),
);

// ---------------------------------------------------------------------------------------------

interface HeaderLine {
  line: number;
  number: string;
  title: string;
  titleStart: number;
}

class FileScanner {
  private readonly lines: string[];
  /** Orders for documents that decide nothing themselves (see `scan`). */
  private fallbackOrders: Partial<Pick<DateConventions, 'slashes' | 'dots'>>;

  constructor(
    private readonly uri: string,
    text: string,
    private readonly options: ScanOptions,
  ) {
    this.lines = splitLines(text);
    this.fallbackOrders = { ...options.corpusOrders };
  }

  scan(): TranscriptionFile {
    const spans = this.documentSpans();
    const documents: TranscribedDocument[] = [];
    const unchanged = this.previousDocuments();
    for (const span of spans) {
      const { h, first, last } = span;
      const before = unchanged.get(this.lines.slice(first, last + 1).join('\n'));
      const doc = before ? moved(before, first - before.range.start.line, documents.length) : this.scanDocument(documents.length, first, last, h);
      doc.repeatedHeaders = (h?.repeats ?? []).map((r) => range(r.line, 0, this.lines[r.line]!.length));
      documents.push(doc);
    }
    // Documents that decide nothing about day and month are read by the order the other
    // documents (of this file, then of the corpus) bear out.
    this.fallbackOrders = { ...this.options.corpusOrders, ...agreedOrders(documents) };
    documents.forEach((doc, i) => {
      if (!readsByFallback(doc, this.fallbackOrders)) {
        const { h, first, last } = spans[i]!;
        const again = this.scanDocument(i, first, last, h);
        again.repeatedHeaders = doc.repeatedHeaders;
        documents[i] = again;
      }
    });
    return { uri: this.uri, documents, problems: [] };
  }

  /** Where each document stands: by its `Document N` line; else by headings and datelines; else the file is one. */
  private documentSpans(): Array<{ h?: HeaderLine & { repeats: HeaderLine[] }; first: number; last: number }> {
    const headers = this.findHeaders();
    if (headers.length === 0) {
      const conventions = this.options.conventions;
      const isDatelineAt = (i: number) => (this.lines[i]!.length <= 160 ? readDateline(this.lines[i]!, i, scanLine(this.lines[i]!, i, { conventions })) : undefined);
      const segments = headerlessSegments(this.lines, isDatelineAt);
      if (!segments) return this.singleDocumentSpan();
      return segments.map((s) => {
        const last = this.trimEnd(s.first, s.last);
        if (s.heading === undefined) return { first: s.first, last };
        const text = this.lines[s.heading]!;
        const title = text.trim();
        return { h: { line: s.heading, number: '', title, titleStart: text.indexOf(title), repeats: [] }, first: s.first, last };
      });
    }
    // A header repeated word for word before its body (a web page's title) is not a document.
    const kept: Array<HeaderLine & { repeats: HeaderLine[] }> = [];
    for (const h of headers) {
      const previous = kept[kept.length - 1];
      if (previous && previous.number === h.number && normalise(previous.title) === normalise(h.title)) {
        kept[kept.length - 1] = { ...h, repeats: [...previous.repeats, previous] };
      } else {
        kept.push({ ...h, repeats: [] });
      }
    }
    const boundaries = headers.map((h) => h.line);
    return kept.map((h) => {
      const next = boundaries.find((b) => b > h.line);
      return { h, first: h.line, last: this.trimEnd(h.line, next === undefined ? this.lines.length - 1 : next - 1) };
    });
  }

  /** The documents of the previous scan, by their text. */
  private previousDocuments(): Map<string, TranscribedDocument> {
    const out = new Map<string, TranscribedDocument>();
    const previous = this.options.previous;
    if (!previous) return out;
    const lines = splitLines(previous.text);
    for (const doc of previous.facts.documents) {
      out.set(lines.slice(doc.range.start.line, doc.range.end.line + 1).join('\n'), doc);
    }
    return out;
  }

  private findHeaders(): HeaderLine[] {
    const found: HeaderLine[] = [];
    this.lines.forEach((text, line) => {
      const m = headerPattern.exec(text);
      if (m) found.push({ line, number: m[2]!, title: m[3]!, titleStart: m[1]!.length + m[2]!.length + (text.slice(m[1]!.length + m[2]!.length).indexOf(m[3]!)) });
    });
    return found;
  }

  /** A file that is one document: a title line (`Ciphered Telegram from … to …`) and its body. */
  private singleDocumentSpan(): Array<{ h?: HeaderLine & { repeats: HeaderLine[] }; first: number; last: number }> {
    const first = this.lines.findIndex((l) => l.trim() !== '');
    if (first < 0) return [];
    const last = this.trimEnd(first, this.lines.length - 1);
    // The title is recognised by what it says, not by being the first line (`Skip to content`).
    const looksLikeTitle = (t: string) => isHeading(t) && (documentTypes.some(([p]) => p.test(t)) || namesParties(t));
    const titleLine = this.lines.slice(first, Math.min(last + 1, first + 12)).findIndex((l) => looksLikeTitle(l.trim()));
    if (titleLine < 0) return [{ first, last }];
    const line = first + titleLine;
    const title = this.lines[line]!.trim();
    return [{ h: { line, number: '', title, titleStart: this.lines[line]!.indexOf(title), repeats: [] }, first: line, last }];
  }

  /** Drops blank lines and the web page's furniture after a document's source note. */
  private trimEnd(first: number, last: number): number {
    while (last > first && this.lines[last]!.trim() === '') last--;
    let source = -1;
    for (let i = last; i > first; i--) {
      if (isSourceLine(this.lines[i]!)) {
        source = i;
        break;
      }
    }
    if (source > 0 && source < last) {
      const after = this.lines.slice(source + 1, last + 1).filter((l) => l.trim() !== '');
      if (after.length <= 8 && after.every((l) => l.length <= 80)) last = source;
    }
    return last;
  }

  private scanDocument(index: number, first: number, last: number, headerLine: HeaderLine | undefined): TranscribedDocument {
    const doc: TranscribedDocument = {
      index,
      range: range(first, 0, this.lines[last]!.length, last),
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
    };

    const ctx: DateContext = { conventions: this.options.conventions };
    if (headerLine) {
      doc.header = this.parseHeader(headerLine, doc, ctx);
      ctx.year = doc.header.date?.value?.year;
    }
    if (ctx.year === undefined) ctx.year = this.firstYear(first, last);
    const inferred = this.inferConventions(first, last, doc.header?.date);
    ctx.conventions = inferred.conventions;

    let quoteStart = -1;
    let quoteEnds: 'quote' | 'end text' = 'quote';
    /** Dates that may close the document, with the line that follows each. */
    const closingCandidates: Array<{ date: DateMention; line: number }> = [];
    /** After `Enclosure:` the dates are the enclosure's, not the document's. */
    let enclosed = false;
    /** A stamp waiting for its date on the next line (`Transmitted to Bulganin` / `On 1.X.50 …`). */
    let waiting: TransmissionStamp | undefined;
    // A file number may stand above the heading (`795.00/6–2550: Telegram`): read it too.
    const headerLines = doc.header ? [doc.header.range.start.line, doc.header.range.end.line] : [-1, -1];
    /** The document's head, before its first paragraph of prose: where its dateline stands. */
    let inHead = true;
    for (let line = first; line <= last; line++) {
      const text = this.lines[line]!;
      if (line >= headerLines[0]! && line <= headerLines[1]!) continue;
      if (text.trim() === '') {
        waiting = undefined;
        continue;
      }

      // A quotation runs from a line opening with `"` to the line closing it; in U.S. editions,
      // from `Begin text` to `End text`.
      const quotes = countQuotes(text);
      const inQuote = quoteStart >= 0;
      if (!inQuote && /\bBegin text\b/i.test(text)) {
        quoteStart = line;
        quoteEnds = 'end text';
      } else if (!inQuote && /^\s*["“]/.test(text) && quotes % 2 === 1) {
        quoteStart = line;
        quoteEnds = 'quote';
      } else if (inQuote && (quoteEnds === 'quote' ? quotes % 2 === 1 : /\bEnd text\b/i.test(text))) {
        doc.quotations.push(range(quoteStart, 0, text.length, line));
        quoteStart = -1;
      }
      const quoted = inQuote || quoteStart === line;
      if (/^\s*\[?\s*(?:Enclosures?|Annex|Appendix)\b/i.test(text)) enclosed = true;

      // A stamp quoted in a letter is the quoted message's, not this document's.
      const stampMatch = quoted ? null : findStamp(text);
      const referenceLine = /^\s*(?:No\.|#|_\s)/.test(text) && text.length < 60;
      const found = scanLine(text, line, { ...ctx, stampLine: stampMatch !== null || referenceLine });
      doc.dates.push(...found.dates);
      doc.times.push(...found.times);
      doc.dateRanges.push(...found.ranges);

      const names = this.options.names.find(text, line).map<NameMention>((n) => ({ kind: 'name', ...n }));
      linkIdentifications(text, names);
      doc.names.push(...names);

      const dateline = quoted || stampMatch || isPageFurniture(text) ? undefined : readDateline(text, line, found);
      if (dateline && inHead && !doc.dateline) {
        doc.dateline = dateline;
        // `London, March 6, 1951—7 p. m.`: written, and sent, in London.
        const town = dateline.town;
        if (town && !doc.origin) doc.origin = { text: town.text, range: town.range, entryId: names.find((n) => within(n.range, town.range))?.entryId };
      } else if (dateline?.place && doc.dateline) {
        // A second dateline, with its place, opens an enclosure: a document inside this one.
        enclosed = true;
      }
      // `Chronology of events:` introduces the body; so does any sentence.
      if (!dateline && (isProse(text) || /:\s*$/.test(text))) inHead = false;

      const brackets = this.brackets(text, line, names, found.dates);
      doc.brackets.push(...brackets);

      if (waiting && /^\s*(?:On|at)\b/i.test(text) && found.dates.length > 0) {
        waiting.date = found.dates[0];
        if (found.times[0]) waiting.time = found.times[0];
        waiting.range = { start: waiting.range.start, end: { line, character: text.trimEnd().length } };
        doc.stamps.push(waiting);
      }
      waiting = undefined;
      const stamp = stampMatch && this.stamp(stampMatch, text, line, found, names);
      if (stamp?.date || stamp?.time) doc.stamps.push(stamp);
      else if (stamp) waiting = stamp;
      for (const b of brackets) {
        if (b.bracketKind !== 'handwritten') continue;
        const noted = this.notedStamp(b, text, line, found, names);
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
      if (distribution) doc.distributionLists.push(this.distribution(line, last, names, distribution));

      const refs = this.referenceNumbers(text, line, found.dates);
      doc.referenceNumbers.push(...refs);
      doc.archiveReferences.push(...this.archiveReferences(text, line, brackets));
      doc.crossReferences.push(...this.crossReferences(text, line, found.dates, refs));

      if (!quoted && !stampMatch && !enclosed && !isPageFurniture(text)) {
        const closing = closingDate(text, found.dates, dateline);
        if (closing) closingCandidates.push({ date: closing, line });
      }
    }

    const declared = this.options.declared ?? { slashes: true, dots: true };
    const choice = (what: 'slashes' | 'dots'): DateOrderChoice => {
      const order = inferred.conventions[what];
      if (declared[what]) return { order, by: 'declared' };
      if (inferred.byCorpus.includes(what)) return { order, by: 'corpus' };
      if (!inferred.undetermined.includes(what)) return { order, by: 'document' };
      const settled = settleByWrittenDates(doc, what);
      if (settled === 'swapped') return { order: swapOrder(order), by: 'document' };
      return { order, by: settled ? 'document' : 'guess' };
    };
    doc.dateOrders = { slashes: choice('slashes'), dots: choice('dots') };

    // The document's own date ends its text: what follows it at once is a blank line, a stamp, a
    // number, the source or a signature, not more prose (`25 June 1950` / `The attack began.` is
    // an entry of a chronology).
    const closing = closingCandidates.filter((c) => c.line === last || closesText(this.lines[c.line + 1]!)).pop()?.date;
    if (closing && closing !== doc.header?.date) doc.closingDate = closing;
    return doc;
  }

  /**
   * Day and month in all-numeric dates: by the corpus's declared convention; else by the
   * document's own evidence (`10/14/50` can only be month/day; `10/09/50` in a document dated
   * 9 October is month/day); else the default, marked undetermined.
   */
  private inferConventions(
    first: number,
    last: number,
    dated: DateMention | undefined,
  ): { conventions: DateConventions; undetermined: Array<'slashes' | 'dots'>; byCorpus: Array<'slashes' | 'dots'> } {
    const declared = this.options.declared ?? { slashes: true, dots: true };
    const conventions: DateConventions = { ...this.options.conventions, basis: { ...this.options.conventions.basis } };
    const undetermined: Array<'slashes' | 'dots'> = [];
    const byCorpus: Array<'slashes' | 'dots'> = [];
    for (const what of ['slashes', 'dots'] as const) {
      if (declared[what]) continue;
      const pattern = what === 'slashes' ? /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?![\d/])/g : /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.])/g;
      let dayFirst: string | undefined;
      let monthFirst: string | undefined;
      const matchesDate: { dayFirst?: string; monthFirst?: string } = {};
      const day = dated?.precision === 'day' ? dated.value : undefined;
      for (let line = first; line <= last; line++) {
        for (const m of this.lines[line]!.matchAll(pattern)) {
          const a = Number(m[1]);
          const b = Number(m[2]);
          if (a > 12 && b <= 12) dayFirst ??= m[0];
          if (b > 12 && a <= 12) monthFirst ??= m[0];
          if (day && a !== b && a === day.day && b === day.month) matchesDate.dayFirst ??= m[0];
          if (day && a !== b && a === day.month && b === day.day) matchesDate.monthFirst ??= m[0];
        }
      }
      const orders = what === 'slashes' ? (['day/month/year', 'month/day/year'] as const) : (['day.month.year', 'month.day.year'] as const);
      const set = (order: 0 | 1, basis: string) => {
        if (what === 'slashes') conventions.slashes = orders[order] as DateConventions['slashes'];
        else conventions.dots = orders[order] as DateConventions['dots'];
        conventions.basis![what] = basis;
      };
      if (dayFirst && !monthFirst) set(0, `inferred for this document from ${dayFirst}`);
      else if (monthFirst && !dayFirst) set(1, `inferred for this document from ${monthFirst}`);
      else if (!dayFirst && !monthFirst && matchesDate.dayFirst && !matchesDate.monthFirst) set(0, `inferred: ${matchesDate.dayFirst} is the document's own date`);
      else if (!dayFirst && !monthFirst && matchesDate.monthFirst && !matchesDate.dayFirst) set(1, `inferred: ${matchesDate.monthFirst} is the document's own date`);
      else {
        const fromCorpus = this.fallbackOrders[what];
        if (fromCorpus) {
          set(orders.indexOf(fromCorpus as never) as 0 | 1, `inferred from the corpus: its other documents read ${what} so`);
          byCorpus.push(what);
        } else {
          conventions.basis![what] = `a guess: marginalia.yaml declares no order for ${what} and the document does not decide`;
          undetermined.push(what);
        }
      }
    }
    return { conventions, undetermined, byCorpus };
  }

  private firstYear(first: number, last: number): number | undefined {
    for (let line = first; line <= Math.min(last, first + 40); line++) {
      const found = scanLine(this.lines[line]!, line, { conventions: this.options.conventions });
      const year = found.dates.find((d) => d.value && !d.reading.supplied.includes('year'))?.value?.year;
      if (year !== undefined) return year;
    }
    return undefined;
  }

  private parseHeader(h: HeaderLine, doc: TranscribedDocument, ctx: DateContext): DocumentHeader {
    const text = this.lines[h.line]!;
    const found = scanLine(text, h.line, ctx);
    const names = this.options.names.find(text, h.line).map<NameMention>((n) => ({ kind: 'name', ...n }));
    linkIdentifications(text, names);
    const titleDates = found.dates.filter((d) => d.range.start.character >= h.titleStart);
    const date = titleDates[0];
    // `Diary, Sept. 16-Oct. 15, 1950`: the document spans a period, dated by its first day.
    const dateRange = found.ranges.find((r) => r.from === date);
    const secondaryDate = titleDates.find((d) => d !== date && d !== dateRange?.to);
    const headerRange = range(h.line, 0, text.length);

    const title = h.title.replace(/\s+/g, ' ').trim();
    const type = documentTypes.find(([p]) => p.test(title))?.[1] ?? 'document';

    // Correspondents stand before the date: `<type>[ from] A[ and B] to C[ (via D)], <date>`.
    const partiesEnd = date && date.range.start.line === h.line ? date.range.start.character : text.length;
    const parties = text.slice(h.titleStart, partiesEnd);
    const { from, to } = this.correspondents(parties, h.titleStart, h.line, names);

    doc.names.push(...names);
    doc.brackets.push(...this.brackets(text, h.line, names, found.dates));
    doc.dates.push(...found.dates);
    doc.times.push(...found.times);
    if (date && !doc.dates.includes(date)) doc.dates.push(date);
    const header: DocumentHeader = { range: headerRange, text: title, title, type, from, to };
    if (h.number) header.number = h.number;
    if (date) header.date = date;
    if (dateRange) header.dateRange = dateRange;
    if (secondaryDate) header.secondaryDate = secondaryDate;
    return header;
  }

  private correspondents(parties: string, offset: number, line: number, names: NameMention[]): { from: Correspondent[]; to: Correspondent[] } {
    // Cut the type words and what follows the recipients (`with message for …`, `Approved by …`).
    let text = parties;
    const typeMatch = documentTypes.map(([p]) => p.exec(text)).find((m) => m);
    let start = 0;
    if (typeMatch) start = typeMatch[0].length;
    const tail = /,?\s+(?:with\s+(?:message|draft|a\s+message)|approved\s+by|attaching|conveying|regarding|concerning|on\s+the)\b|,\s*$/i.exec(text.slice(start));
    const end = tail ? start + tail.index : text.length;
    text = text.slice(0, end);
    const body = text.slice(start);
    // `Telegram from A to B`; `Memorandum of Conversation, by the Secretary of State`.
    const fromMatch = /^[\s,:]*(?:(?:from|by)\s+)?/i.exec(body)!;
    const bodyStart = start + fromMatch[0].length;
    const toMatch = topLevelWord(text, 'to', bodyStart);
    // `Silas Deane's Diary`: the diarist writes it.
    const diarist = toMatch < 0 ? /^(.+?)['’]s\s+(?:Diary|Journal|Notes)\b/i.exec(body.slice(fromMatch[0].length)) : null;
    const fromText = toMatch >= 0 ? [bodyStart, toMatch] : [bodyStart, diarist ? bodyStart + diarist[1]!.length : text.length];
    const toText = toMatch >= 0 ? [toMatch + 3, text.length] : undefined;
    const split = (a: number, b: number) => this.parties(parties, a, b, offset, line, names);
    return { from: split(fromText[0]!, fromText[1]!), to: toText ? split(toText[0]!, toText[1]!) : [] };
  }

  /** `Gromyko and Vasilevsky`, `Kim Il Sung (via Shtykov)`, `Soviet Ambassador in Beijing (N.V. Roshchin)`. */
  private parties(text: string, a: number, b: number, offset: number, line: number, names: NameMention[]): Correspondent[] {
    const out: Correspondent[] = [];
    for (const [s, e] of splitTopLevel(text, a, b)) {
      let piece = text.slice(s, e);
      const lead = piece.length - piece.trimStart().length;
      piece = piece.trim().replace(/[,.]$/, '');
      if (piece === '') continue;
      const pieceRange = range(line, offset + s + lead, offset + s + lead + piece.length);
      const via = /^\(?\s*via\s+/i.exec(piece);
      const inPiece = names.filter((n) => within(n.range, pieceRange) && (n.entryKind === 'person' || n.entryKind === 'cover-name'));
      const bracketOf = (n: NameMention) => bracketDepthAt(text, n.range.start.character - offset) > 0;
      const outside = inPiece.filter((n) => !bracketOf(n) && !inPiece.some((o) => o.identification?.range && within(n.range, o.identification.range)));
      const viaPieces = /\(\s*via\s+([^)]*)\)/i.exec(piece);
      const main = outside[0] ?? inPiece.find((n) => !(viaPieces && within(n.range, rangeOfSub(pieceRange, viaPieces.index, viaPieces[0].length))));
      if (main) {
        const c: Correspondent = { text: main.text, range: main.range };
        c.entryId = main.entryId;
        if (main.identification) c.identification = main.identification;
        if (!outside.includes(main)) {
          // `Soviet Ambassador in Beijing (N.V. Roshchin)`: the office is described, the editors name the person.
          const description = piece.slice(0, piece.search(/[([]/)).trim();
          c.text = description || main.text;
          c.range = description ? rangeOfSub(pieceRange, 0, description.length) : main.range;
          c.identification = { text: main.text, range: main.range, entryId: main.entryId };
        }
        if (via) c.via = true;
        out.push(c);
      } else if (!via) {
        // No one the registry knows: a name is still a name (`Smirnov`), and an office with the
        // editors' identification (`The Ambassador in Korea (Muccio)`) names a person too.
        const bracket = /[([]\s*([^)\]]+?)\s*[)\]]/.exec(piece);
        const description = bracket ? piece.slice(0, bracket.index).trim() : piece;
        if (bracket && isNameLike(bracket[1]!, [])) {
          const idRange = rangeOfSub(pieceRange, bracket.index + bracket[0].indexOf(bracket[1]!), bracket[1]!.length);
          out.push({ text: description || bracket[1]!, range: description ? rangeOfSub(pieceRange, 0, description.length) : idRange, identification: { text: bracket[1]!, range: idRange } });
        } else if (isNameLike(description, names.filter((n) => within(n.range, pieceRange)).map((n) => n.text))) {
          out.push({ text: piece, range: pieceRange });
        } else if (!names.some((n) => within(n.range, pieceRange))) {
          out.push({ text: piece, range: pieceRange, office: true });
        }
      }
      if (viaPieces && !via) {
        const viaRange = rangeOfSub(pieceRange, viaPieces.index + viaPieces[0].indexOf(viaPieces[1]!), viaPieces[1]!.trim().length);
        const viaName = inPiece.find((n) => within(n.range, viaRange));
        out.push({ text: viaPieces[1]!.trim(), range: viaRange, entryId: viaName?.entryId, via: true });
      }
    }
    return out;
  }

  private stamp(m: RegExpExecArray, text: string, line: number, found: { dates: DateMention[]; times: TimeMention[] }, names: NameMention[]): TransmissionStamp {
    const actionWord = m[3]!;
    const actionStart = m.index + m[0].length - actionWord.length;
    const action = stampActions.find(([p]) => p.test(actionWord))?.[1] ?? 'received';
    const stamp: TransmissionStamp = {
      kind: 'stamp',
      range: range(line, m[1]!.length, text.trimEnd().length),
      action,
      actionRange: range(line, actionStart, actionStart + actionWord.length),
      handwritten: false,
    };
    const rest = text.slice(actionStart + actionWord.length);
    const restOffset = actionStart + actionWord.length;
    const at = (re: RegExp) => {
      const x = re.exec(rest);
      if (!x) return undefined;
      const s = restOffset + x.index + x[0].indexOf(x[1]!);
      const r = range(line, s, s + x[1]!.length);
      return { text: x[1]!, range: r, entryId: names.find((n) => within(n.range, r))?.entryId };
    };
    // `Dec[iphered by] Araushkin`, `Typed by Stepanova`.
    const by = /\bby\]/i.test(actionWord) ? at(/^\s*([A-Z][\w'’-]+)/) : at(/^\s*by\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)/);
    if (by && !/^wire$/i.test(by.text)) stamp.by = by;
    const to = at(/^\s*to\s+(?:Comrade\s+|Com\.\s+|Cmrd\.?\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)/);
    if (to) stamp.to = to;
    // `Sent to the 8th Department …` after the message was received: an office passing it on.
    if ((action === 'sent' || action === 'transmitted') && forwardedTo.test(rest)) stamp.action = 'forwarded';
    // `in Moscow`, `at the 8D/GS`, `in the 8th Department of the General Staff`; not `at 23:45`, `at 4 a.m.`.
    const place = at(/\b(?:in|at)\s+(?:the\s+)?([A-Z0-9][\w/()'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w/()'’.-]*)*)/);
    if (place && /[A-Za-z]{2}/.test(place.text) && !/^\d{1,2}[:.]\d/.test(place.text)) stamp.place = place;

    const dates = found.dates.filter((d) => d.range.start.character >= actionStart);
    const times = found.times.filter((t) => t.range.start.character >= actionStart);
    if (dates[0]) stamp.date = dates[0];
    // Times inside the editors' expansion (`[12.50 p.m. 3 October]`) restate the stamp's own.
    if (times[0]) stamp.time = times[0];
    return stamp;
  }

  private notedStamp(
    bracket: EditorialBracket,
    text: string,
    line: number,
    found: { dates: DateMention[]; times: TimeMention[] },
    names: NameMention[],
  ): TransmissionStamp | undefined {
    const inner = text.slice(bracket.range.start.character, bracket.range.end.character);
    const m = notedStampPattern.exec(inner);
    if (!m) return undefined;
    const actionStart = bracket.range.start.character + m.index + m[0].length - m[1]!.length;
    const stamp: TransmissionStamp = {
      kind: 'stamp',
      range: bracket.range,
      action: stampActions.find(([p]) => p.test(m[1]!))?.[1] ?? 'delivered',
      actionRange: range(line, actionStart, actionStart + m[1]!.length),
      handwritten: true,
    };
    const inside = (r: Range) => r.start.character >= actionStart && r.end.character <= bracket.range.end.character;
    const to = /^\s*to\s+(?:Comrade\s+|Com\.\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)/.exec(text.slice(actionStart + m[1]!.length));
    if (to) {
      const s = actionStart + m[1]!.length + to[0].indexOf(to[1]!);
      const r = range(line, s, s + to[1]!.length);
      stamp.to = { text: to[1]!, range: r, entryId: names.find((n) => within(n.range, r))?.entryId };
    }
    const date = found.dates.find((d) => inside(d.range));
    const time = found.times.find((t) => inside(t.range));
    if (date) stamp.date = date;
    if (time) stamp.time = time;
    return stamp;
  }

  private distribution(line: number, lastLine: number, names: NameMention[], m: RegExpExecArray): DistributionList {
    const list: DistributionList = { kind: 'distribution', range: range(line, m[1]!.length, this.lines[line]!.trimEnd().length), recipients: [] };
    if (m[3]) list.copies = Number(m[3]);
    let itemsLine = line;
    let itemsStart = this.lines[line]!.length - m[4]!.length;
    let allNames = names;
    for (;;) {
      const text = this.lines[itemsLine]!;
      const items = text.slice(itemsStart);
      let pos = itemsStart;
      for (const part of items.split(',')) {
        const item = /^(\s*)(.+?)\s*(?:-\s*(\d+)|\((\d+)\))?\s*\.?\s*$/.exec(part);
        if (item && item[2]) {
          const s = pos + item[1]!.length;
          const r = range(itemsLine, s, s + item[2].length);
          const recipient: DistributionList['recipients'][number] = { text: item[2], range: r };
          const copies = item[3] ?? item[4];
          if (copies) recipient.copies = Number(copies);
          const name = allNames.find((n) => within(n.range, r));
          if (name) recipient.entryId = name.entryId;
          list.recipients.push(recipient);
        }
        pos += part.length + 1;
      }
      const trimmed = text.trimEnd();
      const open = trimmed.endsWith(',') || trimmed.endsWith(':') || (itemsLine === line && items.trim() === '');
      if (!open || itemsLine >= lastLine || this.lines[itemsLine + 1]!.trim() === '') break;
      itemsLine++;
      itemsStart = this.lines[itemsLine]!.length - this.lines[itemsLine]!.trimStart().length;
      allNames = this.options.names.find(this.lines[itemsLine]!, itemsLine).map((n) => ({ kind: 'name', ...n }));
      list.range = { start: list.range.start, end: { line: itemsLine, character: this.lines[itemsLine]!.trimEnd().length } };
    }
    return list;
  }

  private referenceNumbers(text: string, line: number, dates: DateMention[]): ReferenceNumber[] {
    const out: ReferenceNumber[] = [];
    const overlapsDate = (s: number, e: number) => dates.some((d) => d.range.start.character < e && s < d.range.end.character);
    let lastProtocol: ReferenceNumber | undefined;
    for (const m of text.matchAll(referencePattern)) {
      // `_ 373/sh`: the underscore is the form's blank, not part of the number.
      const s = m[0].startsWith('_') ? m.index! + m[0].length - m[3]!.length : m.index!;
      const e = m.index! + m[0].length;
      if (overlapsDate(s + m[0].length - m[3]!.length, e)) continue;
      const ref: ReferenceNumber = { kind: 'reference-number', range: range(line, s, e), text: m[3]!, key: referenceKey(m[3]!) };
      const before = text.slice(Math.max(0, s - 12), s);
      const p = /^P(\d+)\/(\d+)$/.exec(m[3]!);
      if (p) ref.protocol = { number: p[1]!, item: p[2]! };
      else if (/^protocol/i.test(m[1] ?? '') || /(?:Politburo|Protocol)\s*$/i.test(before)) ref.protocol = { number: m[3]! };
      else if (lastProtocol && /\b(?:on|regarding|item)\s*$/i.test(before)) ref.protocol = { number: lastProtocol.protocol!.number, item: m[3]! };
      if (ref.protocol && !ref.protocol.item) lastProtocol = ref;
      out.push(ref);
    }
    for (const m of text.matchAll(bareReferencePattern)) {
      const s = m.index!;
      if (out.some((r) => r.range.start.character <= s && s < r.range.end.character)) continue;
      out.push({ kind: 'reference-number', range: range(line, s, s + m[1]!.length), text: m[1]!, key: referenceKey(m[1]!) });
    }
    // `telegram #1405/sh dated 5 October`; on a registry line, `No. 2270 3.10`.
    const registryLine = /^\s*(?:No\.|#|_\s)/.test(text);
    for (const ref of out) {
      const after = text.slice(ref.range.end.character);
      const dated = /^\s*(?:dated|of)\s+/i.exec(after) ?? (registryLine ? /^\s+/.exec(after) : null);
      if (!dated) continue;
      const at = ref.range.end.character + dated[0].length;
      const date = dates.find((d) => d.range.start.character === at);
      if (date) ref.date = date;
    }
    return out.sort((a, b) => a.range.start.character - b.range.start.character);
  }

  private archiveReferences(text: string, line: number, brackets: EditorialBracket[]): ArchiveReference[] {
    const out: ArchiveReference[] = [];
    for (const b of brackets) {
      if (b.bracketKind !== 'source') continue;
      const ref = this.archiveReference(text, line, b.range.start.character + 1, b.range.end.character - 1, b.range);
      if (ref) out.push(ref);
    }
    if (out.length === 0 && isSourceLine(text) && !/^\s*\[/.test(text)) {
      const start = text.length - text.trimStart().length;
      const ref = this.archiveReference(text, line, start, text.trimEnd().length, range(line, start, text.trimEnd().length));
      if (ref) out.push(ref);
    }
    return out;
  }

  private archiveReference(text: string, line: number, start: number, end: number, whole: Range): ArchiveReference | undefined {
    let inner = text.slice(start, end);
    let offset = start;
    const source = /^\s*Source\s*:\s*/i.exec(inner);
    if (source) {
      inner = inner.slice(source[0].length);
      offset += source[0].length;
    }
    const semicolon = inner.indexOf(';');
    const note = semicolon >= 0 ? inner.slice(semicolon + 1).trim().replace(/\.$/, '') : undefined;
    const citation = semicolon >= 0 ? inner.slice(0, semicolon) : inner;
    const parts = {
      fond: archivePartPatterns.fond.exec(citation)?.[1],
      opis: archivePartPatterns.opis.exec(citation)?.[1],
      delo: archivePartPatterns.delo.exec(citation)?.[1],
      folios: archivePartPatterns.folios.exec(citation)?.[1]?.trim().replace(/[,.]$/, ''),
    };
    const firstComma = citation.indexOf(',');
    const head = (firstComma >= 0 ? citation.slice(0, firstComma) : citation).trim();
    const headIsPart = /^(?:fond|f\.|opis|op\.|delo|d\.)\s/i.test(head);
    const archiveEntry = headIsPart ? undefined : this.archiveByName(head);
    if (!parts.fond && !parts.opis && !parts.delo && !archiveEntry) return undefined; // a published source, not an archive's
    const ref: ArchiveReference = { kind: 'archive-reference', range: whole, text: text.slice(whole.start.character, whole.end.character), missing: [] };
    if (!headIsPart && head) {
      const s = offset + citation.indexOf(head);
      ref.archive = { text: head, range: range(line, s, s + head.length), entryId: archiveEntry };
    } else ref.missing.push('archive');
    for (const key of ['fond', 'opis', 'delo', 'folios'] as const) {
      if (parts[key]) ref[key] = parts[key];
      else ref.missing.push(key);
    }
    if (note) ref.note = note;
    return ref;
  }

  private archiveByName(text: string): string | undefined {
    const wanted = normalise(text);
    for (const entry of this.options.registry.entries) {
      if (entry.kind !== 'archive') continue;
      if (normalise(entry.abbreviation) === wanted || entry.forms.some((f) => normalise(f.text) === wanted)) return entry.id;
    }
    return undefined;
  }

  private brackets(text: string, line: number, names: NameMention[], dates: DateMention[]): EditorialBracket[] {
    const out: EditorialBracket[] = [];
    for (const m of text.matchAll(/\[([^[\]]*)\]/g)) {
      const s = m.index!;
      const e = s + m[0].length;
      const inner = m[1]!;
      out.push({ kind: 'bracket', bracketKind: classifyBracket(text, s, e, inner, names, dates), range: range(line, s, e), text: m[0] });
    }
    return out;
  }

  private crossReferences(text: string, line: number, dates: DateMention[], refs: ReferenceNumber[]): CrossReference[] {
    const out: CrossReference[] = [];
    for (const date of dates) {
      const before = text.slice(0, date.range.start.character);
      const m = messageOfDatePattern.exec(before);
      if (!m) continue;
      out.push({
        kind: 'cross-reference',
        range: range(line, m.index, date.range.end.character),
        text: text.slice(m.index, date.range.end.character),
        target: { kind: 'message-of-date', date, what: m[1]!.toLowerCase() },
      });
    }
    for (const ref of refs) {
      if (ref.protocol) {
        const target: CrossReference['target'] = { kind: 'protocol', protocol: ref.protocol.number };
        if (ref.protocol.item) target.item = ref.protocol.item;
        out.push({ kind: 'cross-reference', range: ref.range, text: text.slice(ref.range.start.character, ref.range.end.character), target });
      }
    }
    if (!headerPattern.test(text)) {
      for (const m of text.matchAll(documentReferencePattern)) {
        out.push({ kind: 'cross-reference', range: range(line, m.index!, m.index! + m[0].length), text: m[0], target: { kind: 'document', number: m[1]! } });
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------

/** A person's name rather than an office: a capitalised word that is no office word or known name. */
function isNameLike(text: string, knownNames: string[]): boolean {
  if (/^the\s/i.test(text)) return false;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .some((w) => /^[A-Z]/.test(w) && !roleWords.has(w.toLowerCase().replace(/[.,]$/, '')) && !knownNames.some((n) => n.includes(w)));
}

function classifyBracket(text: string, s: number, e: number, inner: string, names: NameMention[], dates: DateMention[]): BracketKind {
  const trimmed = inner.trim();
  if (/^handwritten\b/i.test(trimmed)) return 'handwritten';
  if (/^signature$/i.test(trimmed)) return 'signature';
  if (/^source\s*:/i.test(trimmed) || /\b(?:fond|f\.)\s*\d/i.test(trimmed)) return 'source';
  if (/^sic\b/i.test(trimmed)) return 'sic';
  if (/\s-\s*[A-Z]{1,4}\.?$/.test(trimmed)) return 'translator-note';
  if (dates.some((d) => d.editorial && d.editorial.range.start.character <= s && e <= d.editorial.range.end.character + 1)) return 'date-reading';
  if (dates.some((d) => d.range.end.character <= s && /^\s*$/.test(text.slice(d.range.end.character, s)) && /\d/.test(trimmed))) return 'date-reading';
  const named = names.find((n) => n.identification && n.identification.range.start.character >= s && n.identification.range.end.character <= e);
  // `CC CPC [Central Committee of the Communist Party of China]` spells out; `Filippov [Stalin]` identifies.
  if (named) return named.entryKind === 'organisation' ? 'expansion' : 'identification';
  if (s > 0 && /[A-Za-z]/.test(text[s - 1]!)) return 'expansion'; // M[inistry of], Dec[iphered by]
  if (/^[A-Z]/.test(trimmed) && /(?:^|\s)[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*$/.test(text.slice(0, s))) return 'expansion'; // CC CPC [Central Committee …]
  if (/^[a-z' -]+$/.test(trimmed) && /'|(?:oi|yi|ii|im|ym|stvo|nie|ost|ykh|ikh)\b/.test(trimmed) && !/\b(?:and|of|the|from|to|in)\b/.test(trimmed)) {
    return 'transliteration'; // [kraine bol'shim], [nedovol'stvo]
  }
  return 'insertion';
}

/** `Filippov (Stalin)`, `MATVEYEV [ZAKHAROV]`, `Fyn Si [Stalin]`: a name the editors identify. */
function linkIdentifications(text: string, names: NameMention[]): void {
  for (let i = 0; i < names.length - 1; i++) {
    const name = names[i]!;
    const next = names[i + 1]!;
    const between = text.slice(name.range.end.character, next.range.start.character);
    if (!/^\s*[([]\s*$/.test(between)) continue;
    const close = text.slice(next.range.end.character).match(/^\s*[)\]]/);
    if (!close) continue;
    // A person identifies a person or a cover name; a place, a place (`Chemulp'o [Inchon]`):
    // `Beijing (N.V. Roshchin)` is a place followed by someone else.
    const bearer = name.entryKind === 'cover-name' ? 'person' : name.entryKind;
    if (next.entryKind !== bearer) continue;
    const open = name.range.end.character + between.indexOf(between.trim());
    name.identification = {
      range: range(name.range.start.line, open, next.range.end.character + close[0].length),
      text: next.text,
      entryId: next.entryId,
    };
  }
}

/** The document's own date: a date alone on its line, closing a paragraph, or a dateline. */
function closingDate(text: string, dates: DateMention[], dateline: Dateline | undefined): DateMention | undefined {
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


/** A document read before, moved `delta` lines down (a copy: the previous scan stays as it was). */
function moved(doc: TranscribedDocument, delta: number, index: number): TranscribedDocument {
  if (delta === 0 && doc.index === index) return doc; // above the edit: nothing to move
  // Objects shared inside a document (a stamp's date is also among the document's dates) must stay
  // shared in the copy, so the copy is made once per object.
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = copies.get(value);
    if (known) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const v of value) out.push(copy(v));
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    const source = value as Record<string, unknown>;
    for (const k in source) {
      const v = source[k];
      out[k] = k === 'line' && typeof v === 'number' ? v + delta : typeof v === 'object' ? copy(v) : v;
    }
    return out;
  };
  const result = copy(doc) as TranscribedDocument;
  result.index = index;
  return result;
}

/**
 * Where nothing else decided the order of `what` in a document, its written-out dates may:
 * `1.10.50` in a telegram that closes `1 October 1950` is day.month. Ambiguous dates are read
 * again by the order the document bears out, or marked undetermined when it bears out none.
 */
function settleByWrittenDates(doc: TranscribedDocument, what: 'slashes' | 'dots'): 'as read' | 'swapped' | undefined {
  const separator = what === 'slashes' ? '/' : '.';
  const numeric = doc.dates.filter((d) => d.reading.ambiguous && d.value?.day !== undefined && isAllNumeric(d) && d.text.includes(separator));
  if (numeric.length === 0) return undefined;
  const key = (v: { year: number; month?: number; day?: number }) => `${v.year}-${v.month}-${v.day}`;
  const written = new Map<string, DateMention>();
  for (const d of doc.dates) if (d.value?.day !== undefined && !isAllNumeric(d)) written.set(key(d.value), d);
  const swap = (v: { year: number; month?: number; day?: number }) => ({ year: v.year, month: v.day!, day: v.month! });
  const asRead = numeric.find((d) => written.has(key(d.value!)));
  const swapped = numeric.find((d) => written.has(key(swap(d.value!))));
  if (asRead && !swapped) {
    const basis = `inferred: ${asRead.text} is written out as ${written.get(key(asRead.value!))!.text} in the document`;
    for (const d of numeric) d.reading.convention = `${orderOf(d)} (${basis})`;
    return 'as read';
  }
  if (swapped && !asRead) {
    const basis = `inferred: ${swapped.text} is written out as ${written.get(key(swap(swapped.value!)))!.text} in the document`;
    for (const d of numeric) {
      d.value = swap(d.value!);
      d.reading.convention = `${swapOrder(orderOf(d))} (${basis})`;
    }
    return 'swapped';
  }
  for (const d of numeric) d.reading.undetermined = true;
  return undefined;
}

/** The order every document that decides for itself agrees on, per separator. */
function agreedOrders(documents: Iterable<TranscribedDocument>): Partial<Pick<DateConventions, 'slashes' | 'dots'>> {
  const out: Partial<Pick<DateConventions, 'slashes' | 'dots'>> = {};
  for (const what of ['slashes', 'dots'] as const) {
    const seen = new Set<string>();
    for (const doc of documents) if (doc.dateOrders?.[what].by === 'document') seen.add(doc.dateOrders[what].order);
    if (seen.size === 1) Object.assign(out, { [what]: [...seen][0] });
  }
  return out;
}

/** Whether a document's undecided orders are those `fallback` gives (so it needs no new reading). */
function readsByFallback(doc: TranscribedDocument, fallback: Partial<Pick<DateConventions, 'slashes' | 'dots'>>): boolean {
  return (['slashes', 'dots'] as const).every((what) => {
    const choice = doc.dateOrders?.[what];
    if (!choice || choice.by === 'declared' || choice.by === 'document') return true;
    return choice.by === 'corpus' ? fallback[what] === choice.order : fallback[what] === undefined;
  });
}

/** `day.month.year` ↔ `month.day.year` (and the year-less `day.month`). */
function swapOrder<T extends string>(order: T): T {
  return order.replace(/^(day|month)(.)(day|month)/, '$3$2$1') as T;
}

/** `day.month.year` from a reading's convention text. */
function orderOf(d: DateMention): string {
  return d.reading.convention.split(' (')[0]!;
}

/** The lower-case words a stamp is made of; any other two make a sentence (`Received your telegram`). */
const stampWords = new Set('on at in by to of the and wire a m p am pm hrs hours via from no'.split(' '));

function findStamp(text: string): RegExpExecArray | null {
  const m = stampPattern.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  // `Typ[ed in] 10 copies` notes the copies, not a moment.
  if (/^\s*(?:in\s+)?\d+\s+cop/i.test(rest)) return null;
  const words = rest.replace(/\[[^\]]*\]/g, ' ').match(/(?<![\w'’])[a-z][a-z'’]*/g) ?? [];
  if (words.filter((w) => !stampWords.has(w)).length > 1) return null;
  return m;
}

/** A line that may follow a document's closing date: a signature, a number, a stamp, the source. */
function closesText(next: string): boolean {
  const t = next.trim();
  if (t === '' || t.startsWith('[') || isSourceLine(t) || findStamp(t) || /^(?:No\.|#|_\s|\d+\s+cop)/i.test(t)) return true;
  // `SHTYKOV`, `A. G R O M Y K O`, `(A. Vasilevsky) (A. Gromyko)`, `With respect,`: no sentence.
  return (t.match(/(?<![\w'’])[a-z][a-z'’]*/g) ?? []).length < 2;
}

/** `Original Uploaded: June 3, 2015`, `Last modified …`: the web page's dates, not the document's. */
function isPageFurniture(text: string): boolean {
  return /\b(?:Uploaded|Posted|Published|Updated|Last\s+(?:modified|updated)|Accessed|Retrieved|Date\s+added|Copyright|©)/i.test(text);
}

function isSourceLine(text: string): boolean {
  return /^\s*\[?\s*Source\s*:/i.test(text) || /^\s*\[[^\]]*\b(?:fond|f\.)\s*\d+[^\]]*\]\s*$/i.test(text) || /\b(?:fond|f\.)\s*\d+[a-z]?\s*,\s*(?:opis|op\.)\s*\d+/i.test(text);
}

function countQuotes(text: string): number {
  let n = 0;
  for (const c of text) if (c === '"' || c === '“' || c === '”') n++;
  return n;
}

function referenceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '').replace(/[-–]/g, '/');
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function within(inner: Range, outer: Range): boolean {
  return inner.start.line === outer.start.line && inner.start.character >= outer.start.character && inner.end.character <= outer.end.character;
}

function rangeOfSub(pieceRange: Range, start: number, length: number): Range {
  const s = pieceRange.start.character + start;
  return range(pieceRange.start.line, s, s + length);
}

function bracketDepthAt(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  return depth;
}

/** Index of ` word ` outside brackets, searching from `from`; -1 if none. */
function topLevelWord(text: string, word: string, from: number): number {
  const re = new RegExp(`\\s${word}\\s`, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (bracketDepthAt(text, m.index) === 0) return m.index + 1;
  }
  return -1;
}

/** Splits `A and B, C` at top level (outside brackets). */
function splitTopLevel(text: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = a;
  let depth = 0;
  for (let i = a; i < b; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ',') {
      out.push([start, i]);
      start = i + 1;
    } else if (depth === 0 && /\sand\s/i.test(text.slice(i - 1, i + 4)) && c === 'a') {
      out.push([start, i - 1]);
      start = i + 3;
    }
  }
  out.push([start, b]);
  return out;
}
