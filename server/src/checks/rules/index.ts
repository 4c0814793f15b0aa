// The diagnostic rules, one a file, in the order they run. Each is a small function over one
// document and the corpus, with a stable code, a default severity and a message that names its
// evidence: both dates, both lines. A rule that is unsure stays silent: on a consistent document a
// false alarm is a bug.

import { ambiguousDate } from './ambiguous-date.js';
import { archiveReference } from './archive-reference.js';
import { coverNameOutOfPeriod } from './cover-name-out-of-period.js';
import { deliveredBeforeDated } from './delivered-before-dated.js';
import { editorialCorrection } from './editorial-correction.js';
import { headerClosingDate } from './header-closing-date.js';
import { identificationContradicts } from './identification-contradicts-registry.js';
import { impossibleDate } from './impossible-date.js';
import { redundantMeridiem } from './meridiem-24h.js';
import { numberDatesDisagree } from './number-dates-disagree.js';
import { oneUntitledDocument } from './one-untitled-document.js';
import { quotedMessageDate } from './quoted-message-date.js';
import { repeatedHeader } from './repeated-header.js';
import type { Rule } from './rule.js';
import { replyBeforeMessage } from './reply-before-message.js';
import { stampOrder } from './stamp-order.js';
import { unknownPerson } from './unknown-person.js';

export type { Rule, RuleContext, RuleFinding } from './rule.js';

export const rules: readonly Rule[] = [
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
  oneUntitledDocument,
];

const byCode = new Map(rules.map((r) => [r.code, r]));

/** The rule of a finding's code; undefined for codes that are no rule's (`registry-*`, `corpus-settings`, `unreadable`). */
export function ruleByCode(code: string): Rule | undefined {
  return byCode.get(code);
}
