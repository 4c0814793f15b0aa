// Who a name stands for, mention by mention. A person's name stands for that person; a cover name
// stands for whoever the text identifies beside it (`Filippov (Stalin)`), else whoever the same
// document identifies it as elsewhere (the header `Matveyev (Zakharov)` settles `Comrade Matveyev`
// in the body), else whoever the registry's editions say bore it at the document's date. Hover,
// references and inlay hints all ask here, so that they agree with each other.

import { documentDay, type Corpus } from '../corpus/index.js';
import { periodCovers } from '../model/dates.js';
import { comparePositions, containsRange } from '../model/text.js';
import type { NameMention, Range, Registry, RegistryEntry, TranscribedDocument, TranscriptionFile } from '../model/types.js';

export interface Identity {
  /** Person ids, the preferred reading first; empty for places, organisations and archives. */
  people: string[];
  /**
   * 'self': the name is the person's own; 'beside': identified right beside it; 'document':
   * identified elsewhere in the same document (`by`); 'registry': by the registry alone
   * (ambiguous when `people` has more than one).
   */
  how: 'self' | 'beside' | 'document' | 'registry' | 'none';
  by?: NameMention;
}

export function identify(corpus: Corpus, doc: TranscribedDocument | undefined, mention: NameMention): Identity {
  const entry = corpus.registry.byId.get(mention.entryId);
  if (!entry) return { people: [], how: 'none' };
  if (entry.kind === 'person') return { people: [entry.id], how: 'self' };
  if (entry.kind !== 'cover-name') return { people: [], how: 'none' };
  const personOf = (m: NameMention) => {
    const id = m.identification?.entryId;
    return id && corpus.registry.byId.get(id)?.kind === 'person' ? id : undefined;
  };
  const beside = personOf(mention);
  if (beside) return { people: [beside], how: 'beside', by: mention };
  const same = doc?.names.find((m) => m !== mention && m.entryId === entry.id && personOf(m));
  if (same) return { people: [personOf(same)!], how: 'document', by: same };
  const day = doc && documentDay(doc)?.value;
  const matching = day ? entry.identifications.filter((i) => periodCovers(i, day)) : [];
  const chosen = matching.length ? matching : entry.identifications;
  return { people: [...new Set(chosen.map((i) => i.person))], how: 'registry' };
}

/** A name as it stands in a file: in a document, or in the repeated copy of a header (page title). */
export interface MentionAt {
  uri: string;
  doc: TranscribedDocument;
  mention: NameMention;
  /** Where it stands; differs from `mention.range` for the copy in a repeated header. */
  range: Range;
}

/** Every name in the corpus, with the copies in repeated headers, in file order. */
export function* allMentions(corpus: Corpus): Generator<MentionAt> {
  for (const file of corpus.allFiles()) yield* mentionsInFile(corpus, file);
}

function* mentionsInFile(corpus: Corpus, file: TranscriptionFile): Generator<MentionAt> {
  const uri = file.uri;
  for (const doc of file.documents) {
    const copies = headerCopies(corpus, uri, doc);
    for (const mention of doc.names) {
      if (!doc.header || !containsRange(doc.header.range, mention.range)) continue;
      for (const copy of copies) if (copy.exact) yield { uri, doc, mention, range: copy.map(mention.range) };
    }
    for (const mention of doc.names) yield { uri, doc, mention, range: mention.range };
  }
}

/** A file's mentions by entry, made once for each reading of the file: hovers and references look up, not walk. */
const mentionsByEntry = new WeakMap<TranscriptionFile, Map<string, MentionAt[]>>();

function fileMentions(corpus: Corpus, file: TranscriptionFile): Map<string, MentionAt[]> {
  let byEntry = mentionsByEntry.get(file);
  if (byEntry) return byEntry;
  byEntry = new Map();
  for (const m of mentionsInFile(corpus, file)) {
    const list = byEntry.get(m.mention.entryId);
    if (list) list.push(m);
    else byEntry.set(m.mention.entryId, [m]);
  }
  mentionsByEntry.set(file, byEntry);
  return byEntry;
}

/**
 * A file's mentions that stand for an entry (for a person, the cover names that stand for them
 * too), in the file's order: kept for each reading of the file while the registry stays, so that
 * after an edit only the edited file's are made again.
 */
const standingFor = new WeakMap<TranscriptionFile, { registry: Registry; byEntry: Map<string, MentionAt[]> }>();

function fileMentionsOf(corpus: Corpus, file: TranscriptionFile, entry: RegistryEntry, covers: () => string[]): MentionAt[] {
  let known = standingFor.get(file);
  if (!known || known.registry !== corpus.registry) standingFor.set(file, (known = { registry: corpus.registry, byEntry: new Map() }));
  let found = known.byEntry.get(entry.id);
  if (!found) {
    const byEntry = fileMentions(corpus, file);
    const own = byEntry.get(entry.id) ?? [];
    const asCover = entry.kind === 'person' ? covers().flatMap((id) => byEntry.get(id) ?? []).filter((m) => identify(corpus, m.doc, m.mention).people.includes(entry.id)) : [];
    found = asCover.length === 0 ? own : [...own, ...asCover].sort((x, y) => comparePositions(x.range.start, y.range.start));
    known.byEntry.set(entry.id, found);
  }
  return found;
}

/**
 * Every mention that stands for the entry. For a person: their own names, and the cover names
 * that stand for them where they stand (an ambiguous cover name counts for each possible bearer).
 * For anything else: its own names.
 */
export function mentionsOf(corpus: Corpus, entry: RegistryEntry): MentionAt[] {
  return atOnce(mentionsOfInSlices(corpus, entry));
}

/** The same, file by file (each list kept while its file's reading is): for what is made once per file and put together. */
export function mentionsByFile(corpus: Corpus, entry: RegistryEntry): MentionAt[][] {
  return remembered(corpus, `mentions by file ${entry.id}`, () => {
    const covers = coverIds(corpus);
    return [...corpus.allFiles()].map((file) => fileMentionsOf(corpus, file, entry, covers)).filter((list) => list.length > 0);
  });
}

/** The registry's cover names, asked for only when a file's mentions of a person are made. */
function coverIds(corpus: Corpus): () => string[] {
  let ids: string[] | undefined;
  return () => (ids ??= corpus.registry.entries.filter((e) => e.kind === 'cover-name').map((e) => e.id));
}

/**
 * What is worked out from the whole corpus (an entry's mentions, the documents they stand in),
 * kept for as long as nothing in the corpus changes: hovers ask the same again and again.
 */
export function remembered<T>(corpus: Corpus, what: string, work: () => T): T {
  let known = rememberedByCorpus.get(corpus);
  if (!known || known.generation !== corpus.generation) rememberedByCorpus.set(corpus, (known = { generation: corpus.generation, values: new Map() }));
  if (!known.values.has(what)) known.values.set(what, work());
  return known.values.get(what) as T;
}

function recalled<T>(corpus: Corpus, what: string): T | undefined {
  const known = rememberedByCorpus.get(corpus);
  return known?.generation === corpus.generation ? (known.values.get(what) as T | undefined) : undefined;
}

const rememberedByCorpus = new WeakMap<Corpus, { generation: number; values: Map<string, unknown> }>();

/** `mentionsOf`, pausing after each file (see atOnce); kept until the corpus changes. */
export function* mentionsOfInSlices(corpus: Corpus, entry: RegistryEntry): Generator<void, MentionAt[]> {
  const what = `mentions ${entry.id}`;
  const known = recalled<MentionAt[]>(corpus, what);
  if (known) return known;
  const generation = corpus.generation;
  const found = yield* collectMentions(corpus, entry);
  // An edit between two slices: what was collected mixes two states of the corpus, and is not kept.
  if (corpus.generation === generation) remembered(corpus, what, () => found);
  return found;
}

function* collectMentions(corpus: Corpus, entry: RegistryEntry): Generator<void, MentionAt[]> {
  // A cover name stands for a person where the text says so, even one its registry entry does not name.
  const covers = coverIds(corpus);
  const out: MentionAt[] = [];
  for (const file of corpus.allFiles()) {
    out.push(...fileMentionsOf(corpus, file, entry, covers));
    yield;
  }
  return out;
}

/**
 * Runs to its result, at once, work written as a generator that yields where it may pause: the
 * server runs the same work in slices, letting other messages (a cancellation) in at each pause.
 */
export function atOnce<T>(work: Generator<unknown, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** The entry whose mentions `find references` lists: a cover name's bearer when it is certain. */
export function subjectOf(corpus: Corpus, entry: RegistryEntry, doc?: TranscribedDocument, mention?: NameMention): RegistryEntry {
  if (entry.kind !== 'cover-name') return entry;
  const people = mention ? identify(corpus, doc, mention).people : corpus.peopleBehind(entry.id);
  const person = people.length === 1 ? corpus.registry.byId.get(people[0]!) : undefined;
  return person ?? entry;
}

/**
 * The copies of a document's header earlier in the file (a web page's title repeating it). A
 * copy with the same text maps positions one to one; `map` moves a range on the header line to
 * the copy.
 */
export interface HeaderCopy {
  range: Range;
  /** True when the copy's text is the header's, character for character. */
  exact: boolean;
  map(r: Range): Range;
  /** The header position a position in the copy stands for. */
  unmap(p: { line: number; character: number }): { line: number; character: number };
}

export function headerCopies(corpus: Corpus, uri: string, doc: TranscribedDocument): HeaderCopy[] {
  const header = doc.header;
  if (!header || doc.repeatedHeaders.length === 0) return [];
  const lines = corpus.lines(uri);
  const lineText = (r: Range) => (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const original = lineText(header.range);
  return doc.repeatedHeaders.map((copy) => {
    const shift = copy.start.character - header.range.start.character;
    const exact = copy.start.line === copy.end.line && lineText(copy) === original;
    return {
      range: copy,
      exact,
      map: (r) => ({ start: { line: copy.start.line, character: r.start.character + shift }, end: { line: copy.start.line, character: r.end.character + shift } }),
      unmap: (p) => ({ line: header.range.start.line, character: p.character - shift }),
    };
  });
}
