// `1950-07-05`, as the inlay hints and the registry write dates.

import { execAt, type Groups, type RawDate } from '../parts.js';

/** `1950-07-05`. */
export const ISO = /(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\p{N}\p{L}]|[.:-]\p{N})/yu;

export function readIsoDate(s: string, pos: number): RawDate | undefined {
  const m = execAt(ISO, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  return {
    start: pos,
    end: pos + m[0].length,
    form: 'iso',
    day: Number(g['d']),
    month: Number(g['m']),
    year: Number(g['y']),
    precision: 'day',
    convention: 'ISO 8601 (year-month-day)',
    ambiguous: false,
    supplied: [],
  };
}
