// What the checks report.

import type { Range } from './base.js';

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
