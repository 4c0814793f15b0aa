// The scanner: one transcription file in, its documents and every fact in them out, each with its
// exact range. It reads line by line (linear in the size of the file), never throws, and never
// looks at any other file: what links documents together is the corpus index's work.

import { scanLine, type DateContext } from './dates.js';
import type { NameMatcher } from './names.js';
import { isSourceLine, normalise } from './scan/archive-reference.js';
import { readBrackets } from './scan/bracket.js';
import { linkIdentifications, nameMentions, readCorrespondents } from './scan/correspondents.js';
import { agreedOrders, inferConventions, readsByFallback } from './scan/date-order.js';
import { readDateline } from './scan/dateline.js';
import { chooseDateOrders, DocumentReader, emptyDocument } from './scan/document-reader.js';
import { bareHeaderPattern, documentTypes, headerPattern, headerTitle, mayBeHeader } from './scan/header.js';
import { isHeading, isProse, namesAParty, namesParties, namesPartiesInCapitals, numberedHeading } from './scan/heading.js';
import { rememberLines, unchangedDocuments } from './scan/incremental.js';
import { headerlessSegments, holdsProse } from './scan/segments.js';
import { range, splitLines } from './text.js';
import type { DateConventions, Dateline, DocumentHeader, Registry, TranscribedDocument, TranscriptionFile } from './types.js';

export interface ScanOptions {
  registry: Registry;
  names: NameMatcher;
  conventions: DateConventions;
  /** Orders the corpus declares; the others are inferred per document from its own dates. */
  declared?: { slashes: boolean; dots: boolean };
  /**
   * The file as it was last scanned, with the same settings: a document whose text has not
   * changed is taken over (moved to its new lines) rather than read again, so that an edit
   * re-reads its own document, not the file; `readAgain`, the documents a registry edit may read
   * otherwise (the others read the same under either registry).
   */
  previous?: { text: string; facts: TranscriptionFile; readAgain?: ReadonlySet<TranscribedDocument> };
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

interface HeaderLine {
  line: number;
  number: string;
  title: string;
  titleStart: number;
  /** `Document 1:` on a line of its own above the title: where the document begins. */
  numberLine?: number;
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
    const unchanged = unchangedDocuments(this.options.previous, this.lines);
    for (const { h, first, last } of spans) {
      const doc = unchanged(first, last, documents.length) ?? this.scanDocument(documents.length, first, last, h);
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
    const file: TranscriptionFile = { uri: this.uri, documents, problems: [] };
    // A file read for the first time (the first index) or again for the registry keeps no lines: its next edit splits the text before.
    if (this.options.previous && !this.options.previous.readAgain) rememberLines(file, this.lines);
    return file;
  }

  /** Where each document stands: by its `Document N` line; else by headings and datelines; else the file is one. */
  private documentSpans(): Array<{ h?: HeaderLine & { repeats: HeaderLine[] }; first: number; last: number }> {
    const headers = this.findHeaders();
    if (headers.length === 0) {
      const conventions = this.options.conventions;
      // The segmenter asks of a line more than once (as a paragraph's and as the head above the next one): read each once.
      const datelines = new Map<number, ReturnType<typeof readDateline>>();
      const isDatelineAt = (i: number) => {
        if (!datelines.has(i)) datelines.set(i, this.lines[i]!.length <= 160 ? readDateline(this.lines[i]!, i, scanLine(this.lines[i]!, i, { conventions })) : undefined);
        return datelines.get(i);
      };
      const segments = headerlessSegments(this.lines, isDatelineAt);
      if (!segments) return this.singleDocumentSpan(isDatelineAt);
      return segments.map((s) => {
        const last = this.trimEnd(s.first, s.last);
        if (s.heading === undefined) return { first: s.first, last };
        const { number = '', title, titleStart } = numberedHeading(this.lines[s.heading]!);
        return { h: { line: s.heading, number, title, titleStart, repeats: [] }, first: s.first, last };
      });
    }
    // A header repeated word for word before its body (a web page's title) is not a document.
    const kept: Array<HeaderLine & { repeats: HeaderLine[] }> = [];
    for (const header of headers) {
      const previous = kept[kept.length - 1];
      const h = header as HeaderLine & { repeats: HeaderLine[] }; // found for this reading: given its repeats in place
      if (previous && previous.number === h.number && normalise(previous.title) === normalise(h.title)) {
        // The copies are collected in one list, not copied at each repeat.
        previous.repeats.push({ line: previous.line, number: previous.number, title: previous.title, titleStart: previous.titleStart });
        h.repeats = previous.repeats;
        kept[kept.length - 1] = h;
      } else {
        h.repeats = [];
        kept.push(h);
      }
    }
    const boundaries = headers.map((h) => h.numberLine ?? h.line);
    let b = 0;
    return kept.map((h) => {
      while (b < boundaries.length && boundaries[b]! <= h.line) b++; // both in the file's order
      const next = boundaries[b];
      const first = h.numberLine ?? h.line;
      return { h, first, last: this.trimEnd(first, next === undefined ? this.lines.length - 1 : next - 1) };
    });
  }

  private findHeaders(): HeaderLine[] {
    const found: HeaderLine[] = [];
    for (let line = 0; line < this.lines.length; line++) {
      const text = this.lines[line]!;
      if (text === '' || !mayBeHeader(text)) continue;
      const m = headerPattern.exec(text);
      if (m) found.push({ line, number: m[2]!, title: headerTitle(m), titleStart: m[1]!.length + m[2]!.length + (text.slice(m[1]!.length + m[2]!.length).indexOf(m[3]!)) });
      const bare = m ? null : bareHeaderPattern.exec(text);
      if (!bare) continue;
      // The title is the next line that is not blank, if it is no header itself.
      let next = line + 1;
      while (next < this.lines.length && next <= line + 2 && this.lines[next]!.trim() === '') next++;
      const title = this.lines[next]?.trim() ?? '';
      if (title === '' || headerPattern.test(title) || bareHeaderPattern.test(title)) continue;
      found.push({ line: next, number: bare[1]!, title, titleStart: this.lines[next]!.indexOf(title), numberLine: line });
    }
    return found;
  }

  /** A file that is one document: a title line (`Ciphered Telegram from … to …`) and its body. */
  private singleDocumentSpan(datelineAt: (line: number) => Dateline | undefined): Array<{ h?: HeaderLine & { repeats: HeaderLine[] }; first: number; last: number }> {
    const first = this.lines.findIndex((l) => l.trim() !== '');
    if (first < 0) return [];
    const last = this.trimEnd(first, this.lines.length - 1);
    // The title is recognised by what it says, not by being the first line (`Skip to content`).
    const looksLikeTitle = (t: string) => isHeading(t) && (documentTypes.some(([p]) => p.test(t)) || namesParties(t));
    const titleLine = this.lines.slice(first, Math.min(last + 1, first + 12)).findIndex((l) => looksLikeTitle(l.trim()));
    if (titleLine < 0) return [{ first, last }];
    const line = first + titleLine;
    const title = this.lines[line]!.trim();
    // Lines with a sentence or a dateline above the title (a covering letter, a site's banner, the
    // place and date) are the document's too; a page's menus are not.
    let opens = line;
    for (let i = first; i < line && opens === line; i++) if (isProse(this.lines[i]!) || datelineAt(i)?.date) opens = first;
    if (holdsProse(this.lines, first, line - 1)) opens = first;
    return [{ h: { line, number: '', title, titleStart: this.lines[line]!.indexOf(title), repeats: [] }, first: opens, last }];
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

  /** `own`: the separators the document settles by its own written dates, read without the corpus's order. */
  private scanDocument(index: number, first: number, last: number, headerLine: HeaderLine | undefined, own: Array<'slashes' | 'dots'> = []): TranscribedDocument {
    const doc = emptyDocument(index, range(first, 0, this.lines[last]!.length, last));
    const ctx: DateContext = { conventions: this.options.conventions };
    if (headerLine) {
      doc.header = this.parseHeader(headerLine, doc, ctx);
      ctx.year = doc.header.date?.value?.year;
    }
    if (ctx.year === undefined) ctx.year = this.firstYear(first, last);
    const fallback = { ...this.fallbackOrders };
    for (const what of own) delete fallback[what];
    const inferred = inferConventions(this.lines, this.options, fallback, first, last, doc.header?.date);
    ctx.conventions = inferred.conventions;
    new DocumentReader(this.lines, this.options, doc, ctx).read(first, last);
    doc.dateOrders = chooseDateOrders(doc, inferred, this.options.declared);
    // Settled by its written dates, the document is its own evidence: read it as it reads with
    // no order from the corpus, so that what it says does not hang on what the corpus said then.
    const settled = inferred.byCorpus.filter((what) => doc.dateOrders![what].by === 'document');
    if (settled.length > 0 && own.length === 0) return this.scanDocument(index, first, last, headerLine, settled);
    return doc;
  }

  private firstYear(first: number, last: number): number | undefined {
    for (let line = first; line <= Math.min(last, first + 40); line++) {
      // A year is written in figures: a line without one gives none.
      if (!/\d/.test(this.lines[line]!)) continue;
      const found = scanLine(this.lines[line]!, line, { conventions: this.options.conventions });
      const year = found.dates.find((d) => d.value && !d.reading.supplied.includes('year'))?.value?.year;
      if (year !== undefined) return year;
    }
    return undefined;
  }

  private parseHeader(h: HeaderLine, doc: TranscribedDocument, ctx: DateContext): DocumentHeader {
    const text = this.lines[h.line]!;
    const found = scanLine(text, h.line, ctx);
    const names = nameMentions(this.options.names.find(text, h.line));
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
    // …and before a footnote mark run into the title's last word (`to the Department of State1`).
    const partiesEnd = Math.min(date && date.range.start.line === h.line ? date.range.start.character : text.length, h.titleStart + h.title.length);
    const parties = text.slice(h.titleStart, partiesEnd);
    // `General Orders`, `Proposed Articles of Confederation`: a title that names no party has none;
    // nor, for now, one in another language (`Lettre de M. Schuman à M. Acheson`), rather than a wrong one.
    // A heading in capitals (`BEASLEY TO CHIFLEY`) is one by where it stands, found by the segmenter.
    const { from, to } = namesAParty(title) || namesPartiesInCapitals(title) ? readCorrespondents(parties, h.titleStart, h.line, names) : { from: [], to: [] };

    doc.names.push(...names);
    doc.brackets.push(...readBrackets(text, h.line, names, found.dates));
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
}
