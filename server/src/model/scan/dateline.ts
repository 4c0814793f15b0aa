// The dateline: a line that says only where and when the document was written. Read by its shape,
// not by its position or by one edition's punctuation: a place (a town, an office and a town, or
// none; bracketed where the editors supply it), a date (or `undated`), perhaps a time, and at most
// a footnote mark and a full stop after them.
//
//   London, March 6, 1951—7 p. m.              Department of State, Washington, August 17, 1914, 7 p.m.
//   [Washington,] March 5, 1951.               Congress Chamber July 19. 1775
//   Philada 24th July 1775                     July 23 1775 (1)
//   [July 20, 1775]                            American Legation, Stockholm, undated.

import type { LineDates } from '../dates.js';
import { range } from '../text.js';
import type { Dateline, TimeMention } from '../types.js';
import { CONNECTIVES, HEADING_WORDS, INSTITUTION_WORDS, STAMP_VERB, UNDATED, WEEKDAYS } from '../vocabulary.js';

const connectives = new Set(CONNECTIVES);
const weekdays = new Set(WEEKDAYS.map((w) => w.toLowerCase()));
const stampVerb = new RegExp(`^[[(]?\\s*(?:${STAMP_VERB})(?![\\p{L}])`, 'iu');
// As printed, or in a telegram's capitals (`FOREIGN OFFICE, 4 April 1952`).
const institution = new RegExp(`(?<![\\p{L}])(?:${INSTITUTION_WORDS.flatMap((w) => [w, w.toUpperCase()]).join('|')})(?![\\p{L}])`, 'u');
/** `On March 5, 1951.`, `Signed March 6, 1951.`: a capitalised word of a sentence, not a place. */
const openingWord = /^[[(]?\s*(?:On|By|Dated|Signed|Since|Until|Till|Before|After|From|As|At|In|Of|To|Written|Done|Given)(?![\p{L}])/u;
const campAt = /\s(?:at|near|before)\s+(?<town>\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)$/u;
/** What may close a dateline: a footnote mark `(1)`/`[1]`, a full stop, a closing bracket. */
const tail = /^[\s.,;:\])]*(?:[([]\d{1,2}[)\]])?[\s.\])]*$/;
/** Between the date and its time: `—`, `–`, `-`, `,`, or a space. */
const beforeTime = /^\s*(?:[—–,-]\s*)?$/;

export function readDateline(text: string, line: number, found: LineDates): Dateline | undefined {
  if (text.length > 160) return undefined;
  const date = found.dates.find((d) => d.precision === 'day' && d.value && d.form !== 'file-number' && d.form !== 'day-month-numeric');
  const undated = date ? undefined : UNDATED.exec(text);
  if (!date && !undated) return undefined;
  const start = date ? date.range.start.character : undated!.index;
  let end = date ? Math.max(date.range.end.character, date.editorial?.range.end.character ?? 0) : undated!.index + undated![0].length;

  const place = readPlace(text, line, start);
  if (place === null) return undefined;
  // A date without its year is a dateline only under a place: `House of Lords, Tuesday, April 9.`
  if (date && date.reading.supplied.includes('year') && !place) return undefined;

  let time: TimeMention | undefined;
  const next = found.times.find((t) => t.range.start.character >= end);
  if (next && beforeTime.test(text.slice(end, next.range.start.character))) {
    time = next;
    end = next.range.end.character;
  }
  if (!tail.test(text.slice(end))) return undefined;
  if (found.dates.some((d) => d !== date && d.range.start.character >= end)) return undefined;

  const lead = text.length - text.trimStart().length;
  const dateline: Dateline = { kind: 'dateline', range: range(line, lead, text.trimEnd().length), undated: !date };
  if (place) {
    dateline.place = place.place;
    if (place.town) dateline.town = place.town;
  }
  if (date) dateline.date = date;
  if (time) dateline.time = time;
  return dateline;
}

// Not `Address`: `Address 12 Downing Street, London, …` gives a house's number.
const numberedKinds = HEADING_WORDS.filter((w) => w !== 'Address');
const numberBeforePlace = new RegExp(`^\\s*\\[?(?:No\\.|(?:${numberedKinds.join('|')})(?:\\s+No\\.)?)\\s*[A-Z]?\\d+[A-Z]?\\.?\\]?\\s*`);

/**
 * The place before a dateline's date: comma-separated parts of capitalised words (with the small
 * words of place names, and a weekday). `undefined` when there is none, `null` when the text before
 * the date is not a place (it is prose, or a stamp's verb).
 */
function readPlace(text: string, line: number, dateStart: number): { place: Dateline['place']; town?: Dateline['town'] } | undefined | null {
  const before = text.slice(0, dateStart);
  // `No. 350.] Legation of the United States, Peking, …`, `Cablegram 632 CANBERRA, …`: the
  // document's kind and number before its dateline.
  const number = numberBeforePlace.exec(before)?.[0] ?? '';
  const lead = number.length || before.length - before.trimStart().length;
  const written = before.slice(number.length).trim();
  if (written === '' || written === '[' || written === '(') return undefined;
  if (stampVerb.test(written) || openingWord.test(written)) return null;
  const bare = written.replace(/^[[(]/, '').replace(/[\])]/g, '').replace(/[[(]/g, '');
  if (bare.length > 90) return null;
  const parts = bare.split(',').map((p) => p.trim());
  if (parts.some((p, i) => p === '' && i < parts.length - 1)) return null;
  let words = 0;
  // One short word in lower case is a misprint of a small word (`Legation op the United States`).
  let misprints = 0;
  for (const part of parts.filter(Boolean)) {
    for (const word of part.split(/\s+/)) {
      words++;
      const w = word.replace(/[.'’]$/, '');
      if (weekdays.has(w.toLowerCase()) || connectives.has(w)) continue;
      if (/^[\p{Lu}\d]/u.test(w)) continue;
      if (w.length > 3 || ++misprints > 1) return null;
    }
  }
  if (words > 10) return null;
  // `Moscou, le 8 octobre`, `Berlin, den 1. März`: the article before the day is not the place's.
  const end = lead + written.replace(/(?:[\s,]+(?:le|den|am|el|il))?[\s,]*$/, '').length;
  const placeText = text.slice(lead, end).replace(/[,\s]+$/, '');
  const place = { text: placeText, range: range(line, lead, lead + placeText.length), bracketed: /^\s*[[(]/.test(written) };
  // The town is the first part that is neither an office nor a weekday.
  let townPart = parts.find((p) => p !== '' && !institution.test(p) && !weekdays.has(p.toLowerCase()) && !/^(?:le|la|au|the)\b/i.test(p));
  // `Camp at Roxbury`, `Head Quarters near Morristown`: the town follows the preposition.
  townPart ??= parts.map((p) => campAt.exec(p)?.groups?.['town']).find((t) => t !== undefined);
  if (!townPart) return { place };
  const at = text.indexOf(townPart, lead);
  return { place, town: { text: townPart, range: range(line, at, at + townPart.length) } };
}

