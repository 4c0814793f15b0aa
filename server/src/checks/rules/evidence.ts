// How the rules' messages name their evidence: the line, the document, a stamp, and a related
// place to point at.

import { editorsReading, formatDate, formatTime } from '../../model/dates.js';
import type { Range, RelatedEvidence, TranscribedDocument, TransmissionStamp } from '../../model/types.js';

export const line = (r: Range) => `line ${r.start.line + 1}`;
export const docName = (doc: TranscribedDocument) => (doc.header?.number ? `Document ${doc.header.number}` : 'This document');
export const at = (uri: string, range: Range, message: string): RelatedEvidence => ({ uri, range, message });

export function describeStamp(stamp: TransmissionStamp): string {
  const date = stamp.date && editorsReading(stamp.date);
  const when = date ? ` on ${formatDate(date)}` : '';
  const time = stamp.time?.value ? ` at ${formatTime(stamp.time.value)}` : '';
  return `${stamp.action}${when}${time}`;
}
