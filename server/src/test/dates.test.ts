// Dates and times: a table of lines as they stand in transcriptions, with what a historian reads in
// each — and lines that look numeric but are no dates, with the reason. Then the calendar helpers,
// properties over random dates and random text, and a guard against super-linear scanning.

import { atDigit, atWord, dateForms } from '../model/dates/forms/index.js';
import { growth } from './helpers.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import {
  DEFAULT_CONVENTIONS,
  MONTH_NAMES,
  firstDay,
  formatDate,
  formatTime,
  isPossibleDate,
  lastDay,
  monthFromName,
  parseDate,
  precisionOf,
  romanMonth,
  scanLine,
  toEdtf,
  toIso,
  weekday,
  type DateContext,
  type LineDates,
} from '../model/dates.js';
import type { DatePrecision } from '../model/types.js';

const SEED: DateContext = { conventions: DEFAULT_CONVENTIONS, year: 1950 };
const STAMP: DateContext = { ...SEED, stampLine: true };

interface ExpectedDate {
  text: string;
  /** EDTF of the value; null when the text is no possible date. */
  edtf: string | null;
  precision?: DatePrecision;
  supplied?: Array<'year' | 'month'>;
  ambiguous?: boolean;
  convention?: RegExp;
  impossible?: RegExp;
  editorial?: { kind: 'expansion' | 'correction'; text: string; edtf: string | null };
}

interface ExpectedTime {
  text: string;
  /** 'HH:MM', or null when impossible. */
  value: string | null;
  meridiem?: 'am' | 'pm';
  redundant?: boolean;
  impossible?: RegExp;
}

interface Row {
  line: string;
  ctx?: DateContext;
  dates?: ExpectedDate[];
  times?: ExpectedTime[];
  /** [from text, to text] */
  ranges?: Array<[string, string]>;
}

const rows: Row[] = [
  // --- The seed's forms
  { line: '5 July 1950', dates: [{ text: '5 July 1950', edtf: '1950-07-05', precision: 'day', supplied: [], ambiguous: false, convention: /written out/ }] },
  { line: 'Decision dated October 7, 1950', dates: [{ text: 'October 7, 1950', edtf: '1950-10-07', supplied: [], ambiguous: false }] },
  {
    line: 'Submitted at 23:45 p.m. on 07/05/50',
    ctx: STAMP,
    dates: [{ text: '07/05/50', edtf: '1950-07-05', ambiguous: true, supplied: [], convention: /^month\/day\/year \(this corpus's convention for slashes\)$/ }],
    times: [{ text: '23:45 p.m.', value: '23:45', meridiem: 'pm', redundant: true }],
  },
  {
    line: 'Typed by Stepanova at 0:55 a.m. on 07/06/50',
    ctx: STAMP,
    dates: [{ text: '07/06/50', edtf: '1950-07-06', ambiguous: true }],
    times: [{ text: '0:55 a.m.', value: '00:55', meridiem: 'am', redundant: true }],
  },
  {
    line: 'Sent by wire on 10/09/50 at 7:05 a.m.',
    ctx: STAMP,
    dates: [{ text: '10/09/50', edtf: '1950-10-09', ambiguous: true }],
    times: [{ text: '7:05 a.m.', value: '07:05', meridiem: 'am', redundant: false }],
  },
  { line: '5.7.50', dates: [{ text: '5.7.50', edtf: '1950-07-05', ambiguous: true, convention: /^day\.month\.year/ }] },
  {
    line: 'On 1.X.50 at 3:00 a.m.',
    dates: [{ text: '1.X.50', edtf: '1950-10-01', ambiguous: false, convention: /Roman numeral month/ }],
    times: [{ text: '3:00 a.m.', value: '03:00', meridiem: 'am' }],
  },
  {
    line: 'From BEIJING Received 12:15 3.10.1950',
    ctx: STAMP,
    dates: [{ text: '3.10.1950', edtf: '1950-10-03', supplied: [] }],
    times: [{ text: '12:15', value: '12:15' }],
  },
  { line: 'From BEIJING Received 12:15 3.10.1950', ctx: SEED, dates: [{ text: '3.10.1950', edtf: '1950-10-03' }], times: [{ text: '12:15', value: '12:15' }] },
  { line: 'Deciphered 2.10.50', dates: [{ text: '2.10.50', edtf: '1950-10-02' }] },
  // A clerk's register joins day, month and year with full stops; only all three make a date.
  {
    line: 'Received 13.June.1951, 19:55 and 1.Mar.1951 Beijing time',
    dates: [
      { text: '13.June.1951', edtf: '1951-06-13', supplied: [] },
      { text: '1.Mar.1951', edtf: '1951-03-01', supplied: [] },
    ],
    times: [{ text: '19:55', value: '19:55' }],
  },
  { line: 'Moscow, 5. October 1950', dates: [{ text: '5. October 1950', edtf: '1950-10-05', precision: 'day', supplied: [] }] },
  { line: '1. March 15 meeting', dates: [{ text: 'March 15', edtf: '1950-03-15', supplied: ['year'] }] },
  { line: 'MAO ZEDONG 2.10.50"', dates: [{ text: '2.10.50', edtf: '1950-10-02' }] },
  { line: 'No. 2270 3.10', ctx: STAMP, dates: [{ text: '3.10', edtf: '1950-10-03', precision: 'day', supplied: ['year'], ambiguous: true }] },
  {
    line: 'as of 8:00 a.m., 13 October, the following U.S. battleships',
    dates: [{ text: '13 October', edtf: '1950-10-13', precision: 'day', supplied: ['year'] }],
    times: [{ text: '8:00 a.m.', value: '08:00', meridiem: 'am' }],
  },
  { line: 'Decision dated 30 September 1950', dates: [{ text: '30 September 1950', edtf: '1950-09-30' }] },
  { line: 'I will keep you informed. 8 October 1950.', dates: [{ text: '8 October 1950', edtf: '1950-10-08' }] },
  {
    line: 'will be supplied from October 5 to October 20.',
    dates: [
      { text: 'October 5', edtf: '1950-10-05', supplied: ['year'] },
      { text: 'October 20', edtf: '1950-10-20', supplied: ['year'] },
    ],
    ranges: [['October 5', 'October 20']],
  },
  {
    line: 'will be supplied from 5 to 20 October.',
    dates: [
      { text: '5', edtf: '1950-10-05', precision: 'day', supplied: ['month', 'year'] },
      { text: '20 October', edtf: '1950-10-20', supplied: ['year'] },
    ],
    ranges: [['5', '20 October']],
  },
  { line: 'It was on 16 September already that Moscow warned', dates: [{ text: '16 September', edtf: '1950-09-16', supplied: ['year'] }] },
  { line: 'On 1 October, I sent a letter to Mao Zedong', dates: [{ text: '1 October', edtf: '1950-10-01', supplied: ['year'] }] },
  {
    line: '[Handwritten: This letter was delivered to Comrade Bulganin on October 7, 1950 at 22:15 pm.]',
    dates: [{ text: 'October 7, 1950', edtf: '1950-10-07' }],
    times: [{ text: '22:15 pm', value: '22:15', meridiem: 'pm', redundant: true }],
  },
  { line: 'Received 12:15', times: [{ text: '12:15', value: '12:15' }] },
  {
    line: 'Dec[iphered by] Araushkin 12.50 3.10 [12.50 p.m. 3 October]',
    ctx: STAMP,
    dates: [{ text: '3.10', edtf: '1950-10-03', supplied: ['year'], editorial: { kind: 'expansion', text: '[12.50 p.m. 3 October]', edtf: '1950-10-03' } }],
    times: [{ text: '12.50', value: '12:50' }],
  },
  {
    line: 'Typ[ed by] Doronchenkova 13.20 3.10 [1.20 p.m. 3 October]',
    ctx: STAMP,
    dates: [{ text: '3.10', edtf: '1950-10-03', editorial: { kind: 'expansion', text: '[1.20 p.m. 3 October]', edtf: '1950-10-03' } }],
    times: [{ text: '13.20', value: '13:20' }],
  },
  { line: 'Arrived at 8:101 a.m.', times: [{ text: '8:101 a.m.', value: null, meridiem: 'am', impossible: /minute 101/ }] },
  { line: '31 September 1950', dates: [{ text: '31 September 1950', edtf: null, precision: 'day', impossible: /^31 September does not exist$/ }] },

  // --- Editorial readings
  { line: '5.7.50 [5 July 1950]', dates: [{ text: '5.7.50', edtf: '1950-07-05', editorial: { kind: 'expansion', text: '[5 July 1950]', edtf: '1950-07-05' } }] },
  { line: 'On 1.X.50 [1 October 1950] at 3:00 a.m.', dates: [{ text: '1.X.50', edtf: '1950-10-01', editorial: { kind: 'expansion', text: '[1 October 1950]', edtf: '1950-10-01' } }], times: [{ text: '3:00 a.m.', value: '03:00' }] },
  { line: 'I received your telegram of 1.10.50 [1 October 1950].', dates: [{ text: '1.10.50', edtf: '1950-10-01', editorial: { kind: 'expansion', text: '[1 October 1950]', edtf: '1950-10-01' } }] },
  {
    line: 'Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 [7] October 1950',
    dates: [{ text: '8 [7] October 1950', edtf: '1950-10-08', editorial: { kind: 'correction', text: '[7]', edtf: '1950-10-07' } }],
  },
  {
    line: 'I received letter from Mao on 7 September [sic-October], in which',
    dates: [{ text: '7 September', edtf: '1950-09-07', supplied: ['year'], editorial: { kind: 'correction', text: '[sic-October]', edtf: '1950-10-07' } }],
  },
  { line: 'on 7 September [sic: October]', dates: [{ text: '7 September', edtf: '1950-09-07', editorial: { kind: 'correction', text: '[sic: October]', edtf: '1950-10-07' } }] },
  { line: 'on 7 September [sic]', dates: [{ text: '7 September', edtf: '1950-09-07', editorial: { kind: 'correction', text: '[sic]', edtf: null } }] },
  { line: 'on 5.7.50 [7 May 1950]', dates: [{ text: '5.7.50', edtf: '1950-07-05', editorial: { kind: 'correction', text: '[7 May 1950]', edtf: '1950-05-07' } }] },
  { line: '1 [First] and 2 [Second] Army Groups', dates: [] },

  // --- Other editions
  { line: 'September 26, 1950', dates: [{ text: 'September 26, 1950', edtf: '1950-09-26' }] },
  { line: 'Sent on 26.9.50 at 8:10 a.m.', dates: [{ text: '26.9.50', edtf: '1950-09-26', ambiguous: false }], times: [{ text: '8:10 a.m.', value: '08:10' }] },
  { line: 'Received in Moscow on 27.9.50 at 20:55', dates: [{ text: '27.9.50', edtf: '1950-09-27' }], times: [{ text: '20:55', value: '20:55' }] },
  { line: 'He returned on 13 September of this year.', dates: [{ text: '13 September of this year', edtf: '1950-09-13', supplied: ['year'], convention: /of this year/ }] },
  { line: 'dated 24.III.50', dates: [{ text: '24.III.50', edtf: '1950-03-24', convention: /Roman/ }] },
  { line: 'Protocol of 1.X.50 г. approved', dates: [{ text: '1.X.50 г.', edtf: '1950-10-01' }] },
  { line: 'by Sept. 16', dates: [{ text: 'Sept. 16', edtf: '1950-09-16', supplied: ['year'] }] },
  { line: 'until Oct. 15, 1950', dates: [{ text: 'Oct. 15, 1950', edtf: '1950-10-15', supplied: [] }] },
  {
    line: 'China’s Decision, Sept. 16-Oct. 15, 1950: New Evidence',
    ctx: { conventions: DEFAULT_CONVENTIONS },
    dates: [
      { text: 'Sept. 16', edtf: '1950-09-16', supplied: ['year'] },
      { text: 'Oct. 15, 1950', edtf: '1950-10-15', supplied: [] },
    ],
    ranges: [['Sept. 16', 'Oct. 15, 1950']],
  },
  { line: 'Jan 13 1950', dates: [{ text: 'Jan 13 1950', edtf: '1950-01-13' }] },
  { line: 'Received 3.10.1950', dates: [{ text: '3.10.1950', edtf: '1950-10-03' }] },
  {
    line: 'Seoul, January 27, 1949—2 p. m.',
    dates: [{ text: 'January 27, 1949', edtf: '1949-01-27', supplied: [] }],
    times: [{ text: '2 p. m.', value: '14:00', meridiem: 'pm', redundant: false }],
  },
  { line: 'Washington, February 3, 1949—7 p.m.', dates: [{ text: 'February 3, 1949', edtf: '1949-02-03' }], times: [{ text: '7 p.m.', value: '19:00' }] },
  {
    line: '[Received January 28—3:21 a. m.]',
    ctx: { conventions: DEFAULT_CONVENTIONS, year: 1949 },
    dates: [{ text: 'January 28', edtf: '1949-01-28', supplied: ['year'] }],
    times: [{ text: '3:21 a. m.', value: '03:21', meridiem: 'am' }],
  },
  {
    line: '795.00/6–2550: Telegram',
    dates: [{ text: '6–2550', edtf: '1950-06-25', supplied: [], ambiguous: false, convention: /^State Department file number \(month–day–year\)$/ }],
  },
  { line: '795.00/6-2550', dates: [{ text: '6-2550', edtf: '1950-06-25' }] },
  { line: '795B.00/7-150: Telegram', dates: [{ text: '7-150', edtf: '1950-07-01' }] },
  { line: 'On 29 September 29 I met him', dates: [{ text: '29 September', edtf: '1950-09-29', supplied: ['year'] }] },
  { line: 'registered 1950-07-05', dates: [{ text: '1950-07-05', edtf: '1950-07-05', convention: /ISO/ }] },
  { line: 'in October 1950 the army', dates: [{ text: 'October 1950', edtf: '1950-10', precision: 'month', supplied: [] }] },
  { line: 'OCTOBER 7, 1950', dates: [{ text: 'OCTOBER 7, 1950', edtf: '1950-10-07' }] },
  { line: 'the 5th of October 1950', dates: [{ text: '5th of October 1950', edtf: '1950-10-05' }] },
  { line: 'letter of 5.7.1950', dates: [{ text: '5.7.1950', edtf: '1950-07-05' }] },
  {
    line: 'from December 20 to January 5, 1951',
    ctx: { conventions: DEFAULT_CONVENTIONS },
    dates: [
      { text: 'December 20', edtf: '1950-12-20', supplied: ['year'] },
      { text: 'January 5, 1951', edtf: '1951-01-05' },
    ],
    ranges: [['December 20', 'January 5, 1951']],
  },
  {
    line: 'fighting 5–20 October 1950',
    dates: [
      { text: '5', edtf: '1950-10-05', supplied: ['month', 'year'] },
      { text: '20 October 1950', edtf: '1950-10-20', supplied: [] },
    ],
    ranges: [['5', '20 October 1950']],
  },
  {
    line: 'between October 5-20, 1950',
    dates: [
      { text: 'October 5', edtf: '1950-10-05', supplied: ['year'] },
      { text: '20, 1950', edtf: '1950-10-20', supplied: ['month'] },
    ],
    ranges: [['October 5', '20, 1950']],
  },
  {
    line: 'between 5 July and 6 July 1950',
    ctx: { conventions: DEFAULT_CONVENTIONS },
    dates: [
      { text: '5 July', edtf: '1950-07-05', supplied: ['year'] },
      { text: '6 July 1950', edtf: '1950-07-06' },
    ],
    ranges: [['5 July', '6 July 1950']],
  },
  { line: 'changed 5 July to 6 July', dates: [{ text: '5 July', edtf: '1950-07-05' }, { text: '6 July', edtf: '1950-07-06' }], ranges: [] },
  { line: '13 October', ctx: { conventions: DEFAULT_CONVENTIONS }, dates: [{ text: '13 October', edtf: null, supplied: [] }] },
  { line: '29 February 1950', dates: [{ text: '29 February 1950', edtf: null, impossible: /not a leap year/ }] },
  { line: '29 February 1952', dates: [{ text: '29 February 1952', edtf: '1952-02-29' }] },
  { line: 'at 14:00 a.m.', times: [{ text: '14:00 a.m.', value: null, impossible: /after noon/ }] },
  { line: 'at 12:30 a.m.', times: [{ text: '12:30 a.m.', value: '00:30', redundant: false }] },
  { line: 'at 12:30 p.m.', times: [{ text: '12:30 p.m.', value: '12:30', redundant: false }] },
  { line: 'at 25:10', times: [{ text: '25:10', value: null, impossible: /hour 25/ }] },
  { line: 'at 9.45 a.m.', times: [{ text: '9.45 a.m.', value: '09:45' }] },

  {
    line: 'in force 5.7.50–6.7.50',
    dates: [
      { text: '5.7.50', edtf: '1950-07-05' },
      { text: '6.7.50', edtf: '1950-07-06' },
    ],
    ranges: [['5.7.50', '6.7.50']],
  },
  { line: 'open 9:00-10:30', times: [{ text: '9:00', value: '09:00' }, { text: '10:30', value: '10:30' }] },
  { line: 'between 5-6 p.m.', times: [{ text: '6 p.m.', value: '18:00' }] },

  // --- Ambiguity
  { line: '07/05/50', dates: [{ text: '07/05/50', edtf: '1950-07-05', ambiguous: true }] },
  { line: '10/14/50', dates: [{ text: '10/14/50', edtf: '1950-10-14', ambiguous: false, convention: /^month\/day\/year/ }] },
  {
    line: '07/05/50',
    ctx: { conventions: { slashes: 'day/month/year', dots: 'day.month.year' }, year: 1950 },
    dates: [{ text: '07/05/50', edtf: '1950-05-07', ambiguous: true, convention: /^day\/month\/year/ }],
  },
  { line: '13/10/50', dates: [{ text: '13/10/50', edtf: '1950-10-13', ambiguous: false, convention: /^day\/month\/year .*month\/day\/year convention overridden: month 13 is impossible/ }] },
  { line: '13/13/50', dates: [{ text: '13/13/50', edtf: null, impossible: /^month 13$/ }] },
  { line: '1.1.50', dates: [{ text: '1.1.50', edtf: '1950-01-01', ambiguous: false }] },
  {
    line: '5.7.50',
    ctx: { conventions: { slashes: 'month/day/year', dots: 'month.day.year' } },
    dates: [{ text: '5.7.50', edtf: '1950-05-07', ambiguous: true, convention: /^month\.day\.year/ }],
  },
];

/** Lines that hold numbers but no date or time, and why. */
const notDates: Array<[line: string, reason: string, ctx?: DateContext]> = [
  ['1. We agree with the opinion of Chinese comrades', 'a numbered paragraph'],
  ['2. May I suggest', 'a numbered paragraph that opens with a month’s name'],
  ['Para 3. June figures', 'a numbered paragraph about a month'],
  ['Re Your ciphered telegrams ## 1112-1126', 'a range of telegram numbers'],
  ['No. 2270', 'a registry number'],
  ['# P78/118', 'Politburo protocol 78, item 118'],
  ['1304/sh. We agree', 'an outgoing number with its suffix'],
  ['move at least 5-6 divisions', 'a count given as a range'],
  ['the training of 200-300 pilots', 'a count given as a range'],
  ['the training of 1,000 tankists', 'a count with a thousands separator'],
  ['crossing the 38th parallel', 'an ordinal that is no day'],
  ['concentrate immediately 9 Chinese divisions', 'a count'],
  ['Size240.78 Kb.', 'a file size'],
  ['Download 240.78 Kb.', 'a file size, even in a stamp line', STAMP],
  ['the 1 [First] and 2 [Second] Army Groups', 'army group numbers with the editors’ names'],
  ['[Source: APRF, fond 45, opis 1, delo 331, list 79]', 'an archive reference'],
  ['[Source: APRF, fond 3, opis 65, delo 827, listy 100-101]', 'folios'],
  ['Distribution List - 3 copies: Stalin - 2, Molotov -1', 'copies per recipient'],
  ['Typ[ed in] 10 copies [copies no.] 9-10 -(to file)', 'copy numbers', STAMP],
  ['the figures 3.10 and 12.50 in running prose', 'two-part dotted numbers outside a stamp'],
  ['Document 7: Ciphered Telegram', 'a document number before a colon'],
  ['Dec[iphered by] Araushkin', 'the abbreviation Dec[iphered], not December', STAMP],
  ['The database is protected by copyright © 2020', 'a bare year is not read in prose'],
  ['you may 5 times ask', 'lower-case month names are words (may, march)'],
  ['address 192.168.1.1', 'a dotted number with more parts'],
  ['version 1.2.3', 'a one-digit last part is no year'],
  ['1   2   3   4   5', 'page numbers'],
  ['Ciphered Telegram # 600382/sh', 'a telegram number'],
];

function edtfOrNull(v: { year: number; month?: number; day?: number } | undefined): string | null {
  return v ? toEdtf(v) : null;
}

/** Checks what holds of every result, whatever the input. */
function assertWellFormed(text: string, line: number, r: LineDates): void {
  const inLine = (rg: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    assert.equal(rg.start.line, line);
    assert.equal(rg.end.line, line);
    assert.ok(0 <= rg.start.character && rg.start.character <= rg.end.character && rg.end.character <= text.length);
  };
  let lastEnd = -1;
  for (const d of r.dates) {
    inLine(d.range);
    assert.equal(d.text, text.slice(d.range.start.character, d.range.end.character));
    assert.ok(d.range.start.character >= lastEnd, 'dates do not overlap');
    lastEnd = d.range.end.character;
    if (d.value) {
      assert.ok(isPossibleDate(d.value));
      assert.equal(d.impossible, undefined);
    }
    if (d.editorial) {
      inLine(d.editorial.range);
      assert.equal(d.editorial.text, text.slice(d.editorial.range.start.character, d.editorial.range.end.character));
      if (d.editorial.value) assert.ok(isPossibleDate(d.editorial.value));
    }
  }
  for (const t of r.times) {
    inLine(t.range);
    assert.equal(t.text, text.slice(t.range.start.character, t.range.end.character));
    if (t.value) {
      assert.ok(t.value.hour >= 0 && t.value.hour <= 23 && t.value.minute >= 0 && t.value.minute <= 59);
      assert.equal(t.impossible, undefined);
    }
  }
  for (const x of r.ranges) {
    assert.ok(r.dates.includes(x.from) && r.dates.includes(x.to));
    assert.deepEqual(x.range.start, x.from.range.start);
    assert.deepEqual(x.range.end, x.to.range.end);
  }
}

describe('scanLine: what a historian reads in each line', () => {
  for (const row of rows) {
    it(`${row.line}${row.ctx?.stampLine ? ' (stamp)' : ''}`, () => {
      const ctx = row.ctx ?? SEED;
      const r = scanLine(row.line, 7, ctx);
      assertWellFormed(row.line, 7, r);

      assert.deepEqual(r.dates.map((d) => d.text), (row.dates ?? []).map((d) => d.text), 'date texts');
      (row.dates ?? []).forEach((want, k) => {
        const got = r.dates[k]!;
        assert.equal(edtfOrNull(got.value), want.edtf, `value of ${want.text}`);
        assert.equal(got.range.start.character, row.line.indexOf(want.text), `start of ${want.text}`);
        if (want.precision) assert.equal(got.precision, want.precision);
        if (want.supplied) assert.deepEqual([...got.reading.supplied].sort(), [...want.supplied].sort(), `supplied of ${want.text}`);
        if (want.ambiguous !== undefined) assert.equal(got.reading.ambiguous, want.ambiguous, `ambiguous of ${want.text}`);
        if (want.convention) assert.match(got.reading.convention, want.convention);
        if (want.impossible) assert.match(got.impossible ?? '', want.impossible);
        else assert.equal(got.impossible, undefined);
        if (want.editorial) {
          assert.ok(got.editorial, `editorial reading of ${want.text}`);
          assert.equal(got.editorial.kind, want.editorial.kind);
          assert.equal(got.editorial.text, want.editorial.text);
          assert.equal(got.editorial.range.start.character, row.line.indexOf(want.editorial.text));
          assert.equal(edtfOrNull(got.editorial.value), want.editorial.edtf);
        } else {
          assert.equal(got.editorial, undefined);
        }
      });

      assert.deepEqual(r.times.map((t) => t.text), (row.times ?? []).map((t) => t.text), 'time texts');
      (row.times ?? []).forEach((want, k) => {
        const got = r.times[k]!;
        assert.equal(got.value ? formatTime(got.value) : null, want.value, `value of ${want.text}`);
        if (want.meridiem) assert.equal(got.meridiem, want.meridiem);
        if (want.redundant !== undefined) assert.equal(got.redundantMeridiem === true, want.redundant);
        if (want.impossible) assert.match(got.impossible ?? '', want.impossible);
        else assert.equal(got.impossible, undefined);
      });

      assert.deepEqual(r.ranges.map((x) => [x.from.text, x.to.text]), row.ranges ?? []);
    });
  }
});

describe('scanLine: numbers that are not dates', () => {
  for (const [line, reason, ctx] of notDates) {
    it(`${line} — ${reason}`, () => {
      const r = scanLine(line, 0, ctx ?? SEED);
      assert.deepEqual(r, { dates: [], times: [], ranges: [] });
    });
  }
});

describe('scanLine: ranges and positions', () => {
  it('gives exact UTF-16 ranges on the given line', () => {
    const line = 'Ch’óngjin, 8 October 1950.';
    const r = scanLine(line, 41, SEED);
    assert.equal(r.dates.length, 1);
    assert.deepEqual(r.dates[0]!.range, { start: { line: 41, character: 11 }, end: { line: 41, character: 25 } });
  });

  it('a correction inside the date: the range covers the original, the editorial range the bracket', () => {
    const line = '8 [7] October 1950';
    const d = scanLine(line, 0, SEED).dates[0]!;
    assert.deepEqual([d.range.start.character, d.range.end.character], [0, 18]);
    assert.deepEqual([d.editorial!.range.start.character, d.editorial!.range.end.character], [2, 5]);
  });

  it('the expansion bracket is not a date of its own', () => {
    const r = scanLine('5.7.50 [5 July 1950]', 0, SEED);
    assert.equal(r.dates.length, 1);
    assert.deepEqual([r.dates[0]!.editorial!.range.start.character, r.dates[0]!.editorial!.range.end.character], [7, 20]);
  });

  it('stamp: one number that could be a time or a date is the date when it stands last', () => {
    const r = scanLine('Received 9.10', 0, STAMP);
    assert.deepEqual(r.dates.map((d) => toEdtf(d.value!)), ['1950-10-09']);
    assert.equal(r.times.length, 0);
  });

  it('stamp: with a full date in the line, the ambiguous pair is the time', () => {
    const r = scanLine('Received 9.10 3.10.1950', 0, STAMP);
    assert.deepEqual(r.dates.map((d) => d.text), ['3.10.1950']);
    assert.deepEqual(r.times.map((t) => formatTime(t.value!)), ['09:10']);
  });

  it('stamp: two ambiguous pairs are time then date', () => {
    const r = scanLine('Typed 9.10 3.10', 0, STAMP);
    assert.deepEqual(r.dates.map((d) => d.text), ['3.10']);
    assert.deepEqual(r.times.map((t) => t.text), ['9.10']);
  });

  it('takes a missing context, odd conventions and non-string input without throwing', () => {
    assert.deepEqual(scanLine(undefined as unknown as string, 0, SEED), { dates: [], times: [], ranges: [] });
    const r = scanLine('5.7.50', 0, undefined as unknown as DateContext);
    assert.equal(toEdtf(r.dates[0]!.value!), '1950-07-05');
    const r2 = scanLine('07/05/50', 0, { conventions: {} as DateContext['conventions'] });
    assert.equal(toEdtf(r2.dates[0]!.value!), '1950-07-05');
  });
});

describe('calendar helpers', () => {
  it('isPossibleDate', () => {
    assert.equal(isPossibleDate({ year: 1950, month: 7, day: 5 }), true);
    assert.equal(isPossibleDate({ year: 1950, month: 9, day: 31 }), false);
    assert.equal(isPossibleDate({ year: 1950, month: 2, day: 29 }), false);
    assert.equal(isPossibleDate({ year: 2000, month: 2, day: 29 }), true);
    assert.equal(isPossibleDate({ year: 1900, month: 2, day: 29 }), false);
    assert.equal(isPossibleDate({ year: 1950, month: 13 }), false);
    assert.equal(isPossibleDate({ year: 1950 }), true);
    assert.equal(isPossibleDate({ year: 1950.5 }), false);
    assert.equal(isPossibleDate({ year: 1950, day: 3 }), false);
  });

  it('precisionOf', () => {
    assert.equal(precisionOf({ year: 1950, month: 7, day: 5 }), 'day');
    assert.equal(precisionOf({ year: 1950, month: 7 }), 'month');
    assert.equal(precisionOf({ year: 1950 }), 'year');
  });

  it('firstDay and lastDay count days from 1 January of year 1', () => {
    assert.equal(firstDay({ year: 1, month: 1, day: 1 }), 0);
    assert.equal(firstDay({ year: 1, month: 12, day: 31 }), 364);
    assert.equal(firstDay({ year: 2, month: 1, day: 1 }), 365);
    assert.equal(lastDay({ year: 1950, month: 2 }) - firstDay({ year: 1950, month: 2 }), 27);
    assert.equal(lastDay({ year: 2000, month: 2 }) - firstDay({ year: 2000, month: 2 }), 28);
    assert.equal(lastDay({ year: 1950 }) - firstDay({ year: 1950 }), 364);
    assert.equal(firstDay({ year: 1950, month: 10, day: 8 }) - firstDay({ year: 1950, month: 10, day: 7 }), 1);
    assert.equal(firstDay({ year: 1951, month: 1, day: 1 }) - lastDay({ year: 1950 }), 1);
    // Agrees with the JavaScript epoch: 1 January 1970 is day 719162.
    assert.equal(firstDay({ year: 1970, month: 1, day: 1 }), 719162);
    assert.ok(Number.isNaN(firstDay({ year: NaN })));
  });

  it('weekday', () => {
    assert.equal(weekday({ year: 1950, month: 7, day: 5 }), 'Wednesday');
    assert.equal(weekday({ year: 1950, month: 10, day: 7 }), 'Saturday');
    assert.equal(weekday({ year: 1950, month: 6, day: 25 }), 'Sunday');
    assert.equal(weekday({ year: 2000, month: 1, day: 1 }), 'Saturday');
    assert.equal(weekday({ year: 1950, month: 7 }), undefined);
    assert.equal(weekday({ year: 1950, month: 9, day: 31 }), undefined);
  });

  it('weekday agrees with UTC Date arithmetic across the century', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    for (let y = 1900; y < 2000; y += 7) {
      for (let m = 1; m <= 12; m++) {
        const day = 1 + ((y + m) % 28);
        assert.equal(weekday({ year: y, month: m, day }), names[new Date(Date.UTC(y, m - 1, day)).getUTCDay()]);
      }
    }
  });

  it('formatDate, formatTime, toEdtf, toIso', () => {
    assert.equal(formatDate({ year: 1950, month: 7, day: 5 }), '5 July 1950');
    assert.equal(formatDate({ year: 1950, month: 10 }), 'October 1950');
    assert.equal(formatDate({ year: 1950 }), '1950');
    assert.equal(formatTime({ hour: 9, minute: 38 }), '09:38');
    assert.equal(formatTime({ hour: 23, minute: 5 }), '23:05');
    assert.equal(toEdtf({ year: 1950, month: 7, day: 5 }), '1950-07-05');
    assert.equal(toEdtf({ year: 1950, month: 10 }), '1950-10');
    assert.equal(toEdtf({ year: 1950 }), '1950');
    assert.equal(toIso({ year: 1950, month: 7, day: 5 }), '1950-07-05');
    assert.equal(toIso({ year: 1950, month: 10 }), '1950-10');
  });

  it('month names and Roman months', () => {
    assert.equal(monthFromName('October'), 10);
    assert.equal(monthFromName('OCTOBER'), 10);
    assert.equal(monthFromName('Sept.'), 9);
    assert.equal(monthFromName('Oct'), 10);
    assert.equal(monthFromName('october'), undefined);
    assert.equal(monthFromName('May.'), undefined);
    assert.equal(romanMonth('X'), 10);
    assert.equal(romanMonth('XIII'), undefined);
  });
});

describe('parseDate', () => {
  const cases: Array<[string, string | null, Partial<DateContext>?]> = [
    ['1950-07', '1950-07'],
    ['1950', '1950'],
    ['1950-07-05', '1950-07-05'],
    ['1950-13', null],
    ['October 1950', '1950-10'],
    ['5 July 1950', '1950-07-05'],
    ['  October 7, 1950 ', '1950-10-07'],
    ['8 October 1950.', '1950-10-08'],
    ['5.7.50 [5 July 1950]', '1950-07-05'],
    ['07/05/50', '1950-05-07', { conventions: { slashes: 'day/month/year', dots: 'day.month.year' } }],
    ['13 October', '1950-10-13', { year: 1950 }],
    ['13 October', null],
    ['5th', '1950-10-05', { year: 1950, month: 10 }],
    ['5', null, { year: 1950 }],
    ['3.10', '1950-10-03', { year: 1950, stampLine: true }],
    ['3.10', null, { year: 1950 }],
    ['31 September 1950', null],
    ['from 5 to 20 October 1950', null],
    ['5 July 1950 at 2 p.m.', null],
    ['on 5 July 1950', null],
    ['not a date', null],
    ['', null],
  ];
  for (const [text, want, ctx] of cases) {
    it(`${JSON.stringify(text)} → ${want}`, () => {
      const got = parseDate(text, ctx);
      assert.equal(got ? toEdtf(got) : null, want);
    });
  }
  it('never throws on junk', () => {
    assert.equal(parseDate(undefined as unknown as string), undefined);
    assert.equal(parseDate('\u0000\uffff\ud800'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const ABBREVIATIONS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'Jun.', 'Jul.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const two = (n: number) => String(n).padStart(2, '0');

const forms: Array<[string, (y: number, m: number, d: number) => string]> = [
  ['D Month YYYY', (y, m, d) => `${d} ${MONTH_NAMES[m - 1]} ${y}`],
  ['Month D, YYYY', (y, m, d) => `${MONTH_NAMES[m - 1]} ${d}, ${y}`],
  ['MM/DD/YY', (y, m, d) => `${two(m)}/${two(d)}/${two(y % 100)}`],
  ['M/D/YYYY', (y, m, d) => `${m}/${d}/${y}`],
  ['D.M.YY', (y, m, d) => `${d}.${m}.${two(y % 100)}`],
  ['DD.MM.YYYY', (y, m, d) => `${two(d)}.${two(m)}.${y}`],
  ['D.ROMAN.YY', (y, m, d) => `${d}.${ROMAN[m - 1]}.${two(y % 100)}`],
  ['Mon. D, YYYY', (y, m, d) => `${ABBREVIATIONS[m - 1]} ${d}, ${y}`],
  ['YYYY-MM-DD', (y, m, d) => `${y}-${two(m)}-${two(d)}`],
  ['State Department file', (y, m, d) => `795.00/${m}–${d}${two(y % 100)}`],
];

const aDate = fc
  .record({ year: fc.integer({ min: 1900, max: 1999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, new Date(Date.UTC(year, month, 0)).getUTCDate()) }));

describe('properties', () => {
  it('a date rendered in any supported form, inside prose, reads back as the same day', () => {
    fc.assert(
      fc.property(
        aDate,
        fc.integer({ min: 0, max: forms.length - 1 }),
        fc.constantFrom('', 'Sent on ', 'Received in Moscow ', '(', 'telegram of '),
        fc.constantFrom('', '.', ' at 9:38 a.m.', ', in which', ')', '"'),
        (date, k, before, after) => {
          const rendered = forms[k]![1](date.year, date.month, date.day);
          const line = `${before}${rendered}${after}`;
          const r = scanLine(line, 0, { conventions: DEFAULT_CONVENTIONS });
          assertWellFormed(line, 0, r);
          assert.equal(r.dates.length, 1, `${forms[k]![0]}: ${line}`);
          assert.deepEqual(r.dates[0]!.value, date, `${forms[k]![0]}: ${line}`);
          assert.equal(r.dates[0]!.precision, 'day');
          // A file number as a whole is no date; only its last part is.
          if (forms[k]![0] !== 'State Department file') assert.deepEqual(parseDate(rendered), date);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random text never throws and every result is well formed', () => {
    const pieces = fc.constantFrom(
      '5', '12', '31', '50', '1950', ' ', '  ', '.', '/', '-', '–', '—', ':', ',', '[', ']', 'sic', 'October', 'Sept.', 'May',
      'X', 'III', 'a.m.', 'p. m.', 'pm', 'from', 'to', 'and', 'between', 'г.', 'of this year', '7', '0', '101', '6–2550', '795.00/',
    );
    const ctxs = fc.record({ stampLine: fc.boolean(), year: fc.option(fc.integer({ min: 1800, max: 2100 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), ctxs, (parts, c) => {
        const line = parts.join('');
        const r = scanLine(line, 3, { conventions: DEFAULT_CONVENTIONS, ...c });
        assertWellFormed(line, 3, r);
        parseDate(line, c);
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (line, stampLine) => {
        assertWellFormed(line, 0, scanLine(line, 0, { ...SEED, stampLine }));
        parseDate(line);
      }),
      { numRuns: 2000 },
    );
  });

  it('random bytes yield no dates', () => {
    let seed = 12345;
    let bytes = '';
    for (let i = 0; i < 65536; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes += String.fromCharCode((seed >> 16) & 0xff);
    }
    const r = scanLine(bytes, 0, STAMP);
    assert.deepEqual(r, { dates: [], times: [], ranges: [] });
  });
});

describe('linear time', () => {
  // Judged by ratio, as in growth.test.ts: each line is read at n and at 8n characters.
  const lines: Array<[string, (n: number) => string]> = [
    ['digits and dots', (n) => '1.2.'.repeat(n / 4)],
    ['two-digit dotted', (n) => '12.12.12.'.repeat(n / 9)],
    ['stamp pairs', (n) => '3.10 '.repeat(n / 5)],
    ['digits', (n) => '1'.repeat(n)],
    ['spaces then a date', (n) => ' '.repeat(n) + '5 July 1950'],
    ['day and space', (n) => '5 '.repeat(n / 2)],
    ['months', (n) => 'October '.repeat(n / 8)],
    ['dates', (n) => '5 October 1950 - '.repeat(n / 17)],
    ['brackets', (n) => '5.7.50 ['.repeat(n / 8)],
    ['colons', (n) => '1:1:'.repeat(n / 4)],
    ['ordinal days of months', (n) => 'the third day of '.repeat(n / 17) + 'October'],
  ];
  for (const [name, make] of lines) {
    it(`a line of ${name}`, () => {
      const { small, large, ratio } = growth((n) => {
        const line = make(n);
        return () => {
          assert.doesNotThrow(() => scanLine(line, 0, STAMP));
          scanLine(line, 0, SEED);
        };
      });
      assert.ok(ratio < 32, `${name}: ${small.toFixed(1)} ms at 12,500 characters, ${large.toFixed(1)} ms at 100,000 (×${ratio.toFixed(1)})`);
    });
  }
});

describe('the date forms describe themselves', () => {
  it('every step of the order names a form or one of the times and ranges the scanner knows, and every form with a number first has its place', () => {
    const scannerSteps = ['colon-time', 'dotted-time', 'day-range', 'hour-time', 'continental-time', 'four-digit-time', 'stamp-pair'];
    const ids = dateForms.map((f) => f.id);
    for (const step of [...atDigit, ...atWord]) assert.ok(ids.includes(step) || scannerSteps.includes(step), `${step} is neither a form nor a step of the scanner`);
    // `day-month-numeric` is read through the stamp pairs, `month-day` where a capital begins.
    for (const id of ids.filter((i) => i !== 'day-month-numeric' && i !== 'month-day')) assert.ok((atDigit as readonly string[]).includes(id), `${id} is tried nowhere`);
  });

  it("every form's examples read back as that form", () => {
    for (const form of dateForms) {
      for (const example of form.examples) {
        const found = scanLine(example, 0, { conventions: DEFAULT_CONVENTIONS, year: 1950, stampLine: form.stampLinesOnly === true });
        assert.deepEqual(found.dates.map((d) => d.form), [form.form], `${form.id}: ${example}`);
        assert.ok(found.dates[0]!.value, `${form.id}: ${example} has a value`);
      }
    }
  });
});
