// `October 7, 1950`, `Sept. 16`, `Jan 13 1950`, `July 19. 1775`, `July 23d. 1775`, `October 1950`,
// `October 5-20, 1950`.

import { execAt, type Groups, groupSpan, MONTH, monthOf, ORD, type RawDate, RELATIVE, RELATIVE_YEAR, ru, S0, S1, WRITTEN, WRITTEN_YEAR } from '../parts.js';

/** `October 7, 1950`, `Sept. 16`, `Jan 13 1950`, `October 1950`, `October 5-20, 1950`. */
export const MONTH_FIRST = new RegExp(
  `${MONTH}(?:${S1}(?<dd>(?<d>\\d{1,2})${ORD})(?![\\p{N}:])(?:${S0}[-–]${S0}(?<d2>\\d{1,2})(?![\\p{N}:]))?` +
    `(?:${WRITTEN_YEAR}|${S1}${RELATIVE_YEAR})?` +
    `|(?:,${S0}|${S1})(?<ym>\\d{4})(?![\\p{N}])${ru('ru2')})`,
  'dyiu',
);

export function readMonthFirst(s: string, pos: number): { first: RawDate; second?: RawDate } | undefined {
  const m = execAt(MONTH_FIRST, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const month = monthOf(g);
  if (month === undefined) return undefined;
  const end = pos + m[0].length;
  if (g['ym']) {
    return { first: { start: pos, end, form: 'month-day', month, year: Number(g['ym']), precision: 'month', convention: WRITTEN, ambiguous: false, supplied: [] } };
  }
  const day = Number(g['d']);
  if (day < 1 || day > 31) return undefined;
  const year = g['y'] ? Number(g['y']) : undefined;
  const convention = g['rel'] ? RELATIVE : WRITTEN;
  const d2 = groupSpan(m, 'd2');
  if (d2 && g['d2']) {
    const day2 = Number(g['d2']);
    if (day2 < 1 || day2 > 31) return undefined;
    // `October 5-20, 1950`: the year written once belongs to both ends, the month to both too.
    const firstEnd = groupSpan(m, 'dd')![1];
    const first: RawDate = { start: pos, end: firstEnd, form: 'month-day', day, month, precision: 'day', convention, ambiguous: false, supplied: year !== undefined ? ['year'] : [] };
    const second: RawDate = { start: d2[0], end, form: 'month-day', day: day2, month, precision: 'day', convention, ambiguous: false, supplied: ['month'] };
    if (year !== undefined) {
      first.year = year;
      second.year = year;
    }
    return { first, second };
  }
  const first: RawDate = { start: pos, end, form: 'month-day', day, month, precision: 'day', convention, ambiguous: false, supplied: [] };
  if (year !== undefined) first.year = year;
  return { first };
}
