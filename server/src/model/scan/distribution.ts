// Distribution lists: `Distribution List - 3 copies: Stalin - 2, Molotov -1`, `Copies: …`.

import type { NameMatcher } from '../names.js';
import { range, within } from '../text.js';
import type { DistributionList, NameMention } from '../types.js';
import { nameMentions } from './correspondents.js';

export const distributionPattern = /^(\s*)(Distribution\s+list|Copies|Copy\s+to|Distributed\s+to)\b\s*(?:-\s*(\d+)\s+cop(?:y|ies))?\s*:?\s*(.*)$/i;

export function readDistribution(lines: readonly string[], matcher: NameMatcher, line: number, lastLine: number, names: NameMention[], m: RegExpExecArray): DistributionList {
  const list: DistributionList = { kind: 'distribution', range: range(line, m[1]!.length, lines[line]!.trimEnd().length), recipients: [] };
  if (m[3]) list.copies = Number(m[3]);
  let itemsLine = line;
  let itemsStart = lines[line]!.length - m[4]!.length;
  let allNames = names;
  for (;;) {
    const text = lines[itemsLine]!;
    const items = text.slice(itemsStart);
    let pos = itemsStart;
    for (const part of items.split(',')) {
      // Trimmed first, so that no pattern backtracks over a run of spaces.
      const lead = part.length - part.trimStart().length;
      const item = /^(.+?)(?:\s{0,4}-\s{0,4}(\d+)|\s{0,4}\((\d+)\))?\s{0,4}\.?$/.exec(part.trim());
      if (item && item[1]) {
        const s = pos + lead;
        const r = range(itemsLine, s, s + item[1].length);
        const recipient: DistributionList['recipients'][number] = { text: item[1], range: r };
        const copies = item[2] ?? item[3];
        if (copies) recipient.copies = Number(copies);
        const name = allNames.find((n) => within(n.range, r));
        if (name) recipient.entryId = name.entryId;
        list.recipients.push(recipient);
      }
      pos += part.length + 1;
    }
    const trimmed = text.trimEnd();
    const open = trimmed.endsWith(',') || trimmed.endsWith(':') || (itemsLine === line && items.trim() === '');
    if (!open || itemsLine >= lastLine || lines[itemsLine + 1]!.trim() === '') break;
    itemsLine++;
    itemsStart = lines[itemsLine]!.length - lines[itemsLine]!.trimStart().length;
    allNames = nameMentions(matcher.find(lines[itemsLine]!, itemsLine));
    list.range = { start: list.range.start, end: { line: itemsLine, character: lines[itemsLine]!.trimEnd().length } };
  }
  return list;
}
