// Dates written out in the languages of the sources beside English: `le 8 octobre 1950`,
// `1er novembre 1950`, `8. Oktober 1950`, `8 de octubre de 1950`, `8 ottobre 1950`,
// `8 октября 1950 г.`, `8 oktyabrya 1950 g.`. Day first, as these languages write it; the month
// in lower case too, as French, Spanish, Italian and Russian print it.

import { MONTHS_OF_OTHER_LANGUAGES } from '../../vocabulary.js';
import { execAt, type Groups, type RawDate, ru, S0, S1, WRITTEN } from '../parts.js';

const monthOf = new Map<string, number>();
for (const names of Object.values(MONTHS_OF_OTHER_LANGUAGES)) names.forEach((name, i) => monthOf.set(name.toLowerCase(), i + 1));
// Longest first, so that `mars` does not stop `marzo`… and `juin` is not read inside `juillet`.
const alternatives = [...monthOf.keys()].sort((a, b) => b.length - a.length).join('|');

/** Day (`1er`, `8.`, `8º`), `de`, the month, then `de 1950`, `, 1950` or ` 1950`, and the Russian `г.`. */
export const DAY_FIRST_OTHER_LANGUAGES = new RegExp(
  `(?<d>\\d{1,2})(?:er|\\.|º)?${S1}(?:de${S1})?(?<m>${alternatives})(?![\\p{L}])(?:(?:${S1}de${S1}|,${S0}|${S1})(?<y>\\d{4})(?![\\p{N}])${ru('ru')})?`,
  'yiu',
);

export function readDayFirstOtherLanguages(s: string, pos: number): RawDate | undefined {
  const m = execAt(DAY_FIRST_OTHER_LANGUAGES, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const day = Number(g['d']);
  const month = monthOf.get(g['m']!.toLowerCase());
  if (month === undefined || day < 1 || day > 31) return undefined;
  const raw: RawDate = { start: pos, end: pos + m[0].length, form: 'day-month', day, month, precision: 'day', convention: WRITTEN, ambiguous: false, supplied: [] };
  if (g['y']) raw.year = Number(g['y']);
  return raw;
}
