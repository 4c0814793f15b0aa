// Chronology compares instants, not wall-clock readings. A stamp's reading becomes an interval of
// UTC minutes: a point when its date, time and place are known; a whole day without a time; and
// widened by every offset the world used when the place (and so the zone) is unknown. Two
// readings are out of order only when they are out of order whatever the unknowns were.

import { editorsReading, firstDay, lastDay } from '../model/dates.js';
import type { CalendarDate, Registry, TimeMention, TranscribedDocument, TransmissionStamp } from '../model/types.js';

/** Where a reading was made, as far as the text lets us know. */
export type Zone =
  /** Offsets from UTC the place may have kept (two where summer time was in use). */
  | { kind: 'known'; minOffset: number; maxOffset: number; place: string }
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
  return [toUtc(wa, a.zone), toUtc(wb, b.zone)];
}

function toUtc(w: Interval, zone: Zone): Interval {
  if (zone.kind === 'known') return { lo: w.lo - zone.maxOffset, hi: w.hi - zone.minOffset };
  return { lo: w.lo - widestEast, hi: w.hi + widestWest };
}

/** True when `later` is before `earlier` whatever the unknown zones were. */
export function certainlyBefore(later: Reading, earlier: Reading): boolean {
  const [l, e] = onOneTimeLine(later, earlier);
  return l.hi < e.lo;
}

/** Sending-side stamps are made where the message came from; the rest where it arrived. */
const sendingSide = new Set(['submitted', 'sent', 'transmitted']);

export function stampReading(stamp: TransmissionStamp, doc: TranscribedDocument, registry: Registry): Reading | undefined {
  const date = stamp.date && editorsReading(stamp.date);
  if (!date) return undefined;
  const reading: Reading = { date, zone: stampZone(stamp, doc, registry) };
  const time = timeOf(stamp.time);
  if (time) reading.time = time;
  return reading;
}

function timeOf(t: TimeMention | undefined): { hour: number; minute: number } | undefined {
  return t?.value;
}

/** `the 8th Directorate`, `the Department`: an office, which is where its institution is. */
const office = /\b(?:Department|Directorate|Section|Division|Office|Bureau|Registry|Secretariat|\d+D\/GS)\b/i;

export function stampZone(stamp: TransmissionStamp, doc: TranscribedDocument, registry: Registry): Zone {
  const isOffice = stamp.place && !stamp.place.entryId && office.test(stamp.place.text);
  if (stamp.place && !isOffice) return zoneOfPlace(stamp.place.entryId, stamp.place.text, registry);
  if (sendingSide.has(stamp.action)) return doc.origin ? zoneOfPlace(doc.origin.entryId, doc.origin.text, registry) : { kind: 'local' };
  // A receiving office's stamps share the place one of them names (`Received in Moscow`).
  const sibling = doc.stamps.find((s) => s !== stamp && s.place && !office.test(s.place.text) && !sendingSide.has(s.action));
  if (!sibling && stamp.place) return zoneOfPlace(stamp.place.entryId, stamp.place.text, registry);
  return sibling?.place ? zoneOfPlace(sibling.place.entryId, sibling.place.text, registry) : { kind: 'local' };
}

export function zoneOfPlace(entryId: string | undefined, text: string, registry: Registry): Zone {
  const entry = entryId ? registry.byId.get(entryId) : undefined;
  if (entry?.kind === 'place' && entry.utcOffsetMinutes !== undefined) {
    const offsets = entry.utcOffsetsMinutes ?? [entry.utcOffsetMinutes];
    return { kind: 'known', minOffset: Math.min(...offsets), maxOffset: Math.max(...offsets), place: entry.name };
  }
  return { kind: 'unknown', place: text };
}

/** The zone of the date a document bears: where it was sent from, or the keeping office. */
export function documentZone(doc: TranscribedDocument, registry: Registry): Zone {
  return doc.origin ? zoneOfPlace(doc.origin.entryId, doc.origin.text, registry) : { kind: 'local' };
}

export function describeZone(zone: Zone): string {
  switch (zone.kind) {
    case 'known':
      return zone.minOffset === zone.maxOffset
        ? `${zone.place} time (UTC${formatOffset(zone.minOffset)})`
        : `${zone.place} time (UTC${formatOffset(zone.minOffset)}, or UTC${formatOffset(zone.maxOffset)} in summer time; both allowed)`;
    case 'local':
      return 'the local time of the office that kept the file';
    case 'unknown':
      return zone.place
        ? `the time at ${zone.place}, whose offset from UTC the registry does not give (any offset from UTC−12 to UTC+14 allowed)`
        : 'an unknown place (any offset from UTC−12 to UTC+14 allowed)';
  }
}

export function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
