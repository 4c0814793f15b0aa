// The small readers of registry values (dates, UTC offsets, time zones) and the words of the
// loader's messages (what a YAML node is, "did you mean"). Pure; used by registry.ts.

import { isMap, isScalar, isSeq } from 'yaml';
import { daysInMonth } from './dates.js';
import { nameKey } from './names.js';
import type { CalendarDate, EntryKind, Range } from './types.js';

/** `1950`, `1950-07`, `1950-07-05`: the registry's own date forms. Undefined if not a date. */
export function parseRegistryDate(text: string): CalendarDate | undefined {
  const m = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** The offset of the last `open` before `end` that no `close` answers, outside quotes. */
export function unclosedBefore(text: string, end: number, open: string, close: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < end && i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n') quote = undefined;
    } else if (c === '"' || (c === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) while (i < end && text[i] !== '\n') i++;
    else if (c === open) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack.pop();
}

/** `+03:00`, `+0300`, `+3`, `UTC+3`, `-05:30`, `0`; a bare number counts hours. */
export function parseUtcOffset(text: string): number | undefined {
  const t = text.trim();
  if (/^(?:Z|UTC|GMT|[+-]?0+(?::?00)?)$/i.test(t)) return 0;
  const m = /^(?:UTC|GMT)?\s*([+\-−])?\s*(\d{1,2})(?:(?::|\.)?(\d{2}))?$/i.exec(t);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (minutes >= 60) return undefined;
  const total = (m[1] === '-' || m[1] === '−' ? -1 : 1) * (hours * 60 + minutes);
  return Math.abs(total) <= 14 * 60 ? total : undefined;
}

export function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Edit distance, for "did you mean" in messages about misspelt fields and sections. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** `; did you mean "born"?` for a near miss, else `; the fields are …` listing them all. */
export function hint(word: string, known: string[], what: string): string {
  const best = known
    .map((k) => ({ k, d: distance(word.toLowerCase(), k) }))
    .sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? `; did you mean "${best.k}"?` : `; the ${what} are ${known.join(', ')}.`;
}

export function kebab(text: string): string {
  return nameKey(text).replace(/ /g, '-');
}

/** What a YAML node is, in words for a message. */
export function describe(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    if (node.value === null) return 'nothing';
    const s = String(node.value);
    return `the text "${s.length > 40 ? s.slice(0, 40) + '…' : s}"`;
  }
  return 'nothing';
}

export function article(kind: EntryKind): string {
  return { person: 'a person', place: 'a place', organisation: 'an organisation', archive: 'an archive', 'cover-name': 'a cover name' }[kind];
}

export function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return /\//.test(name) || name === 'UTC';
  } catch {
    return false;
  }
}

/** The codes of the registry's problems, each a severity `rules:` may set. */
export const REGISTRY_PROBLEM_CODES = ['registry-syntax', 'registry-malformed', 'registry-duplicate', 'registry-ambiguous-alias'] as const;
