import type { Rule } from './rule.js';

export const impossibleDate: Rule = {
  code: 'impossible-date',
  defaultSeverity: 'warning',
  description: 'a date or time that cannot exist: `31 September`, `8:101 a.m.`',
  reads: 'document',
  check({ doc }) {
    return [...doc.dates, ...doc.times]
      .filter((m) => m.impossible)
      .map((m) => ({ range: m.range, message: `"${m.text}" is not a possible ${m.kind}: ${m.impossible}.`, related: [] }));
  },
};
