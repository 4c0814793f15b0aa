import { editorsReading, formatDate, sameDate } from '../../model/dates.js';
import { at, line } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

export const quotedMessageDate: Rule = {
  code: 'quoted-message-date',
  defaultSeverity: 'warning',
  description: 'a quoted message dated otherwise than the header says it is: the date closing the quotation (`MAO ZEDONG 2.10.50"`) against the header\'s (`conveying 2 October 1950 message`)',
  reads: 'document',
  check({ uri, doc }) {
    const conveyed = doc.header?.secondaryDate;
    const value = conveyed && editorsReading(conveyed);
    if (!conveyed || !value || conveyed.precision !== 'day') return [];
    const out: RuleFinding[] = [];
    for (const q of doc.quotations) {
      // The quoted message's own date closes it: `MAO ZEDONG 2.10.50"`.
      const closing = doc.dates.filter((d) => d.range.start.line === q.end.line && d.value && d.precision === 'day').pop();
      const quoted = closing && editorsReading(closing);
      if (!closing || !quoted || sameDate(quoted, value)) continue;
      out.push({
        range: closing.range,
        message: `The quoted message is dated ${formatDate(quoted)} (${line(closing.range)}), but the header says it conveys a message of ${formatDate(value)} (${line(conveyed.range)}).`,
        related: [at(uri, conveyed.range, `the header's date of the message: ${formatDate(value)}`)],
      });
    }
    return out;
  },
};
