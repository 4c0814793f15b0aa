// A corpus's settings (marginalia.yaml).

import type { Problem, Range } from './base.js';
import type { Severity } from './findings.js';

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
  /** An error unless it says otherwise; one with a `code` takes the severity `rules:` gives that code. */
  problems: Array<Problem & { severity?: Severity; code?: string }>;
  /** Where each code of `rules:` is written, for telling the user of one that is no rule's. */
  ruleKeys?: Array<{ code: string; range: Range }>;
  /** `limits: { file-size: "16 MB" }`: files larger than this many bytes are not read. */
  fileSizeLimit?: number;
}
