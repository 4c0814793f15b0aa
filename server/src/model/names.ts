// Finding the registry's names in transcribed text.
//
// Transcriptions spell the same person many ways: `Stalin`, `STALIN I.V.`, `I.V. Stalin`,
// `A. G R O M Y K O` (letter-spaced, as typed under a signature), `MAO ZEDONG's`, `Ch'óngjin`
// beside `Ch'ŏngjin`. Rather than listing every spelling, both the registry's forms and the text
// are cut into the same normalised words (lower case, no diacritics, no apostrophes, initials as
// separate words), and the forms are kept in a word trie. Scanning a line is then one pass over
// its words, trying at each word the longest form that starts there: linear in the length of the
// line and independent of the size of the registry. Pure: no I/O, never throws.

import type { CoverName, EntryKind, Range, Registry, RegistryEntry } from './types.js';

/** One registry name found in the text. */
export interface NameMatch {
  range: Range;
  /** The name as written, without a possessive `'s`. */
  text: string;
  entryId: string;
  entryKind: EntryKind;
}

export interface NameMatcher {
  /**
   * Every registry name in `text`, which is one line of a transcription (`line` is its 0-based
   * line number, used for the ranges). If `text` holds several lines, they are scanned one by one
   * and numbered from `line`; a name never runs across a line break.
   */
  find(text: string, line: number): NameMatch[];
}

/** A word of a name as the matcher compares it. Offsets are UTF-16, into the scanned text. */
export interface NameToken {
  /** Lower case, without diacritics, apostrophes or editorial brackets: `chongjin`. */
  key: string;
  /** As `key` but keeping capitals, for abbreviations that only count in capitals (`UN`). */
  cased: string;
  start: number;
  /** End of the name proper: a possessive `'s` is left out. */
  end: number;
  /** End of the word as written, possessive included. */
  rawEnd: number;
  /** `G R O M Y K O`, read as one word. */
  letterSpaced: boolean;
}

// A word: letters, combining marks and digits, which may be joined inside by an apostrophe
// (`Chemulp'o`, `Ch‘ŏngjin`) or by an editorial bracket that completes the word (`M[inistry`,
// `F[oreign]`). A bracket followed by a capital starts a new name (`Filippov[Stalin]`).
const APOSTROPHES = "'’ʼ‘`´ʻ";
const WORD = new RegExp(
  `[\\p{L}\\p{M}\\p{N}]+(?:(?:[${APOSTROPHES}]|[\\[\\]](?=\\p{Ll}))[\\p{L}\\p{M}\\p{N}]+)*`,
  'gu',
);
const STRIP = new RegExp(`[${APOSTROPHES}\\[\\]]`, 'gu');
const MARKS = /\p{M}/gu;
const SINGLE_LETTER = /^\p{L}$/u;
/** Letters that do not decompose under NFD but that transliterations use. */
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' };
const FOLDABLE = /[ßøØłŁđĐı]/gu;

function fold(word: string): string {
  return word
    .replace(STRIP, '')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? c);
}

/** Plain ASCII letters and digits: folding leaves them as they are. */
const PLAIN = /^[A-Za-z0-9]*$/;
/**
 * A corpus writes the same words again and again: each word's folded forms are kept, so that a
 * line costs a look-up per word instead of four string rewrites. Bounded, and only a cache: the
 * same word always folds the same way.
 */
const folded = new Map<string, { cased: string; key: string }>();
const foldedLimit = 50_000;

function foldWord(name: string): { cased: string; key: string } {
  let f = folded.get(name);
  if (f) return f;
  const cased = PLAIN.test(name) ? name : fold(name);
  f = { cased, key: cased.toLowerCase() };
  if (folded.size >= foldedLimit) folded.clear();
  folded.set(name, f);
  return f;
}

/** Whether `raw` ends in a possessive `'s` (any apostrophe, either case). */
function possessive(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  return (last === 115 || last === 83) && APOSTROPHES.includes(raw[raw.length - 2]!);
}

/**
 * The words of `text` as the matcher reads them. Letter-spaced runs of at least three single
 * letters separated by spaces (`G O L O V K O`) become one word; where the run has wider gaps
 * between words (`K I M   I L   S U N G`) it is split there.
 */
export function tokenizeName(text: string): NameToken[] {
  const words: NameToken[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let rawEnd = start + raw.length;
    // `F[oreign]`: the closing bracket belongs to the expanded word.
    if (raw.includes('[') && raw.lastIndexOf('[') > raw.lastIndexOf(']') && text[rawEnd] === ']') {
      rawEnd += 1;
      raw += ']';
    }
    let end = rawEnd;
    let name = raw;
    if (raw.length > 2 && possessive(raw)) {
      end -= 2;
      name = raw.slice(0, -2);
    }
    const { cased, key } = foldWord(name);
    words.push({ key, cased, start, end, rawEnd, letterSpaced: false });
  }
  return mergeLetterSpacing(text, words);
}

/** Tokens of `text` joined by single spaces: two forms with the same key are the same name. */
export function nameKey(text: string): string {
  return tokenizeName(text)
    .map((t) => t.key)
    .join(' ');
}

const SPACE_GAP = /^[ \t\u00a0\u2009\u202f]{1,6}$/;

function isSingleLetter(text: string, t: NameToken): boolean {
  return t.rawEnd - t.start === 1 && SINGLE_LETTER.test(text[t.start] ?? '');
}

function mergeLetterSpacing(text: string, words: NameToken[]): NameToken[] {
  if (words.length < 3) return words;
  const out: NameToken[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    if (!isSingleLetter(text, first)) {
      out.push(first);
      i += 1;
      continue;
    }
    // The run: single letters separated only by a few spaces (not by `.`, so that initials such
    // as `A. G R O M Y K O` or `N.V.` stay initials).
    let j = i;
    const gaps: number[] = [];
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      const gap = text.slice(words[j]!.rawEnd, next.start);
      if (!isSingleLetter(text, next) || !SPACE_GAP.test(gap)) break;
      gaps.push(gap.length);
      j += 1;
    }
    const length = j - i + 1;
    if (length < 3) {
      out.push(first);
      i += 1;
      continue;
    }
    const narrowest = Math.min(...gaps);
    let wordStart = i;
    for (let k = i; k <= j; k++) {
      if (k === j || gaps[k - i]! > narrowest) {
        out.push(joinLetters(words.slice(wordStart, k + 1)));
        wordStart = k + 1;
      }
    }
    i = j + 1;
  }
  return out;
}

function joinLetters(letters: NameToken[]): NameToken {
  if (letters.length === 1) return letters[0]!;
  const first = letters[0]!;
  const last = letters[letters.length - 1]!;
  return {
    key: letters.map((l) => l.key).join(''),
    cased: letters.map((l) => l.cased).join(''),
    start: first.start,
    end: last.end,
    rawEnd: last.rawEnd,
    letterSpaced: true,
  };
}

// ---------------------------------------------------------------------------------------------

/** One entry's claim on a form, as stored at the form's last word in the trie. */
interface Claim {
  entry: RegistryEntry;
  /** For abbreviations: the words with their capitals, which the text must match exactly. */
  exact?: string[];
  /** Closing punctuation that belongs to the form (`I.V.`, `VKP(b)`), taken in when present. */
  trailing: string[];
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** In order of precedence: the first claim the text satisfies wins. */
  claims?: Claim[];
}

/** Whether `cover` is a cover name that an edition identifies as `person`. */
function identifies(cover: RegistryEntry, person: RegistryEntry): boolean {
  return (
    cover.kind === 'cover-name' &&
    (cover as CoverName).identifications.some((i) => i.person === person.id)
  );
}

function addClaim(node: TrieNode, claim: Claim): void {
  const claims = (node.claims ??= []);
  const same = claims.find((c) => c.entry === claim.entry && sameExact(c.exact, claim.exact));
  if (same) {
    for (const t of claim.trailing) if (!same.trailing.includes(t)) same.trailing.push(t);
    return;
  }
  // Where a person's entry also lists a cover name, the text's word is the cover name.
  const before = claims.findIndex((c) => identifies(claim.entry, c.entry));
  if (before >= 0) claims.splice(before, 0, claim);
  else claims.push(claim);
}

function sameExact(a: string[] | undefined, b: string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.join(' ') === b.join(' '));
}

function abbreviationsOf(entry: RegistryEntry): Set<string> {
  if (entry.kind === 'organisation') return new Set(entry.abbreviations);
  if (entry.kind === 'archive' && entry.abbreviation) return new Set([entry.abbreviation]);
  return new Set();
}

const TRAILING = /^[.)\]]{1,3}$/;

/** Where a match ends: after the form's own closing punctuation if the text has it too. */
function withTrailing(text: string, last: NameToken, claim: Claim): number {
  if (last.end !== last.rawEnd) return last.end; // a possessive ends the name
  let end = last.end;
  for (const t of claim.trailing) if (text.startsWith(t, last.end)) end = Math.max(end, last.end + t.length);
  return end;
}

/**
 * Whether the editorial brackets within a match are closed within it: `MFA [of the] USSR` is one
 * name, but `[Indian Prime Minister Jawaharlal] NEHRU` is the editors' words and the text's.
 */
function balanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 /* [ */) depth += 1;
    else if (c === 93 /* ] */ && --depth < 0) return false;
  }
  return depth === 0;
}

const GAP_INSIDE_NAME = new RegExp(`^[ \\t\\u00a0.\\-‐‑\\[\\]()/${APOSTROPHES}]{0,8}$`, 'u');

/**
 * A matcher for every form of every entry. Rules, in the historian's terms:
 * - case, diacritics and apostrophes do not matter (`MAO ZEDONG`, `Ch'óngjin` = `Chongjin`),
 *   except that an organisation's or archive's `abbreviations` count only with their capitals,
 *   so that `un` or `am` in running text are not read as the UN;
 * - whole words only: `Stalinist` is not a mention of Stalin, and `Kim` alone is not Kim Il Sung
 *   unless the registry lists `Kim` as a form;
 * - the longest form wins: `Kim Il Sung` over `Kim`, `U.S. Air Force` over `U.S.`;
 * - a possessive `'s` is not part of the name; initials count as words, so `N.V. Roshchin` in
 *   the registry also finds `N. V. Roshchin`;
 * - letter-spaced names (`G O L O V K O`) are read as words;
 * - a name's words are separated only by spaces, `.`, `-`, `/`, brackets or parentheses, never by
 *   a comma or a line break (`Kim, Il` is not a name).
 */
export function buildNameMatcher(registry: Registry): NameMatcher {
  const root: TrieNode = {};
  /** Forms keyed by all their words run together, for uniformly letter-spaced text. */
  const compact = new Map<string, TrieNode>();
  for (const entry of registry.entries) {
    const abbreviations = abbreviationsOf(entry);
    for (const form of entry.forms) {
      const tokens = tokenizeName(form.text);
      if (tokens.length === 0) continue;
      const after = form.text.slice(tokens[tokens.length - 1]!.rawEnd).trim();
      const claim: Claim = { entry, trailing: TRAILING.test(after) ? [after] : [] };
      if (abbreviations.has(form.text)) claim.exact = tokens.map((t) => t.cased);
      let node = root;
      for (const t of tokens) {
        const next = (node.next ??= new Map());
        let child = next.get(t.key);
        if (!child) next.set(t.key, (child = {}));
        node = child;
      }
      addClaim(node, claim);
      const joined = tokens.map((t) => t.key).join('');
      let c = compact.get(joined);
      if (!c) compact.set(joined, (c = {}));
      addClaim(c, claim.exact ? { ...claim, exact: [claim.exact.join('')] } : claim);
    }
  }

  function pick(node: TrieNode, tokens: NameToken[], from: number): Claim | undefined {
    for (const claim of node.claims ?? []) {
      if (!claim.exact) return claim;
      if (claim.exact.every((w, k) => tokens[from + k]?.cased === w)) return claim;
    }
    return undefined;
  }

  function scanLine(text: string, line: number, out: NameMatch[]): void {
    const tokens = tokenizeName(text);
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = root;
      let best: { last: number; claim: Claim; end: number } | undefined;
      const start = tokens[i]!.start;
      for (let j = i; j < tokens.length; j++) {
        const t = tokens[j]!;
        if (j > i && !GAP_INSIDE_NAME.test(text.slice(tokens[j - 1]!.rawEnd, t.start))) break;
        node = node.next?.get(t.key);
        if (!node) break;
        const claim = pick(node, tokens, i);
        if (!claim) continue;
        const end = withTrailing(text, t, claim);
        if (balanced(text, start, end)) best = { last: j, claim, end };
      }
      if (!best && tokens[i]!.letterSpaced) {
        const c = compact.get(tokens[i]!.key);
        const claim = c && pick(c, tokens, i);
        if (claim) best = { last: i, claim, end: withTrailing(text, tokens[i]!, claim) };
      }
      if (!best) {
        i += 1;
        continue;
      }
      const end = best.end;
      out.push({
        range: { start: { line, character: start }, end: { line, character: end } },
        text: text.slice(start, end),
        entryId: best.claim.entry.id,
        entryKind: best.claim.entry.kind,
      });
      i = best.last + 1;
    }
  }

  return {
    find(text: string, line: number): NameMatch[] {
      const out: NameMatch[] = [];
      try {
        if (!/[\r\n]/.test(text)) {
          scanLine(text, line, out);
        } else {
          text.split(/\r\n|\r|\n/).forEach((l, k) => scanLine(l, line + k, out));
        }
      } catch {
        // A matcher bug must not take the editor down; the names found so far stand.
      }
      return out;
    },
  };
}
