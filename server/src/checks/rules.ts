// The diagnostic rules. Each is a small function over one document and the corpus, with a stable
// code, a default severity and a message that names its evidence: both dates, both lines.
// A rule that is unsure stays silent: on a consistent document a false alarm is a bug.

import { documentDay, type Corpus } from '../corpus/index.js';
import { describePeriod, editorsReading, firstDay, formatDate, formatTime, lastDay, periodCovers, sameDate } from '../model/dates.js';
import type { CalendarDate, DateMention, Range, RelatedEvidence, Severity, TranscribedDocument, TransmissionStamp } from '../model/types.js';
import { certainlyBefore, documentZone, stampReading, type Reading } from './chronology.js';

export interface RuleFinding {
  range: Range;
  message: string;
  related: RelatedEvidence[];
}

export interface RuleContext {
  corpus: Corpus;
  uri: string;
  doc: TranscribedDocument;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for settings and the README. */
  description: string;
  check(ctx: RuleContext): RuleFinding[];
}

const line = (r: Range) => `line ${r.start.line + 1}`;
const docName = (doc: TranscribedDocument) => (doc.header?.number ? `Document ${doc.header.number}` : 'This document');
const at = (uri: string, range: Range, message: string): RelatedEvidence => ({ uri, range, message });

function describeStamp(stamp: TransmissionStamp): string {
  const date = stamp.date && editorsReading(stamp.date);
  const when = date ? ` on ${formatDate(date)}` : '';
  const time = stamp.time?.value ? ` at ${formatTime(stamp.time.value)}` : '';
  return `${stamp.action}${when}${time}`;
}


/** The actions that happen to a finished document and so cannot precede its date. */
const afterTheDate = new Set(['sent', 'transmitted', 'received', 'arrived', 'deciphered', 'delivered', 'forwarded']);

const deliveredBeforeDated: Rule = {
  code: 'delivered-before-dated',
  defaultSeverity: 'warning',
  description: 'A document sent, received or delivered before the date it bears.',
  check({ corpus, uri, doc }) {
    const day = documentDay(doc);
    if (!day || day.mention.precision !== 'day') return [];
    const { mention: dated, value } = day;
    const bears: Reading = { date: value, zone: documentZone(doc, corpus.registry) };
    // `London, March 6, 1951—7 p. m.`: the dateline's time dates the document to the minute.
    const time = doc.dateline?.date === dated ? doc.dateline.time?.value : undefined;
    if (time) bears.time = time;
    const out: RuleFinding[] = [];
    for (const stamp of doc.stamps) {
      if (!afterTheDate.has(stamp.action) || !stamp.date) continue;
      const reading = stampReading(stamp, doc, corpus.registry);
      if (!reading || stamp.date.precision !== 'day' || !certainlyBefore(reading, bears)) continue;
      if (inTheNextYear(stamp.date, value)) continue;
      out.push({
        range: stamp.date.range,
        message: `${docName(doc)} is dated ${formatDate(value)} (${line(dated.range)}) but was ${describeStamp(stamp)} (${line(stamp.range)}), before that date.`,
        related: [at(uri, dated.range, `${docName(doc)} is dated ${formatDate(value)} here`)],
      });
    }
    return out;
  },
};

/**
 * `(Received January 5.)` under a letter of December 20: a stamp that gives no year was made in
 * the next one when that puts it within half a year after the document.
 */
function inTheNextYear(stamp: DateMention, dated: CalendarDate): boolean {
  if (!stamp.value || !stamp.reading.supplied.includes('year')) return false;
  const next = firstDay({ ...stamp.value, year: stamp.value.year + 1 }) - firstDay(dated);
  return next >= 0 && next <= 183;
}

/** sent/submitted ≤ received ≤ arrived ≤ deciphered ≤ typed */
const stampRank: Partial<Record<TransmissionStamp['action'], number>> = {
  submitted: 0,
  sent: 0,
  transmitted: 0,
  received: 1,
  arrived: 2,
  deciphered: 3,
  typed: 4,
};

const stampOrder: Rule = {
  code: 'stamp-order',
  defaultSeverity: 'warning',
  description: 'Stamps out of order: sent/submitted ≤ received ≤ arrived ≤ deciphered ≤ typed.',
  check({ corpus, uri, doc }) {
    const ranked = doc.stamps
      .map((stamp) => ({ stamp, rank: stampRank[stamp.action], reading: stampReading(stamp, doc, corpus.registry) }))
      .filter((s): s is { stamp: TransmissionStamp; rank: number; reading: Reading } => s.rank !== undefined && s.reading !== undefined);
    const out: RuleFinding[] = [];
    for (const later of ranked) {
      const earlier = ranked.find((e) => e.rank < later.rank && certainlyBefore(later.reading, e.reading));
      if (!earlier) continue;
      out.push({
        range: later.stamp.range,
        message: `Stamps out of order: ${describeStamp(later.stamp)} (${line(later.stamp.range)}) comes before ${describeStamp(earlier.stamp)} (${line(earlier.stamp.range)}).`,
        related: [at(uri, earlier.stamp.range, `${describeStamp(earlier.stamp)}`)],
      });
    }
    return out;
  },
};

const headerClosingDate: Rule = {
  code: 'header-closing-date',
  defaultSeverity: 'warning',
  description: "A header date that disagrees with the document's own date (its dateline, or the date it closes with).",
  check({ uri, doc }) {
    const header = doc.header?.date;
    // The document's own date: its dateline, else the date that closes it.
    const own = doc.dateline?.date ?? doc.closingDate;
    if (!header?.value || !own?.value || own === header || header.precision !== 'day' || own.precision !== 'day') return [];
    const ownValue = editorsReading(own)!;
    // Where the editors corrected the header (`8 [7] October`), either reading agreeing is enough:
    // the correction itself is reported as information.
    const readings = [header.value, header.editorial?.kind === 'correction' ? header.editorial.value : undefined];
    if (readings.some((r) => r && sameDate(r, ownValue))) return [];
    // A header giving a period (`5–20 October 1950`) agrees with any date within it.
    const to = doc.header?.dateRange?.to.value;
    if (to && firstDay(ownValue) >= firstDay(header.value) && lastDay(ownValue) <= lastDay(to)) return [];
    const what = own === doc.dateline?.date ? 'its dateline reads' : 'closes with';
    return [
      {
        range: header.range,
        message: `${docName(doc)} is dated ${formatDate(header.value)} in its header (${line(header.range)}) but ${what} ${formatDate(ownValue)} (${line(own.range)}).`,
        related: [at(uri, own.range, `the document's own date: ${formatDate(ownValue)}`)],
      },
    ];
  },
};

const impossibleDate: Rule = {
  code: 'impossible-date',
  defaultSeverity: 'warning',
  description: 'A date or time that cannot exist (31 September, 8:101 a.m.).',
  check({ doc }) {
    return [...doc.dates, ...doc.times]
      .filter((m) => m.impossible)
      .map((m) => ({ range: m.range, message: `"${m.text}" is not a possible ${m.kind}: ${m.impossible}.`, related: [] }));
  },
};

const redundantMeridiem: Rule = {
  code: 'meridiem-24h',
  defaultSeverity: 'hint',
  description: 'A 24-hour time written with a.m./p.m. (23:45 p.m.).',
  check({ doc }) {
    // `0:55 a.m.` is how these clerks wrote 12:55 a.m., and is not ambiguous: only 13–23 h count.
    return doc.times
      .filter((t) => t.redundantMeridiem && t.value && t.value.hour >= 13)
      .map((t) => ({
        range: t.range,
        message: `"${t.text}" is a 24-hour time with ${t.meridiem === 'am' ? 'a.m.' : 'p.m.'}; read as ${formatTime(t.value!)}.`,
        related: [],
      }));
  },
};

const editorialCorrection: Rule = {
  code: 'editorial-correction',
  defaultSeverity: 'information',
  description: "An editors' correction of the text (8 [7] October, 7 September [sic-October], [sic]).",
  check({ doc }) {
    const out: RuleFinding[] = [];
    const corrected = doc.dates.filter((d) => d.editorial?.kind === 'correction');
    for (const d of corrected) {
      const reading = d.editorial!.value ? formatDate(d.editorial!.value) : d.editorial!.text;
      const original = d.value ? formatDate(d.value) : d.text;
      out.push({
        range: { start: d.range.start, end: d.editorial!.range.end.line === d.range.end.line ? maxEnd(d.range, d.editorial!.range) : d.range.end },
        message: `The editors correct "${d.text}" (${original}) to ${reading}; checks use the editors' reading.`,
        related: [],
      });
    }
    for (const b of doc.brackets) {
      if (b.bracketKind !== 'sic') continue;
      if (corrected.some((d) => overlaps(d.editorial!.range, b.range))) continue;
      out.push({ range: b.range, message: `The editors mark this reading ${b.text}: the source has it so.`, related: [] });
    }
    return out;
  },
};

const identificationContradicts: Rule = {
  code: 'identification-contradicts-registry',
  defaultSeverity: 'warning',
  description: "An editors' identification that contradicts the registry (Chan Fu (Bulganin)).",
  check({ corpus, doc }) {
    const out: RuleFinding[] = [];
    for (const m of doc.names) {
      const idn = m.identification;
      if (!idn?.entryId || idn.entryId === m.entryId) continue;
      const named = corpus.peopleBehind(idn.entryId);
      const behind = corpus.peopleBehind(m.entryId);
      if (named.length === 0 || behind.length === 0 || named.some((p) => behind.includes(p))) continue;
      const entry = corpus.registry.byId.get(m.entryId);
      const who = behind.map((p) => corpus.registry.byId.get(p)?.name ?? p).join(' or ');
      const kind = entry?.kind === 'cover-name' ? 'the cover name of' : '';
      out.push({
        range: idn.range,
        message: `The text identifies ${m.text} as ${idn.text}, but the registry has ${m.text} as ${kind ? `${kind} ` : ''}${who}.`,
        related: entry ? [at(entry.location.file, entry.location.range, `registry entry ${entry.name}`)] : [],
      });
    }
    return out;
  },
};

const coverNameOutOfPeriod: Rule = {
  code: 'cover-name-out-of-period',
  defaultSeverity: 'warning',
  description: 'A cover name used outside the period the registry gives for it.',
  check({ corpus, doc }) {
    const value = documentDay(doc)?.value;
    if (!value) return [];
    const out: RuleFinding[] = [];
    for (const m of doc.names) {
      const entry = corpus.registry.byId.get(m.entryId);
      if (entry?.kind !== 'cover-name') continue;
      const periods = entry.identifications.filter((i) => i.from || i.to);
      if (periods.length === 0 || periods.length < entry.identifications.length) continue;
      if (periods.some((i) => periodCovers(i, value))) continue;
      const span = [...new Set(periods.map(describePeriod))].join('; ');
      out.push({
        range: m.range,
        message: `${m.text} is used in a document of ${formatDate(value)}, but the registry gives it ${span}.`,
        related: [at(entry.location.file, entry.location.range, `registry entry ${entry.name}`)],
      });
    }
    return out;
  },
};

const repeatedHeader: Rule = {
  code: 'repeated-header',
  defaultSeverity: 'warning',
  description: "A document header repeated (a web page's title copied with the text).",
  check({ uri, doc }) {
    return doc.repeatedHeaders.map((r) => ({
      range: r,
      message: `The header of ${docName(doc)} is repeated at ${line(doc.header!.range)}; this copy (${line(r)}) is not counted as a document.`,
      related: [at(uri, doc.header!.range, 'the header the document is read from')],
    }));
  },
};

const unknownPerson: Rule = {
  code: 'unknown-person',
  defaultSeverity: 'warning',
  description: 'A person named in a header or stamp who is not in the registry.',
  check({ corpus, doc }) {
    // Without a registry every name is unknown, and saying so for each helps no one.
    if (corpus.registry.files.length === 0) return [];
    const out: RuleFinding[] = [];
    for (const c of [...(doc.header?.from ?? []), ...(doc.header?.to ?? [])]) {
      if (!c.entryId && !c.identification?.entryId && !c.office) {
        const named = c.identification ?? c;
        out.push({ range: named.range, message: `"${named.text}" is named in the header but is not in the registry.`, related: [] });
      }
    }
    for (const s of doc.stamps) {
      for (const who of [s.by, s.to]) {
        if (who && !who.entryId) out.push({ range: who.range, message: `"${who.text}" is named in a stamp but is not in the registry.`, related: [] });
      }
    }
    return out;
  },
};

const archiveReference: Rule = {
  code: 'archive-reference',
  defaultSeverity: 'warning',
  description: 'An archive reference with a missing part or an unknown archive.',
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const ref of doc.archiveReferences) {
      const missing = ref.missing.filter((m) => m !== 'archive');
      if (ref.missing.includes('archive')) out.push({ range: ref.range, message: 'This archive reference names no archive.', related: [] });
      else if (ref.archive && !ref.archive.entryId) {
        out.push({ range: ref.archive.range, message: `"${ref.archive.text}" is not an archive in the registry.`, related: [] });
      }
      if (missing.length > 0) {
        const names = { fond: 'fond', opis: 'opis', delo: 'delo', folios: 'list(y)' } as const;
        out.push({
          range: ref.range,
          message: `This archive reference gives no ${missing.map((m) => names[m as keyof typeof names]).join(', ')}.`,
          related: [],
        });
      }
    }
    return out;
  },
};

const replyBeforeMessage: Rule = {
  code: 'reply-before-message',
  defaultSeverity: 'warning',
  description: 'A reply dated before the message it answers.',
  check({ corpus, uri, doc }) {
    const day = documentDay(doc);
    if (!day) return [];
    const { mention: dated, value } = day;
    const out: RuleFinding[] = [];
    for (const x of doc.crossReferences) {
      if (x.target.kind !== 'message-of-date') continue;
      const answered = editorsReading(x.target.date);
      if (!answered || firstDay(answered) <= lastDay(value)) continue;
      const targets = corpus.resolve(x, { uri, document: doc });
      out.push({
        range: x.range,
        message: `${docName(doc)} is dated ${formatDate(value)} (${line(dated.range)}) but answers a ${x.target.what} of ${formatDate(answered)} (${line(x.range)}).`,
        related: [
          at(uri, dated.range, `${docName(doc)} is dated ${formatDate(value)} here`),
          ...targets.map((t) => at(t.uri, t.document.header?.range ?? t.document.range, `the ${x.target.kind === 'message-of-date' ? x.target.what : 'message'} of ${formatDate(answered)}`)),
        ],
      });
    }
    return out;
  },
};

const ambiguousDate: Rule = {
  code: 'ambiguous-date',
  defaultSeverity: 'hint',
  description: 'An all-numeric date whose day and month could be swapped, with nothing to decide between them.',
  check({ doc }) {
    return doc.dates
      .filter((d) => d.reading.undetermined && d.value && !d.editorial)
      .map((d) => {
        const v = d.value!;
        const other = { year: v.year, month: v.day!, day: v.month! };
        return {
          range: d.range,
          message: `"${d.text}" may be ${formatDate(v)} or ${formatDate(other)}: marginalia.yaml declares no order and nothing in the document decides. Read as ${formatDate(v)}.`,
          related: [],
        };
      });
  },
};

const numberDatesDisagree: Rule = {
  code: 'number-dates-disagree',
  defaultSeverity: 'warning',
  description: 'The same numbered message given two different dates.',
  check({ corpus, doc }) {
    const out: RuleFinding[] = [];
    for (const ref of doc.referenceNumbers) {
      const date = ref.date && editorsReading(ref.date);
      if (!date || ref.date!.precision !== 'day') continue;
      // Report at every place but the first, pointing back at the first.
      const all = corpus.datesOfNumber(ref.key).filter((o) => o.ref.date!.precision === 'day');
      const first = all.find((o) => !sameDate(editorsReading(o.ref.date!)!, date));
      if (!first || all.indexOf(first) > all.findIndex((o) => o.ref === ref)) continue;
      const other = editorsReading(first.ref.date!)!;
      const otherName = first.document.header?.number ? `Document ${first.document.header.number}` : 'another document';
      out.push({
        range: ref.range,
        message: `No. ${ref.text} is dated ${formatDate(date)} here (${line(ref.range)}) but ${formatDate(other)} ${
          first.document !== doc ? `in ${otherName}, ${line(first.ref.range)}` : first.ref.range.start.line === ref.range.start.line ? 'earlier in the same line' : `in ${line(first.ref.range)}`
        }.`,
        related: [at(first.uri, first.ref.range, `No. ${first.ref.text} dated ${formatDate(other)}`)],
      });
    }
    return out;
  },
};

const quotedMessageDate: Rule = {
  code: 'quoted-message-date',
  defaultSeverity: 'warning',
  description: 'A message quoted inside a document with another date than the header gives it.',
  check({ uri, doc }) {
    const conveyed = doc.header?.secondaryDate;
    const value = conveyed && editorsReading(conveyed);
    if (!conveyed || !value || conveyed.precision !== 'day') return [];
    const out: RuleFinding[] = [];
    for (const q of doc.quotations) {
      // The quoted message's own date closes it: `MAO ZEDONG 2.10.50"`.
      const closing = doc.dates.filter((d) => d.range.start.line === q.end.line && d.value && d.precision === 'day').pop();
      const quoted = closing && editorsReading(closing);
      if (!closing || !quoted || sameDate(quoted, value)) continue;
      out.push({
        range: closing.range,
        message: `The quoted message is dated ${formatDate(quoted)} (${line(closing.range)}), but the header says it conveys a message of ${formatDate(value)} (${line(conveyed.range)}).`,
        related: [at(uri, conveyed.range, `the header's date of the message: ${formatDate(value)}`)],
      });
    }
    return out;
  },
};

export const rules: Rule[] = [
  deliveredBeforeDated,
  stampOrder,
  headerClosingDate,
  impossibleDate,
  redundantMeridiem,
  editorialCorrection,
  identificationContradicts,
  coverNameOutOfPeriod,
  repeatedHeader,
  unknownPerson,
  archiveReference,
  replyBeforeMessage,
  ambiguousDate,
  numberDatesDisagree,
  quotedMessageDate,
];

function overlaps(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character < b.end.character && b.start.character < a.end.character;
}

function maxEnd(a: Range, b: Range) {
  return a.end.character >= b.end.character ? a.end : b.end;
}

