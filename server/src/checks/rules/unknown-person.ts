import type { Range, TranscriptionFile } from '../../model/types.js';
import type { Rule } from './rule.js';

export const unknownPerson: Rule = {
  code: 'unknown-person',
  defaultSeverity: 'warning',
  description: 'a person named in a header or stamp who is not in the registry (without a registry: once a name in a file, as information)',
  readsOtherFiles: false,
  addsToRegistry: true,
  check({ corpus, uri, doc }) {
    const named: Array<{ range: Range; text: string; where: string }> = [];
    for (const c of [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])]) {
      if (!c.entryId && !c.identification?.entryId && !c.office) named.push({ ...(c.identification ?? c), where: 'in the header' });
    }
    for (const s of doc.stamps) for (const who of [s.by, s.to]) if (who && !who.entryId) named.push({ ...who, where: 'in a stamp' });
    if (corpus.registry.files.length > 0) {
      return named.map((n) => ({ range: n.range, message: `"${n.text}" is named ${n.where} but is not in the registry.`, related: [] }));
    }
    // Without a registry every name is unknown: say so once a name in a file, as information, so
    // that a new user's first check is not buried in warnings about names.
    const first = firstMentions(corpus.file(uri));
    return named
      .filter((n) => first.get(n.text) === n.range)
      .map((n) => ({ range: n.range, message: `"${n.text}" is named ${n.where}; the corpus has no registry to say who this is.`, related: [], severity: 'information' as const }));
  },
};

/** Where each name of a file's headers and stamps is first written; kept while the file's reading is. */
const firstMentionsOf = new WeakMap<TranscriptionFile, Map<string, Range>>();

function firstMentions(file: TranscriptionFile | undefined): Map<string, Range> {
  if (!file) return new Map();
  let first = firstMentionsOf.get(file);
  if (first) return first;
  first = new Map();
  for (const doc of file.documents) {
    const names = [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])].filter((c) => !c.office).map((c) => c.identification ?? c);
    for (const s of doc.stamps) for (const who of [s.by, s.to]) if (who) names.push(who);
    for (const n of names) if (!first.has(n.text)) first.set(n.text, n.range);
  }
  firstMentionsOf.set(file, first);
  return first;
}
