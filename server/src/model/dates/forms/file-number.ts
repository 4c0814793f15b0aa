// State Department decimal file numbers, whose last part is a date: `795.00/6–2550` is a
// telegram of 25 June 1950, `601.4193/3–651` of 6 March 1951.

import { execAt, type Groups, groupSpan, type RawDate } from '../parts.js';

/** State Department decimal file numbers: `795.00/6–2550` is a telegram of 25 June 1950. */
export const STATE_FILE = /\d{3}[A-Z]{0,2}\.[0-9A-Z]{1,12}\/(?<m>\d{1,2})[-–‑](?<dy>\d{3,4})(?![\p{N}])/dyu;

export function readStateFile(s: string, pos: number): RawDate | undefined {
  const m = execAt(STATE_FILE, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const dy = g['dy']!;
  const start = groupSpan(m, 'm')![0];
  return {
    start,
    end: pos + m[0].length,
    form: 'file-number',
    month: Number(g['m']),
    day: Number(dy.slice(0, -2)),
    year: 1900 + Number(dy.slice(-2)),
    precision: 'day',
    convention: 'State Department file number (month–day–year)',
    ambiguous: false,
    supplied: [],
  };
}
