// Reuse of the last reading of a file: a document on lines an edit left as they were is taken
// over and moved to its new lines instead of being read again.

import { splitLines } from '../text.js';
import type { TranscribedDocument, TranscriptionFile } from '../types.js';

/** Each reading's lines, kept for the next edit of the file (which would otherwise split the text before again). */
const linesOf = new WeakMap<TranscriptionFile, readonly string[]>();

export function rememberLines(facts: TranscriptionFile, lines: readonly string[]): void {
  linesOf.set(facts, lines);
}

/**
 * The previous reading's documents that stand wholly on lines the edit did not touch: those above
 * the first changed line stay where they were, those below the last move by the lines the edit
 * added. Compared line by line, not by position in the text, so a file of 2,000 documents costs
 * one pass over its lines and no hashing of their texts. A reading's documents are taken over once
 * (moved in place), by the next reading; documents on changed lines are read again, and those
 * `readAgain` names.
 */
export function unchangedDocuments(
  previous: { text: string; facts: TranscriptionFile; readAgain?: ReadonlySet<TranscribedDocument> } | undefined,
  lines: readonly string[],
): (first: number, last: number, index: number) => TranscribedDocument | undefined {
  if (!previous) return () => undefined;
  const old = linesOf.get(previous.facts) ?? splitLines(previous.text);
  linesOf.delete(previous.facts);
  const common = Math.min(old.length, lines.length);
  let above = 0;
  while (above < common && old[above] === lines[above]) above++;
  let below = 0;
  while (below < common - above && old[old.length - 1 - below] === lines[lines.length - 1 - below]) below++;
  const delta = lines.length - old.length;
  const byFirstLine = new Map(previous.facts.documents.map((d) => [d.range.start.line, d]));
  return (first, last, index) => {
    const shift = last < above ? 0 : first >= lines.length - below ? delta : undefined;
    if (shift === undefined) return undefined;
    const doc = byFirstLine.get(first - shift);
    if (!doc || doc.range.end.line !== last - shift || previous.readAgain?.has(doc)) return undefined;
    byFirstLine.delete(first - shift);
    return moved(doc, shift, index);
  };
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
