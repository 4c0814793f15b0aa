// Dates and times as the sources write them and as Marginalia reads them.

import type { Range } from './base.js';

/** How much of a date the text gives. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date, possibly partial. `month` and `day` are 1-based. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * How a numeric date was read: which convention decided between day and month, and whether the
 * year or month was missing and taken from the surrounding document.
 */
export interface DateReading {
  /** e.g. 'month/day/year (corpus convention for slashes)', 'day.month.year', 'written out'. */
  convention: string;
  /** Parts that were not written and were supplied from context ('year', 'month'). */
  supplied: Array<'year' | 'month'>;
  /** True when day and month could have been swapped and a convention decided. */
  ambiguous: boolean;
  /** Ambiguous, and neither the corpus nor the document decides: the reading is a guess. */
  undetermined?: boolean;
}

/**
 * The written form of a date: `5 July 1950` (day-month), `July 5, 1950` (month-day), `5.7.50` or
 * `07/05/50` (numeric, day and month ordered by the corpus's convention), `1950-07-05` (iso),
 * `795.00/6–2550` (file-number: a State Department decimal file), `3.10` (day-month-numeric: a
 * stamp's day and month without a year).
 */
export type DateForm = 'day-month' | 'month-day' | 'numeric' | 'iso' | 'file-number' | 'day-month-numeric';

/** A date as it stands in the text. `value` is undefined when the text is not a possible date. */
export interface DateMention {
  kind: 'date';
  range: Range;
  text: string;
  form: DateForm;
  value?: CalendarDate;
  precision: DatePrecision;
  reading: DateReading;
  /** Why the text, though shaped like a date, is not one (31 September). */
  impossible?: string;
  /** The editors' reading when the text gives one: `5.7.50 [5 July 1950]`, `8 [7] October`. */
  editorial?: EditorialDateReading;
}

export interface EditorialDateReading {
  /** 'expansion' restates the same date; 'correction' gives another. */
  kind: 'expansion' | 'correction';
  range: Range;
  text: string;
  value?: CalendarDate;
}

export interface TimeMention {
  kind: 'time';
  range: Range;
  text: string;
  value?: TimeOfDay;
  /** 'a.m.' / 'p.m.' as written, if any. */
  meridiem?: 'am' | 'pm';
  /** e.g. '23:45 p.m.': a 24-hour time with a meridiem. The value is the 24-hour reading. */
  redundantMeridiem?: boolean;
  impossible?: string;
  /** Written in UTC: `1545Z`, `15:45 GMT`, `0930 UTC`. */
  utc?: boolean;
}

/** `from October 5 to October 20`. */
export interface DateRangeMention {
  kind: 'date-range';
  range: Range;
  from: DateMention;
  to: DateMention;
}
