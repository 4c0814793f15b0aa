import type { Rule, RuleFinding } from './rule.js';

export const unknownPerson: Rule = {
  code: 'unknown-person',
  defaultSeverity: 'warning',
  description: 'a person named in a header or stamp who is not in the registry',
  readsOtherFiles: false,
  addsToRegistry: true,
  check({ corpus, doc }) {
    // Without a registry every name is unknown, and saying so for each helps no one.
    if (corpus.registry.files.length === 0) return [];
    const out: RuleFinding[] = [];
    for (const c of [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])]) {
      if (!c.entryId && !c.identification?.entryId && !c.office) {
        const named = c.identification ?? c;
        out.push({ range: named.range, message: `"${named.text}" is named in the header but is not in the registry.`, related: [] });
      }
    }
    for (const s of doc.stamps) {
      for (const who of [s.by, s.to]) {
        if (who && !who.entryId) out.push({ range: who.range, message: `"${who.text}" is named in a stamp but is not in the registry.`, related: [] });
      }
    }
    return out;
  },
};
