import { at } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

export const identificationContradicts: Rule = {
  code: 'identification-contradicts-registry',
  defaultSeverity: 'warning',
  description: "an editors' identification that contradicts the registry: `Filippov (Molotov)`, where no edition the registry cites says so",
  reads: 'document',
  check({ corpus, doc }) {
    const out: RuleFinding[] = [];
    for (const m of doc.names) {
      const idn = m.identification;
      if (!idn?.entryId || idn.entryId === m.entryId) continue;
      const named = corpus.peopleBehind(idn.entryId);
      const behind = corpus.peopleBehind(m.entryId);
      if (named.length === 0 || behind.length === 0 || named.some((p) => behind.includes(p))) continue;
      const entry = corpus.registry.byId.get(m.entryId);
      const who = behind.map((p) => corpus.registry.byId.get(p)?.name ?? p).join(' or ');
      const kind = entry?.kind === 'cover-name' ? 'the cover name of' : '';
      out.push({
        range: idn.range,
        message: `The text identifies ${m.text} as ${idn.text}, but the registry has ${m.text} as ${kind ? `${kind} ` : ''}${who}.`,
        related: entry ? [at(entry.location.file, entry.location.range, `registry entry ${entry.name}`)] : [],
      });
    }
    return out;
  },
};
