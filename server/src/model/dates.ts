// Dates and times as they stand in transcriptions: `5 July 1950`, `October 7, 1950`, `07/05/50`,
// `5.7.50`, `1.X.50`, `3.10` in a registry stamp, `8 [7] October 1950`, `23:45 p.m.`, `2 p. m.`,
// State Department file numbers `795.00/6–2550`. The functions here are pure: no I/O, no clock, no
// time zones, and they never throw — a line of random bytes simply yields no dates.
//
// The forms are in dates/forms/, one a file; dates/line-scanner.ts tries them; this file is the
// model's one door to them.
//
// Invariants:
// - Every mention's `text` is exactly `line.slice(range.start.character, range.end.character)`.
// - Scanning is linear in the length of the line: candidates are tried only where a word or number
//   begins, and every pattern has bounded repetition, so nothing backtracks across the line.
// - A number is read as a date only in a shape that historians write dates in; `5-6 divisions`,
//   `No. 2270`, `listy 100-101` and a bare `1950` in prose are left alone. Two-part dotted numbers
//   (`3.10`, `12.50`) are read only in stamp and registry lines, where clerks wrote them.

export {
  DEFAULT_CONVENTIONS,
  MONTH_NAMES,
  daysInMonth,
  describePeriod,
  editorsReading,
  firstDay,
  formatDate,
  formatTime,
  isAllNumeric,
  isLeapYear,
  isPossibleDate,
  lastDay,
  monthFromName,
  periodCovers,
  precisionOf,
  romanMonth,
  sameDate,
  toEdtf,
  toIso,
  weekday,
} from './dates/calendar.js';
export type { DateContext, LineDates } from './dates/parts.js';
export { lineScannerFor, parseDate, scanLine } from './dates/line-scanner.js';
