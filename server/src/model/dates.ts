// Dates and times as they stand in transcriptions: `5 July 1950`, `October 7, 1950`, `07/05/50`,
// `5.7.50`, `1.X.50`, `3.10` in a registry stamp, `8 [7] October 1950`, `23:45 p.m.`, `2 p. m.`,
// State Department file numbers `795.00/6–2550`. The functions here are pure: no I/O, no clock, no
// time zones, and they never throw — a line of random bytes simply yields no dates.
//
// Invariants:
// - Every mention's `text` is exactly `line.slice(range.start.character, range.end.character)`.
// - Scanning is linear in the length of the line: candidates are tried only where a word or number
//   begins, and every pattern has bounded repetition, so nothing backtracks across the line.
// - A number is read as a date only in a shape that historians write dates in; `5-6 divisions`,
//   `No. 2270`, `listy 100-101` and a bare `1950` in prose are left alone. Two-part dotted numbers
//   (`3.10`, `12.50`) are read only in stamp and registry lines, where clerks wrote them.

import type {
  CalendarDate,
  DateConventions,
  DateForm,
  DateMention,
  DatePrecision,
  DateRangeMention,
  EditorialDateReading,
  Range,
  TimeMention,
  TimeOfDay,
} from './types.js';

export interface DateContext {
  conventions: DateConventions; // from types.ts; seed corpus: slashes month/day/year, dots day.month.year
  /** The document's year, supplies a missing year (`13 October`, `3.10`). */
  year?: number;
  /** Supplies a missing month where a form lacks it (used by `parseDate` for a bare day, `5th`). */
  month?: number;
  /** A stamp / registry line (`Dec[iphered by] Araushkin 12.50 3.10`): allows two-part dotted numbers
   *  as times (12.50, 13.20) and day.month dates (3.10). In running prose such numbers are NOT dates/times. */
  stampLine?: boolean;
}

/**
 * What one line says about dates and times, in the order they stand.
 *
 * `dates` holds every date, the ends of ranges included (so a check that wants "every date in the
 * document" need not look into `ranges`); each range's `from` and `to` are the very objects in
 * `dates`. A date's `range` covers what the source wrote (`8 [7] October 1950` whole, since the
 * editors' `[7]` stands inside it); an editorial reading that follows (`5.7.50 [5 July 1950]`) is
 * in `editorial`, its range covering the bracket with both brackets, and is not reported again as
 * a date of its own. A time inside such a bracket (`[12.50 p.m. 3 October]`) restates the stamp's
 * own time and is not reported either.
 */
export interface LineDates {
  dates: DateMention[];
  times: TimeMention[];
  ranges: DateRangeMention[];
}

/** The seed corpus's conventions: stamps write `07/05/50` month first, `5.7.50` day first. */
export const DEFAULT_CONVENTIONS: DateConventions = { slashes: 'month/day/year', dots: 'day.month.year' };

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const MONTH_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((name, i) => [name.toLowerCase(), i + 1] as [string, number]),
  ['jan', 1],
  ['feb', 2],
  ['febr', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

const ROMAN_MONTHS: ReadonlyMap<string, number> = new Map(
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

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, no Date object: no time zones, no surprises)

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

function dayNumber(year: number, month: number, day: number): number {
  const y = year - 1;
  const leap = month > 2 && isLeapYear(year) ? 1 : 0;
  return 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + DAYS_BEFORE_MONTH[month - 1]! + leap + day - 1;
}

function clampMonth(m: number | undefined, fallback: number): number {
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

function monthLabel(m: number): string {
  return MONTH_NAMES[m - 1] ?? `month ${m}`;
}

/** '5 July 1950', 'October 1950', '1950'. */
export function formatDate(d: CalendarDate): string {
  if (!d || typeof d !== 'object') return '';
  if (d.month === undefined) return `${d.year}`;
  if (d.day === undefined) return `${monthLabel(d.month)} ${d.year}`;
  return `${d.day} ${monthLabel(d.month)} ${d.year}`;
}

function pad(n: number, width: number): string {
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
function impossibility(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (month === undefined) return undefined;
  if (month < 1 || month > 12) return `month ${month}`;
  if (day === undefined) return undefined;
  if (day < 1 || day > 31) return `day ${day}`;
  if (day <= daysInMonth(year ?? 2000, month)) return undefined;
  if (month === 2 && day === 29) return `29 February ${year} does not exist (${year} is not a leap year)`;
  return `${day} ${monthLabel(month)} does not exist`;
}

function calendarDate(year: number, month?: number, day?: number): CalendarDate {
  const d: CalendarDate = { year };
  if (month !== undefined) d.month = month;
  if (month !== undefined && day !== undefined) d.day = day;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Patterns. All sticky (tried at one position), all with bounded repetition.

const SP = '[ \\t\\u00a0\\u2009\\u202f]';
const S1 = `${SP}{1,4}`;
const S0 = `${SP}{0,4}`;
/** `1st`, `22nd`, and the older `2d`, `23d` of eighteenth- and nineteenth-century hands. */
const ORD = '(?:st|nd|rd|th|d)?';
const MONTH =
  '(?:(?<mfull>January|February|March|April|May|June|July|August|September|October|November|December)' +
  '|(?<mabbr>Jan|Febr|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![a-z])';
const ROMAN = 'XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I';
/** `a.m.`, `a. m.`, `am`, `P.M.`. The final dot is taken only when the first one was written, so that
 *  the full stop of `at 22:15 pm.` stays outside the time. */
const MERIDIEM = `(?<mer>[ap])(?:\\.${SP}?m\\.?|m)(?![\\p{L}])`;
/** The Russian year abbreviation after a date: `1.X.50 г.` (transliterated `g.`). */
const ru = (name: string) => `(?:${S0}(?<${name}>[гg]\\.)(?![\\p{L}]))?`;
const RELATIVE_YEAR = `(?<rel>of${S1}this${S1}year)(?![\\p{L}])`;
/** `, 1950`, ` 1950`, and `. 1775` where the date ends its line, as a dateline does (`July 19. 1775`; not `By October 5. 2000 troops …`). */
const WRITTEN_YEAR = `(?:,${S0}|${S1}|\\.${S0}(?=\\d{4}[\\s.,;\\])]*(?:\\(\\d{1,2}\\))?[\\s.]*$))(?<y>\\d{4})(?![\\p{N}])${ru('ru')}`;

/** `5 July 1950`, `13 October`, `8 [7] October 1950`, `5th of October`, `13 September of this year`. */
const DAY_FIRST = new RegExp(
  `(?<d>\\d{1,2})${ORD}(?:${S1}(?<corr>\\[${S0}(?<cd>\\d{1,2})${S0}\\]))?${S1}(?:of${S1})?${MONTH}(?:${WRITTEN_YEAR}|${S1}${RELATIVE_YEAR})?`,
  'dyiu',
);
/** `October 7, 1950`, `Sept. 16`, `Jan 13 1950`, `October 1950`, `October 5-20, 1950`. */
const MONTH_FIRST = new RegExp(
  `${MONTH}(?:${S1}(?<dd>(?<d>\\d{1,2})${ORD})(?![\\p{N}:])(?:${S0}[-–]${S0}(?<d2>\\d{1,2})(?![\\p{N}:]))?` +
    `(?:${WRITTEN_YEAR}|${S1}${RELATIVE_YEAR})?` +
    `|(?:,${S0}|${S1})(?<ym>\\d{4})(?![\\p{N}])${ru('ru2')})`,
  'dyiu',
);
/** `5.7.50`, `3.10.1950`, `1.X.50`, `07/05/50`, `1.X.50 г.`. */
const NUMERIC = new RegExp(
  `(?<a>\\d{1,2})(?<sep>[./])(?<b>\\d{1,2}|${ROMAN})\\k<sep>(?<y>\\d{4}|\\d{2})(?![\\p{N}]|[./]\\p{N})${ru('ru')}(?![\\p{L}])`,
  'dyu',
);
/** `1950-07-05`. */
const ISO = /(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\p{N}\p{L}]|[.:-]\p{N})/dyu;
/** State Department decimal file numbers: `795.00/6–2550` is a telegram of 25 June 1950. */
const STATE_FILE = /\d{3}[A-Z]{0,2}\.[0-9A-Z]{1,12}\/(?<m>\d{1,2})[-–‑](?<dy>\d{3,4})(?![\p{N}])/dyu;
/** `23:45`, `0:55 a.m.`, `8:101 a.m.` (a footnote number run into the minutes). */
const COLON_TIME = new RegExp(`(?<h>\\d{1,2}):(?<mi>\\d{2,3})(?::\\d{2})?(?![\\p{N}]|[.:]\\p{N})(?:${S0}${MERIDIEM})?`, 'dyiu');
/** `12.50 p.m.`: a dotted time is a time anywhere once it carries a meridiem. */
const DOTTED_TIME = new RegExp(`(?<h>\\d{1,2})\\.(?<mi>\\d{2})${S0}${MERIDIEM}`, 'dyiu');
/** `noon` and `midnight` (the end of the day, 24:00, as the editions read it). */
const NAMED_TIME = /(?<w>noon|midnight)(?![\p{L}])/dyiu;
/** `1940 hours`, `0930 hrs`; in a stamp also `at 1940`. */
const FOUR_DIGIT_TIME = new RegExp(`(?<h>[01]\\d|2[0-3])(?<mi>[0-5]\\d)(?:${S1}(?<unit>hours|hrs)\\.?)?(?![\\p{L}\\p{N}])`, 'dyiu');
/** `2 p. m.`, `7 p.m.` in US datelines. */
const HOUR_TIME = new RegExp(`(?<h>\\d{1,2})${S0}${MERIDIEM}`, 'dyiu');
/** The first day of `5–20 October`, `from 5 to 20 October`, `between 5 and 20 October`. */
const DAY_RANGE_START = new RegExp(
  `(?<dd>(?<d>\\d{1,2})${ORD})(?:${S0}[-–]${S0}|${S1}(?<word>to|till|until|through|and)${S1})(?=\\d)`,
  'dyiu',
);
/** `3.10`, `12.50`, `3.X`: in stamp lines only. */
const DOTTED_PAIR = new RegExp(`(?<a>\\d{1,2})\\.(?<b>\\d{1,2}|${ROMAN})(?![\\p{L}\\p{N}]|[./:-]\\p{N})`, 'dyu');
/** An editors' bracket right after a date. */
const BRACKET = new RegExp(`${S0}(?<br>\\[(?<c>[^\\[\\]\\n]{1,80})\\])`, 'dyu');
const SIC = /^sic(?![\p{L}])\s*[-–—:,.]?\s*(?<rest>.*)$/iu;
const TIME_PREFIX = new RegExp(`^(?<h>\\d{1,2})[.:](?<mi>\\d{2})(?:${S0}${MERIDIEM})?(?:${S0},${S0}|${S1})`, 'iu');
const MONTH_ONLY = new RegExp(`^${MONTH}$`, 'iu');
const BEFORE_RANGE = /(?:^|[^\p{L}\p{N}])(?<kw>from|between)[ \t\u00a0]{1,4}$/iu;
const RANGE_CONNECTOR = /^(?:[ \t\u00a0]{0,4}[-–—][ \t\u00a0]{0,4}|[ \t\u00a0]{1,4}(?<word>to|till|until|through|and)[ \t\u00a0]{1,4})$/iu;

type Groups = Record<string, string | undefined>;

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function groupSpan(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

function monthOf(g: Groups): number | undefined {
  const word = g['mfull'] ?? g['mabbr'];
  return word === undefined ? undefined : monthFromName(word);
}

// ---------------------------------------------------------------------------------------------
// Raw readings: what the text says, before the document's year is brought in

interface RawDate {
  start: number;
  end: number;
  form: DateForm;
  day?: number;
  month?: number;
  /** Only a year the text writes (two-digit years already as 19xx). */
  year?: number;
  precision: DatePrecision;
  convention: string;
  ambiguous: boolean;
  /** Parts taken from elsewhere than the document (the other end of a range). */
  supplied: Array<'year' | 'month'>;
  /** `8 [7] October`: the editors' day inside the date. */
  dayCorrection?: { start: number; end: number; day: number };
}

interface Ctx {
  conventions: DateConventions;
  year?: number;
  month?: number;
  stampLine: boolean;
}

const WRITTEN = 'written out';
const RELATIVE = 'written out ("of this year": the year of the document)';

function normalise(ctx: Partial<DateContext> | undefined): Ctx {
  const c = ctx && typeof ctx === 'object' ? ctx : {};
  const conv = c.conventions && typeof c.conventions === 'object' ? c.conventions : DEFAULT_CONVENTIONS;
  const out: Ctx = {
    conventions: {
      slashes: conv.slashes === 'day/month/year' ? 'day/month/year' : 'month/day/year',
      dots: conv.dots === 'month.day.year' ? 'month.day.year' : 'day.month.year',
      ...(conv.basis && typeof conv.basis === 'object' ? { basis: conv.basis } : {}),
    },
    stampLine: c.stampLine === true,
  };
  if (Number.isInteger(c.year)) out.year = c.year;
  if (Number.isInteger(c.month) && c.month! >= 1 && c.month! <= 12) out.month = c.month;
  return out;
}

function twoDigitYear(text: string): number {
  // The corpus is of the twentieth century: `50` is 1950.
  return text.length === 2 ? 1900 + Number(text) : Number(text);
}

function validDayMonth(day: number, month: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

/**
 * Decides day and month of an all-numeric date by the corpus's convention; when the convention
 * gives an impossible date but the other order gives a real one (`13/10/50` under month/day/year)
 * the other order is taken and the reading says so. `ambiguous` is true only when both orders give
 * different real dates — `10/14/50` and `1.1.50` are not ambiguous. A stamp's `10.13` is not
 * swapped (`allowSwap` false): there it is far likelier a time than 13 October.
 */
function readNumeric(
  a: number,
  bText: string,
  sep: '.' | '/',
  year: number | undefined,
  conv: DateConventions,
  withYear: boolean,
  allowSwap: boolean,
): { day: number; month: number; convention: string; ambiguous: boolean } {
  const roman = romanMonth(bText);
  if (roman !== undefined) return { day: a, month: roman, convention: 'Roman numeral month', ambiguous: false };
  const b = Number(bText);
  const order = sep === '/' ? conv.slashes : conv.dots;
  const other = order.startsWith('day') ? order.replace(/^day(.)month/, 'month$1day') : order.replace(/^month(.)day/, 'day$1month');
  const label = (o: string) => (withYear ? o : o.replace(/[./]year$/, ''));
  const what = sep === '/' ? 'slashes' : 'dots';
  const dayFirst = order.startsWith('day');
  const primary = dayFirst ? { day: a, month: b } : { day: b, month: a };
  const swapped = { day: primary.month, month: primary.day };
  const pOk = validDayMonth(primary.day, primary.month, year);
  const sOk = validDayMonth(swapped.day, swapped.month, year);
  if (pOk || !allowSwap || !sOk) {
    return {
      ...primary,
      convention: `${label(order)} (${conv.basis?.[what] ?? `this corpus's convention for ${what}`})`,
      ambiguous: pOk && sOk && primary.day !== primary.month,
    };
  }
  const reason = impossibility(year, primary.month, primary.day) ?? 'impossible';
  return {
    ...swapped,
    convention: `${label(other)} (this corpus's ${label(order)} convention overridden: ${reason} is impossible)`,
    ambiguous: false,
  };
}

function readDayFirst(s: string, pos: number): RawDate | undefined {
  const m = execAt(DAY_FIRST, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const day = Number(g['d']);
  const month = monthOf(g);
  // `45 October` is a count of something, not a day.
  if (month === undefined || day < 1 || day > 31) return undefined;
  const raw: RawDate = {
    start: pos,
    end: pos + m[0].length,
    form: 'day-month',
    day,
    month,
    precision: 'day',
    convention: g['rel'] ? RELATIVE : WRITTEN,
    ambiguous: false,
    supplied: [],
  };
  if (g['y']) raw.year = Number(g['y']);
  const corr = groupSpan(m, 'corr');
  if (corr && g['cd']) raw.dayCorrection = { start: corr[0], end: corr[1], day: Number(g['cd']) };
  return raw;
}

function readMonthFirst(s: string, pos: number): { first: RawDate; second?: RawDate } | undefined {
  const m = execAt(MONTH_FIRST, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const month = monthOf(g);
  if (month === undefined) return undefined;
  const end = pos + m[0].length;
  if (g['ym']) {
    return { first: { start: pos, end, form: 'month-day', month, year: Number(g['ym']), precision: 'month', convention: WRITTEN, ambiguous: false, supplied: [] } };
  }
  const day = Number(g['d']);
  if (day < 1 || day > 31) return undefined;
  const year = g['y'] ? Number(g['y']) : undefined;
  const convention = g['rel'] ? RELATIVE : WRITTEN;
  const d2 = groupSpan(m, 'd2');
  if (d2 && g['d2']) {
    const day2 = Number(g['d2']);
    if (day2 < 1 || day2 > 31) return undefined;
    // `October 5-20, 1950`: the year written once belongs to both ends, the month to both too.
    const firstEnd = groupSpan(m, 'dd')![1];
    const first: RawDate = { start: pos, end: firstEnd, form: 'month-day', day, month, precision: 'day', convention, ambiguous: false, supplied: year !== undefined ? ['year'] : [] };
    const second: RawDate = { start: d2[0], end, form: 'month-day', day: day2, month, precision: 'day', convention, ambiguous: false, supplied: ['month'] };
    if (year !== undefined) {
      first.year = year;
      second.year = year;
    }
    return { first, second };
  }
  const first: RawDate = { start: pos, end, form: 'month-day', day, month, precision: 'day', convention, ambiguous: false, supplied: [] };
  if (year !== undefined) first.year = year;
  return { first };
}

function readNumericDate(s: string, pos: number, ctx: Ctx): RawDate | undefined {
  const m = execAt(NUMERIC, s, pos);
  if (!m) return undefined;
  const g = m.groups as Groups;
  const year = twoDigitYear(g['y']!);
  const r = readNumeric(Number(g['a']), g['b']!, g['sep'] as '.' | '/', year, ctx.conventions, true, true);
  return { start: pos, end: pos + m[0].length, form: 'numeric', day: r.day, month: r.month, year, precision: 'day', convention: r.convention, ambiguous: r.ambiguous, supplied: [] };
}

function readIsoDate(s: string, pos: number): RawDate | undefined {
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

function readStateFile(s: string, pos: number): RawDate | undefined {
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

interface PairReading {
  start: number;
  end: number;
  date?: RawDate;
  time?: TimeOfDay;
}

/** `3.10` (a day and month) or `12.50` (a time), as a stamp writes them; either, both, or neither. */
function readPair(s: string, pos: number, ctx: Ctx): PairReading | undefined {
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

/** Any single date starting at `pos` (no ranges, no times): for the editors' brackets. */
function readAnyDate(s: string, pos: number, ctx: Ctx): RawDate | undefined {
  return (
    readIsoDate(s, pos) ??
    readNumericDate(s, pos, ctx) ??
    readDayFirst(s, pos) ??
    readMonthFirst(s, pos)?.first ??
    readPair(s, pos, ctx)?.date
  );
}

// ---------------------------------------------------------------------------------------------
// Building mentions

function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function resolve(raw: RawDate, ctx: Ctx): { value?: CalendarDate; impossible?: string; supplied: Array<'year' | 'month'>; year?: number } {
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

function buildMention(text: string, line: number, raw: RawDate, ctx: Ctx): DateMention {
  const r = resolve(raw, ctx);
  const mention: DateMention = {
    kind: 'date',
    range: lineRange(line, raw.start, raw.end),
    text: text.slice(raw.start, raw.end),
    form: raw.form,
    precision: raw.precision,
    reading: { convention: raw.convention, supplied: r.supplied, ambiguous: raw.ambiguous },
  };
  if (r.value) mention.value = r.value;
  if (r.impossible) mention.impossible = r.impossible;
  if (raw.dayCorrection) {
    const c = raw.dayCorrection;
    mention.editorial = editorialReading(text, line, c.start, c.end, { day: c.day }, false, raw, r.year, r.impossible !== undefined);
  }
  return mention;
}

interface Parts {
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
function editorialReading(
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
  const reading: EditorialDateReading = { kind: 'correction', range: lineRange(line, start, end), text: text.slice(start, end) };
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
function wholeDate(t: string, ctx: Ctx): Parts | undefined {
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
function partialDate(t: string, ctx: Ctx): Parts | undefined {
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
function bracketAfter(
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

/**
 * A time as written. 24-hour times with a meridiem (`23:45 p.m.`, `0:55 a.m.`) keep their 24-hour
 * reading and are marked redundant; a meridiem that contradicts the hour (`14:00 a.m.`) makes the
 * time impossible, as do a minute above 59 and three-digit minutes (`8:101 a.m.`, a footnote number
 * run into the time by the transcription).
 */
function buildTime(text: string, line: number, start: number, end: number, hour: number, minuteText: string, mer: string | undefined): TimeMention {
  const t: TimeMention = { kind: 'time', range: lineRange(line, start, end), text: text.slice(start, end) };
  const meridiem = mer === undefined ? undefined : mer.toLowerCase() === 'a' ? 'am' : 'pm';
  if (meridiem) t.meridiem = meridiem;
  const minute = Number(minuteText);
  if (minuteText.length > 2) {
    t.impossible = `minute ${minuteText} does not exist (a footnote number run into the time?)`;
    return t;
  }
  if (minute > 59) {
    t.impossible = `minute ${minuteText} does not exist`;
    return t;
  }
  if (hour > 23) {
    t.impossible = `hour ${hour} does not exist`;
    return t;
  }
  let h = hour;
  if (meridiem === 'am') {
    if (hour === 0) t.redundantMeridiem = true;
    else if (hour === 12) h = 0;
    else if (hour > 12) {
      t.impossible = `${hour}:${minuteText} a.m.: hour ${hour} is after noon`;
      return t;
    }
  } else if (meridiem === 'pm') {
    if (hour === 0) {
      t.impossible = `0:${minuteText} p.m.: hour 0 is before noon`;
      return t;
    }
    if (hour > 12) t.redundantMeridiem = true;
    else if (hour < 12) h = hour + 12;
  }
  t.value = { hour: h, minute };
  return t;
}

// ---------------------------------------------------------------------------------------------
// The line scanner

function isAlnum(code: number, ch: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /[\p{L}\p{N}]/u.test(ch);
}

/** Where a word or number begins: not inside `Size240`, not the `78` of `240.78` or `1,000`. */
function isTokenStart(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (!isAlnum(code, text[i]!)) return false;
  if (i === 0) return true;
  const prev = text.charCodeAt(i - 1);
  if (isAlnum(prev, text[i - 1]!)) return false;
  const digit = code >= 48 && code <= 57;
  // After a dash a new number may begin (`5.7.50–6.7.50`, `9:00-10:30`); `1112-1126`, `200-300`
  // and `5-6 divisions` stay unread because no pattern takes a bare number.
  if (digit && i >= 2 && '.,/:'.includes(text[i - 1]!)) {
    const before = text.charCodeAt(i - 2);
    if (before >= 48 && before <= 57) return false;
  }
  return true;
}

class LineScanner {
  readonly out: LineDates = { dates: [], times: [], ranges: [] };
  private readonly raws = new Map<DateMention, RawDate>();
  private readonly pairs: Array<PairReading & { decided?: boolean }> = [];
  private readonly inRange = new Set<DateMention>();

  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly ctx: Ctx,
  ) {}

  scan(): LineDates {
    const { text } = this;
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isTokenStart(text, i)) {
        i++;
        continue;
      }
      const code = text.charCodeAt(i);
      let end = -1;
      if (code >= 48 && code <= 57) end = this.atDigit(i);
      else if (code >= 65 && code <= 90) end = this.atCapital(i);
      else if (code === 109 || code === 110) end = this.atNamedTime(i);
      i = end > i ? end : i + 1;
    }
    this.classifyPairs();
    this.linkRanges();
    const byStart = (a: { range: Range }, b: { range: Range }) => a.range.start.character - b.range.start.character;
    this.out.dates.sort(byStart);
    this.out.times.sort(byStart);
    this.out.ranges.sort(byStart);
    return this.out;
  }

  /** Adds a date and the editors' bracket after it; returns where scanning goes on. */
  private addDate(raw: RawDate, withBracket = true): number {
    const mention = buildMention(this.text, this.line, raw, this.ctx);
    this.out.dates.push(mention);
    this.raws.set(mention, raw);
    if (withBracket && !raw.dayCorrection) {
      const b = bracketAfter(this.text, this.line, raw.end, raw, mention, this.ctx);
      if (b) {
        mention.editorial = b.reading;
        return b.end;
      }
    }
    return raw.end;
  }

  private addRange(from: DateMention, to: DateMention): void {
    this.inRange.add(from);
    this.inRange.add(to);
    this.out.ranges.push({
      kind: 'date-range',
      range: { start: from.range.start, end: to.range.end },
      from,
      to,
    });
  }

  private addTime(m: RegExpExecArray, pos: number): number {
    const g = m.groups as Groups;
    const end = pos + m[0].length;
    this.out.times.push(buildTime(this.text, this.line, pos, end, Number(g['h']), g['mi'] ?? '00', g['mer']));
    return end;
  }

  private atDigit(i: number): number {
    const { text, ctx } = this;
    const state = readStateFile(text, i);
    if (state) return this.addDate(state, false);
    const iso = readIsoDate(text, i);
    if (iso) return this.addDate(iso);
    let m = execAt(COLON_TIME, text, i);
    // `JCC, 2:191`, `2:81, 185`: a volume and page, not a time (a time with a meridiem stays one).
    if (m && !(m.groups as Groups)['mer'] && Number((m.groups as Groups)['mi']) > 59) return i + m[0].length;
    if (m) return this.addTime(m, i);
    const numeric = readNumericDate(text, i, ctx);
    if (numeric) return this.addDate(numeric);
    m = execAt(DOTTED_TIME, text, i);
    if (m) return this.addTime(m, i);
    const range = this.dayRange(i);
    if (range > i) return range;
    const written = readDayFirst(text, i);
    if (written) return this.addDate(written);
    m = execAt(HOUR_TIME, text, i);
    if (m && Number((m.groups as Groups)['h']) <= 23) return this.addTime(m, i);
    m = execAt(FOUR_DIGIT_TIME, text, i);
    if (m && ((m.groups as Groups)['unit'] || (ctx.stampLine && /\bat\s$/i.test(text.slice(Math.max(0, i - 4), i))))) return this.addTime(m, i);
    if (ctx.stampLine) {
      const pair = readPair(text, i, ctx);
      if (pair) {
        if (pair.date) {
          // `3.10 [12.50 p.m. 3 October]`: the editors' bracket settles that it is a date.
          const mention = buildMention(text, this.line, pair.date, ctx);
          const b = bracketAfter(text, this.line, pair.end, pair.date, mention, ctx);
          if (b) {
            mention.editorial = b.reading;
            this.out.dates.push(mention);
            this.raws.set(mention, pair.date);
            this.pairs.push({ ...pair, decided: true });
            return b.end;
          }
        }
        this.pairs.push(pair);
        return pair.end;
      }
    }
    return -1;
  }

  /** `5–20 October 1950`, `from 5 to 20 October`: the first day takes its month from the second. */
  private dayRange(i: number): number {
    const { text, ctx } = this;
    const m = execAt(DAY_RANGE_START, text, i);
    if (!m) return -1;
    const g = m.groups as Groups;
    const word = g['word']?.toLowerCase();
    if (word) {
      const kw = BEFORE_RANGE.exec(text.slice(Math.max(0, i - 13), i))?.groups?.['kw']?.toLowerCase();
      if (!kw || (word === 'and') !== (kw === 'between')) return -1;
    }
    const day = Number(g['d']);
    if (day < 1 || day > 31) return -1;
    const to = readDayFirst(text, i + m[0].length);
    if (!to) return -1;
    const from: RawDate = {
      start: i,
      end: groupSpan(m, 'dd')![1],
      form: 'day-month',
      day,
      month: to.month!,
      precision: 'day',
      convention: WRITTEN,
      ambiguous: false,
      supplied: to.year !== undefined ? ['month', 'year'] : ['month'],
    };
    if (to.year !== undefined) from.year = to.year;
    const fromMention = buildMention(text, this.line, from, ctx);
    this.out.dates.push(fromMention);
    this.raws.set(fromMention, from);
    const end = this.addDate(to);
    this.addRange(fromMention, this.out.dates[this.out.dates.length - 1]!);
    return end;
  }

  private atNamedTime(i: number): number {
    const m = execAt(NAMED_TIME, this.text, i);
    if (!m) return -1;
    const end = i + m[0].length;
    const noon = (m.groups as Groups)['w']!.toLowerCase() === 'noon';
    this.out.times.push({ kind: 'time', range: lineRange(this.line, i, end), text: m[0], value: { hour: noon ? 12 : 24, minute: 0 } });
    return end;
  }

  private atCapital(i: number): number {
    const found = readMonthFirst(this.text, i);
    if (!found) return this.atNamedTime(i);
    if (!found.second) return this.addDate(found.first);
    this.addDate(found.first, false);
    const from = this.out.dates[this.out.dates.length - 1]!;
    const end = this.addDate(found.second);
    this.addRange(from, this.out.dates[this.out.dates.length - 1]!);
    return end;
  }

  /**
   * In a stamp a two-part dotted number may be a time or a day.month. Clerks wrote the time first
   * and the date last (`12.50 3.10`, `No. 2270 3.10`), so one that could be either is the time
   * when the stamp has another date, else the date if it is the last such number.
   */
  private classifyPairs(): void {
    const open = this.pairs.filter((p) => !p.decided);
    if (open.length === 0) return;
    const hasOtherDate = this.out.dates.length > 0 || open.some((p) => p.date && !p.time);
    const lastEither = [...open].reverse().find((p) => p.date && p.time);
    for (const p of open) {
      const asDate = p.date && (!p.time || (!hasOtherDate && p === lastEither));
      if (asDate) {
        const mention = buildMention(this.text, this.line, p.date!, this.ctx);
        this.out.dates.push(mention);
        this.raws.set(mention, p.date!);
      } else if (p.time) {
        const t: TimeMention = { kind: 'time', range: lineRange(this.line, p.start, p.end), text: this.text.slice(p.start, p.end), value: p.time };
        this.out.times.push(t);
      }
    }
    this.out.dates.sort((a, b) => a.range.start.character - b.range.start.character);
  }

  /**
   * `from October 5 to October 20`, `between 5 July and 6 July`, `Sept. 16-Oct. 15, 1950`: two
   * dates joined by a dash, or by `to`/`until` after `from`, or `and` after `between`. A first end
   * that does not write its year takes the second's (the year before, if that would put the start
   * after the end: `December 20 to January 5, 1951`).
   */
  private linkRanges(): void {
    const dates = this.out.dates;
    for (let k = 0; k + 1 < dates.length; k++) {
      const a = dates[k]!;
      const b = dates[k + 1]!;
      if (this.inRange.has(a) || this.inRange.has(b)) continue;
      const aEnd = Math.max(a.range.end.character, a.editorial?.range.end.character ?? 0);
      const between = this.text.slice(aEnd, b.range.start.character);
      if (between.length > 12) continue;
      const c = RANGE_CONNECTOR.exec(between);
      if (!c) continue;
      const word = c.groups?.['word']?.toLowerCase();
      if (word) {
        const start = a.range.start.character;
        const kw = BEFORE_RANGE.exec(this.text.slice(Math.max(0, start - 13), start))?.groups?.['kw']?.toLowerCase();
        if (!kw || (word === 'and') !== (kw === 'between')) continue;
      }
      const rawA = this.raws.get(a);
      const rawB = this.raws.get(b);
      const bYear = b.value?.year ?? rawB?.year;
      if (rawA && rawA.year === undefined && bYear !== undefined && a.precision !== 'year') {
        const fixed: RawDate = { ...rawA, year: bYear, supplied: [...rawA.supplied.filter((s) => s !== 'year'), 'year'] };
        let rebuilt = buildMention(this.text, this.line, fixed, this.ctx);
        if (rebuilt.value && b.value && firstDay(rebuilt.value) > lastDay(b.value)) {
          rebuilt = buildMention(this.text, this.line, { ...fixed, year: bYear - 1 }, this.ctx);
        }
        a.reading.supplied = rebuilt.reading.supplied;
        delete a.value;
        delete a.impossible;
        if (rebuilt.value) a.value = rebuilt.value;
        if (rebuilt.impossible) a.impossible = rebuilt.impossible;
      }
      this.addRange(a, b);
    }
  }
}

/** Finds every date, time and date range in one line of text. `line` is the 0-based line number used in ranges; characters are UTF-16 offsets in `text`. */
export function scanLine(text: string, line: number, ctx: DateContext): LineDates {
  try {
    if (typeof text !== 'string' || text.length === 0) return { dates: [], times: [], ranges: [] };
    return new LineScanner(text, Number.isFinite(line) ? line : 0, normalise(ctx)).scan();
  } catch {
    // A bug of ours must not cost the historian the rest of the file.
    return { dates: [], times: [], ranges: [] };
  }
}

/**
 * Parses a whole string as one date (e.g. registry `from: 1950-07`, `October 1950`), or undefined.
 * Accepts EDTF/ISO `1950`, `1950-07`, `1950-07-05`, every form `scanLine` reads (a trailing full
 * stop and an editors' bracket after the date are allowed; the original's value is returned), and
 * a bare day (`5`, `5th`) when the context gives month and year. Impossible dates give undefined.
 */
export function parseDate(text: string, ctx?: Partial<DateContext>): CalendarDate | undefined {
  try {
    if (typeof text !== 'string') return undefined;
    const t = text.trim();
    if (t === '' || t.length > 200) return undefined;
    const edtf = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
    if (edtf) {
      const d = calendarDate(Number(edtf[1]), edtf[2] ? Number(edtf[2]) : undefined, edtf[3] ? Number(edtf[3]) : undefined);
      return isPossibleDate(d) ? d : undefined;
    }
    const c = normalise(ctx);
    const bare = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(t);
    if (bare) {
      if (c.year === undefined || c.month === undefined) return undefined;
      const d = calendarDate(c.year, c.month, Number(bare[1]));
      return isPossibleDate(d) ? d : undefined;
    }
    const found = new LineScanner(t, 0, c).scan();
    if (found.dates.length !== 1 || found.ranges.length > 0 || found.times.length > 0) return undefined;
    const d = found.dates[0]!;
    if (d.range.start.character !== 0) return undefined;
    const end = Math.max(d.range.end.character, d.editorial?.range.end.character ?? 0);
    const rest = t.slice(end);
    if (rest !== '' && rest !== '.') return undefined;
    return d.value;
  } catch {
    return undefined;
  }
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
