import { documentDay } from '../../corpus/index.js';
import { describePeriod, formatDate, periodCovers } from '../../model/dates.js';
import { at } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

export const coverNameOutOfPeriod: Rule = {
  code: 'cover-name-out-of-period',
  defaultSeverity: 'warning',
  description: 'a cover name used outside the period the registry gives for it',
  reads: 'document',
  check({ corpus, doc }) {
    const value = documentDay(doc)?.value;
    if (!value) return [];
    const out: RuleFinding[] = [];
    for (const m of doc.names) {
      const entry = corpus.registry.byId.get(m.entryId);
      if (entry?.kind !== 'cover-name') continue;
      const periods = entry.identifications.filter((i) => i.from || i.to);
      if (periods.length === 0 || periods.length < entry.identifications.length) continue;
      if (periods.some((i) => periodCovers(i, value))) continue;
      const span = [...new Set(periods.map(describePeriod))].join('; ');
      out.push({
        range: m.range,
        message: `${m.text} is used in a document of ${formatDate(value)}, but the registry gives it ${span}.`,
        related: [at(entry.location.file, entry.location.range, `registry entry ${entry.name}`)],
      });
    }
    return out;
  },
};
