// A stamp's hover: what it says, in which clock its times are read, and how it stands to the stamp
// before it and to the document's date. Elapsed times are taken on one time line with the zones
// of chronology.ts, so the hover and the order rules agree; where a zone is unknown the elapsed
// time is a span, and where the span crosses zero the hover says the order is not certain.

import { describeZone, documentZone, onOneTimeLine, stampReading, stampZone, type Reading } from '../checks/chronology.js';
import { documentDay, type Corpus } from '../corpus/index.js';
import { editorsReading, formatDate, formatTime } from '../model/dates.js';
import { comparePositions } from '../model/text.js';
import type { TranscribedDocument, TransmissionStamp } from '../model/types.js';
import { dateText } from './hover-documents.js';
import { plain } from './markdown.js';

export function describeStamp(corpus: Corpus, doc: TranscribedDocument, s: TransmissionStamp): string {
  const when = s.date ? dateText(s.date) : 'no date';
  const time = s.time?.value ? ` at ${formatTime(s.time.value)}` : '';
  const who = s.by ? ` by ${plain(s.by.text)}` : '';
  const to = s.to ? ` to ${plain(s.to.text)}` : '';
  const lines = [`**${s.handwritten ? 'Handwritten note' : 'Stamp'}: ${s.action}**${who}${to}, ${when}${time}.`];
  const zone = stampZone(s, doc, corpus.registry, corpus.settings.receivedAt);
  if (s.time?.value) lines.push(`Times read in ${describeZone(zone, s.date && editorsReading(s.date), plain)}.`);
  lines.push(...relations(corpus, doc, s));
  return lines.join('\n\n');
}

/** Since the stamp above it that has a date, and since the date the document bears. */
function relations(corpus: Corpus, doc: TranscribedDocument, s: TransmissionStamp): string[] {
  const receivedAt = corpus.settings.receivedAt;
  const reading = stampReading(s, doc, corpus.registry, receivedAt);
  if (!reading) return [];
  const out: string[] = [];
  const earlier = doc.stamps
    .filter((o) => o !== s && comparePositions(o.range.start, s.range.start) < 0)
    .map((o) => ({ stamp: o, reading: stampReading(o, doc, corpus.registry, receivedAt) }))
    .filter((o): o is { stamp: TransmissionStamp; reading: Reading } => o.reading !== undefined);
  const previous = earlier[earlier.length - 1];
  if (previous) out.push(elapsed(reading, previous.reading, `the stamp above (${previous.stamp.action}, line ${previous.stamp.range.start.line + 1})`));
  const day = documentDay(doc);
  if (day) {
    const bears: Reading = { date: day.value, zone: documentZone(doc, corpus.registry) };
    out.push(elapsed(reading, bears, `the document's date (${formatDate(day.value)}, line ${day.mention.range.start.line + 1})`));
  }
  return out;
}

/**
 * `1 h 10 min after the stamp above (…).`, `Between 20 h and 1 day 20 h after …`; against a date
 * with no time (a whole day): `On the document's date (…)` when the stamp falls inside that day.
 */
function elapsed(later: Reading, earlier: Reading, what: string): string {
  const [l, e] = onOneTimeLine(later, earlier);
  const lo = l.lo - e.hi;
  const hi = l.hi - e.lo;
  const span = (a: number, b: number) => (a === b ? duration(a) : `between ${duration(a)} and ${duration(b)}`);
  if (!earlier.time && l.lo >= e.lo && l.hi <= e.hi) return `On ${what}.`;
  if (lo >= 0) return lo === 0 && hi === 0 ? `At the same minute as ${what}.` : `${capitalise(span(lo, hi))} after ${what}.`;
  if (hi <= 0) return `${capitalise(span(-hi, -lo))} before ${what}.`;
  if (!earlier.time) return `On or about ${what}: the clocks known do not settle whether it falls on that day.`;
  // This stamp gives a day and no time: what is unknown is its hour, not a clock.
  if (!later.time) return `On the day of ${what}, at an hour it does not give.`;
  return `Before or after ${what}: the clocks known allow from ${duration(-lo)} before to ${duration(hi)} after it.`;
}

function duration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} day${days > 1 ? 's' : ''}` : '', hours ? `${hours} h` : '', rest ? `${rest} min` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
