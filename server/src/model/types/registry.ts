// The registry: people, cover names, places, organisations and archives, each where it is written.

import type { CitationPart } from '../vocabulary.js';
import type { Problem, Range } from './base.js';
import type { CalendarDate } from './dates.js';
import type { Severity } from './findings.js';
import type { REGISTRY_PROBLEM_CODES } from '../registry-values.js';

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
  /** The parts its references give, in order (`[record group, entry, box, folder]`), when the registry says. */
  citation?: CitationPart[];
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
  code: (typeof REGISTRY_PROBLEM_CODES)[number]; // see registry-values.ts
  severity: Severity;
  /** The other place involved (first definition of a duplicate, the other claimant of an alias). */
  related?: SourceLocation & { message: string };
}
