// Times: `23:45`, `0:55 a.m.`, `12.50 p.m.`, `2 p. m.`, `noon`, `midnight`, `1940 hours`, `14 h 30`, `14.30 Uhr`.

import type { TimeMention } from '../../types.js';
import { MERIDIEM, S0, S1 } from '../parts.js';
import { range } from '../../text.js';

/** After a time, that it is written in UTC: military and State Department `1545Z`, `15:45 GMT`. */
export const IN_UTC = `(?<utc>Z|${S0}(?:GMT|UTC|GCT))(?![\\p{L}\\p{N}])`;

/** `23:45`, `0:55 a.m.`, `8:101 a.m.` (a footnote number run into the minutes). */
export const COLON_TIME = new RegExp(`(?<h>\\d{1,2}):(?<mi>\\d{2,3})(?::\\d{2})?(?![\\p{N}]|[.:]\\p{N})(?:${S0}${MERIDIEM}|${IN_UTC})?`, 'yiu');

/** `12.50 p.m.`: a dotted time is a time anywhere once it carries a meridiem. */
export const DOTTED_TIME = new RegExp(`(?<h>\\d{1,2})\\.(?<mi>\\d{2})${S0}${MERIDIEM}`, 'yiu');

/** `noon` and `midnight` (the end of the day, 24:00, as the editions read it). */
export const NAMED_TIME = /(?<w>noon|midnight)(?![\p{L}])/yiu;

/** `1940 hours`, `0930 hrs`, `1545Z`; in a stamp also `at 1940`. */
export const FOUR_DIGIT_TIME = new RegExp(`(?<h>[01]\\d|2[0-3])(?<mi>[0-5]\\d)(?:${S1}(?<unit>hours|hrs)\\.?|${IN_UTC})?(?![\\p{L}\\p{N}])`, 'yiu');

/** `14 h 30`, `9 h.`, `14h30` in French (an hour alone only with its full stop); `14.30 Uhr`, `9 Uhr` in German. */
export const CONTINENTAL_TIME = new RegExp(`(?<h>[01]?\\d|2[0-3])(?:${S0}h(?:${S0}(?<mi>[0-5]\\d)|\\.)|(?:[.:](?<mi2>[0-5]\\d))?${S1}Uhr)(?![\\p{L}\\p{N}])`, 'yu');

/** `2 p. m.`, `7 p.m.` in US datelines. */
export const HOUR_TIME = new RegExp(`(?<h>\\d{1,2})${S0}${MERIDIEM}`, 'yiu');

/**
 * A time as written. 24-hour times with a meridiem (`23:45 p.m.`, `0:55 a.m.`) keep their 24-hour
 * reading and are marked redundant; a meridiem that contradicts the hour (`14:00 a.m.`) makes the
 * time impossible, as do a minute above 59 and three-digit minutes (`8:101 a.m.`, a footnote number
 * run into the time by the transcription).
 */
export function buildTime(text: string, line: number, start: number, end: number, hour: number, minuteText: string, mer: string | undefined, utc = false): TimeMention {
  const t: TimeMention = { kind: 'time', range: range(line, start, end), text: text.slice(start, end) };
  if (utc) t.utc = true;
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
