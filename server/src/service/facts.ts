// What stands at a position: the facts of the model whose range holds it, most specific first.
// Every position-based feature (hover, definition, references, code actions) starts here.

import type { Corpus } from '../corpus/index.js';
import { comparePositions, contains, containsRange } from '../model/text.js';
import { headerCopies } from './identity.js';
import type {
  ArchiveReference,
  CrossReference,
  DateMention,
  NameMention,
  Position,
  Range,
  ReferenceNumber,
  RegistryEntry,
  TimeMention,
  TranscribedDocument,
  TransmissionStamp,
} from '../model/types.js';

export type Fact =
  | { kind: 'identification'; doc: TranscribedDocument; mention: NameMention; range: Range }
  | { kind: 'name'; doc: TranscribedDocument; mention: NameMention; range: Range }
  | { kind: 'date'; doc: TranscribedDocument; date: DateMention; range: Range }
  | { kind: 'time'; doc: TranscribedDocument; time: TimeMention; stamp?: TransmissionStamp; range: Range }
  | { kind: 'reference-number'; doc: TranscribedDocument; ref: ReferenceNumber; range: Range }
  | { kind: 'cross-reference'; doc: TranscribedDocument; xref: CrossReference; range: Range }
  | { kind: 'archive-reference'; doc: TranscribedDocument; ref: ArchiveReference; range: Range }
  | { kind: 'stamp'; doc: TranscribedDocument; stamp: TransmissionStamp; range: Range }
  | { kind: 'header'; doc: TranscribedDocument; range: Range; /** The fact stands in a repeated copy of the header. */ repeated?: boolean }
  | { kind: 'registry-entry'; entry: RegistryEntry; range: Range };

function size(r: Range): number {
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

export function documentAt(corpus: Corpus, uri: string, position: Position): TranscribedDocument | undefined {
  return corpus.file(uri)?.documents.find((d) => contains(d.range, position) || d.repeatedHeaders.some((r) => contains(r, position)));
}

/** Every fact at `position` in a transcription or registry file, the smallest first. */
export function factsAt(corpus: Corpus, uri: string, position: Position): Fact[] {
  const facts: Fact[] = [];
  const entry = registryEntryAt(corpus, uri, position);
  if (entry) facts.push({ kind: 'registry-entry', entry: entry.entry, range: entry.range });

  const file = corpus.file(uri);
  const doc = file?.documents.find((d) => contains(d.range, position));
  if (doc) facts.push(...factsInDocument(doc, position));
  else if (file) {
    // A copy of a header (a page title): the same facts as the header, at the copy's place.
    for (const d of file.documents) {
      for (const copy of headerCopies(corpus, uri, d)) {
        if (!at2(copy.range, position)) continue;
        if (!copy.exact) {
          facts.push({ kind: 'header', doc: d, range: copy.range, repeated: true });
          continue;
        }
        for (const f of factsInDocument(d, copy.unmap(position))) {
          if (d.header && containsRange(d.header.range, f.range)) facts.push({ ...f, range: copy.map(f.range), ...(f.kind === 'header' ? { repeated: true } : {}) });
        }
      }
    }
  }
  return facts.sort((a, b) => size(a.range) - size(b.range));
}

function factsInDocument(doc: TranscribedDocument, position: Position): Fact[] {
  const facts: Fact[] = [];
  const at = (r: Range) => at2(r, position);
  for (const mention of doc.names) {
    if (at(mention.range)) facts.push({ kind: 'name', doc, mention, range: mention.range });
    // A name followed by its identification: inside `(Stalin)` the identification is the subject.
    else if (mention.identification && at(mention.identification.range) && !doc.names.some((n) => n !== mention && at(n.range))) {
      facts.push({ kind: 'identification', doc, mention, range: mention.identification.range });
    }
  }
  for (const date of doc.dates) if (at(date.range)) facts.push({ kind: 'date', doc, date, range: date.range });
  for (const date of doc.dates) {
    if (date.editorial && at(date.editorial.range)) facts.push({ kind: 'date', doc, date, range: date.editorial.range });
  }
  for (const time of doc.times) {
    if (at(time.range)) facts.push({ kind: 'time', doc, time, stamp: doc.stamps.find((s) => s.time === time), range: time.range });
  }
  for (const ref of doc.referenceNumbers) if (at(ref.range)) facts.push({ kind: 'reference-number', doc, ref, range: ref.range });
  for (const xref of doc.crossReferences) if (at(xref.range)) facts.push({ kind: 'cross-reference', doc, xref, range: xref.range });
  for (const ref of doc.archiveReferences) if (at(ref.range)) facts.push({ kind: 'archive-reference', doc, ref, range: ref.range });
  for (const stamp of doc.stamps) if (at(stamp.range)) facts.push({ kind: 'stamp', doc, stamp, range: stamp.range });
  if (doc.header && at(doc.header.range)) facts.push({ kind: 'header', doc, range: doc.header.range });
  return facts;
}

function at2(r: Range, p: Position): boolean {
  return contains(r, p) && comparePositions(p, r.end) < 0;
}

/** The registry entry whose text (a form, or the entry as a whole) holds the position. */
export function registryEntryAt(corpus: Corpus, uri: string, position: Position): { entry: RegistryEntry; range: Range } | undefined {
  let best: { entry: RegistryEntry; range: Range } | undefined;
  for (const entry of corpus.registry.entries) {
    if (entry.location.file !== uri) continue;
    for (const form of entry.forms) {
      if (form.location?.file === uri && at2(form.location.range, position)) return { entry, range: form.location.range };
    }
    if (contains(entry.location.range, position) && (!best || size(entry.location.range) < size(best.range))) best = { entry, range: entry.location.range };
  }
  return best;
}

/** The registry entry a name mention stands for; inside an identification, the identified one. */
export function entryOfFact(corpus: Corpus, fact: Fact): RegistryEntry | undefined {
  switch (fact.kind) {
    case 'name':
      return corpus.registry.byId.get(fact.mention.entryId);
    case 'identification':
      return fact.mention.identification?.entryId ? corpus.registry.byId.get(fact.mention.identification.entryId) : undefined;
    case 'registry-entry':
      return fact.entry;
    case 'archive-reference':
      return fact.ref.archive?.entryId ? corpus.registry.byId.get(fact.ref.archive.entryId) : undefined;
    default:
      return undefined;
  }
}
