// Edits to marginalia.yaml that a code action proposes: an entry under `accepted:`, a severity
// under `rules:`. Pure: the file's text in, one text edit out. The rest of the file (comments,
// order, the user's quoting) stays as it was; a file that does not parse gets no edit.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';
import type { AcceptedFinding, Position, Range, Severity } from '../model/types.js';

export interface SettingsTextEdit {
  range: Range;
  newText: string;
}

interface Located {
  /** The top-level value of `key`, if the key is there. */
  pair?: { key: Node; value: Node | null };
  position: (offset: number) => Position;
  end: Position;
  text: string;
}

function locate(text: string, key: string): Located | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) return undefined;
  const position = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  const top = doc.contents;
  if (top !== null && !isMap(top)) return undefined;
  const pair = top?.items.find((p) => isScalar(p.key) && p.key.value === key);
  return { pair: pair && { key: pair.key as Node, value: pair.value as Node | null }, position, end: position(text.length), text };
}

const at = (p: Position): Range => ({ start: p, end: p });

/** The start of the line after the one holding `offset - 1` (the last character of a node). */
function lineAfter(found: Located, offset: number): SettingsTextEdit['range'] & { prefix: string } {
  const last = found.position(Math.max(0, offset - 1));
  if (last.line + 1 > found.end.line) return { ...at(found.end), prefix: found.text.endsWith('\n') ? '' : '\n' };
  return { ...at({ line: last.line + 1, character: 0 }), prefix: '' };
}

/** A new top-level section at the end of the file. */
function appendSection(found: Located, lines: string): SettingsTextEdit {
  const prefix = found.text === '' || found.text.endsWith('\n') ? '' : '\n';
  return { range: at(found.end), newText: `${prefix}${lines}` };
}

/** `accepted: []`, `accepted:` or `accepted: ~`: the value is replaced by (or followed by) a block. */
function fillEmpty(found: Located, value: Node | null, keyNode: Node, block: string): SettingsTextEdit {
  if (value?.range && value.range[1] > value.range[0]) {
    let start = value.range[0];
    while (start > 0 && found.text[start - 1] === ' ') start--;
    return { range: { start: found.position(start), end: found.position(value.range[1]) }, newText: `\n${block}` };
  }
  return { range: at(found.position(keyNode.range![1] + 1)), newText: `\n${block}` };
}

const indent = (text: string, by: number) => text.replace(/^(?=.)/gm, ' '.repeat(by)).replace(/\n$/, '');

/**
 * The discrepancy as an entry under `accepted:`, after the entries already there (or as the first,
 * or in a new section).
 */
export function acceptEdit(text: string, entry: AcceptedFinding): SettingsTextEdit | undefined {
  const found = locate(text, 'accepted');
  if (!found) return undefined;
  const fields: Record<string, string> = { code: entry.code };
  if (entry.file !== undefined) fields.file = entry.file;
  if (entry.document !== undefined) fields.document = entry.document;
  fields.reason = entry.reason;
  const item = stringify([fields], { lineWidth: 0 });
  if (!found.pair) return appendSection(found, `accepted:\n${indent(item, 2)}\n`);
  const { key, value } = found.pair;
  if (isSeq(value) && value.items.length > 0) {
    if (value.flow) {
      const flowItem = `{ ${Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
      return { range: at(found.position(value.range![1] - 1)), newText: `, ${flowItem}` };
    }
    const where = lineAfter(found, value.range![1]);
    const column = found.position(value.range![0]).character;
    return { range: { start: where.start, end: where.end }, newText: `${where.prefix}${indent(item, column)}\n` };
  }
  if (value === null || (isScalar(value) && value.value === null) || isSeq(value)) return fillEmpty(found, value, key, indent(item, 2));
  return undefined;
}

/** `rules: { code: severity }`: the rule's line changed if it is there, else added. */
export function ruleSeverityEdit(text: string, code: string, severity: Severity | 'off'): SettingsTextEdit | undefined {
  const found = locate(text, 'rules');
  if (!found) return undefined;
  const line = stringify({ [code]: severity }).replace(/\n$/, '');
  if (!found.pair) return appendSection(found, `rules:\n  ${line}\n`);
  const { key, value } = found.pair;
  if (isMap(value) && value.items.length > 0) {
    const own = value.items.find((p) => isScalar(p.key) && p.key.value === code);
    const ownValue = own?.value as Node | null | undefined;
    if (ownValue?.range && ownValue.range[1] > ownValue.range[0]) return { range: { start: found.position(ownValue.range[0]), end: found.position(ownValue.range[1]) }, newText: severity };
    if (own) return { range: at(found.position((own.key as Node).range![1] + 1)), newText: ` ${severity}` };
    if (value.flow) return { range: at(found.position(value.range![1] - 1)), newText: `, ${line}` };
    const where = lineAfter(found, value.range![1]);
    const column = found.position(value.range![0]).character;
    return { range: { start: where.start, end: where.end }, newText: `${where.prefix}${' '.repeat(column)}${line}\n` };
  }
  if (value === null || (isScalar(value) && value.value === null) || isMap(value)) return fillEmpty(found, value, key, `  ${line}`);
  return undefined;
}
