// The corpus index: every transcription of one corpus and its registry, cross-linked. It holds
// text, not files: whoever owns I/O (the CLI, the language server) hands it contents, and it
// re-scans only the file that changed. Cross-document questions (who is mentioned where, which
// document a reply answers) are answered from the per-file facts on demand.

import { firstDay, lastDay } from '../model/dates.js';
import { buildNameMatcher, type NameMatcher } from '../model/names.js';
import { loadRegistry } from '../model/registry.js';
import { scanTranscription, type ScanOptions } from '../model/scanner.js';
import type {
  CorpusSettings,
  CoverName,
  CrossReference,
  DateMention,
  NameMention,
  ReferenceNumber,
  Registry,
  TranscribedDocument,
  TranscriptionFile,
} from '../model/types.js';

export interface DocumentRef {
  uri: string;
  document: TranscribedDocument;
}

export interface MentionRef {
  uri: string;
  document: TranscribedDocument;
  mention: NameMention;
}

export class Corpus {
  registry: Registry;
  private names: NameMatcher;
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, TranscriptionFile>();
  /** Numbered messages that the text dates (`#1405/sh dated 5 October`), by number; built on demand. */
  private datedNumbers?: Map<string, Array<{ uri: string; document: TranscribedDocument; ref: ReferenceNumber }>>;

  constructor(
    readonly settings: CorpusSettings,
    registryFiles: Array<{ file: string; text: string }> = [],
  ) {
    this.registry = loadRegistry(registryFiles);
    this.names = buildNameMatcher(this.registry);
  }

  /** A new registry changes which names resolve, so every transcription is read again. */
  setRegistry(registryFiles: Array<{ file: string; text: string }>): void {
    this.registry = loadRegistry(registryFiles);
    this.names = buildNameMatcher(this.registry);
    for (const [uri, text] of this.texts) this.files.set(uri, this.scan(uri, text));
    this.datedNumbers = undefined;
  }

  setFile(uri: string, text: string): TranscriptionFile {
    const before = this.files.get(uri);
    const facts = this.scan(uri, text, before && { text: this.texts.get(uri)!, facts: before });
    this.texts.set(uri, text);
    this.files.set(uri, facts);
    this.datedNumbers = undefined;
    return facts;
  }

  deleteFile(uri: string): void {
    this.texts.delete(uri);
    this.files.delete(uri);
    this.datedNumbers = undefined;
  }

  /**
   * The other files whose findings may change when `uri` changes from `before` to what it holds
   * now: those giving a date to a number it dates, and those answering a message of a date its
   * documents bear. Everything else is checked from its own text and the registry alone.
   */
  dependentsOf(uri: string, before: TranscriptionFile | undefined): string[] {
    const keys = new Set<string>();
    const days = new Set<number>();
    for (const facts of [before, this.files.get(uri)]) {
      for (const doc of facts?.documents ?? []) {
        for (const r of doc.referenceNumbers) if (r.date?.value) keys.add(r.key);
        const own = documentDate(doc);
        if (own?.value && own.precision === 'day') days.add(firstDay(own.value));
      }
    }
    if (keys.size === 0 && days.size === 0) return [];
    const out: string[] = [];
    for (const file of this.files.values()) {
      if (file.uri === uri) continue;
      const depends = file.documents.some(
        (doc) =>
          doc.referenceNumbers.some((r) => r.date?.value && keys.has(r.key)) ||
          doc.crossReferences.some((x) => x.target.kind === 'message-of-date' && x.target.date.value && x.target.date.precision === 'day' && days.has(firstDay(x.target.date.value))),
      );
      if (depends) out.push(file.uri);
    }
    return out;
  }

  /** Every place the corpus gives a date to the numbered message `key`. */
  datesOfNumber(key: string): Array<{ uri: string; document: TranscribedDocument; ref: ReferenceNumber }> {
    if (!this.datedNumbers) {
      this.datedNumbers = new Map();
      for (const { uri, document } of this.documents()) {
        for (const ref of document.referenceNumbers) {
          if (!ref.date?.value) continue;
          const list = this.datedNumbers.get(ref.key) ?? [];
          list.push({ uri, document, ref });
          this.datedNumbers.set(ref.key, list);
        }
      }
    }
    return this.datedNumbers.get(key) ?? [];
  }

  private scan(uri: string, text: string, previous?: { text: string; facts: TranscriptionFile }): TranscriptionFile {
    const options: ScanOptions = { registry: this.registry, names: this.names, conventions: this.settings.dates, declared: this.settings.datesDeclared };
    if (previous) options.previous = previous;
    return scanTranscription(uri, text, options);
  }

  file(uri: string): TranscriptionFile | undefined {
    return this.files.get(uri);
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  allFiles(): IterableIterator<TranscriptionFile> {
    return this.files.values();
  }

  *documents(): Generator<DocumentRef> {
    for (const file of this.files.values()) for (const document of file.documents) yield { uri: file.uri, document };
  }

  /** Every mention of an entry, whatever name the text uses; for a person, their cover names too. */
  mentionsOf(entryId: string): MentionRef[] {
    const ids = new Set([entryId, ...this.coverNamesOf(entryId).map((c) => c.id)]);
    const out: MentionRef[] = [];
    for (const file of this.files.values()) {
      for (const doc of file.documents) {
        for (const mention of doc.names) {
          if (ids.has(mention.entryId)) out.push({ uri: file.uri, document: doc, mention });
        }
      }
    }
    return out;
  }

  /** The cover names a person bore, by any edition's identification. */
  coverNamesOf(personId: string): CoverName[] {
    return this.registry.entries.filter((e): e is CoverName => e.kind === 'cover-name' && e.identifications.some((i) => i.person === personId));
  }

  /** The people an entry stands for: itself, or the bearers of a cover name. */
  peopleBehind(entryId: string | undefined): string[] {
    if (!entryId) return [];
    const entry = this.registry.byId.get(entryId);
    if (!entry) return [];
    if (entry.kind === 'cover-name') return [...new Set(entry.identifications.map((i) => i.person))];
    return entry.kind === 'person' ? [entry.id] : [];
  }

  documentByNumber(number: string): DocumentRef[] {
    return [...this.documents()].filter((d) => d.document.header?.number === number);
  }

  documentsOfProtocol(protocol: string): DocumentRef[] {
    return [...this.documents()].filter((d) => d.document.referenceNumbers.some((r) => r.protocol?.number === protocol));
  }

  /** The documents a cross-reference points to; empty when it points outside the corpus. */
  resolve(xref: CrossReference, from: DocumentRef): DocumentRef[] {
    const target = xref.target;
    switch (target.kind) {
      case 'document':
        return this.documentByNumber(target.number);
      case 'protocol':
        return this.documentsOfProtocol(target.protocol).filter((d) => d.document !== from.document);
      case 'number':
        return [];
      case 'message-of-date':
        return this.messageOfDate(target.date, from);
    }
  }

  /**
   * "your telegram of 1.10.50": a document of that date whose sender is one of the correspondents
   * of the referring document. Without such a link the reference stays unresolved rather than
   * pointing at whatever else was written that day.
   */
  private messageOfDate(date: DateMention, from: DocumentRef): DocumentRef[] {
    if (!date.value || date.precision !== 'day') return [];
    const day = firstDay(date.editorial?.kind === 'correction' && date.editorial.value ? date.editorial.value : date.value);
    const people = new Set<string>();
    for (const c of [...(from.document.header?.from ?? []), ...(from.document.header?.to ?? [])]) {
      for (const id of [c.entryId, c.identification?.entryId]) for (const p of this.peopleBehind(id)) people.add(p);
    }
    const out: DocumentRef[] = [];
    for (const candidate of this.documents()) {
      if (candidate.document === from.document) continue;
      const own = documentDate(candidate.document);
      if (!own?.value || firstDay(own.value) !== day || lastDay(own.value) !== day) continue;
      const senders = (candidate.document.header?.from ?? []).flatMap((c) => [...this.peopleBehind(c.entryId), ...this.peopleBehind(c.identification?.entryId)]);
      if (senders.some((p) => people.has(p))) out.push(candidate);
    }
    return out;
  }
}

/**
 * The date a document bears: its own closing date when it has one (the header is the editors'),
 * else the header's date in the editors' reading.
 */
export function documentDate(doc: TranscribedDocument): DateMention | undefined {
  return doc.closingDate ?? doc.header?.date;
}
