// `5 July 1950`, `5. October 1950`, `13 October`, `8 [7] October 1950`, `5th of October`, `21st July 1775`,
// `13 September of this year`.

import { execAt, type Groups, groupSpan, MONTH, monthOf, ORD, type RawDate, RELATIVE, RELATIVE_YEAR, S0, S1, WRITTEN, WRITTEN_YEAR } from '../parts.js';

/** `5 July 1950`, `5. October 1950`, `13 October`, `8 [7] October 1950`, `5th of October`, `13 September of this year`. */
export const DAY_FIRST = new RegExp(
  `(?<d>\\d{1,2})${ORD}(?:${S1}(?<corr>\\[${S0}(?<cd>\\d{1,2})${S0}\\]))?(?:${S1}|\\.${S0})(?:of${S1})?${MONTH}(?:${WRITTEN_YEAR}|${S1}${RELATIVE_YEAR})?`,
  'dyiu',
);

export function readDayFirst(s: string, pos: number): RawDate | undefined {
  const m = execAt(DAY_FIRST, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const day = Number(g['d']);
  const month = monthOf(g);
  // `45 October` is a count of something, not a day.
  if (month === undefined || day < 1 || day > 31) return undefined;
  // `5. October 1950` with its year; without one `2. May I suggest` is a numbered paragraph.
  if (/^\d+\./.test(m[0]) && !g['y']) return undefined;
  const raw: RawDate = {
    start: pos,
    end: pos + m[0].length,
    form: 'day-month',
    day,
    month,
    precision: 'day',
    convention: g['rel'] ? RELATIVE : WRITTEN,
    ambiguous: false,
    supplied: [],
  };
  if (g['y']) raw.year = Number(g['y']);
  const corr = groupSpan(m, 'corr');
  if (corr && g['cd']) raw.dayCorrection = { start: corr[0], end: corr[1], day: Number(g['cd']) };
  return raw;
}

/**
 * `13.June.1951`, `1.Mar.1951`: day, month and year joined by full stops with no space, as a
 * clerk's register writes them. The year is required: without it `1.May` or `2.March` is as
 * likely a numbered paragraph.
 */
// The full stop before the year is the abbreviation's (`Mar.`) or its own (`June.`).
const DOTTED = new RegExp(`(?<d>\\d{1,2})\\.${MONTH}(?:\\.|(?<=\\.))(?<y>\\d{4})(?![\\p{N}])`, 'yiu');

export function readDotted(s: string, pos: number): RawDate | undefined {
  const m = execAt(DOTTED, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const day = Number(g['d']);
  const month = monthOf(g);
  if (month === undefined || day < 1 || day > 31) return undefined;
  return { start: pos, end: pos + m[0].length, form: 'day-month', day, month, year: Number(g['y']), precision: 'day', convention: WRITTEN, ambiguous: false, supplied: [] };
}
