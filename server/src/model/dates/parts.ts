// What every date form is built from: the pieces of its pattern (spaces, ordinals, months,
// meridiems, a written year), and the raw reading of what the text says before the document's
// year is brought in. All patterns are sticky (tried at one position) with bounded repetition;
// only those whose groups' positions are read (`groupSpan`) carry the `d` flag, which costs an
// array of positions for every match.

import type { DateConventions, DateForm, DateMention, DatePrecision, DateRangeMention, TimeMention } from '../types.js';
import { daysInMonth, DEFAULT_CONVENTIONS, impossibility, monthFromName, romanMonth } from './calendar.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../vocabulary.js';

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

export const SP = '[ \\t\\u00a0\\u2009\\u202f]';

export const S1 = `${SP}{1,4}`;

export const S0 = `${SP}{0,4}`;

/** `1st`, `22nd`, and the older `2d`, `23d` of eighteenth- and nineteenth-century hands. */
export const ORD = '(?:st|nd|rd|th|d)?';

/** A month's name or abbreviation, longest first (`Febr` before `Feb`, `Sept` before `Sep`). */
const longestFirst = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const abbreviations = Object.keys(MONTH_ABBREVIATIONS).map((a) => a[0]!.toUpperCase() + a.slice(1));

export const MONTH = `(?:(?<mfull>${MONTH_NAMES.join('|')})|(?<mabbr>${longestFirst(abbreviations)})\\.?)(?![a-z])`;

export const ROMAN = 'XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I';

/** `a.m.`, `a. m.`, `am`, `P.M.`. The final dot is taken only when the first one was written, so that
 *  the full stop of `at 22:15 pm.` stays outside the time. */
export const MERIDIEM = `(?<mer>[ap])(?:\\.${SP}?m\\.?|m)(?![\\p{L}])`;

/** The Russian year abbreviation after a date: `1.X.50 г.` (transliterated `g.`). */
export const ru = (name: string) => `(?:${S0}(?<${name}>[гg]\\.)(?![\\p{L}]))?`;

export const RELATIVE_YEAR = `(?<rel>of${S1}this${S1}year)(?![\\p{L}])`;

/** `, 1950`, ` 1950`, and `. 1775` where the date ends its line, as a dateline does (`July 19. 1775`; not `By October 5. 2000 troops …`). */
export const WRITTEN_YEAR = `(?:,${S0}|${S1}|\\.${S0}(?=\\d{4}[\\s.,;\\])]*(?:\\(\\d{1,2}\\))?[\\s.]*$))(?<y>\\d{4})(?![\\p{N}])${ru('ru')}`;

export type Groups = Record<string, string | undefined>;

export function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

export function groupSpan(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

export function monthOf(g: Groups): number | undefined {
  const word = g['mfull'] ?? g['mabbr'];
  return word === undefined ? undefined : monthFromName(word);
}

export interface RawDate {
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

export interface Ctx {
  conventions: DateConventions;
  year?: number;
  month?: number;
  stampLine: boolean;
}

export const WRITTEN = 'written out';

export const RELATIVE = 'written out ("of this year": the year of the document)';

export function normalise(ctx: Partial<DateContext> | undefined): Ctx {
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

export function twoDigitYear(text: string): number {
  // The corpus is of the twentieth century: `50` is 1950.
  return text.length === 2 ? 1900 + Number(text) : Number(text);
}

export function validDayMonth(day: number, month: number, year: number | undefined): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year ?? 2000, month);
}

/**
 * Decides day and month of an all-numeric date by the corpus's convention; when the convention
 * gives an impossible date but the other order gives a real one (`13/10/50` under month/day/year)
 * the other order is taken and the reading says so. `ambiguous` is true only when both orders give
 * different real dates — `10/14/50` and `1.1.50` are not ambiguous. A stamp's `10.13` is not
 * swapped (`allowSwap` false): there it is far likelier a time than 13 October.
 */
export function readNumeric(
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
  const label = (o: string) => (withYear ? o : o.replace(/[./]year$/, ''));
  const what = sep === '/' ? 'slashes' : 'dots';
  const dayFirst = order.startsWith('day');
  const primary = dayFirst ? { day: a, month: b } : { day: b, month: a };
  const swapped = { day: primary.month, month: primary.day };
  const pOk = validDayMonth(primary.day, primary.month, year);
  const sOk = validDayMonth(swapped.day, swapped.month, year);
  if (pOk || !allowSwap || !sOk) {
    return { day: primary.day, month: primary.month, convention: orderText(conv, what, withYear), ambiguous: pOk && sOk && primary.day !== primary.month };
  }
  const other = order.startsWith('day') ? order.replace(/^day(.)month/, 'month$1day') : order.replace(/^month(.)day/, 'day$1month');
  const reason = impossibility(year, primary.month, primary.day) ?? 'impossible';
  return {
    ...swapped,
    convention: `${label(other)} (this corpus's ${label(order)} convention overridden: ${reason} is impossible)`,
    ambiguous: false,
  };
}

/** Each context's name of its order (`month/day/year (this corpus's convention for slashes)`), made once: a document has many numeric dates. */
const orderTexts = new WeakMap<DateConventions, Array<{ order: string; basis: string | undefined; text: string } | undefined>>();

function orderText(conv: DateConventions, what: 'slashes' | 'dots', withYear: boolean): string {
  const order = conv[what];
  const basis = conv.basis?.[what];
  let texts = orderTexts.get(conv);
  if (!texts) orderTexts.set(conv, (texts = []));
  const k = (what === 'slashes' ? 0 : 1) + (withYear ? 2 : 0);
  const known = texts[k];
  if (known && known.order === order && known.basis === basis) return known.text;
  const text = `${withYear ? order : order.replace(/[./]year$/, '')} (${basis ?? `this corpus's convention for ${what}`})`;
  texts[k] = { order, basis, text };
  return text;
}
