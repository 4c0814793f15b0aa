import { editorsReading, formatDate, sameDate } from '../../model/dates.js';
import { at, line } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

export const numberDatesDisagree: Rule = {
  code: 'number-dates-disagree',
  defaultSeverity: 'warning',
  description: 'one telegram number given two different dates, in one document or across the corpus',
  // Every place the corpus dates the same number counts.
  reads: 'corpus',
  check({ corpus, doc }) {
    const out: RuleFinding[] = [];
    for (const ref of doc.referenceNumbers) {
      if (ref.date?.precision !== 'day') continue;
      const dated = corpus.datesOfNumber(ref.key);
      if (dated.length < 2) continue; // a number dated only here (most are) disagrees with nothing
      const date = editorsReading(ref.date);
      if (!date) continue;
      // Report at every place but the first, pointing back at the first.
      const all = dated.filter((o) => o.ref.date!.precision === 'day');
      const first = all.find((o) => !sameDate(editorsReading(o.ref.date!)!, date));
      if (!first || all.indexOf(first) > all.findIndex((o) => o.ref === ref)) continue;
      const other = editorsReading(first.ref.date!)!;
      const otherName = first.document.header?.number ? `Document ${first.document.header.number}` : 'another document';
      out.push({
        range: ref.range,
        message: `No. ${ref.text} is dated ${formatDate(date)} here (${line(ref.range)}) but ${formatDate(other)} ${
          first.document !== doc ? `in ${otherName}, ${line(first.ref.range)}` : first.ref.range.start.line === ref.range.start.line ? 'earlier in the same line' : `in ${line(first.ref.range)}`
        }.`,
        related: [at(first.uri, first.ref.range, `No. ${first.ref.text} dated ${formatDate(other)}`)],
      });
    }
    return out;
  },
};
