import { type CitationPart, citationPart } from '../../model/vocabulary.js';
import type { Rule, RuleFinding } from './rule.js';

export const archiveReference: Rule = {
  code: 'archive-reference',
  defaultSeverity: 'warning',
  description: 'an archive reference with a missing part or an unknown archive',
  reads: 'document',
  check({ corpus, doc }) {
    const out: RuleFinding[] = [];
    for (const ref of doc.archiveReferences) {
      const missing = ref.missing.filter((m) => m !== 'archive');
      if (ref.missing.includes('archive')) out.push({ range: ref.range, message: 'This archive reference names no archive.', related: [] });
      // Without a registry every archive is unknown, and saying so for each helps no one.
      else if (ref.archive && !ref.archive.entryId && corpus.registry.files.length > 0) {
        out.push({ range: ref.archive.range, message: `"${ref.archive.text}" is not an archive in the registry.`, related: [] });
      }
      if (missing.length > 0) {
        out.push({
          range: ref.range,
          message: `This archive reference gives no ${missing.map((m) => citationPart(m as CitationPart).missing).join(', ')}.`,
          related: [],
        });
      }
    }
    return out;
  },
};
