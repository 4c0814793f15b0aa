// Small helpers over plain text and ranges, shared by every part of the model.

import type { Position, Range } from './types.js';

/** Lines without their terminators; `\r\n`, `\n` and a lone `\r` all end a line, as in LSP. */
export function splitLines(text: string): string[] {
  // Most files end their lines with `\n` alone: split by the string, which takes half the time.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function contains(outer: Range, p: Position): boolean {
  return comparePositions(outer.start, p) <= 0 && comparePositions(p, outer.end) <= 0;
}

export function containsRange(outer: Range, inner: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

/** 1-based `line:column`, the way compilers and historians' notes cite a place in a file. */
export function formatPosition(p: Position): string {
  return `${p.line + 1}:${p.character + 1}`;
}

/** Text of a single-line range. */
export function slice(lines: readonly string[], r: Range): string {
  return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
}

/** Whether `inner` lies within `outer` on one line. */
export function within(inner: Range, outer: Range): boolean {
  return inner.start.line === outer.start.line && inner.start.character >= outer.start.character && inner.end.character <= outer.end.character;
}

/**
 * `text` with each `[…]` (from a `[` to the first `]` after it) replaced by a space, as
 * `text.replace(/\[[^\]]*\]/g, ' ')` would, but in one pass: that pattern retries at every `[` of
 * an unclosed run, which is quadratic in a line of 32,000 of them.
 */
export function blankBracketed(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', from)) {
    const close = text.indexOf(']', open + 1);
    if (close < 0) break; // no later `[` can close either
    out += text.slice(from, open) + ' ';
    from = close + 1;
  }
  return out + text.slice(from);
}
