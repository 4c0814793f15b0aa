// Chronology compares instants, not wall-clock readings. A stamp's reading becomes an interval of
// UTC minutes: a point when its date, time and place are known; a whole day without a time; and
// widened by every offset the world used when the place (and so the zone) is unknown. Two
// readings are out of order only when they are out of order whatever the unknowns were.

import { editorsReading, firstDay, lastDay } from '../model/dates.js';
import type { CalendarDate, Registry, TimeMention, TranscribedDocument, TransmissionStamp } from '../model/types.js';
import { OFFICE_WORDS } from '../model/vocabulary.js';

/** Where a reading was made, as far as the text lets us know. */
export type Zone =
  /** Offsets from UTC the place may have kept (two where summer time was in use). */
  | { kind: 'known'; minOffset: number; maxOffset: number; place: string }
  /** A place whose IANA zone the registry names: the offset is the one in force at the moment read. */
  | { kind: 'iana'; zone: string; place: string }
  /** The office that kept the file: readings with no place of their own share one unknown zone. */
  | { kind: 'local' }
  | { kind: 'unknown'; place?: string };

export interface Reading {
  date: CalendarDate;
  time?: { hour: number; minute: number };
  zone: Zone;
}

export interface Interval {
  lo: number;
  hi: number;
}

const minutesPerDay = 24 * 60;
/** UTC−12 to UTC+14: the widest offsets in use. */
const widestEast = 14 * 60;
const widestWest = 12 * 60;


function wallClock(r: Reading): Interval {
  if (r.time) {
    const at = firstDay(r.date) * minutesPerDay + r.time.hour * 60 + r.time.minute;
    return { lo: at, hi: at };
  }
  return { lo: firstDay(r.date) * minutesPerDay, hi: (lastDay(r.date) + 1) * minutesPerDay - 1 };
}

/** Both readings as intervals on one time line, so that they can be compared. */
export function onOneTimeLine(a: Reading, b: Reading): [Interval, Interval] {
  const wa = wallClock(a);
  const wb = wallClock(b);
  if (a.zone.kind === 'local' && b.zone.kind === 'local') return [wa, wb];
  // Two readings at one place keep one clock, whatever its offset: `Received in Moscow … 04:12`
  // and `Arrived at the 8th Directorate … 04:10` (an office in Moscow).
  if (a.zone.kind === 'unknown' && b.zone.kind === 'unknown' && a.zone.place && a.zone.place.toLowerCase() === b.zone.place?.toLowerCase()) return [wa, wb];
  // So do two at a place whose offset is known to be one of two (summer time or not): whichever
  // it kept that day, it kept for both, and widening each by the hour would make a consistent
  // pair doubtful and hide an inversion of less than the hour.
  if (a.zone.kind === 'known' && b.zone.kind === 'known' && a.zone.place === b.zone.place) return [wa, wb];
  return [toUtc(wa, a.zone), toUtc(wb, b.zone)];
}

function toUtc(w: Interval, zone: Zone): Interval {
  if (zone.kind === 'known') return { lo: w.lo - zone.maxOffset, hi: w.hi - zone.minOffset };
  if (zone.kind === 'iana') {
    const lo = offsetOfWallClock(zone.zone, w.lo);
    const hi = offsetOfWallClock(zone.zone, w.hi);
    if (lo !== undefined && hi !== undefined) return { lo: w.lo - lo, hi: w.hi - hi };
  }
  return { lo: w.lo - widestEast, hi: w.hi + widestWest };
}

/** True when `later` is before `earlier` whatever the unknown zones were. */
export function certainlyBefore(later: Reading, earlier: Reading): boolean {
  const [l, e] = onOneTimeLine(later, earlier);
  return l.hi < e.lo;
}

/** Sending-side stamps are made where the message came from; the rest where it arrived. */
const sendingSide = new Set(['submitted', 'sent', 'transmitted']);

export function stampReading(stamp: TransmissionStamp, doc: TranscribedDocument, registry: Registry, receivedAt?: string): Reading | undefined {
  const date = stamp.date && editorsReading(stamp.date);
  if (!date) return undefined;
  const reading: Reading = { date, zone: stamp.time?.utc ? UTC : stampZone(stamp, doc, registry, receivedAt) };
  const time = timeOf(stamp.time);
  if (time) reading.time = time;
  return reading;
}

function timeOf(t: TimeMention | undefined): { hour: number; minute: number } | undefined {
  return t?.value;
}

/** `the 8th Directorate`, `the Department`: an office, which is where its institution is. */
const office = new RegExp(`\\b(?:${OFFICE_WORDS.join('|')}|\\d+D/GS)\\b`, 'i');

/**
 * Where a stamp was made: its own place; on the sending side, where the document came from; on the
 * receiving side, where a sibling stamp says (`Received in Moscow`), else where the corpus says
 * its recipients are (`received-at` in marginalia.yaml), else the keeping office's unknown clock.
 */
export function stampZone(stamp: TransmissionStamp, doc: TranscribedDocument, registry: Registry, receivedAt?: string): Zone {
  const isOffice = stamp.place && !stamp.place.entryId && office.test(stamp.place.text);
  if (stamp.place && !isOffice) return zoneOfPlace(stamp.place.entryId, stamp.place.text, registry);
  if (sendingSide.has(stamp.action)) return doc.origin ? zoneOfPlace(doc.origin.entryId, doc.origin.text, registry) : { kind: 'local' };
  // A receiving office's stamps share the place one of them names (`Received in Moscow`).
  const sibling = doc.stamps.find((s) => s !== stamp && s.place && !office.test(s.place.text) && !sendingSide.has(s.action));
  if (!sibling && stamp.place) return zoneOfPlace(stamp.place.entryId, stamp.place.text, registry);
  if (sibling?.place) return zoneOfPlace(sibling.place.entryId, sibling.place.text, registry);
  const recipients = receivedAt ? placeNamed(receivedAt, registry) : undefined;
  return recipients ? zoneOfPlace(recipients, receivedAt!, registry) : { kind: 'local' };
}

/** A registry place by its id or one of its names. */
function placeNamed(name: string, registry: Registry): string | undefined {
  if (registry.byId.get(name)?.kind === 'place') return name;
  const wanted = name.toLowerCase();
  return registry.entries.find((e) => e.kind === 'place' && (e.name.toLowerCase() === wanted || e.forms.some((f) => f.text.toLowerCase() === wanted)))?.id;
}

export function zoneOfPlace(entryId: string | undefined, text: string, registry: Registry): Zone {
  const entry = entryId ? registry.byId.get(entryId) : undefined;
  if (entry?.kind === 'place' && entry.utcOffsetMinutes !== undefined) {
    const offsets = entry.utcOffsetsMinutes ?? [entry.utcOffsetMinutes];
    return { kind: 'known', minOffset: Math.min(...offsets), maxOffset: Math.max(...offsets), place: entry.name };
  }
  if (entry?.kind === 'place' && entry.zone) return { kind: 'iana', zone: entry.zone, place: entry.name };
  return { kind: 'unknown', place: text };
}

/** Minutes from the epoch of `firstDay` (1 January of year 1) to 1 January 1970. */
const unixEpochMinutes = firstDay({ year: 1970, month: 1, day: 1 }) * minutesPerDay;

/** One formatter per zone: making one is far dearer than using it, and checks ask on every keystroke. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The IANA zone's offset from UTC, in minutes, at a UTC moment given in minutes since `firstDay`'s epoch. */
export function ianaOffset(zone: string, utcMinutes: number): number | undefined {
  try {
    let format = offsetFormats.get(zone);
    if (!format) offsetFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
    const name = format
      .formatToParts(new Date((utcMinutes - unixEpochMinutes) * 60000))
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(name ?? '');
    if (!m) return undefined;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  } catch {
    return undefined;
  }
}

/** The offset in force at a wall-clock minute of the zone (the clock's reading, not UTC). */
function offsetOfWallClock(zone: string, wall: number): number | undefined {
  const first = ianaOffset(zone, wall);
  return first === undefined ? undefined : ianaOffset(zone, wall - first) ?? first;
}

/** The clock of a time written in UTC (`1545Z`). */
export const UTC: Zone = { kind: 'known', minOffset: 0, maxOffset: 0, place: 'UTC' };

/** The zone of the date a document bears: where it was sent from, or the keeping office. */
export function documentZone(doc: TranscribedDocument, registry: Registry): Zone {
  if (doc.dateline?.time?.utc) return UTC;
  return doc.origin ? zoneOfPlace(doc.origin.entryId, doc.origin.text, registry) : { kind: 'local' };
}

/** Where a reading's clock was, and with `at`, the offset in force on that date; `show` writes the place's name (the hover escapes it). */
export function describeZone(zone: Zone, at?: CalendarDate, show: (place: string) => string = (place) => place): string {
  const place = 'place' in zone && zone.place !== undefined ? show(zone.place) : undefined;
  switch (zone.kind) {
    case 'known':
      return zone.minOffset === zone.maxOffset
        ? `${place} time (UTC${formatOffset(zone.minOffset)})`
        : `${place} time (UTC${formatOffset(zone.minOffset)}, or UTC${formatOffset(zone.maxOffset)} in summer time; both allowed)`;
    case 'iana': {
      const offset = at ? ianaOffset(zone.zone, firstDay(at) * minutesPerDay + 12 * 60) : undefined;
      const on = offset === undefined ? 'the offset in force on the date' : `UTC${formatOffset(offset)} on that date`;
      return `${place} time (${zone.zone} in the IANA time zone database: ${on}, summer and war time included)`;
    }
    case 'local':
      return 'the local time of the office that kept the file';
    case 'unknown':
      return place
        ? `the time at ${place}, whose offset from UTC the registry does not give (any offset from UTC−12 to UTC+14 allowed)`
        : 'an unknown place (any offset from UTC−12 to UTC+14 allowed)';
  }
}

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
