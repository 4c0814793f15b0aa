import { formatDate } from '../../model/dates.js';
import type { Rule } from './rule.js';

export const ambiguousDate: Rule = {
  code: 'ambiguous-date',
  defaultSeverity: 'hint',
  description: 'an all-numeric date whose day and month could be swapped, `07/05/50`, where neither the corpus nor the document decides between them',
  reads: 'document',
  check({ doc }) {
    return doc.dates
      .filter((d) => d.reading.undetermined && d.value && !d.editorial)
      .map((d) => {
        const v = d.value!;
        const other = { year: v.year, month: v.day!, day: v.month! };
        return {
          range: d.range,
          message: `"${d.text}" may be ${formatDate(v)} or ${formatDate(other)}: marginalia.yaml declares no order and nothing in the document decides. Read as ${formatDate(v)}.`,
          related: [],
        };
      });
  },
};
