// A raw reading made into a mention: the document's year supplied, an impossible date named,
// the editors' day inside the date (`8 [7] October`) kept as their reading.

import type { CalendarDate, DateMention } from '../types.js';
import { calendarDate, impossibility } from './calendar.js';
import { editorialReading } from './editorial.js';
import type { Ctx, RawDate } from './parts.js';
import { range } from '../text.js';


export function resolve(raw: RawDate, ctx: Ctx): { value?: CalendarDate; impossible?: string; supplied: Array<'year' | 'month'>; year?: number } {
  const supplied = [...raw.supplied];
  let year = raw.year;
  if (year === undefined && ctx.year !== undefined) {
    year = ctx.year;
    if (!supplied.includes('year')) supplied.push('year');
  }
  const impossible = impossibility(year, raw.month, raw.day);
  if (impossible) return { impossible, supplied, year };
  if (year === undefined) return { supplied };
  return { value: calendarDate(year, raw.month, raw.day), supplied, year };
}

export function buildMention(text: string, line: number, raw: RawDate, ctx: Ctx): DateMention {
  const r = resolve(raw, ctx);
  const reading = { convention: raw.convention, supplied: r.supplied, ambiguous: raw.ambiguous };
  // With its value from the start, not given it after (see calendarDate).
  const mention: DateMention = r.value
    ? { kind: 'date', range: range(line, raw.start, raw.end), text: text.slice(raw.start, raw.end), form: raw.form, precision: raw.precision, reading, value: r.value }
    : { kind: 'date', range: range(line, raw.start, raw.end), text: text.slice(raw.start, raw.end), form: raw.form, precision: raw.precision, reading };
  if (r.impossible) mention.impossible = r.impossible;
  if (raw.dayCorrection) {
    const c = raw.dayCorrection;
    mention.editorial = editorialReading(text, line, c.start, c.end, { day: c.day }, false, raw, r.year, r.impossible !== undefined);
  }
  return mention;
}
