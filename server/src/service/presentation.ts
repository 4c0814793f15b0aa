// How a transcription is shown: semantic tokens (who is a person, what is a date), folding per
// document, and links where the registry gives an archive's or a person's address.

import type { Corpus } from '../corpus/index.js';
import { containsRange } from '../model/text.js';
import type { Range } from '../model/types.js';
import { headerCopies } from './identity.js';

/** The token types, in the order of the legend the server announces. */
export const semanticTokenTypes = [
  'person',
  'coverName',
  'place',
  'organisation',
  'date',
  'time',
  'referenceNumber',
  'archiveReference',
  'editorialBracket',
] as const;
export type SemanticTokenType = (typeof semanticTokenTypes)[number];

export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
}

const nameTokenType: Record<string, SemanticTokenType> = {
  person: 'person',
  'cover-name': 'coverName',
  place: 'place',
  organisation: 'organisation',
  archive: 'organisation',
};

/**
 * Tokens sorted by position and without overlaps (the protocol allows none): smaller wins. With
 * `within` (the lines the editor shows), those of the documents that reach into it.
 */
export function semanticTokens(corpus: Corpus, uri: string, within?: Range): SemanticToken[] {
  const file = corpus.file(uri);
  if (!file) return [];
  const candidates: Array<{ range: Range; type: SemanticTokenType }> = [];
  for (const doc of file.documents) {
    // A document outside the range asked for (the editor's visible lines) is skipped, with the
    // header copies above it that stand before its own first line.
    const reach = Math.min(doc.range.start.line, ...doc.repeatedHeaders.map((r) => r.start.line));
    if (within && (doc.range.end.line < within.start.line || reach > within.end.line)) continue;
    const start = candidates.length;
    for (const n of doc.names) candidates.push({ range: n.range, type: nameTokenType[n.entryKind] ?? 'person' });
    for (const d of doc.dates) candidates.push({ range: d.range, type: 'date' });
    for (const t of doc.times) candidates.push({ range: t.range, type: 'time' });
    for (const r of doc.referenceNumbers) candidates.push({ range: r.range, type: 'referenceNumber' });
    for (const a of doc.archiveReferences) candidates.push({ range: a.range, type: 'archiveReference' });
    for (const b of doc.brackets) if (b.bracketKind !== 'source' && b.bracketKind !== 'identification') candidates.push({ range: b.range, type: 'editorialBracket' });
    // The page-title copy of the header looks like the header.
    const header = doc.header?.range;
    for (const copy of header ? headerCopies(corpus, uri, doc) : []) {
      if (!copy.exact) continue;
      for (const c of candidates.slice(start)) if (containsRange(header!, c.range)) candidates.push({ range: copy.map(c.range), type: c.type });
    }
  }
  const singleLine = candidates.filter((c) => c.range.start.line === c.range.end.line && c.range.end.character > c.range.start.character);
  // Line by line, the smaller first (a stable sort: of equal width, the first found first).
  singleLine.sort((a, b) => a.range.start.line - b.range.start.line || width(a.range) - width(b.range));
  const out: SemanticToken[] = [];
  let taken: Array<[number, number]> = [];
  let line = -1;
  for (const c of singleLine) {
    if (c.range.start.line !== line) {
      line = c.range.start.line;
      taken = [];
    }
    const s = c.range.start.character;
    const e = c.range.end.character;
    // Tokens may not overlap: a smaller one keeps its place, and a wider one (a whole archive
    // reference) keeps the parts that nothing smaller holds (`[Source: ` and `, fond 45, …]`).
    let from = s;
    const overlapping = taken.filter(([a, b]) => a < e && s < b);
    if (overlapping.length > 1) overlapping.sort((x, y) => x[0] - y[0]);
    for (const [a, b] of overlapping) {
      if (a > from) out.push({ line, character: from, length: a - from, type: c.type });
      from = Math.max(from, b);
    }
    if (e > from) out.push({ line, character: from, length: e - from, type: c.type });
    taken.push([s, e]);
  }
  return out.sort((a, b) => a.line - b.line || a.character - b.character);
}

function width(r: Range): number {
  return r.end.character - r.start.character;
}

/** `[1, 0, 4, 0, …]`: the protocol's relative encoding. */
export function encodeSemanticTokens(tokens: SemanticToken[]): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    data.push(deltaLine, deltaLine === 0 ? t.character - character : t.character, t.length, semanticTokenTypes.indexOf(t.type), 0);
    line = t.line;
    character = t.character;
  }
  return data;
}

export interface FoldingRangeData {
  startLine: number;
  endLine: number;
}

/** One fold per document, and one per quotation inside it. */
export function foldingRanges(corpus: Corpus, uri: string): FoldingRangeData[] {
  const file = corpus.file(uri);
  if (!file) return [];
  const out: FoldingRangeData[] = [];
  for (const doc of file.documents) {
    if (doc.range.end.line > doc.range.start.line) out.push({ startLine: doc.range.start.line, endLine: doc.range.end.line });
    for (const q of doc.quotations) if (q.end.line > q.start.line) out.push({ startLine: q.start.line, endLine: q.end.line });
  }
  return out;
}

export interface DocumentLinkData {
  range: Range;
  target: string;
  tooltip: string;
}

/** Archives, and the people of a header, whose registry entry gives a URL (or a Wikidata item). */
export function documentLinks(corpus: Corpus, uri: string): DocumentLinkData[] {
  const file = corpus.file(uri);
  if (!file) return [];
  const out: DocumentLinkData[] = [];
  const linkFor = (entryId: string | undefined) => {
    const entry = entryId ? corpus.registry.byId.get(entryId) : undefined;
    if (!entry) return undefined;
    if (entry.url) return { target: entry.url, tooltip: `${entry.name}: ${entry.url}` };
    if (entry.wikidata) return { target: `https://www.wikidata.org/wiki/${entry.wikidata}`, tooltip: `${entry.name} in Wikidata (${entry.wikidata})` };
    return undefined;
  };
  for (const doc of file.documents) {
    for (const a of doc.archiveReferences) {
      const link = a.archive && linkFor(a.archive.entryId);
      if (link) out.push({ range: a.archive!.range, ...link });
    }
    // People link from the header only: in the body a click should go to the registry entry.
    for (const c of [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])]) {
      const who = c.identification ?? c;
      const link = linkFor(who.entryId);
      if (link) out.push({ range: who.range, ...link });
    }
  }
  return out;
}
