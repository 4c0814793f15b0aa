// Hovers: what the historian wants to know about the thing under the cursor, in their words.
// Markdown; links point at documents (`file:…#L12`) so that the editor opens them.

import { describeZone, editorsReading, stampZone } from '../checks/chronology.js';
import { documentDate, type Corpus, type DocumentRef } from '../corpus/index.js';
import { formatDate, formatTime, toEdtf, weekday } from '../model/dates.js';
import type {
  ArchiveReference,
  CalendarDate,
  CoverName,
  DateMention,
  Position,
  Range,
  ReferenceNumber,
  RegistryEntry,
  TranscribedDocument,
} from '../model/types.js';
import { entryOfFact, factsAt, type Fact } from './facts.js';

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** How many documents a hover lists before it says "and N more". */
const listed = 5;

export function hover(corpus: Corpus, uri: string, position: Position): HoverResult | null {
  for (const fact of factsAt(corpus, uri, position)) {
    const contents = describe(corpus, uri, fact);
    if (contents) return { contents, range: fact.range };
  }
  return null;
}

function describe(corpus: Corpus, uri: string, fact: Fact): string | undefined {
  switch (fact.kind) {
    case 'name':
    case 'identification':
    case 'registry-entry': {
      const entry = entryOfFact(corpus, fact);
      if (!entry) return undefined;
      const asWritten = fact.kind === 'registry-entry' ? undefined : fact.kind === 'name' ? fact.mention.text : fact.mention.identification!.text;
      return describeEntry(corpus, entry, asWritten, fact.kind === 'registry-entry' ? undefined : fact.doc);
    }
    case 'date':
      return describeDate(fact.date);
    case 'time': {
      const t = fact.time;
      if (!t.value) return `**${t.text}** is not a possible time: ${t.impossible ?? 'unreadable'}.`;
      const parts = [`**${formatTime(t.value)}**${t.meridiem ? ` (written with ${t.meridiem === 'am' ? 'a.m.' : 'p.m.'})` : ''}`];
      if (t.redundantMeridiem) parts.push('A 24-hour time written with a.m./p.m.: read as the 24-hour time.');
      if (fact.stamp) parts.push(`Time of the stamp "${fact.stamp.action}", in ${describeZone(stampZone(fact.stamp, fact.doc, corpus.registry))}.`);
      return parts.join('\n\n');
    }
    case 'reference-number':
      return describeReferenceNumber(corpus, fact.ref);
    case 'cross-reference': {
      const targets = corpus.resolve(fact.xref, { uri, document: fact.doc });
      const what = fact.xref.target.kind === 'message-of-date' ? `the ${fact.xref.target.what} of ${dateText(fact.xref.target.date)}` : fact.xref.text;
      if (targets.length === 0) return `**${fact.xref.text}**\n\nRefers to ${what}, which is not in this corpus.`;
      return `**${fact.xref.text}**\n\nRefers to ${what}: ${targets.map(link).join(', ')}.`;
    }
    case 'archive-reference':
      return describeArchiveReference(corpus, fact.doc, fact.ref);
    case 'stamp': {
      const s = fact.stamp;
      const when = s.date ? dateText(s.date) : 'no date';
      const time = s.time?.value ? ` at ${formatTime(s.time.value)}` : '';
      const who = s.by ? ` by ${s.by.text}` : '';
      const to = s.to ? ` to ${s.to.text}` : '';
      const where = s.time?.value ? `\n\nTimes read in ${describeZone(stampZone(s, fact.doc, corpus.registry))}.` : '';
      return `**${s.handwritten ? 'Handwritten note' : 'Stamp'}: ${s.action}**${who}${to}, ${when}${time}.${where}`;
    }
    case 'header':
      return describeDocument(corpus, fact.doc);
  }
}

function dateText(d: DateMention): string {
  const value = editorsReading(d);
  return value ? formatDate(value) : d.text;
}

function link(ref: DocumentRef): string {
  const label = ref.document.header?.number ? `Document ${ref.document.header.number}` : ref.document.header?.title ?? 'a document';
  return `[${label}](${ref.uri}#L${ref.document.range.start.line + 1})`;
}

function linkList(refs: DocumentRef[]): string {
  const shown = refs.slice(0, listed).map(link).join(', ');
  return refs.length > listed ? `${shown} and ${refs.length - listed} more` : shown;
}

function lifeDates(born?: string, died?: string): string {
  if (!born && !died) return '';
  const year = (s?: string) => (s ? s.slice(0, 4) : '?');
  return ` (${year(born)}–${year(died)})`;
}

function describeEntry(corpus: Corpus, entry: RegistryEntry, asWritten: string | undefined, doc: TranscribedDocument | undefined): string {
  const lines: string[] = [];
  if (entry.kind === 'cover-name') {
    lines.push(`**${entry.name}** — cover name`);
    for (const i of entry.identifications) lines.push(coverNameIdentification(corpus, entry, i));
    if (entry.note) lines.push(entry.note);
    const people = corpus.peopleBehind(entry.id);
    if (people.length === 1) {
      const person = corpus.registry.byId.get(people[0]!);
      if (person) lines.push(...personDetails(corpus, person, entry.name));
    }
    return lines.join('\n\n');
  }
  lines.push(`**${entry.name}**${entry.kind === 'person' ? lifeDates(entry.born, entry.died) : ''} — ${kindLabel(entry)}`);
  if (asWritten && doc && entry.kind === 'person') {
    // `Stalin` written beside a cover name: say which cover name the editors identify.
    const cover = doc.names.find((n) => n.identification?.entryId === entry.id && corpus.registry.byId.get(n.entryId)?.kind === 'cover-name');
    if (cover) lines.push(`Here the editors identify the cover name *${cover.text}* as ${entry.name}.`);
  }
  if (entry.note) lines.push(entry.note);
  lines.push(...personDetails(corpus, entry, asWritten));
  return lines.join('\n\n');
}

function coverNameIdentification(corpus: Corpus, cover: CoverName, i: CoverName['identifications'][number]): string {
  const person = corpus.registry.byId.get(i.person);
  const period = i.from || i.to ? `, used ${i.from ? formatDate(i.from) : '…'}–${i.to ? formatDate(i.to) : '…'}` : '';
  return `*${cover.name}* is the cover name of **${person?.name ?? i.person}**${period} — on the authority of ${i.authority}.`;
}

function kindLabel(entry: RegistryEntry): string {
  switch (entry.kind) {
    case 'person':
      return 'person';
    case 'place':
      return 'place';
    case 'organisation':
      return entry.abbreviations.length ? `organisation (${entry.abbreviations.join(', ')})` : 'organisation';
    case 'archive':
      return `archive (${entry.abbreviation})`;
    case 'cover-name':
      return 'cover name';
  }
}

function personDetails(corpus: Corpus, entry: RegistryEntry, asWritten: string | undefined): string[] {
  const lines: string[] = [];
  if (entry.kind === 'person' && entry.role) lines.push(`Role: ${entry.role}`);
  if (entry.kind === 'place' && entry.utcOffsetMinutes !== undefined) {
    lines.push(`Time: ${describeZone({ kind: 'known', offsetMinutes: entry.utcOffsetMinutes, place: entry.name })}`);
  }
  if (entry.kind === 'archive' && entry.collections.length) {
    lines.push(entry.collections.map((c) => `fond ${c.fond}: ${c.description}`).join('  \n'));
  }
  const others = entry.forms.map((f) => f.text).filter((t) => t !== asWritten && t !== entry.name);
  const covers = entry.kind === 'person' ? corpus.coverNamesOf(entry.id).map((c) => c.name) : [];
  if (others.length) lines.push(`Also written: ${others.join(', ')}`);
  if (covers.length) lines.push(`Cover names: ${covers.join(', ')}`);
  const mentions = corpus.mentionsOf(entry.id);
  const docs: DocumentRef[] = [];
  for (const m of mentions) {
    const ref = [...corpus.documents()].find((d) => d.uri === m.uri && d.document.names.includes(m.mention));
    if (ref && !docs.some((d) => d.document === ref.document)) docs.push(ref);
  }
  if (docs.length) lines.push(`Appears in ${docs.length} document${docs.length > 1 ? 's' : ''}: ${linkList(docs)}`);
  if (entry.url) lines.push(`[${entry.url}](${entry.url})`);
  if (entry.wikidata) lines.push(`Wikidata: [${entry.wikidata}](https://www.wikidata.org/wiki/${entry.wikidata})`);
  return lines;
}

export function describeDate(d: DateMention): string {
  if (!d.value) return `**${d.text}** is not a possible date: ${d.impossible ?? 'unreadable'}.`;
  const lines = [`**${fullDate(d.value)}** · EDTF \`${toEdtf(d.value)}\``];
  const how = [`read as ${d.reading.convention}`];
  if (d.reading.supplied.length) how.push(`the ${d.reading.supplied.join(' and ')} taken from the document`);
  if (d.reading.ambiguous) how.push('day and month could be swapped: the convention decides');
  lines.push(`"${d.text}" ${how.join('; ')}.`);
  if (d.editorial) {
    const reading = d.editorial.value ? fullDate(d.editorial.value) : d.editorial.text;
    lines.push(
      d.editorial.kind === 'correction'
        ? `The editors correct it to **${reading}** (${d.editorial.text}); checks use the editors' reading.`
        : `The editors' reading: ${reading} (${d.editorial.text}).`,
    );
  }
  return lines.join('\n\n');
}

function fullDate(d: CalendarDate): string {
  const day = weekday(d);
  return day ? `${day} ${formatDate(d)}` : formatDate(d);
}

function describeArchiveReference(corpus: Corpus, doc: TranscribedDocument, ref: ArchiveReference): string {
  const archive = ref.archive?.entryId ? corpus.registry.byId.get(ref.archive.entryId) : undefined;
  const parts: string[] = [];
  parts.push(archive ? `**${archive.name}** (${ref.archive!.text})` : `**${ref.archive?.text ?? 'unknown archive'}**`);
  if (ref.fond) {
    const collection = archive?.kind === 'archive' ? archive.collections.find((c) => c.fond === ref.fond) : undefined;
    parts.push(`fond ${ref.fond}${collection ? ` (${collection.description})` : ''}`);
  }
  if (ref.opis) parts.push(`inventory ${ref.opis}`);
  if (ref.delo) parts.push(`file ${ref.delo}`);
  if (ref.folios) parts.push(`${/[-–,]/.test(ref.folios) ? 'folios' : 'folio'} ${ref.folios}`);
  const lines = [parts.join(' · ')];
  lines.push('*fond* = collection, *opis* = inventory, *delo* = file, *list/listy* = folio(s).');
  if (ref.note) lines.push(ref.note);
  const sameFile: DocumentRef[] = [];
  for (const other of corpus.documents()) {
    if (other.document === doc) continue;
    if (other.document.archiveReferences.some((r) => r.archive?.entryId === ref.archive?.entryId && r.fond === ref.fond && r.opis === ref.opis && r.delo === ref.delo)) {
      sameFile.push(other);
    }
  }
  if (sameFile.length) lines.push(`Also cited from this file: ${linkList(sameFile)}`);
  return lines.join('\n\n');
}

function describeReferenceNumber(corpus: Corpus, ref: ReferenceNumber): string {
  const lines: string[] = [];
  if (ref.protocol) {
    const title = `Politburo protocol ${ref.protocol.number}${ref.protocol.item ? `, item ${ref.protocol.item}` : ''}`;
    lines.push(`**${title}**`);
    const docs = corpus.documentsOfProtocol(ref.protocol.number);
    if (docs.length) lines.push(`Documents of this protocol: ${linkList(docs)}`);
  } else {
    lines.push(`**No. ${ref.text}**${ref.date ? ` of ${dateText(ref.date)}` : ''}`);
  }
  const elsewhere: DocumentRef[] = [];
  for (const d of corpus.documents()) {
    if (d.document.referenceNumbers.some((r) => r !== ref && r.key === ref.key) && !elsewhere.includes(d)) elsewhere.push(d);
  }
  lines.push(elsewhere.length ? `Also occurs in: ${linkList(elsewhere)}` : 'Occurs nowhere else in the corpus: the numbered message is not in it.');
  return lines.join('\n\n');
}

export function documentTitle(doc: TranscribedDocument): string {
  const h = doc.header;
  const label = h?.number ? `Document ${h.number}` : 'Document';
  const type = h?.type && h.type !== 'document' ? h.type[0]!.toUpperCase() + h.type.slice(1) : undefined;
  const parties = h ? [h.from.map((c) => c.text).join(' and '), h.to.map((c) => c.text).join(' and ')].filter(Boolean).join(' to ') : '';
  const date = documentDate(doc);
  const value = date && editorsReading(date);
  return [label, [type, parties, value ? formatDate(value) : undefined].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
}

function describeDocument(corpus: Corpus, doc: TranscribedDocument): string {
  const h = doc.header!;
  const lines = [`**${documentTitle(doc)}**`];
  const who = (list: typeof h.from) => list.map((c) => (c.identification ? `${c.text} (${c.identification.text})` : c.text)).join(', ');
  if (h.from.length || h.to.length) lines.push(`From ${who(h.from) || '?'} → to ${who(h.to) || '?'}`);
  if (h.date) lines.push(`Dated ${dateText(h.date)}${h.date.editorial?.kind === 'correction' ? ` (as written: ${h.date.value ? formatDate(h.date.value) : h.date.text})` : ''}`);
  if (h.secondaryDate) lines.push(`Also names ${dateText(h.secondaryDate)}`);
  for (const ref of doc.archiveReferences) lines.push(`Source: ${ref.text.replace(/^\[|\]$/g, '')}`);
  const referring: DocumentRef[] = [];
  for (const other of corpus.documents()) {
    if (other.document === doc) continue;
    for (const x of other.document.crossReferences) {
      if (x.target.kind === 'protocol') continue;
      if (corpus.resolve(x, other).some((t) => t.document === doc) && !referring.includes(other)) referring.push(other);
    }
  }
  if (referring.length) lines.push(`Referred to by: ${linkList(referring)}`);
  return lines.join('\n\n');
}
