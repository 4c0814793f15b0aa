// A line above each document as Marginalia read it (`Document 13 · Letter · 7 October 1950 ·
// Fyn Si → Kim Il Sung · 1 finding`), so that a file split wrongly, or read as one document, shows
// at once.

import type { Corpus } from '../corpus/index.js';
import { formatDate } from '../model/dates.js';
import type { Finding, Range } from '../model/types.js';
import { documentParts } from './hover-documents.js';

export interface DocumentLens {
  range: Range;
  title: string;
}

export function documentLenses(corpus: Corpus, uri: string, findings: Finding[]): DocumentLens[] {
  const file = corpus.file(uri);
  if (!file) return [];
  return file.documents.map((doc) => {
    const p = documentParts(doc);
    const name = p.number ? `Document ${p.number}` : p.type ? undefined : 'Untitled document';
    const parties = p.from || p.to ? `${p.from || '?'} → ${p.to || '?'}` : undefined;
    // Hints are not in the Problems view, so they are not counted here either.
    const count = findings.filter((f) => f.documentIndex === doc.index && f.severity !== 'hint').length;
    const found = count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`;
    const title = [name, p.type, p.date ? formatDate(p.date) : doc.dateline?.undated ? 'undated' : 'no date found', parties, found].filter(Boolean).join(' · ');
    const at = { line: doc.range.start.line, character: 0 };
    return { range: { start: at, end: at }, title };
  });
}
