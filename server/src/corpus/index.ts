// The corpus index: every transcription of one corpus and its registry, cross-linked. It holds
// text, not files: whoever owns I/O (the CLI, the language server) hands it contents, and it
// re-scans only the file that changed. Cross-document questions (who is mentioned where, which
// document a reply answers) are answered from the per-file facts on demand.

import { documentDate } from '../model/scan/document-date.js';
import { editorsReading } from '../model/dates.js';
import { buildNameMatcher, type NameMatcher } from '../model/names.js';
import { LastGoodRegistry } from './last-good-registry.js';
import { decidedOrders, splitOrderKey } from './decided-orders.js';
import { FileWords, filesToReadAgain } from './registry-change.js';
import { dayAnswered, type DocumentRef, filesReading, Links } from './links.js';
import { RecentLines } from './recent-lines.js';
import { scanTranscription, type ScanOptions } from '../model/scanner.js';
import { agreedOrders, readsByFallback } from '../model/scan/date-order.js';
import type {
  CalendarDate,
  CorpusSettings,
  CoverName,
  DateConventions,
  CrossReference,
  DateMention,
  ReferenceNumber,
  Registry,
  TranscribedDocument,
  TranscriptionFile,
} from '../model/types.js';

export type { DocumentRef } from './links.js';

export class Corpus {
  registry: Registry;
  private names: NameMatcher;
  /** Each file's words, for telling which files a registry edit can change. */
  private readonly words = new FileWords();
  private readonly texts = new Map<string, string>();
  private readonly files = new Map<string, TranscriptionFile>();
  /** How many documents decide each order of day and month for themselves (see dateOrders). */
  private readonly orderCounts = { slashes: new Map<string, number>(), dots: new Map<string, number>() };
  /** The same, file by file (`slashes month/day/year` → 3): whose view of the corpus an edit can turn. */
  private readonly ownOrders = new Map<string, ReadonlyMap<string, number>>();
  /** The files read again because the last edit of `uri` changed the orders the corpus bears out. */
  private reread: { uri: string; files: string[] } = { uri: '', files: [] };
  /** The documents the last `setFile` took over on the lines they stood on: what other files read of them is as it was. */
  private untouched: { facts?: TranscriptionFile; documents: Set<TranscribedDocument> } = { documents: new Set() };
  private readonly recentLines = new RecentLines();
  /** The cross-document index, built on the first question and kept in step with every change after it. */
  private links?: Links;
  /** Counts the changes of facts or registry: what is worked out from the whole corpus holds for one generation. */
  generation = 0;
  /** Each registry file's text as it last loaded without a YAML error (see last-good-registry.ts). */
  private readonly lastGood: LastGoodRegistry;

  /** `lastGood`: the registry texts a corpus of the same folder last loaded, when settings change. */
  constructor(
    readonly settings: CorpusSettings,
    registryFiles: Array<{ file: string; text: string }> = [],
    lastGood?: ReadonlyMap<string, string>,
  ) {
    this.lastGood = new LastGoodRegistry(lastGood);
    this.registry = this.lastGood.load(registryFiles);
    this.names = buildNameMatcher(this.registry);
  }

  /** A new registry: the transcriptions in which it finds other names (see registry-change.ts) are read again. */
  setRegistry(registryFiles: Array<{ file: string; text: string }>): void {
    const before = { registry: this.registry, names: this.names };
    this.registry = this.lastGood.load(registryFiles);
    this.names = buildNameMatcher(this.registry);
    const after = { registry: this.registry, names: this.names };
    for (const { uri, previous } of filesToReadAgain(before, after, this.texts, this.words, (u) => this.files.get(u))) this.replace(uri, this.scan(uri, this.texts.get(uri)!, previous));
    this.changed();
    this.settleDateOrders();
  }

  /** True while `file`'s entries are those it last loaded with, its text being unreadable YAML. */
  registryHeld(file: string): boolean {
    return this.lastGood.held.has(file);
  }

  /** The registry texts that last loaded, for a corpus that replaces this one (settings changed). */
  lastGoodRegistryTexts(): ReadonlyMap<string, string> {
    return this.lastGood.texts;
  }

  setFile(uri: string, written: string): TranscriptionFile {
    const text = withoutMark(written);
    const before = this.files.get(uri);
    const linesBefore = new Map(before?.documents.map((d) => [d, d.range.start.line]));
    const facts = this.scan(uri, text, before && { text: this.texts.get(uri)!, facts: before });
    this.untouched = { facts, documents: new Set(facts.documents.filter((d) => linesBefore.get(d) === d.range.start.line)) };
    this.count(before, -1);
    this.count(facts, 1);
    this.texts.set(uri, text);
    this.words.forget(uri);
    this.store(uri, facts);
    this.changed();
    this.reread = { uri, files: this.readAgainByCorpusOrders(this.followers(uri, facts)) };
    return this.files.get(uri)!;
  }

  /**
   * A file scanned elsewhere (a worker thread, see parallel.ts) with this corpus's registry and
   * settings and no corpus orders: taken as `setFile` would have read it.
   */
  adoptFile(uri: string, written: string, facts: TranscriptionFile): void {
    this.texts.set(uri, withoutMark(written));
    this.words.forget(uri);
    this.replace(uri, facts); // its own orders too, as setFile keeps them, for the files a later edit turns
    this.changed();
  }

  deleteFile(uri: string): void {
    this.count(this.files.get(uri), -1);
    this.texts.delete(uri);
    this.words.forget(uri);
    this.store(uri, undefined);
    this.changed();
    this.reread = { uri, files: this.readAgainByCorpusOrders(this.followers(uri, undefined)) };
  }

  /**
   * The other files whose view of the corpus's orders (the counts less their own) may have
   * turned now that `uri` decides as `facts` do: for an order whose count went from one number
   * to another, a file's view turns only where its own count is the smaller of the two (its
   * view is then 0 on one side and more on the other), so most edits name no file at all.
   */
  private followers(uri: string, facts: TranscriptionFile | undefined): string[] {
    const before = this.ownOrders.get(uri) ?? new Map();
    const after = decidedOrders(facts);
    if (facts) this.ownOrders.set(uri, after);
    else this.ownOrders.delete(uri);
    const turned: Array<{ key: string; at: number }> = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const change = (after.get(key) ?? 0) - (before.get(key) ?? 0);
      if (change === 0) continue;
      const [what, order] = splitOrderKey(key);
      const now = this.orderCounts[what].get(order) ?? 0;
      turned.push({ key, at: Math.min(now, now - change) });
    }
    if (turned.length === 0) return [];
    const out: string[] = [];
    for (const other of this.files.keys()) {
      const own = this.ownOrders.get(other);
      if (other !== uri && turned.some((t) => (own?.get(t.key) ?? 0) === t.at)) out.push(other);
    }
    return out;
  }

  /**
   * The other files whose findings may change when `uri` changes from `before` to what it holds
   * now: those giving a date to a number it dates, and those answering a message of a date its
   * documents bear: what the rules that read `'corpus'` read (number-dates-disagree,
   * reply-before-message). Everything else is checked from its own text and the registry alone.
   */
  dependentsOf(uri: string, before: TranscriptionFile | undefined): string[] {
    // Files whose numeric dates read by the corpus's orders, which this edit changed.
    const reread = this.reread.uri === uri ? this.reread.files : [];
    const now = this.files.get(uri);
    const untouched = now && this.untouched.facts === now ? this.untouched.documents : new Set();
    const changed = [...(before?.documents ?? []), ...(now?.documents ?? [])].filter((doc) => !untouched.has(doc));
    const others = [...this.files.values()].filter((file) => file.uri !== uri && !reread.includes(file.uri));
    return [...reread, ...filesReading(others, changed)];
  }

  /** Every place the corpus gives a date to the numbered message `key`. */
  datesOfNumber(key: string): Array<{ uri: string; document: TranscribedDocument; ref: ReferenceNumber }> {
    return this.index().datedNumbers.get(key) ?? [];
  }

  /** The documents whose cross-references (a reply, `Document 12`) point at `doc`. */
  referrersOf(doc: TranscribedDocument): DocumentRef[] {
    const index = this.index();
    if (!index.referrers) {
      index.referrers = new Map();
      for (const from of this.documents()) {
        for (const x of from.document.crossReferences) {
          if (x.target.kind === 'protocol') continue;
          for (const target of this.resolve(x, from)) {
            const list = index.referrers.get(target.document) ?? [];
            if (!list.some((r) => r.document === from.document)) list.push(from);
            index.referrers.set(target.document, list);
          }
        }
      }
    }
    return index.referrers.get(doc) ?? [];
  }

  private changed(): void {
    this.generation += 1;
    // Who refers to whom is resolved through the registry's identifications: asked again after any change.
    if (this.links) this.links.referrers = undefined;
  }

  /** `uri` now holds `facts` (none: it left the corpus). */
  private store(uri: string, facts: TranscriptionFile | undefined): void {
    this.links?.update(uri, this.files.get(uri)?.documents ?? [], facts?.documents);
    if (facts) this.files.set(uri, facts);
    else this.files.delete(uri);
  }

  private index(): Links {
    return (this.links ??= new Links(this.files.values()));
  }

  private scan(uri: string, text: string, previous?: ScanOptions['previous']): TranscriptionFile {
    const options: ScanOptions = {
      registry: this.registry,
      names: this.names,
      conventions: this.settings.dates,
      declared: this.settings.datesDeclared,
      corpusOrders: this.dateOrders(uri),
    };
    if (previous) options.previous = previous;
    return scanTranscription(uri, text, options);
  }

  /**
   * The order of day and month that the corpus's documents bear out where marginalia.yaml
   * declares none (those of `except` left out: a file is not its own evidence twice). Kept as
   * counts, so that asking costs nothing however large the corpus.
   */
  dateOrders(except?: string): Partial<Pick<DateConventions, 'slashes' | 'dots'>> {
    const out: Partial<Pick<DateConventions, 'slashes' | 'dots'>> = {};
    const counts = { slashes: new Map(this.orderCounts.slashes), dots: new Map(this.orderCounts.dots) };
    for (const [key, n] of decidedOrders(except ? this.files.get(except) : undefined)) {
      const [what, order] = splitOrderKey(key);
      counts[what].set(order, (counts[what].get(order) ?? 0) - n);
    }
    for (const what of ['slashes', 'dots'] as const) {
      const orders = [...counts[what]].filter(([, n]) => n > 0).map(([order]) => order);
      if (orders.length === 1) Object.assign(out, { [what]: orders[0] });
    }
    return out;
  }

  private count(facts: TranscriptionFile | undefined, sign: 1 | -1): void {
    for (const [key, n] of decidedOrders(facts)) {
      const [what, order] = splitOrderKey(key);
      this.orderCounts[what].set(order, (this.orderCounts[what].get(order) ?? 0) + sign * n);
    }
  }

  private replace(uri: string, facts: TranscriptionFile): void {
    this.count(this.files.get(uri), -1);
    this.count(facts, 1);
    this.store(uri, facts);
    this.ownOrders.set(uri, decidedOrders(facts));
  }

  /** Once the whole corpus is read: documents that decided nothing are read again by the corpus's orders. */
  settleDateOrders(): void {
    this.readAgainByCorpusOrders(this.files.keys());
  }

  /**
   * Reads again each of `candidates` with a document that reads day and month otherwise than
   * the orders the corpus (the other files, then its own documents) now bears out: the same test
   * the scanner makes within a file. A file read again may decide otherwise itself (its written
   * dates may settle what the corpus's order had), which may turn other files' view in turn: they
   * join the queue. Each file ends as a fresh corpus of the same texts reads it, whatever order
   * the files came in. Bounded, though each file's own evidence settles in one reading.
   */
  private readAgainByCorpusOrders(candidates: Iterable<string>): string[] {
    const out = new Set<string>();
    const queue = [...candidates];
    for (let budget = 4 * (this.files.size + 1); queue.length > 0 && budget > 0; budget--) {
      const uri = queue.shift()!;
      const facts = this.files.get(uri);
      if (!facts) continue;
      const fallback = { ...this.dateOrders(uri), ...agreedOrders(facts.documents) };
      if (facts.documents.every((d) => readsByFallback(d, fallback))) continue;
      const again = this.scan(uri, this.texts.get(uri)!, { text: this.texts.get(uri)!, facts });
      this.count(facts, -1);
      this.count(again, 1);
      this.store(uri, again);
      out.add(uri);
      for (const other of this.followers(uri, again)) if (!queue.includes(other)) queue.push(other);
    }
    if (out.size) this.changed();
    return [...out];
  }

  file(uri: string): TranscriptionFile | undefined {
    return this.files.get(uri);
  }

  /** A file's lines as it reads now (kept for the files last asked about). */
  lines(uri: string): string[] {
    return this.recentLines.of(uri, this.files.get(uri), () => this.texts.get(uri) ?? '');
  }

  text(uri: string): string | undefined {
    return this.texts.get(uri);
  }

  /** Gathers the files' words a registry edit asks for (see registry-change.ts) until `enough()`; true once all are known. */
  gatherWords(enough: () => boolean): boolean {
    for (const [uri, text] of this.texts) if (!this.words.gather(uri, text, enough)) return false;
    return true;
  }

  allFiles(): IterableIterator<TranscriptionFile> {
    return this.files.values();
  }

  *documents(): Generator<DocumentRef> {
    for (const file of this.files.values()) for (const document of file.documents) yield { uri: file.uri, document };
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
    return this.index().byNumber.get(number) ?? [];
  }

  documentsOfProtocol(protocol: string): DocumentRef[] {
    return this.index().byProtocol.get(protocol) ?? [];
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
    const day = dayAnswered(date);
    if (day === undefined) return [];
    const people = new Set<string>();
    for (const c of [...(from.document.header?.from ?? []), ...(from.document.header?.to ?? [])]) {
      for (const id of [c.entryId, c.identification?.entryId]) for (const p of this.peopleBehind(id)) people.add(p);
    }
    const out: DocumentRef[] = [];
    for (const candidate of this.index().byDay.get(day) ?? []) {
      if (candidate.document === from.document) continue;
      const senders = (candidate.document.header?.from ?? []).flatMap((c) => [...this.peopleBehind(c.entryId), ...this.peopleBehind(c.identification?.entryId)]);
      if (senders.some((p) => people.has(p))) out.push(candidate);
    }
    return out;
  }
}

/** Editors drop a byte-order mark from their buffers; so does the file read from disk, and columns agree. */
function withoutMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The day a document bears, in the editors' reading, with the mention it is read from. */
export function documentDay(doc: TranscribedDocument): { mention: DateMention; value: CalendarDate } | undefined {
  const mention = documentDate(doc);
  const value = mention && editorsReading(mention);
  return mention && value ? { mention, value } : undefined;
}
