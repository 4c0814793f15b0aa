import { formatTime } from '../../model/dates.js';
import type { Rule } from './rule.js';

export const redundantMeridiem: Rule = {
  code: 'meridiem-24h',
  defaultSeverity: 'hint',
  description: 'a 24-hour time with a.m./p.m. (`23:45 p.m.`)',
  reads: 'document',
  check({ doc }) {
    // `0:55 a.m.` is how these clerks wrote 12:55 a.m., and is not ambiguous: only 13–23 h count.
    return doc.times
      .filter((t) => t.redundantMeridiem && t.value && t.value.hour >= 13)
      .map((t) => ({
        range: t.range,
        message: `"${t.text}" is a 24-hour time with ${t.meridiem === 'am' ? 'a.m.' : 'p.m.'}; read as ${formatTime(t.value!)}.`,
        related: [],
      }));
  },
};
