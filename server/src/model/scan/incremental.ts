// Reuse of the last reading of a file: a document whose text has not changed is taken over and
// moved to its new lines instead of being read again.

import { splitLines } from '../text.js';
import type { TranscribedDocument, TranscriptionFile } from '../types.js';

/**
 * Each reading's documents by their text, as the scan that made it cut them: the next edit of the
 * file looks its documents up here instead of cutting the old text again.
 */
const documentsByText = new WeakMap<TranscriptionFile, Map<string, TranscribedDocument>>();

export function rememberDocuments(facts: TranscriptionFile, texts: readonly string[]): void {
  documentsByText.set(facts, new Map(texts.map((t, i) => [t, facts.documents[i]!])));
}

/** The documents of the previous scan, by their text. */
export function previousDocuments(previous: { text: string; facts: TranscriptionFile } | undefined): Map<string, TranscribedDocument> {
  const out = new Map<string, TranscribedDocument>();
  if (!previous) return out;
  const known = documentsByText.get(previous.facts);
  if (known) return known;
  const lines = splitLines(previous.text);
  for (const doc of previous.facts.documents) {
    out.set(lines.slice(doc.range.start.line, doc.range.end.line + 1).join('\n'), doc);
  }
  return out;
}

/** A document read before, moved `delta` lines down (a copy: the previous scan stays as it was). */
export function moved(doc: TranscribedDocument, delta: number, index: number): TranscribedDocument {
  if (delta === 0 && doc.index === index) return doc; // above the edit: nothing to move
  // Objects shared inside a document (a stamp's date is also among the document's dates) must stay
  // shared in the copy, so the copy is made once per object.
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const known = copies.get(value);
    if (known) return known;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const v of value) out.push(copy(v));
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    const source = value as Record<string, unknown>;
    for (const k in source) {
      const v = source[k];
      out[k] = k === 'line' && typeof v === 'number' ? v + delta : typeof v === 'object' ? copy(v) : v;
    }
    return out;
  };
  const result = copy(doc) as TranscribedDocument;
  result.index = index;
  return result;
}
