import { formatDate } from '../../model/dates.js';
import type { Range } from '../../model/types.js';
import type { Rule, RuleFinding } from './rule.js';

export const editorialCorrection: Rule = {
  code: 'editorial-correction',
  defaultSeverity: 'information',
  description: "an editors' correction of the text (`8 [7] October`, `7 September [sic-October]`, `[sic]`), so that the reader sees it",
  reads: 'document',
  check({ doc }) {
    const out: RuleFinding[] = [];
    const corrected = doc.dates.filter((d) => d.editorial?.kind === 'correction');
    for (const d of corrected) {
      const reading = d.editorial!.value ? formatDate(d.editorial!.value) : d.editorial!.text;
      const original = d.value ? formatDate(d.value) : d.text;
      out.push({
        range: { start: d.range.start, end: d.editorial!.range.end.line === d.range.end.line ? maxEnd(d.range, d.editorial!.range) : d.range.end },
        message: `The editors correct "${d.text}" (${original}) to ${reading}; checks use the editors' reading.`,
        related: [],
      });
    }
    for (const b of doc.brackets) {
      if (b.bracketKind !== 'sic') continue;
      if (corrected.some((d) => overlaps(d.editorial!.range, b.range))) continue;
      out.push({ range: b.range, message: `The editors mark this reading ${b.text}: the source has it so.`, related: [] });
    }
    return out;
  },
};

function overlaps(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character < b.end.character && b.start.character < a.end.character;
}

function maxEnd(a: Range, b: Range) {
  return a.end.character >= b.end.character ? a.end : b.end;
}
