// Setting up a corpus: whether a text outside any corpus reads as a transcription, so that the
// editor can offer to make its folder a corpus (read by the scanner itself, default settings, no
// registry, not by a pattern of its own); and a first registry proposed from what the corpus
// names, for the editors to review.

import { Corpus } from '../corpus/index.js';
import { outsideCorpusSettings } from '../corpus/settings.js';
import { formatPosition } from '../model/text.js';
import type { Range } from '../model/types.js';

const probeUri = 'untitled:marginalia-probe';
/** Enough of a long file to decide: its first documents. */
const probeLength = 100_000;

/**
 * True when the text has a `Document N:` line, a dateline (`London, March 6, 1951—7 p. m.`), or a
 * heading that names a sender and a recipient (`John Hancock to the New York Committee of
 * Safety`): what a transcription of archival documents has and a shopping list has not.
 */
export function looksLikeTranscription(text: string): boolean {
  const corpus = new Corpus(outsideCorpusSettings('/'));
  corpus.setFile(probeUri, text.slice(0, probeLength));
  return (corpus.file(probeUri)?.documents ?? []).some(
    (doc) => doc.header?.number !== undefined || doc.dateline !== undefined || ((doc.header?.from.length ?? 0) > 0 && (doc.header?.to.length ?? 0) > 0),
  );
}

/** A registry id for a name (`Silas Deane` → `silas-deane`), not one of those `taken`. */
export function entryIdFor(name: string, taken: (id: string) => boolean, fallback = 'new-entry'): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

interface Proposed {
  name: string;
  /** Where it is first named, as `file:line:column`. */
  first: string;
  count: number;
}

/**
 * "Start the Registry from this Corpus": the people (senders, recipients, clerks of stamps),
 * places (datelines' towns, stamps' places) and archives (archive references) that the corpus
 * names and its registry lacks, as registry YAML for the editors to review. It writes nothing:
 * the editor shows it, and the editors decide what goes into their registry.
 */
export function proposeRegistry(corpus: Corpus, display: (uri: string) => string = (u) => u): string {
  const people = new Map<string, Proposed>();
  const places = new Map<string, Proposed>();
  const archives = new Map<string, Proposed>();
  const note = (into: Map<string, Proposed>, text: string, uri: string, range: Range) => {
    const name = text.replace(/^(?:Mr|Mrs|Dr|Comrade|Cde)\.?\s+/, '').trim();
    if (name.length < 2) return;
    const known = into.get(name);
    if (known) known.count++;
    else into.set(name, { name, first: `${display(uri)}:${formatPosition(range.start)}`, count: 1 });
  };
  for (const file of corpus.allFiles()) {
    for (const doc of file.documents) {
      for (const c of [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])]) {
        const who = c.identification ?? c;
        if (!c.office && !who.entryId && !c.entryId) note(people, who.text, file.uri, who.range);
      }
      for (const s of doc.stamps) for (const who of [s.by, s.to]) if (who && !who.entryId) note(people, who.text, file.uri, who.range);
      const town = doc.dateline?.town;
      if (town && !doc.origin?.entryId) note(places, town.text, file.uri, town.range);
      for (const s of doc.stamps) if (s.place && !s.place.entryId) note(places, s.place.text, file.uri, s.place.range);
      for (const r of doc.archiveReferences) if (r.archive && !r.archive.entryId) note(archives, r.archive.text, file.uri, r.archive.range);
    }
  }
  const taken = new Set(corpus.registry.byId.keys());
  const entry = (p: Proposed, extra: string[] = []) => {
    const id = entryIdFor(p.name, (x) => taken.has(x));
    taken.add(id);
    const named = p.count === 1 ? 'named once' : `named ${p.count} times`;
    return [`  - id: ${id}`, `    name: ${JSON.stringify(p.name)}`, `    forms: [${JSON.stringify(p.name)}]`, ...extra, `    note: ${JSON.stringify(`${named}, first at ${p.first}; to be checked`)}`].join('\n');
  };
  const section = (title: string, found: Map<string, Proposed>, extra: string[] = []) =>
    found.size === 0 ? [] : [`${title}:`, ...[...found.values()].map((p) => entry(p, extra))];
  const lines = [
    '# Proposed by Marginalia from what the corpus names and its registry lacks.',
    '# Review every entry: merge forms of one person, add roles, and give each place its zone',
    '# (an IANA time zone such as Asia/Seoul) before copying what is right into the registry.',
    ...section('people', people, ['    role: ""']),
    ...section('places', places, ['    zone: ""']),
    ...section('archives', archives, [`    abbreviation: ""`]),
  ];
  if (people.size + places.size + archives.size === 0) lines.push('# Everyone and everything the corpus names is in its registry already.');
  return lines.join('\n') + '\n';
}
