import type { Range, TranscriptionFile } from '../../model/types.js';
import type { Rule } from './rule.js';

export const unknownPerson: Rule = {
  code: 'unknown-person',
  defaultSeverity: 'warning',
  description: 'a person named in a header or stamp who is not in the registry (without a registry: once a name in a file, as information)',
  // Without a registry, where else in the file a name is written counts (see below).
  reads: (registry) => (registry.files.length > 0 ? 'document' : 'file'),
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
    const { first, places } = firstMentions(corpus.file(uri));
    return named
      .filter((n) => first.get(n.text) === n.range && !places.has(n.text.toLowerCase()))
      .map((n) => ({ range: n.range, message: `"${n.text}" is named ${n.where}; the corpus has no registry to say who this is.`, related: [], severity: 'information' as const }));
  },
};

/**
 * Where each name of a file's headers and stamps is first written, and the places its datelines
 * and stamps name (`Sir O. Franks (Washington)` under `WASHINGTON, 6 March 1950`: a post, not a
 * person); kept while the file's reading is.
 */
const firstMentionsOf = new WeakMap<TranscriptionFile, { first: Map<string, Range>; places: Set<string> }>();

function firstMentions(file: TranscriptionFile | undefined): { first: Map<string, Range>; places: Set<string> } {
  if (!file) return { first: new Map(), places: new Set() };
  let known = firstMentionsOf.get(file);
  if (known) return known;
  known = { first: new Map(), places: new Set() };
  for (const doc of file.documents) {
    const names = [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])].filter((c) => !c.office).map((c) => c.identification ?? c);
    for (const s of doc.stamps) for (const who of [s.by, s.to]) if (who) names.push(who);
    for (const n of names) if (!known.first.has(n.text)) known.first.set(n.text, n.range);
    for (const place of [doc.dateline?.town, doc.origin, ...doc.stamps.map((s) => s.place)]) if (place) known.places.add(place.text.toLowerCase());
  }
  firstMentionsOf.set(file, known);
  return known;
}
