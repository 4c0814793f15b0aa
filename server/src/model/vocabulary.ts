// The words of the sources that more than one recogniser needs, written once. Each list says what
// its words mean to a historian. The recognisers read them from here; completion
// (service/editing.ts) and the grammar generator (syntaxes/build-grammar.mjs) still keep lists
// of their own, to be moved here.

import type { StampAction } from './types.js';

/** Words that make a dateline's place an office rather than a town: `Legation of the United States`, `Congress Chamber`. */
export const INSTITUTION_WORDS = [
  'Legation', 'Embassy', 'Consulate', 'Consulate General', 'Department', 'Ministry', 'Ministère', 'Office', 'Chamber',
  'Headquarters', 'Mission', 'Residence', 'House', 'Palace', 'Hall', 'Camp', 'Court', 'Committee', 'Congress', 'Foreign Office',
];

/** Small words a place or heading may hold in lower case: `Legation of the United States`, `le 25 Juillet`. */
export const CONNECTIVES = ['of', 'the', 'and', 'at', 'in', 'near', 'on', 'upon', 'de', 'du', 'des', 'la', 'le', 'les', 'au', 'aux', 'am', 'an', 'der', 'zu', 'von', 'for', 'to', 'by', 'from', 'with', 'via', 'a', 'sur'];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A dateline that says there is no date: `American Legation, Stockholm, undated.`, `[Undated]`, `n.d.` */
export const UNDATED = /(?<![\p{L}])(?:undated|not\s+dated|n\.\s?d\.)(?![\p{L}])/iu;

/** Words that open a heading which names a kind of document rather than its parties. */
export const HEADING_WORDS = [
  'Ciphered', 'Coded', 'Telegram', 'Cable', 'Letter', 'Memorandum', 'Note', 'Notes', 'Report', 'Decision', 'Resolution',
  'Diary', 'Orders', 'Order', 'Circular', 'Despatch', 'Dispatch', 'Instruction', 'Minutes', 'Record', 'Extract', 'Editorial',
  'Proclamation', 'Address', 'Message', 'Statement', 'Communiqué', 'Directive', 'Protocol', 'Draft',
];

/**
 * The verbs that open a transmission or registry stamp, each with what it records (`Sent on
 * 26.9.50 at 8:10 a.m.`, `Dec[iphered by] Araushkin`): a line they open is a stamp, not a dateline.
 */
export const STAMP_VERBS: ReadonlyArray<{ pattern: string; action: StampAction }> = [
  { pattern: 'Submitted', action: 'submitted' },
  { pattern: 'Sent', action: 'sent' },
  { pattern: 'Transmitted', action: 'transmitted' },
  { pattern: 'Received', action: 'received' },
  { pattern: 'Arrived', action: 'arrived' },
  { pattern: 'Dec\\[iphered(?:\\s+by)?\\]|Deciphered|Decoded', action: 'deciphered' },
  { pattern: 'Typ\\[ed(?:\\s+by|\\s+in)?\\]|Typed', action: 'typed' },
  { pattern: 'Delivered', action: 'delivered' },
];

/** Any stamp verb, as a regular expression's source. */
export const STAMP_VERB = STAMP_VERBS.map((v) => v.pattern).join('|');
