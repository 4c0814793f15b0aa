// The date a document bears, chosen from all the evidence it gives, by one stated precedence:
//
//   1. its dateline, at its head: what the writer wrote when the document was made
//      (`London, March 6, 1951—7 p. m.`); a dateline that says `undated` gives no date;
//   2. its closing date: a date that ends its text (a dateline printed at the foot, `8 October 1950.`);
//   3. the editors' heading (`Document 13: Letter from Fyn Si …, 8 [7] October 1950`);
//
// never a received line (that is when it arrived) nor a file number (that dates the file, and a
// reply may be filed under the message it answers). Where an editors' correction is given
// (`8 [7] October`), the checks use the editors' reading, and the evidence keeps both.

import type { DateEvidence, DateMention, TranscribedDocument } from '../types.js';

/** Every piece of date evidence of the document, in the order of precedence. */
export function dateEvidence(doc: TranscribedDocument): DateEvidence[] {
  const out: DateEvidence[] = [];
  const dl = doc.dateline;
  if (dl?.date) out.push(dl.time ? { kind: 'dateline', date: dl.date, time: dl.time } : { kind: 'dateline', date: dl.date });
  if (doc.closingDate && doc.closingDate !== dl?.date) out.push({ kind: 'closing', date: doc.closingDate });
  if (doc.header?.date) out.push({ kind: 'header', date: doc.header.date });
  for (const d of doc.dates) if (d.form === 'file-number' && d.range.start.line < (dl?.range.start.line ?? doc.range.start.line + 6)) out.push({ kind: 'file-number', date: d });
  return out;
}

/** The evidence the document's date is read from, or undefined for an undated document. */
export function documentDateEvidence(doc: TranscribedDocument): DateEvidence | undefined {
  const pieces = dateEvidence(doc).filter((e) => e.kind !== 'file-number');
  // `American Legation, Stockholm, undated.`: only the editors may still date it.
  if (doc.dateline?.undated) return pieces.find((e) => e.kind === 'header');
  return pieces[0];
}

export function documentDate(doc: TranscribedDocument): DateMention | undefined {
  return documentDateEvidence(doc)?.date;
}

/** The editors' correction of the document's date, wherever the evidence gives one (`8 [7] October`). */
export function editorsCorrection(doc: TranscribedDocument): DateMention | undefined {
  const own = documentDate(doc);
  if (own?.editorial?.kind === 'correction') return own;
  return dateEvidence(doc).find((e) => e.kind !== 'file-number' && e.date.editorial?.kind === 'correction')?.date;
}
