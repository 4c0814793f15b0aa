// Go to definition and find references: from a name to its registry entry and to every other
// mention of the same person whatever name the text uses; from "your telegram of 1.10.50",
// "Protocol #78" or "Document 12" to the documents they mean.

import type { Corpus } from '../corpus/index.js';
import { nameKey } from '../model/names.js';
import { containsRange } from '../model/text.js';
import type { Position, Range, ReferenceNumber, RegistryEntry, SourceLocation, TranscribedDocument } from '../model/types.js';
import { entryOfFact, factsAt, type Fact } from './facts.js';
import { atOnce, identify, mentionsOfInSlices, subjectOf, type MentionAt } from './identity.js';

export interface Location {
  uri: string;
  range: Range;
}

/** The line of the name as written in the registry, or the entry itself. */
export function registryLocation(entry: RegistryEntry, asWritten?: string): SourceLocation {
  if (asWritten) {
    const key = nameKey(asWritten);
    const form = entry.forms.find((f) => f.location && nameKey(f.text) === key);
    if (form?.location) return form.location;
  }
  const name = entry.forms.find((f) => f.text === entry.name && f.location);
  return name?.location ?? entry.location;
}

export function definition(corpus: Corpus, uri: string, position: Position): Location[] {
  for (const fact of factsAt(corpus, uri, position)) {
    switch (fact.kind) {
      case 'name':
      case 'identification': {
        const entry = entryOfFact(corpus, fact);
        const written = fact.kind === 'name' ? fact.mention.text : fact.mention.identification?.text;
        if (!entry) break;
        const out = [toLocation(registryLocation(entry, written))];
        // A cover name: its entry, then the person (or people) it stands for here.
        if (fact.kind === 'name' && entry.kind === 'cover-name') {
          for (const id of identify(corpus, fact.doc, fact.mention).people) {
            const person = corpus.registry.byId.get(id);
            if (person) out.push(toLocation(registryLocation(person)));
          }
        }
        return out;
      }
      case 'cross-reference': {
        const targets = corpus.resolve(fact.xref, { uri, document: fact.doc });
        if (targets.length) return targets.map((t) => ({ uri: t.uri, range: t.document.header?.range ?? t.document.range }));
        break;
      }
      case 'reference-number':
        if (fact.ref.protocol) {
          const docs = corpus.documentsOfProtocol(fact.ref.protocol.number).filter((d) => d.document !== fact.doc);
          if (docs.length) return docs.map((t) => ({ uri: t.uri, range: t.document.header?.range ?? t.document.range }));
        }
        break;
      case 'archive-reference': {
        const entry = entryOfFact(corpus, fact);
        if (entry) return [toLocation(registryLocation(entry))];
        break;
      }
      case 'stamp': {
        for (const who of [fact.stamp.by, fact.stamp.to, fact.stamp.place]) {
          const entry = who?.entryId ? corpus.registry.byId.get(who.entryId) : undefined;
          if (entry && within(position, who!.range)) return [toLocation(registryLocation(entry, who!.text))];
        }
        break;
      }
      case 'header':
        // From the copy of a header (a page title) to the header itself.
        if (fact.repeated && fact.doc.header) return [{ uri, range: fact.doc.header.range }];
        break;
      default:
        break;
    }
  }
  return [];
}

/**
 * Every mention of the entry under the cursor across the corpus: for a person, every name and
 * cover name the text uses for them (a cover name where it stands for them). From the registry
 * file too. Reference numbers: every occurrence of the same number.
 */
export function references(corpus: Corpus, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  return atOnce(referencesInSlices(corpus, uri, position, includeDeclaration));
}

/** `references`, pausing after each file or document (see atOnce). */
export function* referencesInSlices(corpus: Corpus, uri: string, position: Position, includeDeclaration: boolean): Generator<void, Location[]> {
  for (const fact of factsAt(corpus, uri, position)) {
    if (fact.kind === 'reference-number') {
      const out: Location[] = [];
      const ref = fact.ref;
      const same = (r: ReferenceNumber) => (ref.protocol ? r.protocol?.number === ref.protocol.number && r.protocol.item === ref.protocol.item : !r.protocol && r.key === ref.key);
      for (const d of corpus.documents()) {
        for (const r of d.document.referenceNumbers) if (same(r)) out.push({ uri: d.uri, range: r.range });
        yield;
      }
      return out;
    }
    const subject = subjectAt(corpus, fact);
    if (!subject) continue;
    const out: Location[] = countedOnce(yield* mentionsOfInSlices(corpus, subject)).map((m) => ({ uri: m.uri, range: m.range }));
    if (includeDeclaration) {
      out.push(toLocation(registryLocation(subject)));
      for (const cover of subject.kind === 'person' ? corpus.coverNamesOf(subject.id) : []) out.push(toLocation(registryLocation(cover)));
    }
    return out;
  }
  return [];
}

/** The entry whose mentions a fact asks for: what it names, a cover name's bearer when it is certain. */
export function subjectAt(corpus: Corpus, fact: Fact): RegistryEntry | undefined {
  const entry = entryOfFact(corpus, fact);
  if (!entry) return undefined;
  return fact.kind === 'name' ? subjectOf(corpus, entry, fact.doc, fact.mention) : subjectOf(corpus, entry);
}

/**
 * `Filippov (Stalin)` is one mention of Stalin: the editors' identification beside a name is part
 * of that mention, not a second one.
 */
export function countedOnce(mentions: MentionAt[]): MentionAt[] {
  const known = countedOnceOf.get(mentions);
  if (known) return known;
  const identified = new Map<TranscribedDocument, MentionAt[]>();
  for (const m of mentions) {
    if (!m.mention.identification) continue;
    const list = identified.get(m.doc);
    if (list) list.push(m);
    else identified.set(m.doc, [m]);
  }
  const inside = (m: MentionAt, o: MentionAt) => o !== m && o.range.start.line === m.range.start.line && containsRange(o.mention.identification!.range, m.mention.range);
  const out = identified.size === 0 ? mentions : mentions.filter((m) => !identified.get(m.doc)?.some((o) => inside(m, o)));
  countedOnceOf.set(mentions, out);
  return out;
}

/** The mentions of an entry are kept until the corpus changes (identity.ts), and so is this count of them. */
const countedOnceOf = new WeakMap<MentionAt[], MentionAt[]>();

function toLocation(l: SourceLocation): Location {
  return { uri: l.file, range: l.range };
}

function within(p: Position, r: Range): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}
