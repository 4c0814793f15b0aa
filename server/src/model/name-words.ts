// The words of a name, as the matcher compares them: the registry's forms and the text are cut
// into the same normalised words (lower case, no diacritics, no apostrophes, initials as
// separate words, letter-spaced runs joined). Pure: no I/O, never throws.

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
export const APOSTROPHES = "'’ʼ‘`´ʻ";
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
  const add = (start: number, matchedEnd: number, plain: boolean) => {
    let raw = text.slice(start, matchedEnd);
    if (plain) {
      // Letters and digits only: folding leaves the word as it is.
      words.push({ key: raw.toLowerCase(), cased: raw, start, end: matchedEnd, rawEnd: matchedEnd, letterSpaced: false });
      return;
    }
    let rawEnd = matchedEnd;
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
  };
  if (NOT_ASCII.test(text)) {
    WORD.lastIndex = 0;
    for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) add(m.index, m.index + m[0].length, false);
  } else {
    asciiWords(text, add);
  }
  return mergeLetterSpacing(text, words);
}

const NOT_ASCII = /[^\x00-\x7f]/;

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * WORD on a line of plain ASCII, by character codes: most lines are, and a regular expression
 * match allocates for each word. The same words: letters and digits, joined by `'` or `` ` ``
 * before a letter or digit, or by a bracket before a small letter.
 */
function asciiWords(text: string, add: (start: number, end: number, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    for (;;) {
      while (i < n && isWordCode(text.charCodeAt(i))) i++;
      if (i + 1 >= n) break;
      const c = text.charCodeAt(i);
      const next = text.charCodeAt(i + 1);
      const joins = c === 39 || c === 96 ? isWordCode(next) : (c === 91 || c === 93) && next >= 97 && next <= 122;
      if (!joins) break;
      plain = false;
      i += 2;
    }
    add(start, i, plain);
  }
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

