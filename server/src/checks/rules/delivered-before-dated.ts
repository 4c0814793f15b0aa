import { documentDay } from '../../corpus/index.js';
import { firstDay, formatDate } from '../../model/dates.js';
import type { CalendarDate, DateMention } from '../../model/types.js';
import { certainlyBefore, documentZone, stampReading, type Reading } from '../chronology.js';
import { at, describeStamp, docName, line } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

/** The actions that happen to a finished document and so cannot precede its date. */
const afterTheDate = new Set(['sent', 'transmitted', 'received', 'arrived', 'deciphered', 'delivered', 'forwarded']);

export const deliveredBeforeDated: Rule = {
  code: 'delivered-before-dated',
  defaultSeverity: 'warning',
  description: "a document sent, received or delivered before the date it bears (see *The document's date* above; with the dateline's time where it gives one)",
  reads: 'document',
  check({ corpus, uri, doc }) {
    const day = documentDay(doc);
    if (!day || day.mention.precision !== 'day') return [];
    const { mention: dated, value } = day;
    const bears: Reading = { date: value, zone: documentZone(doc, corpus.registry) };
    // `London, March 6, 1951—7 p. m.`: the dateline's time dates the document to the minute.
    const time = doc.dateline?.date === dated ? doc.dateline.time?.value : undefined;
    if (time) bears.time = time;
    const out: RuleFinding[] = [];
    for (const stamp of doc.stamps) {
      if (!afterTheDate.has(stamp.action) || !stamp.date) continue;
      const reading = stampReading(stamp, doc, corpus.registry, corpus.settings.receivedAt);
      if (!reading || stamp.date.precision !== 'day' || !certainlyBefore(reading, bears)) continue;
      if (inTheNextYear(stamp.date, value)) continue;
      out.push({
        range: stamp.date.range,
        message: `${docName(doc)} is dated ${formatDate(value)} (${line(dated.range)}) but was ${describeStamp(stamp)} (${line(stamp.range)}), before that date.`,
        related: [at(uri, dated.range, `${docName(doc)} is dated ${formatDate(value)} here`)],
      });
    }
    return out;
  },
};

/**
 * `(Received January 5.)` under a letter of December 20: a stamp that gives no year was made in
 * the next one when that puts it within half a year after the document.
 */
function inTheNextYear(stamp: DateMention, dated: CalendarDate): boolean {
  if (!stamp.value || !stamp.reading.supplied.includes('year')) return false;
  const next = firstDay({ ...stamp.value, year: stamp.value.year + 1 }) - firstDay(dated);
  return next >= 0 && next <= 183;
}
