// Hovers: what the historian wants to know about the thing under the cursor, in their words.
// Markdown; links point at documents (`file:…#L12`) so that the editor opens them.

import { describeZone, stampZone, zoneOfPlace } from '../checks/chronology.js';
import type { Corpus, DocumentRef } from '../corpus/index.js';
import { describePeriod, editorsReading, formatTime, toEdtf } from '../model/dates.js';
import { nameKey } from '../model/names.js';
import { containsRange } from '../model/text.js';
import { citationPart } from '../model/vocabulary.js';
import type {
  ArchiveReference,
  CoverName,
  DateMention,
  NameMention,
  Person,
  Position,
  Range,
  ReferenceNumber,
  RegistryEntry,
  TranscribedDocument,
} from '../model/types.js';
import { entryOfFact, factsAt, type Fact } from './facts.js';
import { roleLabel } from './years.js';
import { rivalClaims } from './rival-claims.js';
import { identify, mentionsByFile, remembered, type MentionAt } from './identity.js';
import { documentLink, documentLinks, markdownLink, occurrenceList, paragraph, plain } from './markdown.js';
import { dateText, describeCrossReference, describeDocument, fullDate } from './hover-documents.js';
import { describeStamp } from './hover-stamps.js';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export function hover(corpus: Corpus, uri: string, position: Position): HoverResult | null {
  const facts = factsAt(corpus, uri, position);
  // Inside a citation the archive's abbreviation is part of the citation: explain the citation.
  const citation = facts.find((f) => f.kind === 'archive-reference');
  for (const fact of facts) {
    if (citation && fact.kind === 'name' && fact.mention.entryKind === 'archive') continue;
    const contents = describe(corpus, uri, fact);
    if (contents) return { contents, range: fact.range };
  }
  return null;
}

function describe(corpus: Corpus, uri: string, fact: Fact): string | undefined {
  switch (fact.kind) {
    case 'name':
    case 'identification': {
      const entry = entryOfFact(corpus, fact);
      if (!entry) return undefined;
      const mention: NameMention =
        fact.kind === 'name' ? fact.mention : { kind: 'name', range: fact.range, text: fact.mention.identification!.text, entryId: entry.id, entryKind: entry.kind };
      return [describeEntry(corpus, entry, { doc: fact.doc, mention }), ...rivalClaims(corpus, entry, mention.text)].join('\n\n');
    }
    case 'registry-entry':
      return describeEntry(corpus, fact.entry);
    case 'date':
      return describeDate(fact.date);
    case 'time': {
      const t = fact.time;
      if (!t.value) return `**${plain(t.text)}** is not a possible time: ${t.impossible ?? 'unreadable'}.`;
      const parts = [`**${formatTime(t.value)}**${t.meridiem ? ` (written with ${t.meridiem === 'am' ? 'a.m.' : 'p.m.'})` : ''}`];
      if (t.redundantMeridiem) parts.push('A 24-hour time written with a.m./p.m.: read as the 24-hour time.');
      if (fact.stamp) parts.push(`Time of the stamp "${fact.stamp.action}", in ${describeZone(stampZone(fact.stamp, fact.doc, corpus.registry, corpus.settings.receivedAt), fact.stamp.date && editorsReading(fact.stamp.date), plain)}.`);
      return parts.join('\n\n');
    }
    case 'reference-number':
      return describeReferenceNumber(corpus, uri, fact.ref);
    case 'cross-reference':
      return describeCrossReference(corpus, uri, fact.doc, fact.xref);
    case 'archive-reference':
      return describeArchiveReference(corpus, fact.doc, fact.ref);
    case 'stamp':
      return describeStamp(corpus, fact.doc, fact.stamp);
    case 'header':
      return describeDocument(corpus, fact.doc, fact.repeated === true);
  }
}

function lifeDates(born?: string, died?: string): string {
  const year = (s: string) => s.slice(0, 4);
  if (born && died) return ` (${year(born)}–${year(died)})`;
  if (born) return ` (born ${year(born)})`;
  if (died) return ` (died ${year(died)})`;
  return '';
}

/** `Role in 1950`: the years the corpus's documents are dated in. */

interface Context {
  doc: TranscribedDocument | undefined;
  mention: NameMention;
}

function describeEntry(corpus: Corpus, entry: RegistryEntry, context?: Context): string {
  if (entry.kind === 'cover-name') return describeCoverName(corpus, entry, context);
  const lines: string[] = [];
  lines.push(`**${plain(entry.name)}**${entry.kind === 'person' ? lifeDates(entry.born, entry.died) : ''} — ${kindLabel(entry)}`);
  if (context?.doc && entry.kind === 'person') {
    // `Stalin` written beside a cover name: the editors' identification of it.
    const cover = context.doc.names.find((n) => n.identification && containsRange(n.identification.range, context.mention.range) && n.entryKind === 'cover-name');
    if (cover) lines.push(`Here the editors identify the cover name *${plain(cover.text)}* as ${plain(entry.name)}.`);
  }
  if (entry.note) lines.push(paragraph(entry.note));
  lines.push(...details(corpus, entry, context?.mention.text));
  return lines.join('\n\n');
}

function describeCoverName(corpus: Corpus, cover: CoverName, context?: Context): string {
  const identity = context ? identify(corpus, context.doc, context.mention) : { people: corpus.peopleBehind(cover.id), how: 'registry' as const };
  const people = identity.people.map((id) => corpus.registry.byId.get(id)).filter((p): p is Person => p?.kind === 'person');
  const lines: string[] = [];
  const bearers = people.map((p) => `**${plain(p.name)}**${people.length === 1 ? lifeDates(p.born, p.died) : ''}`);
  lines.push(`**${plain(cover.name)}** — cover name${bearers.length ? ` of ${bearers.join(' or ')}` : ''}`);
  const by = 'by' in identity ? identity.by : undefined;
  if (identity.how === 'beside' && context) {
    lines.push(`The text identifies *${plain(context.mention.text)}* here as ${plain(context.mention.identification!.text)}.`);
  } else if (identity.how === 'document' && by) {
    lines.push(`This document identifies *${plain(by.text)}* as ${plain(by.identification!.text)} (line ${by.range.start.line + 1}).`);
  } else if (people.length > 1) {
    lines.push('The text does not say which; the editions differ.');
  }
  const chosen = people.length === 1 ? people[0]!.id : undefined;
  for (const i of cover.identifications) {
    const person = corpus.registry.byId.get(i.person);
    const period = i.from || i.to ? ` (used ${describePeriod(i)})` : '';
    const who = `**${plain(person?.name ?? i.person)}**${period}`;
    // The registry warns of an identification that cites no authority; the hover says it has none.
    const authority = i.authority ? `on the authority of ${plain(i.authority)}` : 'on no authority the registry cites';
    lines.push(chosen && i.person !== chosen ? `Another reading: ${who}, ${authority}.` : `*${plain(cover.name)}* is the cover name of ${who} ${authority}.`);
  }
  if (cover.note) lines.push(paragraph(cover.note));
  if (people.length === 1) {
    lines.push(...details(corpus, people[0]!, context?.mention.text));
  } else {
    const docs = documentsOf(corpus, cover);
    if (docs.length) lines.push(`Appears in ${docs.length} document${docs.length > 1 ? 's' : ''}: ${documentLinks(docs)}`);
  }
  return lines.join('\n\n');
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function kindLabel(entry: RegistryEntry): string {
  switch (entry.kind) {
    case 'person':
      return 'person';
    case 'place':
      return 'place';
    case 'organisation':
      return entry.abbreviations.length ? `organisation (${plain(entry.abbreviations.join(', '))})` : 'organisation';
    case 'archive':
      return `archive (${plain(entry.abbreviation)})`;
    case 'cover-name':
      return 'cover name';
  }
}

/** The documents that name the entry, in corpus order (a file's, once for each of its readings). */
function documentsOf(corpus: Corpus, entry: RegistryEntry): DocumentRef[] {
  return remembered(corpus, `documents ${entry.id}`, () => mentionsByFile(corpus, entry).flatMap((list) => perFile(documentsByList, list, documentsIn)));
}

function documentsIn(list: MentionAt[]): DocumentRef[] {
  const docs: DocumentRef[] = [];
  for (const m of list) if (docs[docs.length - 1]?.document !== m.doc) docs.push({ uri: m.uri, document: m.doc }); // a file's mentions are in its order
  return docs;
}

type WrittenForm = { key: string; text: string; own: boolean };

/** The forms the corpus writes the entry in, each once (by its folded key), and whether it is the entry's own or a cover name's. */
function writtenForms(corpus: Corpus, entry: RegistryEntry): WrittenForm[] {
  return remembered(corpus, `forms ${entry.id}`, () => {
    const out: WrittenForm[] = [];
    const keys = new Set<string>();
    for (const list of mentionsByFile(corpus, entry)) {
      for (const form of perFile(formsByList, list, (l) => formsIn(l, entry))) {
        if (keys.has(form.key)) continue;
        keys.add(form.key);
        out.push(form);
      }
    }
    return out;
  });
}

function formsIn(list: MentionAt[], entry: RegistryEntry): WrittenForm[] {
  const out: WrittenForm[] = [];
  const texts = new Set<string>();
  const keys = new Set<string>();
  for (const m of list) {
    // Thousands of mentions are a handful of written forms: fold each form once.
    if (texts.has(m.mention.text)) continue;
    texts.add(m.mention.text);
    const key = nameKey(m.mention.text);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push({ key, text: m.mention.text, own: m.mention.entryId === entry.id });
  }
  return out;
}

/** What is made of one file's mentions of an entry, kept while the list is (for that file's reading). */
const documentsByList = new WeakMap<MentionAt[], DocumentRef[]>();
const formsByList = new WeakMap<MentionAt[], WrittenForm[]>();

function perFile<T>(memo: WeakMap<MentionAt[], T>, list: MentionAt[], make: (list: MentionAt[]) => T): T {
  let made = memo.get(list);
  if (made === undefined) memo.set(list, (made = make(list)));
  return made;
}

/** Role, the other names the corpus uses, the documents that name them, authority links. */
function details(corpus: Corpus, entry: RegistryEntry, asWritten: string | undefined): string[] {
  const lines: string[] = [];
  if (entry.kind === 'person' && entry.role) lines.push(`${roleLabel(corpus)}: ${plain(entry.role)}`);
  if (entry.kind === 'place' && entry.utcOffsetMinutes !== undefined) {
    lines.push(`Time: ${describeZone(zoneOfPlace(entry.id, entry.name, corpus.registry), undefined, plain)}`);
  }
  if (entry.kind === 'archive' && entry.collections.length) {
    lines.push(entry.collections.map((c) => `fond ${plain(c.fond)}: ${plain(c.description)}`).join('  \n'));
  }
  const writtenKey = asWritten ? nameKey(asWritten) : undefined;
  const own: string[] = [];
  const covers: string[] = [];
  for (const form of writtenForms(corpus, entry)) if (form.key !== writtenKey) (form.own ? own : covers).push(plain(form.text));
  if (own.length || covers.length) {
    lines.push(`Also named in the corpus: ${[own.join(', '), covers.length ? `cover name${covers.length > 1 ? 's' : ''} ${covers.join(', ')}` : ''].filter(Boolean).join('; ')}`);
  }
  const docs = documentsOf(corpus, entry);
  lines.push(docs.length ? `Appears in ${docs.length} document${docs.length > 1 ? 's' : ''}: ${documentLinks(docs)}` : 'Named in no document of the corpus.');
  if (entry.url) lines.push(markdownLink(entry.url, entry.url));
  if (entry.wikidata) lines.push(`Wikidata: [${entry.wikidata}](https://www.wikidata.org/wiki/${entry.wikidata})`);
  return lines;
}

export function describeDate(d: DateMention): string {
  if (!d.value) return `**${plain(d.text)}** is not a possible date: ${d.impossible ?? 'unreadable'}.`;
  const lines = [`**${fullDate(d.value)}** · EDTF \`${toEdtf(d.value)}\``];
  const how = [`read as ${d.reading.convention}`];
  if (d.reading.supplied.length) how.push(`the ${d.reading.supplied.join(' and ')} taken from the document`);
  if (d.reading.ambiguous) how.push('day and month could be swapped: the convention decides');
  lines.push(`"${plain(d.text)}" ${how.join('; ')}.`);
  const e = d.editorial;
  if (e) {
    if (e.kind === 'expansion') lines.push(`The editors write it out as ${plain(e.text)}: the same date.`);
    else if (e.value) lines.push(`The editors read it as **${fullDate(e.value)}** (${plain(e.text)}); the checks use the editors' reading.`);
    else lines.push(`The editors mark it ${plain(e.text)}: the text is wrong here.`);
  }
  return lines.join('\n\n');
}

function folioLabel(folios: string): string {
  return `${/[-–,]/.test(folios) ? 'folios' : 'folio'} ${plain(folios)}`;
}

function describeArchiveReference(corpus: Corpus, doc: TranscribedDocument, ref: ArchiveReference): string {
  const archive = ref.archive?.entryId ? corpus.registry.byId.get(ref.archive.entryId) : undefined;
  const parts: string[] = [];
  if (archive) parts.push(`**${plain(archive.name)}**`);
  else parts.push(ref.archive ? `**${plain(ref.archive.text)}** (not in the registry)` : '**no archive named**');
  for (const p of ref.parts) parts.push(p.part === 'folios' ? folioLabel(p.value) : `${citationPart(p.part).meaning} ${plain(p.value)}`);
  const lines = [parts.join(' · ')];
  const collection = archive?.kind === 'archive' ? archive.collections.find((c) => c.fond === ref.fond) : undefined;
  if (collection) lines.push(`Fond ${plain(collection.fond)}: ${plain(collection.description)}`);
  const missing = ref.missing.filter((m) => m !== 'archive');
  if (missing.length) lines.push(`Not given: ${missing.map((m) => (m === 'folios' ? 'list (folio)' : m)).join(', ')}.`);
  const russian = ref.parts.some((p) => p.part === 'fond' || p.part === 'opis');
  const glossary = russian ? `*fond* = collection, *opis* = inventory, ${ref.parts.some((p) => p.part === 'papka') ? '*papka* = folder, ' : ''}*delo* = file, *list/listy* = folio(s).` : '';
  if (glossary || archive) lines.push(`${archive && ref.archive ? `*${plain(ref.archive.text)}* = ${plain(archive.name)}${glossary ? '; ' : '.'}` : ''}${glossary}`);
  if (ref.note) lines.push(paragraph(ref.note));
  if (ref.delo) {
    const sameFile: string[] = [];
    for (const { other, r } of citedFrom(corpus).get(archiveFileKey(ref)) ?? []) {
      if (other.document !== doc) sameFile.push(`${documentLink(other)}${r.folios ? ` (${folioLabel(r.folios)})` : ''}`);
    }
    lines.push(sameFile.length ? `Also cited from this file: ${sameFile.join(', ')}` : 'No other document of the corpus is cited from this file.');
  }
  return lines.join('\n\n');
}

function archiveFileKey(r: ArchiveReference): string {
  return [r.archive?.entryId, r.fond, r.opis, r.delo].join('\u0000');
}

/** Each archive file (archive, fond, opis, delo) with the documents cited from it, each document's first reference to it. */
function citedFrom(corpus: Corpus): Map<string, Array<{ other: DocumentRef; r: ArchiveReference }>> {
  return remembered(corpus, 'archive files', () => {
    const out = new Map<string, Array<{ other: DocumentRef; r: ArchiveReference }>>();
    for (const other of corpus.documents()) {
      const seen = new Set<string>();
      for (const r of other.document.archiveReferences) {
        const key = archiveFileKey(r);
        if (!r.delo || seen.has(key)) continue;
        seen.add(key);
        const list = out.get(key);
        if (list) list.push({ other, r });
        else out.set(key, [{ other, r }]);
      }
    }
    return out;
  });
}

function describeReferenceNumber(corpus: Corpus, uri: string, ref: ReferenceNumber): string {
  const lines: string[] = [];
  const others: Array<{ uri: string; document: TranscribedDocument; range: Range }> = [];
  const same = (r: ReferenceNumber) =>
    ref.protocol ? r.protocol?.number === ref.protocol.number && r.protocol.item === ref.protocol.item : !r.protocol && r.key === ref.key;
  for (const d of corpus.documents()) {
    for (const r of d.document.referenceNumbers) {
      if (r !== ref && same(r) && !(d.uri === uri && sameRange(r.range, ref.range))) others.push({ uri: d.uri, document: d.document, range: r.range });
    }
  }
  if (ref.protocol) {
    const item = ref.protocol.item;
    lines.push(`**Politburo protocol ${plain(ref.protocol.number)}${item ? `, item ${plain(item)}` : ''}**`);
    const docs = corpus.documentsOfProtocol(ref.protocol.number);
    if (docs.length) lines.push(`Documents of protocol ${plain(ref.protocol.number)}: ${documentLinks(docs)}`);
    if (item) lines.push(others.length ? `Item ${plain(item)} is also cited in: ${occurrenceList(others)}` : `Item ${plain(item)} is cited nowhere else in the corpus.`);
  } else {
    lines.push(`**No. ${plain(ref.text)}**${ref.date ? ` of ${dateText(ref.date)}` : ''}`);
    lines.push(others.length ? `Also occurs in: ${occurrenceList(others)}` : 'Occurs nowhere else in the corpus.');
  }
  return lines.join('\n\n');
}

