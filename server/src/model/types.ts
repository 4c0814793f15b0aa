// The facts Marginalia reads out of transcriptions and the registry. Every layer above the model
// (corpus index, checks, language service, CLI, server) speaks in these types; none of them is
// LSP's, so the model can be tested and reused without an editor.

/** Zero-based, like LSP: `line` counts lines, `character` counts UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Something the model could not read, reported instead of thrown. */
export interface Problem {
  range: Range;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Dates and times

/** How much of a date the text gives. */
export type DatePrecision = 'day' | 'month' | 'year';

/** A calendar date, possibly partial. `month` and `day` are 1-based. */
export interface CalendarDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/**
 * How a numeric date was read: which convention decided between day and month, and whether the
 * year or month was missing and taken from the surrounding document.
 */
export interface DateReading {
  /** e.g. 'month/day/year (corpus convention for slashes)', 'day.month.year', 'written out'. */
  convention: string;
  /** Parts that were not written and were supplied from context ('year', 'month'). */
  supplied: Array<'year' | 'month'>;
  /** True when day and month could have been swapped and a convention decided. */
  ambiguous: boolean;
  /** Ambiguous, and neither the corpus nor the document decides: the reading is a guess. */
  undetermined?: boolean;
}

/**
 * The written form of a date: `5 July 1950` (day-month), `July 5, 1950` (month-day), `5.7.50` or
 * `07/05/50` (numeric, day and month ordered by the corpus's convention), `1950-07-05` (iso),
 * `795.00/6–2550` (file-number: a State Department decimal file), `3.10` (day-month-numeric: a
 * stamp's day and month without a year).
 */
export type DateForm = 'day-month' | 'month-day' | 'numeric' | 'iso' | 'file-number' | 'day-month-numeric';

/** A date as it stands in the text. `value` is undefined when the text is not a possible date. */
export interface DateMention {
  kind: 'date';
  range: Range;
  text: string;
  form: DateForm;
  value?: CalendarDate;
  precision: DatePrecision;
  reading: DateReading;
  /** Why the text, though shaped like a date, is not one (31 September). */
  impossible?: string;
  /** The editors' reading when the text gives one: `5.7.50 [5 July 1950]`, `8 [7] October`. */
  editorial?: EditorialDateReading;
}

export interface EditorialDateReading {
  /** 'expansion' restates the same date; 'correction' gives another. */
  kind: 'expansion' | 'correction';
  range: Range;
  text: string;
  value?: CalendarDate;
}

export interface TimeMention {
  kind: 'time';
  range: Range;
  text: string;
  value?: TimeOfDay;
  /** 'a.m.' / 'p.m.' as written, if any. */
  meridiem?: 'am' | 'pm';
  /** e.g. '23:45 p.m.': a 24-hour time with a meridiem. The value is the 24-hour reading. */
  redundantMeridiem?: boolean;
  impossible?: string;
}

/** `from October 5 to October 20`. */
export interface DateRangeMention {
  kind: 'date-range';
  range: Range;
  from: DateMention;
  to: DateMention;
}

// ---------------------------------------------------------------------------------------------
// Registry

export type EntryKind = 'person' | 'place' | 'organisation' | 'archive' | 'cover-name';

/** Where a registry entry or one of its names stands in the registry file. */
export interface SourceLocation {
  file: string;
  range: Range;
}

export interface NameForm {
  text: string;
  location?: SourceLocation;
}

interface EntryBase {
  id: string;
  kind: EntryKind;
  /** Canonical name. */
  name: string;
  /** Every form the sources use, the canonical name included. */
  forms: NameForm[];
  note?: string;
  url?: string;
  /** Authority identifiers: only where certain. */
  wikidata?: string;
  location: SourceLocation;
}

export interface Person extends EntryBase {
  kind: 'person';
  /** Role in the period of the corpus. */
  role?: string;
  born?: string;
  died?: string;
}

export interface Place extends EntryBase {
  kind: 'place';
  /** Offset from UTC in minutes for the corpus's period, where known (the standard one). */
  utcOffsetMinutes?: number;
  /** Every offset the place kept in the period, where its clocks changed (summer time). */
  utcOffsetsMinutes?: number[];
  /** The IANA time zone (`Asia/Seoul`): the offset in force on each date; `utc-offset` overrides it. */
  zone?: string;
  country?: string;
}

export interface Organisation extends EntryBase {
  kind: 'organisation';
  abbreviations: string[];
}

export interface ArchiveCollection {
  fond: string;
  description: string;
}

export interface Archive extends EntryBase {
  kind: 'archive';
  abbreviation: string;
  collections: ArchiveCollection[];
}

/** One edition's or study's identification of who bore a cover name. */
export interface CoverNameIdentification {
  person: string; // Person id
  from?: CalendarDate;
  to?: CalendarDate;
  authority: string;
}

export interface CoverName extends EntryBase {
  kind: 'cover-name';
  /** Usually one; two or more when editions disagree. */
  identifications: CoverNameIdentification[];
}

export type RegistryEntry = Person | Place | Organisation | Archive | CoverName;

export interface Registry {
  entries: RegistryEntry[];
  byId: Map<string, RegistryEntry>;
  problems: RegistryProblem[];
  files: string[];
}

export interface RegistryProblem extends Problem {
  file: string;
  code: 'registry-syntax' | 'registry-malformed' | 'registry-duplicate' | 'registry-ambiguous-alias';
  severity: Severity;
  /** The other place involved (first definition of a duplicate, the other claimant of an alias). */
  related?: SourceLocation & { message: string };
}

// ---------------------------------------------------------------------------------------------
// Transcriptions

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
  /** Parts named in the text but missing. */
  missing: Array<'archive' | 'fond' | 'opis' | 'delo' | 'folios'>;
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

// ---------------------------------------------------------------------------------------------
// Checks

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedEvidence {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  uri: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  related: RelatedEvidence[];
  /** Index of the document within its file, when the finding belongs to one. */
  documentIndex?: number;
}

// ---------------------------------------------------------------------------------------------
// Corpus settings (marginalia.yaml)

/** How this corpus writes all-numeric dates. */
export interface DateConventions {
  /** `07/05/50`: 'month/day/year' in the seed's stamps. */
  slashes: 'month/day/year' | 'day/month/year';
  /** `5.7.50`: 'day.month.year' in the seed. */
  dots: 'day.month.year' | 'month.day.year';
  /** Why each order holds, for hovers: "this corpus's convention for slashes", "inferred …". */
  basis?: { slashes?: string; dots?: string };
}

/** A discrepancy the editors know of and accept, so that it stops being reported. */
export interface AcceptedFinding {
  code: string;
  /** File (relative to the corpus root) and document number the acceptance is for. */
  file?: string;
  document?: string;
  reason: string;
}

export interface CorpusSettings {
  /** Folder holding marginalia.yaml. */
  root: string;
  /** Globs (relative to root) of transcription files. */
  transcriptions: string[];
  /** Registry files (relative to root). */
  registry: string[];
  dates: DateConventions;
  /** Which orders marginalia.yaml declares; the others are inferred document by document. */
  datesDeclared: { slashes: boolean; dots: boolean };
  /** Severity per rule code; 'off' disables the rule. */
  rules: Record<string, Severity | 'off'>;
  /** `received-at: washington`: where received lines that name no place were made (a registry place). */
  receivedAt?: string;
  accepted: AcceptedFinding[];
  problems: Problem[];
}
