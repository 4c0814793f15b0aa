// Hovers on what concerns a document as a whole: its header (parties, dates and their evidence,
// sources, who refers to it), and a cross-reference to it, which shows the document's first lines
// as a link preview does. Every text from the workspace goes through markdown.ts.

import type { Corpus, DocumentRef } from '../corpus/index.js';
import { documentDay } from '../corpus/index.js';
import { editorsReading, formatDate, formatTime, toEdtf, weekday } from '../model/dates.js';
import { dateEvidence, documentDateEvidence, editorsCorrection } from '../model/scan/document-date.js';
import type { CalendarDate, Correspondent, CrossReference, DateMention, TranscribedDocument } from '../model/types.js';
import { documentLink, documentLinks, paragraph, plain } from './markdown.js';

export function fullDate(d: CalendarDate): string {
  const day = weekday(d);
  return day ? `${day} ${formatDate(d)}` : formatDate(d);
}

export function dateText(d: DateMention): string {
  const value = editorsReading(d);
  return value ? formatDate(value) : plain(d.text);
}

/** `[Document 10 — Ciphered telegram, Filippov to Mao Zedong, 1 October 1950](…#L84)`. */
function titledLink(ref: DocumentRef): string {
  return documentLink(ref, documentTitle(ref.document));
}

/**
 * What names a document in the outline, its hovers and its code lens: its number, its kind
 * (`Letter`, none for a plain document), who wrote to whom (those it went via left out), and its
 * date in the editors' reading (`8 [7] October` is 7 October).
 */
export function documentParts(doc: TranscribedDocument): { number?: string; type?: string; from: string; to: string; date?: CalendarDate } {
  const h = doc.header;
  const names = (list: Correspondent[]) => list.filter((c) => !c.via).map((c) => c.text).join(' and ');
  const date = editorsCorrection(doc)?.editorial?.value ?? documentDay(doc)?.value;
  return {
    ...(h?.number ? { number: h.number } : {}),
    ...(h?.type && h.type !== 'document' ? { type: h.type[0]!.toUpperCase() + h.type.slice(1) } : {}),
    from: h ? names(h.from) : '',
    to: h ? names(h.to) : '',
    ...(date ? { date } : {}),
  };
}

/** `Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950`: the outline's and hovers' name. */
export function documentTitle(doc: TranscribedDocument): string {
  const p = documentParts(doc);
  const label = p.number ? `Document ${p.number}` : 'Document';
  const rest = [p.type, [p.from, p.to].filter(Boolean).join(' to '), p.date ? formatDate(p.date) : undefined].filter(Boolean).join(', ');
  return rest ? `${label} — ${rest}` : label;
}

/** The dateline and the file number, and which piece of evidence dates the document (see document-date.ts). */
function describeDateline(doc: TranscribedDocument): string[] {
  const out: string[] = [];
  const dl = doc.dateline;
  if (dl) {
    const at = `line ${dl.range.start.line + 1}`;
    const written = plain(dl.place?.text.replace(/^\[|\]$/g, '').replace(/,\s*$/, '') ?? '');
    const place = dl.place ? `${written}${dl.place.bracketed ? ' (the place supplied by the editors)' : ''}, ` : '';
    if (dl.undated) out.push(`The dateline (${at}) says it is undated${dl.place ? `: ${plain(dl.place.text)}` : ''}; no date is checked against it.`);
    else if (dl.date?.value) out.push(`Dateline (${at}): ${place}${fullDate(editorsReading(dl.date) ?? dl.date.value)}${dl.time?.value ? `, ${formatTime(dl.time.value)}` : ''}.`);
  }
  const pieces = dateEvidence(doc);
  for (const e of pieces) {
    if (e.kind === 'file-number' && e.date.value) out.push(`File number of ${fullDate(e.date.value)} (line ${e.date.range.start.line + 1}): it dates the file, which may be the message answered, not this document.`);
  }
  const own = documentDateEvidence(doc);
  if (own && out.length) out.push(`The document's date is read from its ${own.kind === 'header' ? "editors' heading" : own.kind === 'closing' ? 'closing date' : 'dateline'}.`);
  return out;
}

export function describeDocument(corpus: Corpus, doc: TranscribedDocument, repeated: boolean): string {
  const h = doc.header!;
  const lines = [`**${plain(documentTitle(doc))}**`];
  if (repeated) lines.push(`A copy of the header at line ${h.range.start.line + 1} (a page title): not counted as a document.`);
  const who = (list: Correspondent[]) => {
    const direct = list.filter((c) => !c.via).map((c) => plain(c.identification ? `${c.text} (${c.identification.text})` : c.text));
    const via = list.filter((c) => c.via).map((c) => `via ${plain(c.text)}`);
    return [...direct, ...via].join(', ');
  };
  if (h.from.length || h.to.length) {
    const type = documentParts(doc).type;
    lines.push(`${type ? `${type} from` : 'From'} ${who(h.from) || '?'} to ${who(h.to) || '?'}`);
  }
  if (h.date) {
    const reading = editorsReading(h.date);
    if (h.date.editorial?.kind === 'correction' && reading) lines.push(`Dated in the header ${plain(h.date.text)}: the editors read ${fullDate(reading)}.`);
    else if (h.date.value) lines.push(`Dated ${fullDate(h.date.value)}.`);
  }
  const closing = doc.closingDate && editorsReading(doc.closingDate);
  const headerReading = h.date && editorsReading(h.date);
  if (doc.closingDate?.value && closing && doc.closingDate !== h.date && (!headerReading || toEdtf(closing) !== toEdtf(headerReading) || h.date?.editorial?.kind === 'correction')) {
    lines.push(`The text closes with ${fullDate(editorsReading(doc.closingDate) ?? doc.closingDate.value)} (line ${doc.closingDate.range.start.line + 1}).`);
  }
  lines.push(...describeDateline(doc));
  if (h.secondaryDate) lines.push(`Conveys a message of ${dateText(h.secondaryDate)}.`);
  for (const ref of doc.archiveReferences) lines.push(`Source: ${plain(ref.text.replace(/^\[|\]$/g, '').replace(/^\s*Source:\s*/i, ''))}`);
  const referring = corpus.referrersOf(doc).filter((r) => r.document !== doc);
  lines.push(referring.length ? `Referred to by: ${documentLinks(referring)}` : 'No other document of the corpus refers to it.');
  return lines.join('\n\n');
}

/** `your telegram of 1.10.50`: what it refers to, the documents of the corpus that it means, and a preview of each. */
export function describeCrossReference(corpus: Corpus, uri: string, doc: TranscribedDocument, xref: CrossReference): string {
  const targets = corpus.resolve(xref, { uri, document: doc });
  const target = xref.target;
  const what =
    target.kind === 'message-of-date'
      ? `The ${plain(target.what)} of ${target.date.value ? fullDate(editorsReading(target.date) ?? target.date.value) : plain(target.date.text)}`
      : target.kind === 'protocol'
        ? `Politburo protocol ${plain(target.protocol)}${target.item ? `, item ${plain(target.item)}` : ''}`
        : target.kind === 'document'
          ? `Document ${plain(target.number)}`
          : `No. ${plain(target.key)}`;
  if (targets.length === 0) return `**${plain(xref.text)}**\n\n${what}: not in this corpus.`;
  const lines = [`**${plain(xref.text)}**`, `${what}: ${targets.map(titledLink).join(', ')}`];
  // A protocol's documents may be many: previews for the first few, the links for all.
  for (const t of targets.slice(0, previewedTargets)) lines.push(documentPreview(corpus, t));
  return lines.join('\n\n');
}

const previewedTargets = 2;
/** Lines of a preview: the header and the first lines of the text, as a link preview shows them. */
const previewLines = 5;
const previewWidth = 160;

/** A document's header and first lines, quoted, each cut at `previewWidth` characters. */
function documentPreview(corpus: Corpus, ref: DocumentRef): string {
  const lines = corpus.lines(ref.uri);
  const first = ref.document.header?.range.start.line ?? ref.document.range.start.line;
  const shown: string[] = [];
  for (let i = first; i <= ref.document.range.end.line && shown.length < previewLines; i++) {
    const line = (lines[i] ?? '').trim();
    if (line) shown.push(line.length > previewWidth ? `${line.slice(0, previewWidth).trimEnd()}…` : line);
  }
  return shown.map((l) => `> ${paragraph(l)}`).join('  \n');
}
