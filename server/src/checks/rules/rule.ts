// What a rule is: a small self-describing unit with a stable code, a default severity, a
// description (the README's rules table is generated from it) and what callers need to know of
// it, so that no caller tests a rule by its code.

import type { Corpus } from '../../corpus/index.js';
import type { Range, Registry, RelatedEvidence, Severity, TranscribedDocument } from '../../model/types.js';

export interface RuleFinding {
  range: Range;
  message: string;
  related: RelatedEvidence[];
  /** This finding's own severity, in place of the rule's default (the corpus's or the user's choice still wins). */
  severity?: Severity;
}

export interface RuleContext {
  corpus: Corpus;
  uri: string;
  doc: TranscribedDocument;
}

type Reads = 'document' | 'file' | 'corpus';

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line, in Markdown, for settings and the README's table (`npm run build && node scripts/rules-table.mjs`). */
  description: string;
  /**
   * What the findings depend on besides the registry and the settings: the document alone (its
   * findings are kept while it is unchanged and on the same lines), its file, or other
   * transcription files too (`Corpus.dependentsOf` says which files an edit then re-checks); as
   * a function, what they depend on under a given registry.
   */
  reads: Reads | ((registry: Registry) => Reads);
  /** How the editor shows the findings: 'unnecessary' fades the range (a copy that is not counted). */
  tags?: Array<'unnecessary'>;
  /** The finding's range is a name the registry lacks: a code action offers to add it there. */
  addsToRegistry?: true;
  check(ctx: RuleContext): RuleFinding[];
}
