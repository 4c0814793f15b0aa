// Cross-references: `your telegram of 1.10.50`, `Protocol #78`, `Document 12` in running text.

import { range } from '../text.js';
import type { CrossReference, DateMention, ReferenceNumber } from '../types.js';
import { bareHeaderPattern, headerPattern } from './header.js';

export const messageOfDatePattern =
  /\b(?:your|my|our|his|her|their|the|this|that)\s+((?:ciphered\s+|coded\s+)?(?:telegram|letter|cable|message|note|report))s?\s+(?:of|dated|from)\s+$/i;

export const documentReferencePattern = /\b(?:Document|Doc\.)\s+(?:No\.\s*)?(\d+)\b/g;

export function readCrossReferences(text: string, line: number, dates: DateMention[], refs: ReferenceNumber[]): CrossReference[] {
  const out: CrossReference[] = [];
  for (const date of dates) {
    // `your telegram of` stands just before the date: only those words are looked at.
    const from = Math.max(0, date.range.start.character - 60);
    const m = messageOfDatePattern.exec(text.slice(from, date.range.start.character));
    if (!m) continue;
    out.push({
      kind: 'cross-reference',
      range: range(line, from + m.index, date.range.end.character),
      text: text.slice(from + m.index, date.range.end.character),
      target: { kind: 'message-of-date', date, what: m[1]!.toLowerCase() },
    });
  }
  for (const ref of refs) {
    if (ref.protocol) {
      const target: CrossReference['target'] = { kind: 'protocol', protocol: ref.protocol.number };
      if (ref.protocol.item) target.item = ref.protocol.item;
      out.push({ kind: 'cross-reference', range: ref.range, text: text.slice(ref.range.start.character, ref.range.end.character), target });
    }
  }
  if (text.includes('Doc') && !headerPattern.test(text) && !bareHeaderPattern.test(text)) {
    for (const m of text.matchAll(documentReferencePattern)) {
      out.push({ kind: 'cross-reference', range: range(line, m.index!, m.index! + m[0].length), text: m[0], target: { kind: 'document', number: m[1]! } });
    }
  }
  return out;
}
