// The date forms, one a file, and the order in which they are tried where a number begins.
//
// Adding a form: a file here with its pattern, its examples and its reader; an entry in
// `dateForms`; its place in `atDigit` (a form that would read part of another is tried after it:
// a file number before a numeric date, a numeric date before a dotted time); a fixture. The test
// of forms reads every example back as its form. `form` is how the date is written (the family a
// check or the editor asks about: numeric or written out); a new reader of a family needs no new
// family.

import type { DateForm } from '../../types.js';
import type { Ctx, RawDate } from '../parts.js';
import { readDayFirst, readDotted } from './day-month.js';
import { readDayFirstOtherLanguages } from './day-month-languages.js';
import { readDayOfMonth } from './day-of-month.js';
import { readStateFile } from './file-number.js';
import { readIsoDate } from './iso.js';
import { readMonthFirst } from './month-day.js';
import { readNumericDate } from './numeric.js';
import { readPair } from './stamp-pair.js';
import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../../vocabulary.js';

export interface DateFormReader {
  id: string;
  form: DateForm;
  /** As the sources write it; each reads back as this form (a test says so). */
  examples: string[];
  /** Only in stamp and registry lines (`Received 12:15 3.10`). */
  stampLinesOnly?: boolean;
  /** Whether the editors' bracket after it (`5.7.50 [5 July 1950]`) is read as their reading of it. */
  takesEditorsBracket: boolean;
  read(text: string, pos: number, ctx: Ctx): RawDate | undefined;
}

export const dateForms: DateFormReader[] = [
  { id: 'file-number', form: 'file-number', examples: ['795.00/6–2550', '601.4193/3–651: Telegram'], takesEditorsBracket: false, read: (s, pos) => readStateFile(s, pos) },
  { id: 'iso', form: 'iso', examples: ['1950-07-05'], takesEditorsBracket: true, read: (s, pos) => readIsoDate(s, pos) },
  { id: 'numeric', form: 'numeric', examples: ['5.7.50', '07/05/50', '1.X.50', '3.10.1950', '24.III.50 г.'], takesEditorsBracket: true, read: (s, pos, ctx) => readNumericDate(s, pos, ctx) },
  { id: 'day-month', form: 'day-month', examples: ['5 July 1950', '5. October 1950', '8 [7] October 1950', '21st July 1775', '13 September of this year'], takesEditorsBracket: true, read: (s, pos) => readDayFirst(s, pos) },
  { id: 'day-month-dotted', form: 'day-month', examples: ['13.June.1951', '1.Mar.1951'], takesEditorsBracket: true, read: (s, pos) => readDotted(s, pos) },
  {
    id: 'day-month-other-languages',
    form: 'day-month',
    examples: ['le 8 octobre 1950', '1er novembre 1950', '8. Oktober 1950', '8 de octubre de 1950', '8 ottobre 1950', '8 октября 1950 г.', '8 oktyabrya 1950 g.'],
    takesEditorsBracket: true,
    read: (s, pos) => readDayFirstOtherLanguages(s, pos),
  },
  {
    id: 'day-of-month',
    form: 'day-month',
    examples: ['this 5th day of July 1776', 'the third day of October in the year of our Lord 1789', 'the twenty-first day of March, 1797'],
    takesEditorsBracket: true,
    read: (s, pos) => readDayOfMonth(s, pos),
  },
  { id: 'month-day', form: 'month-day', examples: ['October 7, 1950', 'Sept. 16, 1950', 'July 19. 1775', 'July 23d. 1775', 'Philada July 24 1775'], takesEditorsBracket: true, read: (s, pos) => readMonthFirst(s, pos)?.first },
  { id: 'day-month-numeric', form: 'day-month-numeric', examples: ['Received 12:15 3.10'], stampLinesOnly: true, takesEditorsBracket: true, read: (s, pos, ctx) => readPair(s, pos, ctx)?.date },
];

const byId = new Map(dateForms.map((f) => [f.id, f]));

export function dateForm(id: string): DateFormReader {
  return byId.get(id)!;
}

/**
 * What is tried where a number begins, in order: the date forms that begin with a number, and
 * between them the times and ranges that would otherwise be misread as (or misread) one.
 */
export const atDigit = [
  'file-number',
  'iso',
  'colon-time',
  'numeric',
  'dotted-time',
  'day-range',
  'day-month',
  'day-month-dotted',
  'day-month-other-languages',
  'day-of-month',
  'hour-time',
  'continental-time',
  'four-digit-time',
  'stamp-pair',
] as const;

/**
 * Whether `step` can match where a number of `digits` ASCII digits begins, followed by the
 * character `next` (a code unit; NaN at the end of the line): a cheap test before its pattern,
 * most numbers (`10001`, `(2)`, `fond 45`) being no date or time. It must never say no where the
 * pattern could match: a character beyond ASCII (a no-break space, a dash, `º`, a letter that
 * case-folds to an ASCII one) always says yes.
 */
export function mayStartAt(step: (typeof atDigit)[number], digits: number, next: number): boolean {
  if (digits === 3) return step === 'file-number' && (next === DOT || (next >= 65 && next <= 90));
  if (digits === 4) return step === 'four-digit-time' || (step === 'iso' && next === DASH);
  if (digits > 4) return false;
  if (!(next < 128)) return step !== 'file-number' && step !== 'iso' && step !== 'four-digit-time';
  const space = next === 32 || next === 9;
  const ordinal = ordinalStarts.has(next | 32);
  switch (step) {
    case 'colon-time':
      return next === COLON;
    case 'numeric':
      return next === DOT || next === SLASH;
    case 'dotted-time':
    case 'stamp-pair':
    case 'day-month-dotted':
      return next === DOT;
    case 'day-range':
      return space || next === DASH || ordinal;
    case 'day-month':
      return space || ordinal || next === DOT; // `5. October 1950`
    case 'day-of-month':
      return space || ordinal;
    case 'day-month-other-languages':
      return space || next === DOT || (next | 32) === 101; // `1er`, `8.`
    case 'hour-time':
      return space || (next | 32) === 97 || (next | 32) === 112; // `7 p.m.`, `9am`
    case 'continental-time':
      return space || next === 104 || next === DOT || next === COLON; // `14h30`, `14.30 Uhr`
    default:
      return false;
  }
}

const DOT = 46;
const SLASH = 47;
const COLON = 58;
const DASH = 45;
/** The first letters of `st`, `nd`, `rd`, `th`, `d`, in lower case. */
const ordinalStarts = new Set([...'sndrt'].map((c) => c.charCodeAt(0)));

/** The first two letters of the month names, their abbreviations, `noon` and `midnight`, in lower case. */
const monthOrTimeStarts = new Set([...MONTH_NAMES, ...Object.keys(MONTH_ABBREVIATIONS), 'noon', 'midnight'].map((w) => w.slice(0, 2).toLowerCase()));

/**
 * Whether a capitalised word at `i` may begin a month (`October 7`) or a named time (`Noon`): a
 * cheap test before their patterns, as most capitals begin names. A letter beyond ASCII (which
 * may case-fold to an ASCII one) says yes.
 */
export function mayNameMonthOrTime(text: string, i: number): boolean {
  const second = text.charCodeAt(i + 1);
  if (!(second < 128)) return true;
  return monthOrTimeStarts.has(String.fromCharCode(text.charCodeAt(i) | 32, second | 32));
}

/** Where a lower-case word begins, on a line that may hold one (`the third day of October`). */
export const atWord = ['day-of-month'] as const;

/** Any single date starting at `pos` (no ranges, no times): for the editors' brackets. */
export function readAnyDate(s: string, pos: number, ctx: Ctx): RawDate | undefined {
  for (const f of dateForms) {
    if (!f.takesEditorsBracket) continue;
    const raw = f.read(s, pos, ctx);
    if (raw) return raw;
  }
  return undefined;
}
