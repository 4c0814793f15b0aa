// Reference numbers: `No. 2270`, `# P78/118` (Politburo protocol 78, item 118), `_ 373/sh`,
// `1304/sh.`, with the date the text gives the numbered message (`#1405/sh dated 5 October`).

import { range } from '../text.js';
import type { DateMention, ReferenceNumber } from '../types.js';

/** `No. 2270`, `# P78/118`, `## 1112-1126`, `_ 373/sh`, `Protocol #78`. */
export const referencePattern =
  /(?<![\w#])(?:(No\.?|Nos\.?|Protocol)\s{0,4}(?:#|No\.?)?\s{0,4}|(##?)\s{0,4}|(?<=^|\s)_\s{1,4})([A-Z]{0,2}\d+(?:[a-z]{1,3})?(?:[-/–][A-Za-z0-9]+)*)/g;

/** `1304/sh.`, `RE: 1405/sh`: Soviet registry numbers written without a marker. */
export const bareReferencePattern = /(?<![\w#/.,-])(\d{2,}[-/][a-z]{1,3})(?![\w/])/g;

export function readReferenceNumbers(text: string, line: number, dates: DateMention[]): ReferenceNumber[] {
  const out: ReferenceNumber[] = [];
  const overlapsDate = (s: number, e: number) => dates.some((d) => d.range.start.character < e && s < d.range.end.character);
  let lastProtocol: ReferenceNumber | undefined;
  // Each pattern needs its marker (`No`, `Protocol`, `#`, `_`) or a number's `-`/`/`: most lines have none.
  const marked = text.includes('No') || text.includes('#') || text.includes('_') || text.includes('Protocol');
  if (!marked && !text.includes('/') && !text.includes('-')) return out;
  // exec over the shared pattern rather than matchAll, which copies the pattern at every call.
  referencePattern.lastIndex = 0;
  for (let m = marked ? referencePattern.exec(text) : null; m; m = referencePattern.exec(text)) {
    // `_ 373/sh`: the underscore is the form's blank, not part of the number.
    const s = m[0].startsWith('_') ? m.index! + m[0].length - m[3]!.length : m.index!;
    const e = m.index! + m[0].length;
    if (overlapsDate(s + m[0].length - m[3]!.length, e)) continue;
    const ref: ReferenceNumber = { kind: 'reference-number', range: range(line, s, e), text: m[3]!, key: referenceKey(m[3]!) };
    const before = text.slice(Math.max(0, s - 12), s);
    const p = /^P(\d+)\/(\d+)$/.exec(m[3]!);
    if (p) ref.protocol = { number: p[1]!, item: p[2]! };
    else if (/^protocol/i.test(m[1] ?? '') || /(?:Politburo|Protocol)\s*$/i.test(before)) ref.protocol = { number: m[3]! };
    else if (lastProtocol && /\b(?:on|regarding|item)\s*$/i.test(before)) ref.protocol = { number: lastProtocol.protocol!.number, item: m[3]! };
    if (ref.protocol && !ref.protocol.item) lastProtocol = ref;
    out.push(ref);
  }
  bareReferencePattern.lastIndex = 0;
  for (let m = bareReferencePattern.exec(text); m; m = bareReferencePattern.exec(text)) {
    const s = m.index!;
    if (out.some((r) => r.range.start.character <= s && s < r.range.end.character)) continue;
    out.push({ kind: 'reference-number', range: range(line, s, s + m[1]!.length), text: m[1]!, key: referenceKey(m[1]!) });
  }
  // `telegram #1405/sh dated 5 October`; on a registry line, `No. 2270 3.10`.
  const registryLine = /^\s*(?:No\.|#|_\s)/.test(text);
  for (const ref of out) {
    const after = text.slice(ref.range.end.character);
    const dated = /^\s*(?:dated|of)\s+/i.exec(after) ?? (registryLine ? /^\s+/.exec(after) : null);
    if (!dated) continue;
    const at = ref.range.end.character + dated[0].length;
    const date = dates.find((d) => d.range.start.character === at);
    if (date) ref.date = date;
  }
  return out.sort((a, b) => a.range.start.character - b.range.start.character);
}

export function referenceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '').replace(/[-–]/g, '/');
}
