// The line scanner: every date, time and date range of one line, tried only where a word or
// number begins, each form in the order `forms/index.ts` states.

import type { CalendarDate, DateMention, Range, TimeMention } from '../types.js';
import { calendarDate, firstDay, isPossibleDate, lastDay } from './calendar.js';
import { bracketAfter } from './editorial.js';
import { readDayFirst } from './forms/day-month.js';
import { mayHoldDayOf } from './forms/day-of-month.js';
import { atDigit, atWord, dateForm, mayNameMonthOrTime, mayStartAt } from './forms/index.js';
import { readMonthFirst } from './forms/month-day.js';
import { type PairReading, readPair } from './forms/stamp-pair.js';
import { buildTime, COLON_TIME, CONTINENTAL_TIME, DOTTED_TIME, FOUR_DIGIT_TIME, HOUR_TIME, NAMED_TIME } from './forms/times.js';
import { buildMention } from './mention.js';
import { type Ctx, type DateContext, execAt, type Groups, groupSpan, type LineDates, normalise, ORD, type RawDate, S0, S1, WRITTEN } from './parts.js';
import { range } from '../text.js';

/** The first day of `5–20 October`, `from 5 to 20 October`, `between 5 and 20 October`. */
export const DAY_RANGE_START = new RegExp(
  `(?<dd>(?<d>\\d{1,2})${ORD})(?:${S0}[-–]${S0}|${S1}(?<word>to|till|until|through|and)${S1})(?=\\d)`,
  'dyiu',
);

export const BEFORE_RANGE = /(?:^|[^\p{L}\p{N}])(?<kw>from|between)[ \t\u00a0]{1,4}$/iu;

export const RANGE_CONNECTOR = /^(?:[ \t\u00a0]{0,4}[-–—][ \t\u00a0]{0,4}|[ \t\u00a0]{1,4}(?<word>to|till|until|through|and)[ \t\u00a0]{1,4})$/iu;

export function isAlnum(code: number, ch: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  return code > 127 && /[\p{L}\p{N}]/u.test(ch);
}

/** Where a word or number begins: not inside `Size240`, not the `78` of `240.78` or `1,000`. */
export function isTokenStart(text: string, i: number): boolean {
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

export class LineScanner {
  readonly out: LineDates = { dates: [], times: [], ranges: [] };
  private readonly raws = new Map<DateMention, RawDate>();
  private readonly pairs: Array<PairReading & { decided?: boolean }> = [];
  private readonly inRange = new Set<DateMention>();
  private mayHoldDayOf = false;

  constructor(
    private readonly text: string,
    private readonly line: number,
    private readonly ctx: Ctx,
  ) {}

  scan(): LineDates {
    const { text } = this;
    this.mayHoldDayOf = mayHoldDayOf(text);
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
      else if ((code === 109 || code === 110) && mayNameMonthOrTime(text, i)) end = this.atNamedTime(i);
      if (end < 0 && code >= 97 && code <= 122 && this.mayHoldDayOf) end = this.atLowerCaseWord(i);
      if (end > i) {
        i = end;
        continue;
      }
      // Nothing begins inside a word or number that did not begin a date: on to its end.
      i++;
      while (i < n && isAlnum(text.charCodeAt(i), text[i]!)) i++;
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
    this.out.times.push(buildTime(this.text, this.line, pos, end, Number(g['h']), g['mi'] ?? '00', g['mer'], g['utc'] !== undefined));
    return end;
  }

  /** Tries, where a number begins, each form and time of `atDigit` (forms/index.ts) in its order. */
  private atDigit(i: number): number {
    const { text } = this;
    let k = i;
    while (k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const next = k < text.length ? text.charCodeAt(k) : NaN;
    for (const step of atDigit) {
      if (!mayStartAt(step, k - i, next)) continue;
      const end = this.tryAt(step, i);
      if (end >= 0) return end;
    }
    return -1;
  }

  private tryAt(step: (typeof atDigit)[number], i: number): number {
    const { text, ctx } = this;
    let m: RegExpExecArray | null;
    switch (step) {
      case 'colon-time':
        m = execAt(COLON_TIME, text, i);
        if (!m) return -1;
        // `JCC, 2:191`, `2:81, 185`: a volume and page, not a time (a time with a meridiem stays one).
        if (!(m.groups as Groups)['mer'] && Number((m.groups as Groups)['mi']) > 59) return i + m[0].length;
        return this.addTime(m, i);
      case 'dotted-time':
        m = execAt(DOTTED_TIME, text, i);
        return m ? this.addTime(m, i) : -1;
      case 'day-range':
        return this.dayRange(i);
      case 'hour-time':
        m = execAt(HOUR_TIME, text, i);
        return m && Number((m.groups as Groups)['h']) <= 23 ? this.addTime(m, i) : -1;
      case 'continental-time':
        m = execAt(CONTINENTAL_TIME, text, i);
        if (!m) return -1;
        (m.groups as Groups)['mi'] ??= (m.groups as Groups)['mi2'];
        return this.addTime(m, i);
      case 'four-digit-time':
        m = execAt(FOUR_DIGIT_TIME, text, i);
        if (m && ((m.groups as Groups)['unit'] || (m.groups as Groups)['utc'] || (ctx.stampLine && /\bat\s$/i.test(text.slice(Math.max(0, i - 4), i))))) return this.addTime(m, i);
        return -1;
      case 'stamp-pair':
        return ctx.stampLine ? this.stampPair(i) : -1;
      default: {
        const form = dateForm(step);
        if (form.stampLinesOnly && !ctx.stampLine) return -1;
        const raw = form.read(text, i, ctx);
        return raw ? this.addDate(raw, form.takesEditorsBracket) : -1;
      }
    }
  }

  /** `12.50 3.10` in a stamp: a time or a day.month, decided once the line is read (`classifyPairs`). */
  private stampPair(i: number): number {
    const { text, ctx } = this;
    const pair = readPair(text, i, ctx);
    if (!pair) return -1;
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

  private atLowerCaseWord(i: number): number {
    for (const id of atWord) {
      const form = dateForm(id);
      const raw = form.read(this.text, i, this.ctx);
      if (raw) return this.addDate(raw, form.takesEditorsBracket);
    }
    return -1;
  }

  private atNamedTime(i: number): number {
    const m = execAt(NAMED_TIME, this.text, i);
    if (!m) return -1;
    const end = i + m[0].length;
    const noon = (m.groups as Groups)['w']!.toLowerCase() === 'noon';
    this.out.times.push({ kind: 'time', range: range(this.line, i, end), text: m[0], value: { hour: noon ? 12 : 24, minute: 0 } });
    return end;
  }

  private atCapital(i: number): number {
    if (!mayNameMonthOrTime(this.text, i)) return -1;
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
        const t: TimeMention = { kind: 'time', range: range(this.line, p.start, p.end), text: this.text.slice(p.start, p.end), value: p.time };
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
  return scanWith(text, line, normalise(ctx));
}

/** `scanLine` for many lines of one context (a document's), the context checked once, not per line. */
export function lineScannerFor(ctx: DateContext): (text: string, line: number) => LineDates {
  const c = normalise(ctx);
  return (text, line) => scanWith(text, line, c);
}

function scanWith(text: string, line: number, ctx: Ctx): LineDates {
  try {
    if (typeof text !== 'string' || text.length === 0) return { dates: [], times: [], ranges: [] };
    return new LineScanner(text, Number.isFinite(line) ? line : 0, ctx).scan();
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
