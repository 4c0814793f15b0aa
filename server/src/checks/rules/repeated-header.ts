import { at, docName, line } from './evidence.js';
import type { Rule } from './rule.js';

export const repeatedHeader: Rule = {
  code: 'repeated-header',
  defaultSeverity: 'warning',
  description: "a document header repeated (a web page's title copied with the text); the copy is not counted as a document",
  // The copies stand above the document's own lines: the file's reading finds them.
  reads: 'file',
  tags: ['unnecessary'],
  check({ uri, doc }) {
    return doc.repeatedHeaders.map((r) => ({
      range: r,
      message: `The header of ${docName(doc)} is repeated at ${line(doc.header!.range)}; this copy (${line(r)}) is not counted as a document.`,
      related: [at(uri, doc.header!.range, 'the header the document is read from')],
    }));
  },
};
