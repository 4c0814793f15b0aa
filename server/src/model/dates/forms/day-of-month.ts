// The formal date of proclamations, commissions and deeds: `this 5th day of July 1776`, `the third
// day of October in the year of our Lord 1789`, `the twenty-first day of March, 1797`.

import { execAt, type Groups, MONTH, monthOf, ORD, type RawDate, S1, WRITTEN } from '../parts.js';

const UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
/** `first` … `thirty-first`, with its number. */
const ORDINAL_WORDS = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i + 1] as [string, number]),
  ...TEENS.map((w, i) => [w, i + 10] as [string, number]),
  ['twentieth', 20],
  ['thirtieth', 30],
  ...UNITS.map((w, i) => [`twenty-${w}`, 21 + i] as [string, number]),
  ['thirty-first', 31],
]);
const ordinalWord = [...ORDINAL_WORDS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace('-', '[- ]')).join('|');

export const DAY_OF_MONTH = new RegExp(
  `(?:(?<d>\\d{1,2})${ORD}|(?<w>${ordinalWord}))${S1}day${S1}of${S1}${MONTH}` +
    `(?:,?${S1}(?:in${S1}the${S1}year${S1}(?:of${S1}our${S1}Lord${S1}(?:one${S1}thousand[\\p{L}\\s-]{0,60}?)?)?)?(?<y>\\d{4})(?![\\p{N}]))?`,
  'yiu',
);

/** Does the line hold `day of`? Only then is a word tried as the start of this form. */
export function mayHoldDayOf(text: string): boolean {
  return /\sday\s+of\s/i.test(text);
}

export function readDayOfMonth(s: string, pos: number): RawDate | undefined {
  const m = execAt(DAY_OF_MONTH, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const day = g['d'] !== undefined ? Number(g['d']) : ORDINAL_WORDS.get(g['w']!.toLowerCase().replace(' ', '-'));
  const month = monthOf(g);
  if (day === undefined || month === undefined || day < 1 || day > 31) return undefined;
  const raw: RawDate = { start: pos, end: pos + m[0].length, form: 'day-month', day, month, precision: 'day', convention: WRITTEN, ambiguous: false, supplied: [] };
  if (g['y']) raw.year = Number(g['y']);
  return raw;
}
