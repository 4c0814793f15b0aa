// Reuse of the last reading of a file: a document whose text has not changed is taken over and
// moved to its new lines instead of being read again.

import { splitLines } from '../text.js';
import type { TranscribedDocument, TranscriptionFile } from '../types.js';

/**
 * Each reading's documents by their text, as the scan that made it cut them: the next edit of the
 * file looks its documents up here instead of cutting the old text again. A text the file holds
 * twice lists its documents in the file's order, so that each is taken over by the same place.
 */
const documentsByText = new WeakMap<TranscriptionFile, Map<string, TranscribedDocument[]>>();

function byText(texts: readonly string[], documents: readonly TranscribedDocument[]): Map<string, TranscribedDocument[]> {
  const out = new Map<string, TranscribedDocument[]>();
  texts.forEach((t, i) => {
    const list = out.get(t);
    if (list) list.push(documents[i]!);
    else out.set(t, [documents[i]!]);
  });
  return out;
}

export function rememberDocuments(facts: TranscriptionFile, texts: readonly string[]): void {
  documentsByText.set(facts, byText(texts, facts.documents));
}

/**
 * The documents of the previous scan, by their text. The scan takes them out as it takes them
 * over (moving them in place): a reading's documents are taken over once, by the next reading.
 */
export function previousDocuments(previous: { text: string; facts: TranscriptionFile } | undefined): Map<string, TranscribedDocument[]> {
  if (!previous) return new Map();
  const known = documentsByText.get(previous.facts);
  documentsByText.delete(previous.facts);
  if (known) return known;
  const lines = splitLines(previous.text);
  return byText(
    previous.facts.documents.map((doc) => lines.slice(doc.range.start.line, doc.range.end.line + 1).join('\n')),
    previous.facts.documents,
  );
}

/**
 * A document read before, moved `delta` lines down, in place (a copy of every document below an
 * edit was most of the cost of typing in a large file). The corpus holds one reading of a file:
 * whatever still holds the previous reading (its `documents`, findings pointing into it) sees
 * the documents taken over at their new lines and index.
 */
export function moved(doc: TranscribedDocument, delta: number, index: number): TranscribedDocument {
  doc.index = index;
  if (delta === 0) return doc;
  // A position shared inside a document (a stamp's date is also among the document's dates) is
  // moved once: a moved line is written as -(line + 1) until the walk ends, then made positive
  // again. Facts are plain data, without cycles (they are also sent between threads).
  const marked: Array<{ line: number }> = [];
  const move = (value: object): void => {
    if (Array.isArray(value)) {
      for (const v of value) if (v !== null && typeof v === 'object') move(v);
      return;
    }
    const fields = value as Record<string, unknown>;
    for (const k in fields) {
      const v = fields[k];
      if (k === 'line' && typeof v === 'number') {
        if (v >= 0) {
          fields[k] = -(v + delta) - 1;
          marked.push(fields as { line: number });
        }
      } else if (v !== null && typeof v === 'object') move(v);
    }
  };
  move(doc);
  for (const p of marked) p.line = -p.line - 1;
  return doc;
}
