// Who a name stands for, mention by mention. A person's name stands for that person; a cover name
// stands for whoever the text identifies beside it (`Filippov (Stalin)`), else whoever the same
// document identifies it as elsewhere (the header `Matveyev (Zakharov)` settles `Comrade Matveyev`
// in the body), else whoever the registry's editions say bore it at the document's date. Hover,
// references and inlay hints all ask here, so that they agree with each other.

import { documentDay, type Corpus } from '../corpus/index.js';
import { periodCovers } from '../model/dates.js';
import { containsRange, splitLines } from '../model/text.js';
import type { NameMention, Range, RegistryEntry, TranscribedDocument } from '../model/types.js';

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
  const lines = new Map<string, string[]>();
  for (const { uri, document: doc } of corpus.documents()) {
    let copies: HeaderCopy[] = [];
    if (doc.repeatedHeaders.length) {
      if (!lines.has(uri)) lines.set(uri, splitLines(corpus.text(uri) ?? ''));
      copies = headerCopies(corpus, uri, doc, lines.get(uri));
    }
    for (const mention of doc.names) {
      if (!doc.header || !containsRange(doc.header.range, mention.range)) continue;
      for (const copy of copies) if (copy.exact) yield { uri, doc, mention, range: copy.map(mention.range) };
    }
    for (const mention of doc.names) yield { uri, doc, mention, range: mention.range };
  }
}

/**
 * Every mention that stands for the entry. For a person: their own names, and the cover names
 * that stand for them where they stand (an ambiguous cover name counts for each possible bearer).
 * For anything else: its own names.
 */
export function mentionsOf(corpus: Corpus, entry: RegistryEntry): MentionAt[] {
  const out: MentionAt[] = [];
  for (const m of allMentions(corpus)) {
    if (m.mention.entryId === entry.id) out.push(m);
    else if (entry.kind === 'person' && corpus.registry.byId.get(m.mention.entryId)?.kind === 'cover-name') {
      if (identify(corpus, m.doc, m.mention).people.includes(entry.id)) out.push(m);
    }
  }
  return out;
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

export function headerCopies(corpus: Corpus, uri: string, doc: TranscribedDocument, fileLines?: string[]): HeaderCopy[] {
  const header = doc.header;
  if (!header || doc.repeatedHeaders.length === 0) return [];
  const lines = fileLines ?? splitLines(corpus.text(uri) ?? '');
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
