import { editorsReading, firstDay, formatDate, lastDay, sameDate } from '../../model/dates.js';
import { documentDateEvidence } from '../../model/scan/document-date.js';
import { at, docName, line } from './evidence.js';
import type { Rule } from './rule.js';

export const headerClosingDate: Rule = {
  code: 'header-closing-date',
  defaultSeverity: 'warning',
  description: "a header date that disagrees with the document's own date: its dateline, else the date it closes with",
  reads: 'document',
  check({ uri, doc }) {
    const header = doc.header?.date;
    // The document's own date, by the precedence of document-date.ts; an undated dateline gives none.
    const evidence = documentDateEvidence(doc);
    const own = evidence && evidence.kind !== 'header' ? evidence.date : undefined;
    if (!header?.value || !own?.value || header.precision !== 'day' || own.precision !== 'day') return [];
    const ownValue = editorsReading(own)!;
    // Where the editors corrected the header (`8 [7] October`), either reading agreeing is enough:
    // the correction itself is reported as information.
    const readings = [header.value, header.editorial?.kind === 'correction' ? header.editorial.value : undefined];
    if (readings.some((r) => r && sameDate(r, ownValue))) return [];
    // A header giving a period (`5–20 October 1950`) agrees with any date within it.
    const to = doc.header?.dateRange?.to.value;
    if (to && firstDay(ownValue) >= firstDay(header.value) && lastDay(ownValue) <= lastDay(to)) return [];
    const what = evidence!.kind === 'dateline' ? 'its dateline reads' : 'closes with';
    return [
      {
        range: header.range,
        message: `${docName(doc)} is dated ${formatDate(header.value)} in its header (${line(header.range)}) but ${what} ${formatDate(ownValue)} (${line(own.range)}).`,
        related: [at(uri, own.range, `the document's own date: ${formatDate(ownValue)}`)],
      },
    ];
  },
};
