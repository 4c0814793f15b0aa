// The registry's YAML read quickly. A registry of an edition's whole cast (50,000 people, 10 MB)
// is written in the plainest YAML: block maps and lists, one-line scalars, one-line `[a, b]`
// lists. The yaml package reads that at about 1 MB/s, because it keeps every token for round
// trips; this reader takes the plain subset line by line, at tens of MB/s, and builds the same
// nodes (the yaml package's own classes, with the same ranges), so that the loader cannot tell
// them apart. Anything outside the subset (anchors, tags, block scalars, multi-line scalars,
// escapes, flow maps, an empty value, a syntax error) returns `undefined`, and the caller asks
// the yaml package, which also gives the messages for errors. `registry-yaml.test.ts` holds
// this reader to the yaml package's nodes on every registry of the repository and on generated
// ones.

import { Document, LineCounter, Pair, Scalar, YAMLMap, YAMLSeq, type ScalarTag } from 'yaml';

type Range3 = [number, number, number];
type Node = YAMLMap | YAMLSeq | Scalar;

/** The yaml package's own core-schema tags, so that `1950`, `true`, `0x1F` resolve as it would. */
const CORE = new Document();
const SCALAR_TAGS = CORE.schema.tags.filter((t): t is ScalarTag => t.default === true && !t.collection && t.test !== undefined);
/** Characters that begin something other than a plain scalar, or that this reader leaves alone. */
const NOT_PLAIN_START = new Set([...'[]{}#&*!|>\'"%@`,?:']);

/** Thrown inside the reader when the text leaves the plain subset; never escapes it. */
class NotPlain extends Error {}

/** The top node of `text` (null when it holds only comments), or undefined when it is not plain. */
export function readPlainYaml(text: string, lines: LineCounter): YAMLMap | null | undefined {
  const reader = new PlainReader(text);
  let top: YAMLMap | null;
  try {
    top = reader.read();
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
  for (const start of reader.lineStarts) lines.addNewLine(start);
  return top;
}

class PlainReader {
  readonly lineStarts: number[] = [0];
  /** Per content line (not blank, not a comment): where it starts, its indent and where it ends. */
  private readonly starts: number[] = [];
  private readonly indents: number[] = [];
  /** Where the line's text ends (before `\r\n` or `\n`). */
  private readonly ends: number[] = [];
  /** Where the next line starts (after the line break), or the text's length. */
  private readonly nexts: number[] = [];
  /** The comment lines after each content line: their indents and where the line after each starts. */
  private readonly comments: Array<Array<{ indent: number; next: number }> | undefined> = [];
  /** Content lines whose trailing comments a collection has taken (see `takeTrailing`). */
  private readonly taken = new Set<number>();

  constructor(private readonly text: string) {}

  read(): YAMLMap | null {
    this.splitLines();
    if (this.starts.length === 0) return null;
    if (this.indents[0] !== 0) throw new NotPlain();
    const { node, next } = this.map(0, this.starts[0]!);
    if (next !== this.starts.length) throw new NotPlain();
    return node;
  }

  private splitLines(): void {
    const t = this.text;
    // A tab, a lone carriage return or a byte-order mark needs the yaml package's rules.
    if (t.charCodeAt(0) === 0xfeff || t.includes('\t') || /\r(?!\n)/.test(t)) throw new NotPlain();
    for (let start = 0; start < t.length; ) {
      const nl = t.indexOf('\n', start);
      const next = nl < 0 ? t.length : nl + 1;
      const lineEnd = nl < 0 ? t.length : nl;
      const end = lineEnd > start && t.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      let i = start;
      while (i < end && t.charCodeAt(i) === 32) i++;
      const first = t.charCodeAt(i);
      if (i === start && (first === 37 /* % */ || /^(?:---|\.\.\.)(?: |\r?$)/.test(t.slice(i, i + 4)))) throw new NotPlain();
      if (i === end) {
        // a blank line
      } else if (first === 35 /* # */) {
        if (this.starts.length > 0) (this.comments[this.starts.length - 1] ??= []).push({ indent: i - start, next });
      } else {
        this.starts.push(i);
        this.indents.push(i - start);
        this.ends.push(end);
        this.nexts.push(next);
      }
      if (nl >= 0) this.lineStarts.push(next);
      start = next;
    }
  }

  /** The key that begins at `at` (a plain word followed by `:` and a space or the line's end). */
  private keyAt(at: number, lineEnd: number): string | undefined {
    const t = this.text;
    let k = at;
    const c0 = t.charCodeAt(k);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return undefined;
    for (k++; k < lineEnd; k++) {
      const c = t.charCodeAt(k);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
    }
    if (t.charCodeAt(k) !== 58 /* : */ || (k + 1 < lineEnd && t.charCodeAt(k + 1) !== 32)) return undefined;
    if (k - at > 1024) return undefined; // the yaml package's limit on an implicit key, and its error
    return t.slice(at, k);
  }

  /** A block map whose first key is at `at` on content line `i`; further keys at the same column. */
  private map(i: number, at: number): { node: YAMLMap; next: number } {
    const col = at - this.lineStartOf(i);
    const map = new YAMLMap();
    const keys: string[] = [];
    let end = at;
    let keyAt = at;
    for (;;) {
      const key = this.keyAt(keyAt, this.ends[i]!);
      if (key === undefined || keys.includes(key)) throw new NotPlain();
      keys.push(key);
      const keyNode = this.scalar(key, 'PLAIN', [keyAt, keyAt + key.length, keyAt + key.length]);
      if (typeof keyNode.value !== 'string') throw new NotPlain();
      const { node, next } = this.value(i, keyAt + key.length + 1, col, true);
      map.items.push(new Pair(keyNode, node));
      end = node.range![2];
      i = next;
      if (i >= this.starts.length || this.indents[i]! < col) break;
      if (this.indents[i] !== col) throw new NotPlain();
      keyAt = this.starts[i]!;
    }
    map.range = [at, end, this.takeTrailing(i - 1, col) ?? end];
    return { node: map, next: i };
  }

  /** A block list whose first `-` is on content line `i`; further items at the same indent. */
  private seq(i: number): { node: YAMLSeq; next: number } {
    const col = this.indents[i]!;
    const seq = new YAMLSeq();
    const first = this.starts[i]!;
    let end = first;
    for (;;) {
      const dash = this.starts[i]!;
      const { node, next } = this.value(i, dash + 1, col, false);
      seq.items.push(node);
      end = node.range![2];
      i = next;
      if (i >= this.starts.length || this.indents[i]! < col) break;
      if (this.indents[i] !== col) throw new NotPlain();
      if (!this.isItem(i)) break; // a list at its key's column ends at the next key
    }
    seq.range = [first, end, this.takeTrailing(i - 1, col) ?? end];
    return { node: seq, next: i };
  }

  /**
   * The yaml package's ranges count comments as it files them: comment lines right after a value
   * and indented deeper than the value's key (or `-`) end that value; the comments after those
   * end the innermost collection ending here whose column is not 0 and not deeper than one of
   * them, up to where the next content begins.
   */
  private absorbComments(i: number, col: number, node: Node): void {
    const after = this.comments[i];
    let k = 0;
    while (after && k < after.length && after[k]!.indent > col) k++;
    if (k === 0) return;
    node.range![2] = after![k - 1]!.next;
    this.comments[i] = after!.slice(k);
  }

  private takeTrailing(i: number, col: number): number | undefined {
    const after = this.comments[i];
    if (col === 0 || !after || after.length === 0 || this.taken.has(i) || !after.some((c) => c.indent >= col)) return undefined;
    this.taken.add(i);
    return i + 1 < this.starts.length ? this.starts[i + 1] : this.text.length;
  }

  private isItem(i: number): boolean {
    const s = this.starts[i]!;
    return this.text[s] === '-' && (s + 1 === this.ends[i] || this.text[s + 1] === ' ');
  }

  /**
   * The value after a key's `:` or an item's `-` at `from` on line `i`, whose owner stands at
   * column `col`: inline on the line, or a block on the lines below.
   */
  private value(i: number, from: number, col: number, ofKey: boolean): { node: Node; next: number } {
    const t = this.text;
    const lineEnd = this.ends[i]!;
    let s = from;
    while (s < lineEnd && t.charCodeAt(s) === 32) s++;
    if (s === lineEnd || t[s] === '#') {
      // A block below: deeper, or (for a key) a list at the key's own column.
      const j = i + 1;
      if (j < this.starts.length && (this.indents[j]! > col || (ofKey && this.indents[j] === col && this.isItem(j)))) {
        return this.isItem(j) ? this.seq(j) : this.map(j, this.starts[j]!);
      }
      throw new NotPlain(); // an empty value: the yaml package's ranges for it are its own
    }
    if (!ofKey && this.keyAt(s, lineEnd) !== undefined) return this.map(i, s);
    const node = t[s] === '[' ? this.flowList(s, lineEnd, this.nexts[i]!) : this.inlineScalar(s, lineEnd, this.nexts[i]!);
    const j = i + 1;
    // A deeper line after an inline value continues it (a multi-line scalar) or is an error.
    if (j < this.starts.length && this.indents[j]! > col) throw new NotPlain();
    this.absorbComments(i, col, node);
    return { node, next: j };
  }

  /** A scalar alone on the rest of a line: plain, or quoted without escapes. */
  private inlineScalar(s: number, lineEnd: number, next: number): Scalar {
    const t = this.text;
    const q = t[s];
    let valueEnd: number;
    let node: Scalar;
    if (q === '"' || q === "'") {
      const { value, end } = this.quoted(s, lineEnd);
      valueEnd = end;
      node = this.scalar(value, q === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [s, end, next]);
    } else {
      const comment = t.slice(s, lineEnd).indexOf(' #');
      let e = comment >= 0 ? s + comment : lineEnd;
      while (e > s && t.charCodeAt(e - 1) === 32) e--;
      const raw = t.slice(s, e);
      this.checkPlain(raw, false);
      valueEnd = e;
      node = this.scalar(raw, 'PLAIN', [s, e, next]);
    }
    this.onlyCommentAfter(valueEnd, lineEnd);
    return node;
  }

  /** `[a, "b c", d]` on one line, of scalars only. */
  private flowList(s: number, lineEnd: number, next: number): YAMLSeq {
    const t = this.text;
    const seq = new YAMLSeq();
    seq.flow = true;
    let k = s + 1;
    const skipSpaces = () => {
      while (k < lineEnd && t.charCodeAt(k) === 32) k++;
    };
    skipSpaces();
    if (t[k] !== ']') {
      for (;;) {
        skipSpaces();
        const itemStart = k;
        let item: Scalar;
        if (t[k] === '"' || t[k] === "'") {
          const { value, end } = this.quoted(k, lineEnd);
          k = end;
          const valueEnd = k;
          skipSpaces();
          item = this.scalar(value, t[itemStart] === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [itemStart, valueEnd, k]);
        } else {
          while (k < lineEnd && t[k] !== ',' && t[k] !== ']') k++;
          let e = k;
          while (e > itemStart && t.charCodeAt(e - 1) === 32) e--;
          const raw = t.slice(itemStart, e);
          this.checkPlain(raw, true);
          item = this.scalar(raw, 'PLAIN', [itemStart, e, k]);
        }
        seq.items.push(item);
        if (t[k] === ']') break;
        if (t[k] !== ',') throw new NotPlain();
        k++;
        skipSpaces();
        if (t[k] === ']' || t[k] === ',') throw new NotPlain(); // a trailing or doubled comma
      }
    }
    const close = k + 1;
    this.onlyCommentAfter(close, lineEnd);
    seq.range = [s, close, next];
    return seq;
  }

  private quoted(s: number, lineEnd: number): { value: string; end: number } {
    const t = this.text;
    const q = t[s]!;
    let k = s + 1;
    let value = '';
    for (;;) {
      const close = t.indexOf(q, k);
      if (close < 0 || close >= lineEnd) throw new NotPlain(); // runs over the line
      const piece = t.slice(k, close);
      if (q === '"' && piece.includes('\\')) throw new NotPlain();
      value += piece;
      if (q === "'" && t[close + 1] === "'") {
        value += "'";
        k = close + 2;
        continue;
      }
      return { value, end: close + 1 };
    }
  }

  private checkPlain(raw: string, inFlow: boolean): void {
    if (raw === '' || NOT_PLAIN_START.has(raw[0]!) || raw.startsWith('- ') || raw === '-') throw new NotPlain();
    if (raw.includes(': ') || raw.endsWith(':') || raw.includes(' #')) throw new NotPlain();
    if (inFlow && /[[\]{}]/.test(raw)) throw new NotPlain();
  }

  private onlyCommentAfter(k: number, lineEnd: number): void {
    const rest = this.text.slice(k, lineEnd);
    if (rest.trim() !== '' && !/^ +#/.test(rest)) throw new NotPlain();
  }

  private scalar(source: string, type: Scalar.Type, range: Range3): Scalar {
    let node: Scalar;
    const tag = type === 'PLAIN' ? SCALAR_TAGS.find((t) => t.test!.test(source)) : undefined;
    if (tag) {
      const value = tag.resolve(source, () => {
        throw new NotPlain();
      }, CORE.options);
      node = value instanceof Scalar ? value : new Scalar(value);
      if (tag.format) node.format = tag.format;
    } else {
      node = new Scalar(source);
    }
    node.range = range;
    node.source = source;
    node.type = type;
    return node;
  }

  private lineStartOf(i: number): number {
    return this.starts[i]! - this.indents[i]!;
  }
}
