// The Outline and breadcrumbs (one symbol per document, with its header, stamps, body and source)
// and workspace symbols (documents and registry entries), as plain data.

import type { Corpus } from '../corpus/index.js';
import type { Range, RegistryEntry, TranscribedDocument } from '../model/types.js';
import { documentTitle } from './hover-documents.js';
import { atOnce } from './identity.js';
import { registryLocation } from './navigation.js';

export type SymbolRole = 'document' | 'header' | 'stamp' | 'body' | 'source' | 'distribution' | RegistryEntry['kind'];

export interface OutlineSymbol {
  name: string;
  detail?: string;
  role: SymbolRole;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface WorkspaceSymbolData {
  name: string;
  role: SymbolRole;
  uri: string;
  range: Range;
  container?: string;
}

export function documentSymbols(corpus: Corpus, uri: string): OutlineSymbol[] {
  const file = corpus.file(uri);
  if (file) {
    const lines = corpus.lines(uri);
    return file.documents.map((d) => documentSymbol(d, lines));
  }
  // In a registry file: one symbol per entry.
  return corpus.registry.entries
    .filter((e) => e.location.file === uri)
    .map((e) => {
      const selection = registryLocation(e).range;
      return { name: e.name, detail: e.kind, role: e.kind, range: e.location.range, selectionRange: selection, children: [] };
    });
}

/**
 * A document: its header, its body (holding the stamps and distribution lists written in it, in
 * the order of the text), and its source note. Every child lies inside its parent's range.
 */
function documentSymbol(doc: TranscribedDocument, lines: string[]): OutlineSymbol {
  const leaf = (name: string, role: SymbolRole, range: Range, detail?: string): OutlineSymbol => {
    const symbol: OutlineSymbol = { name, role, range, selectionRange: range, children: [] };
    if (detail) symbol.detail = detail;
    return symbol;
  };
  const lineEnd = (line: number) => ({ line, character: (lines[line] ?? '').length });
  const parts: OutlineSymbol[] = [];
  if (doc.header) parts.push(leaf('Header', 'header', doc.header.range, doc.header.title));
  const inner: OutlineSymbol[] = [];
  for (const s of doc.stamps) {
    const when = [s.date?.text, s.time?.text].filter(Boolean).join(' ');
    inner.push(leaf(`${s.handwritten ? 'Note' : 'Stamp'}: ${s.action}`, 'stamp', s.range, when || undefined));
  }
  for (const d of doc.distributionLists) inner.push(leaf('Distribution list', 'distribution', d.range, d.recipients.map((r) => r.text).join(', ')));
  const sources = doc.archiveReferences;
  const bodyStart = doc.header ? doc.header.range.end.line + 1 : doc.range.start.line;
  const bodyEnd = (sources[0]?.range.start.line ?? doc.range.end.line + 1) - 1;
  const bodyRange: Range = { start: { line: bodyStart, character: 0 }, end: lineEnd(bodyEnd) };
  const inBody = (r: Range) => r.start.line >= bodyStart && r.end.line <= bodyEnd;
  if (bodyEnd >= bodyStart) {
    const body = leaf('Body', 'body', bodyRange);
    body.children = inner.filter((c) => inBody(c.range)).sort(byPosition);
    body.selectionRange = { start: bodyRange.start, end: bodyRange.start };
    parts.push(body);
  }
  parts.push(...inner.filter((c) => bodyEnd < bodyStart || !inBody(c.range)));
  for (const ref of sources) parts.push(leaf('Source', 'source', ref.range, ref.text.replace(/^\[|\]$/g, '').replace(/^\s*Source:\s*/i, '')));
  parts.sort(byPosition);
  const selection = doc.header?.range ?? { start: doc.range.start, end: doc.range.start };
  return { name: documentTitle(doc), role: 'document', range: doc.range, selectionRange: selection, children: parts };
}

function byPosition(a: OutlineSymbol, b: OutlineSymbol): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

const digitsOf = (doc: TranscribedDocument) => /^\d*/.exec(doc.header?.number ?? '')![0];
/** A document's number as a number (`12A` is 12); documents without one last, in their order. */
const numberOf = (doc: TranscribedDocument) => (digitsOf(doc) ? Number(digitsOf(doc)) : Number.MAX_SAFE_INTEGER);

/**
 * Documents and registry entries matching the query: every word of it found in the name (or in
 * one of an entry's forms), regardless of case and diacritics. The editor ranks them further.
 */
export function workspaceSymbols(corpus: Corpus, query: string): WorkspaceSymbolData[] {
  return atOnce(workspaceSymbolsInSlices(corpus, query));
}

/** `workspaceSymbols`, pausing after each document (see atOnce). */
export function* workspaceSymbolsInSlices(corpus: Corpus, query: string): Generator<void, WorkspaceSymbolData[]> {
  const out: WorkspaceSymbolData[] = [];
  const fold = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  const matches = (name: string) => {
    const n = fold(name);
    return words.every((w) => n.includes(w));
  };
  const documents = [...corpus.documents()].sort((a, b) => numberOf(a.document) - numberOf(b.document));
  const width = documents.reduce((w, d) => Math.max(w, digitsOf(d.document).length), 0);
  for (const d of documents) {
    // VS Code sorts symbols of equal score by name, as text: figure spaces put Document 7 before Document 10.
    const name = documentTitle(d.document).replace(/^Document (?=\d)/, `Document ${'\u2007'.repeat(width - digitsOf(d.document).length)}`);
    if (matches(name)) out.push({ name, role: 'document', uri: d.uri, range: d.document.header?.range ?? d.document.range });
    yield;
  }
  for (const e of corpus.registry.entries) {
    const names = [e.name, ...e.forms.map((f) => f.text)];
    if (names.some(matches)) {
      const loc = registryLocation(e);
      out.push({ name: e.name, role: e.kind, uri: loc.file, range: loc.range, container: e.kind });
    }
  }
  return out;
}
