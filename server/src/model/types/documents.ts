// A transcription's documents and the facts in them: headers, datelines, stamps, names, numbers, references.

import type { CitationPart } from '../vocabulary.js';
import type { Problem, Range } from './base.js';
import type { DateMention, DateRangeMention, TimeMention } from './dates.js';
import type { EntryKind } from './registry.js';
import type { DateConventions } from './settings.js';

/** A registry entry named in the text, with the editors' identification when they give one. */
export interface NameMention {
  kind: 'name';
  range: Range;
  text: string;
  entryId: string;
  entryKind: EntryKind;
  /** `Filippov (Stalin)`, `MATVEYEV [ZAKHAROV]`: the bracketed identification that follows. */
  identification?: { range: Range; text: string; entryId?: string };
}

export type StampAction =
  | 'submitted'
  | 'sent'
  | 'transmitted'
  | 'received'
  | 'arrived'
  | 'deciphered'
  | 'typed'
  | 'delivered'
  /** `Sent to the 8th Department …`: passed on inside the receiving institution, not the transmission. */
  | 'forwarded';

/** A transmission or registry stamp: `Received in Moscow on 10/09/50 at 9:38 a.m.` */
export interface TransmissionStamp {
  kind: 'stamp';
  range: Range;
  action: StampAction;
  actionRange: Range;
  /** `by Stepanova`, `Araushkin`. */
  by?: { text: string; range: Range; entryId?: string };
  /** `in Moscow`, `at the 8D/GS`: where the stamp was made, when the stamp says. */
  place?: { text: string; range: Range; entryId?: string };
  /** `Transmitted to Bulganin`, `delivered to Comrade Bulganin`. */
  to?: { text: string; range: Range; entryId?: string };
  date?: DateMention;
  time?: TimeMention;
  /** Whether the stamp is an editors' note ([Handwritten: …]) rather than a printed stamp. */
  handwritten: boolean;
}

/** `Distribution List - 3 copies: Stalin - 2, Molotov -1`, `Copies: Stalin (2), Molotov`. */
export interface DistributionList {
  kind: 'distribution';
  range: Range;
  copies?: number;
  recipients: Array<{ text: string; range: Range; copies?: number; entryId?: string }>;
}

export interface ReferenceNumber {
  kind: 'reference-number';
  range: Range;
  /** As written, without the `No.`/`#` marker: `373/sh`, `P78/118`, `1112-1126`. */
  text: string;
  /** Normalised for comparison: lower case, no spaces, `-`/`/` unified. */
  key: string;
  /** `P78/118` → protocol 78, item 118; `Protocol #78` → protocol 78. */
  protocol?: { number: string; item?: string };
  /** `telegram #1405/sh dated 5 October`: the date the text gives the numbered message. */
  date?: DateMention;
}

export interface ArchiveReference {
  kind: 'archive-reference';
  range: Range;
  text: string;
  archive?: { text: string; range: Range; entryId?: string };
  fond?: string;
  opis?: string;
  delo?: string;
  /** `79`, `100-101`, `123, 125`. */
  folios?: string;
  /** Everything after `;`, e.g. `translation by Kathryn Weathersby …`. */
  note?: string;
  /** Every part the citation gives, in the order written (`papka 21`, `record group 59`, `reference FO 371/84053`). */
  parts: Array<{ part: CitationPart; value: string }>;
  /** Parts the archive's references give (its registry entry says which) that this one lacks. */
  missing: Array<'archive' | CitationPart>;
}

export type BracketKind =
  | 'insertion'
  | 'expansion'
  | 'transliteration'
  | 'handwritten'
  | 'signature'
  | 'translator-note'
  | 'sic'
  | 'identification'
  | 'date-reading'
  | 'source';

export interface EditorialBracket {
  kind: 'bracket';
  bracketKind: BracketKind;
  range: Range;
  text: string;
}

/** `your telegram of 1.10.50`, `Protocol #78`, `Document 12` in running text. */
export interface CrossReference {
  kind: 'cross-reference';
  range: Range;
  text: string;
  target:
    | { kind: 'message-of-date'; date: DateMention; what: string }
    | { kind: 'protocol'; protocol: string; item?: string }
    | { kind: 'document'; number: string }
    | { kind: 'number'; key: string };
}

export type DocumentType =
  | 'ciphered telegram'
  | 'draft telegram'
  | 'telegram'
  | 'letter'
  | 'memorandum'
  | 'decision'
  | 'note'
  | 'report'
  /** The editors' own account between documents (FRUS's `Editorial Note`): not a document of the period. */
  | 'editorial note'
  | 'cable'
  | 'document';

export interface Correspondent {
  text: string;
  range: Range;
  entryId?: string;
  /** The editors' identification: `Filippov (Stalin)` → `Stalin`. */
  identification?: { text: string; range: Range; entryId?: string };
  /** `via Shtykov`. */
  via?: boolean;
  /** `the Secretary of State`: an office named without a person. */
  office?: boolean;
}

export interface DocumentHeader {
  range: Range;
  text: string;
  number?: string;
  title: string;
  type: DocumentType;
  from: Correspondent[];
  to: Correspondent[];
  date?: DateMention;
  /** `Sept. 16-Oct. 15, 1950`: a header dating the document by a period; `date` is its first day. */
  dateRange?: DateRangeMention;
  /** `conveying 2 October 1950 message`. */
  secondaryDate?: DateMention;
}

/**
 * Where and when a document says it was written, on a line of its own: `London, March 6,
 * 1951—7 p. m.`, `[Washington,] March 5, 1951.`, `Congress Chamber July 19. 1775`,
 * `American Legation, Stockholm, undated.`
 */
export interface Dateline {
  kind: 'dateline';
  range: Range;
  /** The place as written, office included (`Legation of the United States, London`). */
  place?: { text: string; range: Range; bracketed: boolean };
  /** The town the place names, where the clock that dated it was (`London`). */
  town?: { text: string; range: Range };
  date?: DateMention;
  time?: TimeMention;
  /** The dateline says the document is undated: it gets no date, and no check runs on one. */
  undated: boolean;
}

/** One piece of evidence for when a document was written, and where it stands. */
export interface DateEvidence {
  /**
   * dateline: the document's own, at its head; closing: a date that ends its text (a dateline at
   * the foot); header: the editors' heading; file-number: a State Department file number, which
   * dates the file (a reply may be filed under the message it answers), not the document.
   */
  kind: 'dateline' | 'closing' | 'header' | 'file-number';
  date: DateMention;
  time?: TimeMention;
}

/** A document printed inside another: its heading, its parties and its dateline, which are not the document's. */
export interface Enclosure {
  /** From its label, heading or dateline to the next enclosure or the end of the document. */
  range: Range;
  heading?: { text: string; range: Range };
  from: Correspondent[];
  to: Correspondent[];
  dateline?: Dateline;
}

export interface TranscribedDocument {
  /** Index within the file. */
  index: number;
  header?: DocumentHeader;
  /** The dateline at the head of the document, where it has one. */
  dateline?: Dateline;
  /** Lines from the header to the end of its source note (or the next header). */
  range: Range;
  /** `30 September 1950` on a line of its own, or ending the last paragraph. */
  closingDate?: DateMention;
  dates: DateMention[];
  times: TimeMention[];
  dateRanges: DateRangeMention[];
  stamps: TransmissionStamp[];
  distributionLists: DistributionList[];
  referenceNumbers: ReferenceNumber[];
  archiveReferences: ArchiveReference[];
  names: NameMention[];
  brackets: EditorialBracket[];
  crossReferences: CrossReference[];
  /** Line ranges quoted from another message (Mao's reply inside Document 12). */
  quotations: Range[];
  /** Earlier copies of this header (a page title). */
  repeatedHeaders: Range[];
  /** Documents printed inside this one (`[Inclosure.]` / `Count Bismarck to Mr. Bancroft.`), with their own parties and dateline. */
  enclosures: Enclosure[];
  /** `From BEIJING`, `From Pyongyang`: where the message was sent from. */
  origin?: { text: string; range: Range; entryId?: string };
  /** How the document's all-numeric dates were read, and what decided it. */
  dateOrders?: { slashes: DateOrderChoice; dots: DateOrderChoice };
}

/** The order of day and month in one document's numeric dates, and on what ground. */
export interface DateOrderChoice {
  order: DateConventions['slashes'] | DateConventions['dots'];
  /** marginalia.yaml; the document's own dates; the corpus's other documents; nothing (a guess). */
  by: 'declared' | 'document' | 'corpus' | 'guess';
}

export interface TranscriptionFile {
  uri: string;
  documents: TranscribedDocument[];
  problems: Problem[];
}
