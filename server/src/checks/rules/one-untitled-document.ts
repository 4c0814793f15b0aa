import type { Rule } from './rule.js';

/** A file the scanner could not divide: one document with no number, title or dateline. */
export const oneUntitledDocument: Rule = {
  code: 'one-untitled-document',
  defaultSeverity: 'information',
  description: 'a file read as one untitled document: no `Document N:` line, dateline or heading was found to divide it by',
  reads: 'file',
  check({ corpus, uri, doc }) {
    const file = corpus.file(uri);
    if (!file || file.documents.length !== 1) return [];
    if (doc.header?.number !== undefined || doc.header?.title !== undefined || doc.dateline !== undefined) return [];
    const lines = corpus.lines(uri);
    let first = doc.range.start.line;
    while (first < doc.range.end.line && !(lines[first] ?? '').trim()) first++;
    const text = lines[first] ?? '';
    const start = text.length - text.trimStart().length;
    return [
      {
        range: { start: { line: first, character: start }, end: { line: first, character: text.trimEnd().length } },
        message:
          'Marginalia read this file as one untitled document: it found no "Document N:" line, dateline or heading to divide it by. If the file holds several documents, begin each with a "Document N:" line.',
        related: [],
      },
    ];
  },
};
