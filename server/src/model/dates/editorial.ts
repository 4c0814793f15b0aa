// The editors' reading of a date: an expansion (`5.7.50 [5 July 1950]`) restates it, a correction
// (`7 September [sic-October]`, `8 [7] October`) gives another; both readings are kept.

import type { DateMention, EditorialDateReading } from '../types.js';
import { calendarDate, impossibility } from './calendar.js';
import { readAnyDate } from './forms/index.js';
import { type Ctx, execAt, type Groups, groupSpan, MERIDIEM, MONTH, monthOf, type RawDate, S0, S1 } from './parts.js';
import { range } from '../text.js';

/** An editors' bracket right after a date. */
export const BRACKET = new RegExp(`${S0}(?<br>\\[(?<c>[^\\[\\]\\n]{1,80})\\])`, 'dyu');

export const SIC = /^sic(?![\p{L}])\s*[-–—:,.]?\s*(?<rest>.*)$/iu;

export const TIME_PREFIX = new RegExp(`^(?<h>\\d{1,2})[.:](?<mi>\\d{2})(?:${S0}${MERIDIEM})?(?:${S0},${S0}|${S1})`, 'iu');

export const MONTH_ONLY = new RegExp(`^${MONTH}$`, 'iu');

export interface Parts {
  day?: number;
  month?: number;
  year?: number;
}

/**
 * The editors' reading of a date. `sic` corrections name only what changes (`7 September
 * [sic-October]` keeps the day); a restatement (`5.7.50 [5 July 1950]`) gives the whole date and
 * takes the year from the original when it omits it (`3.10 [12.50 p.m. 3 October]`). It is an
 * 'expansion' when it agrees with the original on every part both give, else a 'correction';
 * `[sic]` alone is a correction without a value: the editors say the text is wrong, not how.
 */
export function editorialReading(
  text: string,
  line: number,
  start: number,
  end: number,
  parts: Parts | undefined,
  sic: boolean,
  orig: RawDate,
  origYear: number | undefined,
  origImpossible: boolean,
): EditorialDateReading {
  const reading: EditorialDateReading = { kind: 'correction', range: range(line, start, end), text: text.slice(start, end) };
  if (!parts) return reading;
  const overlay = sic || orig.dayCorrection !== undefined;
  const year = parts.year ?? origYear;
  const month = parts.month ?? (overlay ? orig.month : undefined);
  const day = parts.day ?? (overlay ? orig.day : undefined);
  if (year !== undefined && (month !== undefined || day === undefined) && !impossibility(year, month, day)) {
    reading.value = calendarDate(year, month, day);
  }
  const differs =
    (year !== undefined && origYear !== undefined && year !== origYear) ||
    (month !== undefined && orig.month !== undefined && month !== orig.month) ||
    (day !== undefined && orig.day !== undefined && day !== orig.day);
  reading.kind = differs || origImpossible ? 'correction' : 'expansion';
  return reading;
}

/** A whole bracket's content read as one date (allowing a final full stop), or undefined. */
export function wholeDate(t: string, ctx: Ctx): Parts | undefined {
  for (const candidate of t.endsWith('.') ? [t, t.slice(0, -1).trimEnd()] : [t]) {
    const raw = readAnyDate(candidate, 0, ctx);
    if (raw && raw.end === candidate.length) {
      const p: Parts = {};
      if (raw.day !== undefined) p.day = raw.day;
      if (raw.month !== undefined) p.month = raw.month;
      if (raw.year !== undefined) p.year = raw.year;
      return p;
    }
  }
  return undefined;
}

/** What a `[sic …]` names: a date, a month, a year or a day. */
export function partialDate(t: string, ctx: Ctx): Parts | undefined {
  const whole = wholeDate(t, ctx);
  if (whole) return whole;
  const bare = t.replace(/[.!]+$/, '');
  const m = MONTH_ONLY.exec(bare);
  if (m) {
    const month = monthOf(m.groups as Groups);
    return month === undefined ? undefined : { month };
  }
  if (/^\d{4}$/.test(bare)) return { year: Number(bare) };
  if (/^\d{1,2}$/.test(bare) && Number(bare) >= 1 && Number(bare) <= 31) return { day: Number(bare) };
  return undefined;
}

/** The editors' bracket right after a date, when it reads that date. */
export function bracketAfter(
  text: string,
  line: number,
  pos: number,
  raw: RawDate,
  mention: DateMention,
  ctx: Ctx,
): { reading: EditorialDateReading; end: number } | undefined {
  const m = execAt(BRACKET, text, pos);
  if (!m) return undefined;
  const br = groupSpan(m, 'br')!;
  const content = (m.groups as Groups)['c']!.trim();
  const origYear = mention.value?.year ?? raw.year ?? ctx.year;
  const inner: Ctx = { ...ctx, stampLine: true };
  delete inner.year;
  const impossible = mention.impossible !== undefined;
  const sic = SIC.exec(content);
  if (sic) {
    const rest = (sic.groups as Groups)['rest']!.trim();
    const parts = rest === '' ? undefined : partialDate(rest, inner);
    return { reading: editorialReading(text, line, br[0], br[1], parts, true, raw, origYear, impossible), end: br[1] };
  }
  let parts = wholeDate(content, inner);
  if (!parts) {
    // `[12.50 p.m. 3 October]`: the editors restate the stamp's time before its date.
    const t = TIME_PREFIX.exec(content);
    if (t) parts = wholeDate(content.slice(t[0].length), inner);
  }
  if (!parts) return undefined;
  return { reading: editorialReading(text, line, br[0], br[1], parts, false, raw, origYear, impossible), end: br[1] };
}
