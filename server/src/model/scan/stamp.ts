// Transmission and registry stamps: `Received in Moscow on 10/09/50 at 9:38 a.m.`, `Dec[iphered
// by] Araushkin 12.50 3.10`, `(Received December 1.)`, and the editors' notes that report one
// (`[Handwritten: This letter was delivered to Comrade Bulganin on …]`).

import { blankBracketed, range, within } from '../text.js';
import type { DateMention, EditorialBracket, NameMention, Range, StampAction, TimeMention, TransmissionStamp } from '../types.js';
import { OFFICE_WORDS, STAMP_VERB, STAMP_VERBS } from '../vocabulary.js';

export const stampActions: Array<[RegExp, StampAction]> = STAMP_VERBS.filter((v) => v.action).map((v) => [new RegExp(`^(?:${v.pattern})`, 'i'), v.action!]);

/** A stamp opens its line: `Received in Moscow …`, `Dec[iphered by] Araushkin …`, `[Received January 28—3:21 a. m.]`. */
// `From X Received …`: the sender's words each begin with a letter that is not a space, so that
// a run of spaces is never tried as words (`From` and 8,000 spaces took a hundred seconds).
export const stampPattern = new RegExp(`^(\\s*(?:[[(]\\s*)?)(?:From\\s+(\\S+(?:\\s+\\S+)*?)\\s+)?(${STAMP_VERB})(?![\\p{L}\\p{N}_])`, 'iu');

/** `to the 8th Department`, `to the Second Directorate`: an office of the institution, not a person or a place. */
export const forwardedTo = new RegExp(`^\\s*to\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}(?:${OFFICE_WORDS.join('|')})\\b`, 'i');

/** An editors' note reporting a transmission in prose: `[Handwritten: This letter was delivered …]`. */
export const notedStampPattern = /\b(?:was|were|been)\s+(delivered|received|sent|transmitted|deciphered|typed)\b/i;

/**
 * The lower-case words a stamp is made of, in each language the stamps are read in; any other two
 * make a sentence (`Received your telegram`, `Получено ваше письмо от 25 сентября`).
 */
export const stampWords = new Set('on at in by to of the and wire a m p am pm hrs hours via from no в во г и le la à au h am um uhr'.split(' '));

export function findStamp(text: string): RegExpExecArray | null {
  const m = stampPattern.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  // `Typ[ed in] 10 copies` notes the copies, not a moment.
  if (/^\s*(?:in\s+)?\d+\s+cop/i.test(rest)) return null;
  const words = blankBracketed(rest).match(/(?<![\p{L}\p{N}'’])\p{Ll}[\p{L}'’]*/gu) ?? [];
  if (words.filter((w) => !stampWords.has(w)).length > 1) return null;
  return m;
}

export function readStamp(m: RegExpExecArray, text: string, line: number, found: { dates: DateMention[]; times: TimeMention[] }, names: NameMention[]): TransmissionStamp {
  const actionWord = m[3]!;
  const actionStart = m.index + m[0].length - actionWord.length;
  const action = stampActions.find(([p]) => p.test(actionWord))?.[1] ?? 'received';
  const stamp: TransmissionStamp = {
    kind: 'stamp',
    range: range(line, m[1]!.length, text.trimEnd().length),
    action,
    actionRange: range(line, actionStart, actionStart + actionWord.length),
    handwritten: false,
  };
  const rest = text.slice(actionStart + actionWord.length);
  const restOffset = actionStart + actionWord.length;
  const at = (re: RegExp) => {
    const x = re.exec(rest);
    if (!x) return undefined;
    const s = restOffset + x.index + x[0].indexOf(x[1]!);
    const r = range(line, s, s + x[1]!.length);
    return { text: x[1]!, range: r, entryId: names.find((n) => within(n.range, r))?.entryId };
  };
  // `Dec[iphered by] Araushkin`, `Typed by Stepanova`.
  const by = /\bby\]/i.test(actionWord) ? at(/^\s*([A-Z][\w'’-]+)/) : at(/^\s*by\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)/);
  if (by && !/^wire$/i.test(by.text)) stamp.by = by;
  const to = at(/^\s*to\s+(?:Comrade\s+|Com\.\s+|Cmrd\.?\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)/);
  if (to) stamp.to = to;
  // `Sent to the 8th Department …` after the message was received: an office passing it on.
  if ((action === 'sent' || action === 'transmitted') && forwardedTo.test(rest)) stamp.action = 'forwarded';
  // `in Moscow`, `at the 8D/GS`, `in the 8th Department of the General Staff`; not `at 23:45`, `at 4 a.m.`.
  // `в Москве`, `à Paris` in the sources' own languages.
  const place = at(/(?<![\p{L}])(?:in|at|в|во|à)\s+(?:the\s+)?([\p{Lu}\d][\p{L}\p{N}_/()'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?\p{Lu}[\p{L}\p{N}_/()'’.-]*)*)/u);
  if (place && /\p{L}{2}/u.test(place.text) && !/^\d{1,2}[:.]\d/.test(place.text)) stamp.place = place;

  const dates = found.dates.filter((d) => d.range.start.character >= actionStart);
  const times = found.times.filter((t) => t.range.start.character >= actionStart);
  if (dates[0]) stamp.date = dates[0];
  // Times inside the editors' expansion (`[12.50 p.m. 3 October]`) restate the stamp's own.
  if (times[0]) stamp.time = times[0];
  return stamp;
}

export function readNotedStamp(
  bracket: EditorialBracket,
  text: string,
  line: number,
  found: { dates: DateMention[]; times: TimeMention[] },
  names: NameMention[],
): TransmissionStamp | undefined {
  const inner = text.slice(bracket.range.start.character, bracket.range.end.character);
  const m = notedStampPattern.exec(inner);
  if (!m) return undefined;
  const actionStart = bracket.range.start.character + m.index + m[0].length - m[1]!.length;
  const stamp: TransmissionStamp = {
    kind: 'stamp',
    range: bracket.range,
    action: stampActions.find(([p]) => p.test(m[1]!))?.[1] ?? 'delivered',
    actionRange: range(line, actionStart, actionStart + m[1]!.length),
    handwritten: true,
  };
  const inside = (r: Range) => r.start.character >= actionStart && r.end.character <= bracket.range.end.character;
  const to = /^\s*to\s+(?:Comrade\s+|Com\.\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)/.exec(text.slice(actionStart + m[1]!.length));
  if (to) {
    const s = actionStart + m[1]!.length + to[0].indexOf(to[1]!);
    const r = range(line, s, s + to[1]!.length);
    stamp.to = { text: to[1]!, range: r, entryId: names.find((n) => within(n.range, r))?.entryId };
  }
  const date = found.dates.find((d) => inside(d.range));
  const time = found.times.find((t) => inside(t.range));
  if (date) stamp.date = date;
  if (time) stamp.time = time;
  return stamp;
}
