// `3.10` (a day and month) or `12.50` (a time), as a registry stamp writes them: read only in
// stamp and registry lines, where clerks wrote them.

import type { TimeOfDay } from '../../types.js';
import { type Ctx, execAt, type Groups, type RawDate, readNumeric, ROMAN, validDayMonth } from '../parts.js';

/** `3.10`, `12.50`, `3.X`: in stamp lines only. */
export const DOTTED_PAIR = new RegExp(`(?<a>\\d{1,2})\\.(?<b>\\d{1,2}|${ROMAN})(?![\\p{L}\\p{N}]|[./:-]\\p{N})`, 'yu');

export interface PairReading {
  start: number;
  end: number;
  date?: RawDate;
  time?: TimeOfDay;
}

/** `3.10` (a day and month) or `12.50` (a time), as a stamp writes them; either, both, or neither. */
export function readPair(s: string, pos: number, ctx: Ctx): PairReading | undefined {
  const m = execAt(DOTTED_PAIR, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const a = Number(g['a']);
  const bText = g['b']!;
  const out: PairReading = { start: pos, end: pos + m[0].length };
  const r = readNumeric(a, bText, '.', ctx.year, ctx.conventions, false, false);
  if (validDayMonth(r.day, r.month, ctx.year)) {
    out.date = { start: pos, end: out.end, form: 'day-month-numeric', day: r.day, month: r.month, precision: 'day', convention: r.convention, ambiguous: r.ambiguous, supplied: [] };
  }
  if (/^\d\d$/.test(bText) && a <= 23 && Number(bText) <= 59) out.time = { hour: a, minute: Number(bText) };
  return out.date || out.time ? out : undefined;
}
