// Documents by what other documents use to point at them: the day they bear, their number, their
// protocol, the numbered messages the text dates. Built on the first question, then kept in step
// with each file that changes.

import { documentDate } from '../model/scan/document-date.js';
import { firstDay, lastDay } from '../model/dates.js';
import type { DateMention, ReferenceNumber, TranscribedDocument, TranscriptionFile } from '../model/types.js';

export interface DocumentRef {
  uri: string;
  document: TranscribedDocument;
}

/**
 * Each list is in the corpus's order (its files as first read, then the documents of each), as a
 * walk over the corpus would find them: a rule that reports "at every place but the first" names
 * the same first place however the corpus was edited.
 */
export class Links {
  /** By the day they bear (a day number of `firstDay`). */
  readonly byDay = new Map<number, DocumentRef[]>();
  readonly byNumber = new Map<string, DocumentRef[]>();
  readonly byProtocol = new Map<string, DocumentRef[]>();
  /** Numbered messages that the text dates (`#1405/sh dated 5 October`), by number. */
  readonly datedNumbers = new Map<string, Array<DocumentRef & { ref: ReferenceNumber }>>();
  /** Who refers to each document; built on the first question after a change. */
  referrers?: Map<TranscribedDocument, DocumentRef[]>;
  /** Each file's place in the corpus's order. */
  private readonly place = new Map<string, number>();
  private nextPlace = 0;

  /** Every file has its place, the files without documents too (a document may come into one later). */
  constructor(files: Iterable<TranscriptionFile>) {
    for (const file of files) {
      this.place.set(file.uri, this.nextPlace++);
      for (const document of file.documents) this.each({ uri: file.uri, document }, (map, key, value) => append(map, key, value));
    }
  }

  /**
   * `uri` holds `after` where it held `before` (none: it left the corpus). A document of both is
   * the same reading (moved in place, see incremental.ts) and keeps its entries; the others are
   * taken out or put in at their place.
   */
  update(uri: string, before: readonly TranscribedDocument[], after: readonly TranscribedDocument[] | undefined): void {
    this.referrers = undefined;
    const staying = new Set(after);
    // Documents taken over in another order than they stood (a file's halves swapped): their
    // entries' places are wrong, so the file's entries are made again.
    // (A document taken over has its new index already: in the old order, the indexes must rise.)
    let reordered = false;
    let last = -1;
    for (const d of before) {
      if (!staying.has(d)) continue;
      if (d.index <= last) reordered = true;
      last = d.index;
    }
    if (reordered) staying.clear();
    for (const document of before) if (!staying.has(document)) this.each({ uri, document }, (map, key) => remove(map, key, document));
    if (!after) {
      this.place.delete(uri);
      return;
    }
    if (!this.place.has(uri)) this.place.set(uri, this.nextPlace++);
    const was = new Set(reordered ? [] : before);
    for (const document of after) if (!was.has(document)) this.each({ uri, document }, (map, key, value) => this.insert(map, key, value));
  }

  /** Every entry a document makes, in the order a walk makes them. */
  private each(ref: DocumentRef, visit: <K, V extends DocumentRef>(map: Map<K, V[]>, key: K, value: V) => void): void {
    const own = documentDate(ref.document)?.value;
    if (own && firstDay(own) === lastDay(own)) visit(this.byDay, firstDay(own), ref);
    if (ref.document.header?.number) visit(this.byNumber, ref.document.header.number, ref);
    const protocols = new Set(ref.document.referenceNumbers.flatMap((r) => (r.protocol ? [r.protocol.number] : [])));
    for (const p of protocols) visit(this.byProtocol, p, ref);
    for (const r of ref.document.referenceNumbers) if (r.date?.value) visit(this.datedNumbers, r.key, { ...ref, ref: r });
  }

  /** After the entries that come before it in the corpus's order (of an earlier file, or an earlier document). */
  private insert<K, V extends DocumentRef>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (!list) return void map.set(key, [value]);
    const place = this.place.get(value.uri)!;
    const index = value.document.index;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = list[mid]!;
      const before = this.place.get(other.uri)! - place || other.document.index - index;
      if (before <= 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, value);
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function remove<K, V extends DocumentRef>(map: Map<K, V[]>, key: K, document: TranscribedDocument): void {
  const list = map.get(key)?.filter((v) => v.document !== document);
  if (list?.length) map.set(key, list);
  else map.delete(key);
}

/** Of `files`, those that give a date to a number `documents` date, or answer a message of a day they bear. */
export function filesReading(files: readonly TranscriptionFile[], documents: readonly TranscribedDocument[]): string[] {
  const keys = new Set<string>();
  const days = new Set<number>();
  for (const doc of documents) {
    for (const r of doc.referenceNumbers) if (r.date?.value) keys.add(r.key);
    const own = documentDate(doc);
    if (own?.value && own.precision === 'day') days.add(firstDay(own.value));
  }
  if (keys.size === 0 && days.size === 0) return [];
  return files
    .filter((file) =>
      file.documents.some(
        (doc) =>
          doc.referenceNumbers.some((r) => r.date?.value && keys.has(r.key)) ||
          doc.crossReferences.some((x) => x.target.kind === 'message-of-date' && days.has(dayAnswered(x.target.date) ?? NaN)),
      ),
    )
    .map((file) => file.uri);
}

/** The day a reference to "your telegram of 8 [7] October" answers: the editors' correction, else what is written. */
export function dayAnswered(date: DateMention): number | undefined {
  if (!date.value || date.precision !== 'day') return undefined;
  return firstDay(date.editorial?.kind === 'correction' && date.editorial.value ? date.editorial.value : date.value);
}
