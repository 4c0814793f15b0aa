// A line above each document as Marginalia read it (`Document 13 · Letter · 7 October 1950 ·
// Fyn Si → Kim Il Sung · 1 finding`), so that a file split wrongly, or read as one document, shows
// at once.

import type { Corpus } from '../corpus/index.js';
import { documentDay } from '../corpus/index.js';
import { formatDate } from '../model/dates.js';
import { editorsCorrection } from '../model/scan/document-date.js';
import type { Correspondent, Finding, Range } from '../model/types.js';

export interface DocumentLens {
  range: Range;
  title: string;
}

export function documentLenses(corpus: Corpus, uri: string, findings: Finding[]): DocumentLens[] {
  const file = corpus.file(uri);
  if (!file) return [];
  return file.documents.map((doc) => {
    const h = doc.header;
    const type = h?.type && h.type !== 'document' ? h.type[0]!.toUpperCase() + h.type.slice(1) : undefined;
    const name = h?.number ? `Document ${h.number}` : type ? undefined : 'Untitled document';
    const value = editorsCorrection(doc)?.editorial?.value ?? documentDay(doc)?.value;
    const names = (list: Correspondent[]) => list.filter((c) => !c.via).map((c) => c.text).join(' and ');
    const parties = h && (h.from.length || h.to.length) ? `${names(h.from) || '?'} → ${names(h.to) || '?'}` : undefined;
    // Hints are not in the Problems view, so they are not counted here either.
    const count = findings.filter((f) => f.documentIndex === doc.index && f.severity !== 'hint').length;
    const found = count === 0 ? 'no findings' : `${count} finding${count === 1 ? '' : 's'}`;
    const title = [name, type, value ? formatDate(value) : doc.dateline?.undated ? 'undated' : 'no date found', parties, found].filter(Boolean).join(' · ');
    const at = { line: doc.range.start.line, character: 0 };
    return { range: { start: at, end: at }, title };
  });
}
