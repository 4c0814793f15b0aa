// The Outline and breadcrumbs (one symbol per document, with its header, stamps, body and source)
// and workspace symbols (documents and registry entries), as plain data.

import type { Corpus } from '../corpus/index.js';
import type { Range, RegistryEntry, TranscribedDocument } from '../model/types.js';
import { documentTitle } from './hover.js';
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
  if (file) return file.documents.map(documentSymbol);
  // In a registry file: one symbol per entry.
  return corpus.registry.entries
    .filter((e) => e.location.file === uri)
    .map((e) => {
      const selection = registryLocation(e).range;
      return { name: e.name, detail: e.kind, role: e.kind, range: e.location.range, selectionRange: selection, children: [] };
    });
}

function documentSymbol(doc: TranscribedDocument): OutlineSymbol {
  const children: OutlineSymbol[] = [];
  const leaf = (name: string, role: SymbolRole, range: Range, detail?: string): OutlineSymbol => {
    const symbol: OutlineSymbol = { name, role, range, selectionRange: range, children: [] };
    if (detail) symbol.detail = detail;
    return symbol;
  };
  if (doc.header) children.push(leaf('Header', 'header', doc.header.range, doc.header.title));
  for (const s of doc.stamps) children.push(leaf(`${s.handwritten ? 'Note' : 'Stamp'}: ${s.action}`, 'stamp', s.range));
  for (const d of doc.distributionLists) children.push(leaf('Distribution list', 'distribution', d.range, d.recipients.map((r) => r.text).join(', ')));
  const sources = doc.archiveReferences;
  const bodyStart = (doc.header?.range.end.line ?? doc.range.start.line - 1) + 1;
  const bodyEnd = (sources[0]?.range.start.line ?? doc.range.end.line + 1) - 1;
  if (bodyEnd >= bodyStart) {
    children.push(leaf('Body', 'body', { start: { line: bodyStart, character: 0 }, end: { line: bodyEnd, character: 0 } }));
  }
  for (const ref of sources) children.push(leaf('Source', 'source', ref.range, ref.text.replace(/^\[|\]$/g, '')));
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const selection = doc.header?.range ?? { start: doc.range.start, end: doc.range.start };
  return { name: documentTitle(doc), role: 'document', range: doc.range, selectionRange: selection, children };
}

/** Documents and registry entries whose name contains every character of the query, in order. */
export function workspaceSymbols(corpus: Corpus, query: string): WorkspaceSymbolData[] {
  const out: WorkspaceSymbolData[] = [];
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const matches = (name: string) => {
    const n = name.toLowerCase();
    let i = 0;
    for (const c of n) if (c === wanted[i]) i++;
    return i === wanted.length;
  };
  for (const d of corpus.documents()) {
    const name = documentTitle(d.document);
    if (matches(name)) out.push({ name, role: 'document', uri: d.uri, range: d.document.header?.range ?? d.document.range });
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
