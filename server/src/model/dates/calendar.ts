// The calendar: month names and Roman months, proleptic Gregorian arithmetic with no Date object
// (no time zones, no surprises), and dates written out for people and for machines (EDTF, ISO).

import type { CalendarDate, DateConventions, DateMention, DatePrecision, TimeOfDay } from '../types.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS } from '../vocabulary.js';

export { MONTH_NAMES };

/** The seed corpus's conventions: stamps write `07/05/50` month first, `5.7.50` day first. */
export const DEFAULT_CONVENTIONS: DateConventions = { slashes: 'month/day/year', dots: 'day.month.year' };




export const MONTH_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((name, i) => [name.toLowerCase(), i + 1] as [string, number]),
  ...Object.entries(MONTH_ABBREVIATIONS),
]);
export const ROMAN_MONTHS: ReadonlyMap<string, number> = new Map(
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'].map((r, i) => [r, i + 1] as [string, number]),
);

/**
 * The month a word names: `October`, `OCTOBER`, `Oct`, `Oct.`, `Sept.`. Lower-case words are not
 * months (`may`, `march` are verbs in running prose), nor are mixed-case ones.
 */
export function monthFromName(word: string): number | undefined {
  if (typeof word !== 'string') return undefined;
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  if (w.length < 3 || w.length > 9) return undefined;
  const first = w[0]!;
  const rest = w.slice(1);
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return undefined;
  if (rest !== rest.toLowerCase() && rest !== rest.toUpperCase()) return undefined;
  const month = MONTH_WORDS.get(w.toLowerCase());
  // `May.` is a sentence ending, not an abbreviation.
  if (month !== undefined && word.endsWith('.') && MONTH_NAMES[month - 1]!.toLowerCase() === w.toLowerCase()) return undefined;
  return month;
}

/** `X` → 10. Soviet clerks wrote the month of `1.X.50` in Roman numerals. */
export function romanMonth(numeral: string): number | undefined {
  return typeof numeral === 'string' ? ROMAN_MONTHS.get(numeral) : undefined;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

export function dayNumber(year: number, month: number, day: number): number {
  const y = year - 1;
  const leap = month > 2 && isLeapYear(year) ? 1 : 0;
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + DAYS_BEFORE_MONTH[month - 1]! + leap + day - 1;
}

export function clampMonth(m: number | undefined, fallback: number): number {
  if (m === undefined || !Number.isFinite(m)) return fallback;
  return Math.min(12, Math.max(1, Math.trunc(m)));
}

export function isPossibleDate(d: CalendarDate): boolean {
  if (!d || typeof d !== 'object' || !Number.isInteger(d.year)) return false;
  if (d.month === undefined) return d.day === undefined;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  if (d.day === undefined) return true;
  return Number.isInteger(d.day) && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function precisionOf(d: CalendarDate): DatePrecision {
  if (d?.day !== undefined) return 'day';
  if (d?.month !== undefined) return 'month';
  return 'year';
}

/** Days since 1 Jan 1 (proleptic Gregorian) of the first day the date can mean. */
export function firstDay(d: CalendarDate): number {
  if (!d || !Number.isFinite(d.year)) return NaN;
  const year = Math.trunc(d.year);
  const month = clampMonth(d.month, 1);
  const dim = daysInMonth(year, month);
  const day = d.month !== undefined && d.day !== undefined && Number.isFinite(d.day) ? Math.min(dim, Math.max(1, Math.trunc(d.day))) : 1;
  return dayNumber(year, month, day);
}

/** Days since 1 Jan 1 (proleptic Gregorian) of the last day the date can mean. */
export function lastDay(d: CalendarDate): number {
  if (!d || !Number.isFinite(d.year)) return NaN;
  const year = Math.trunc(d.year);
  const month = clampMonth(d.month, 12);
  const dim = daysInMonth(year, month);
  const day = d.month !== undefined && d.day !== undefined && Number.isFinite(d.day) ? Math.min(dim, Math.max(1, Math.trunc(d.day))) : dim;
  return dayNumber(year, month, day);
}

/** 'Wednesday' for 5 July 1950; undefined unless the date is a possible day. 1 Jan 1 was a Monday. */
export function weekday(d: CalendarDate): string | undefined {
  if (!isPossibleDate(d) || d.day === undefined) return undefined;
  const n = firstDay(d);
  return WEEKDAYS[((n % 7) + 7) % 7];
}

/** True when both name the same year, month and day (undefined parts must match too). */
export function sameDate(a: CalendarDate | undefined, b: CalendarDate | undefined): boolean {
  if (!a || !b) return false;
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function monthLabel(m: number): string {
  return MONTH_NAMES[m - 1] ?? `month ${m}`;
}

/** '5 July 1950', 'October 1950', '1950'. */
export function formatDate(d: CalendarDate): string {
  if (!d || typeof d !== 'object') return '';
  if (d.month === undefined) return `${d.year}`;
  if (d.day === undefined) return `${monthLabel(d.month)} ${d.year}`;
  return `${d.day} ${monthLabel(d.month)} ${d.year}`;
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(Math.trunc(n)));
  return (n < 0 ? '-' : '') + (s.length < width ? '0'.repeat(width - s.length) + s : s);
}

/** '09:38'. */
export function formatTime(t: TimeOfDay): string {
  if (!t || typeof t !== 'object') return '';
  return `${pad(t.hour, 2)}:${pad(t.minute, 2)}`;
}

/** `07/05/50`, `5.7.50`, `3.10`: a date in figures alone, whose reading the editors may add. */
export function isAllNumeric(d: DateMention): boolean {
  return d.form === 'numeric' || d.form === 'day-month-numeric';
}

/** '1950-07-05', '1950-10', '1950' (Extended Date/Time Format, level 0). */
export function toEdtf(d: CalendarDate): string {
  if (!d || typeof d !== 'object') return '';
  let s = pad(d.year, 4);
  if (d.month !== undefined) s += `-${pad(d.month, 2)}`;
  if (d.month !== undefined && d.day !== undefined) s += `-${pad(d.day, 2)}`;
  return s;
}

/** ISO 8601 calendar date; for day, month and year precision the same as EDTF. */
export function toIso(d: CalendarDate): string {
  return toEdtf(d);
}

/** Why day/month/year cannot be a date, or undefined when it can (or the year is not known yet). */
export function impossibility(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (month === undefined) return undefined;
  if (month < 1 || month > 12) return `month ${month}`;
  if (day === undefined) return undefined;
  if (day < 1 || day > 31) return `day ${day}`;
  if (day <= daysInMonth(year ?? 2000, month)) return undefined;
  if (month === 2 && day === 29) return `29 February ${year} does not exist (${year} is not a leap year)`;
  return `${day} ${monthLabel(month)} does not exist`;
}

export function calendarDate(year: number, month?: number, day?: number): CalendarDate {
  // Made whole rather than grown field by field: an object given a field after it is made needs
  // a second block of memory for it, and a corpus holds one of these for every date.
  if (month === undefined) return { year };
  return day === undefined ? { year, month } : { year, month, day };
}

/** The editors' reading when they correct the text (`8 [7] October`); the text's own otherwise. */
export function editorsReading(date: DateMention): CalendarDate | undefined {
  return date.editorial?.kind === 'correction' && date.editorial.value ? date.editorial.value : date.value;
}

/** `only in 1950`, `from 1948 to March 1953`, `from September 1950 to the end of 1950`, `until 1953`. */
export function describePeriod(i: { from?: CalendarDate; to?: CalendarDate }): string {
  const { from, to } = i;
  if (from && to && from.month === undefined && to.month === undefined && from.year === to.year) return `only in ${from.year}`;
  const end = (d: CalendarDate) => (from && d.year === from.year && d.month === undefined ? `the end of ${d.year}` : formatDate(d));
  if (from && to) return `from ${formatDate(from)} to ${end(to)}`;
  return from ? `from ${formatDate(from)} on` : `until ${formatDate(to!)}`;
}

/** Whether a period (`from`/`to`, either open) covers any day of `d`. */
export function periodCovers(period: { from?: CalendarDate; to?: CalendarDate }, d: CalendarDate): boolean {
  return (!period.from || firstDay(period.from) <= lastDay(d)) && (!period.to || lastDay(period.to) >= firstDay(d));
}
