// `5.7.50`, `3.10.1950`, `1.X.50`, `07/05/50`, `1.X.50 г.`: day and month ordered by the corpus's
// convention (see scan/date-order.ts for how a document decides it).

import { type Ctx, execAt, type Groups, type RawDate, readNumeric, ROMAN, ru, twoDigitYear } from '../parts.js';

/** `5.7.50`, `3.10.1950`, `1.X.50`, `07/05/50`, `1.X.50 г.`. */
export const NUMERIC = new RegExp(
  `(?<a>\\d{1,2})(?<sep>[./])(?<b>\\d{1,2}|${ROMAN})\\k<sep>(?<y>\\d{4}|\\d{2})(?![\\p{N}]|[./]\\p{N})${ru('ru')}(?![\\p{L}])`,
  'yu',
);

export function readNumericDate(s: string, pos: number, ctx: Ctx): RawDate | undefined {
  const m = execAt(NUMERIC, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  // `[AB 12/3/52]`: a registry's file number after its department's letters, not a date.
  if (g['sep'] === '/' && /\[\s*[A-Z]{1,4}\s+$/.test(s.slice(Math.max(0, pos - 8), pos))) return undefined;
  const year = twoDigitYear(g['y']!);
  const r = readNumeric(Number(g['a']), g['b']!, g['sep'] as '.' | '/', year, ctx.conventions, true, true);
  return { start: pos, end: pos + m[0].length, form: 'numeric', day: r.day, month: r.month, year, precision: 'day', convention: r.convention, ambiguous: r.ambiguous, supplied: [] };
}
