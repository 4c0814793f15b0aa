// The editors' brackets, each by what it does: insertion, expansion (`M[inistry of]`),
// transliteration, handwritten note, signature, translator's note, [sic], identification,
// date reading, source.

import { range } from '../text.js';
import { citationWord, SOURCE_LABEL } from '../vocabulary.js';
import type { BracketKind, DateMention, EditorialBracket, NameMention } from '../types.js';

const bracketPattern = /\[([^[\]]*)\]/g;

export function readBrackets(text: string, line: number, names: NameMention[], dates: DateMention[]): EditorialBracket[] {
  const out: EditorialBracket[] = [];
  if (!text.includes('[')) return out;
  bracketPattern.lastIndex = 0;
  for (let m = bracketPattern.exec(text); m; m = bracketPattern.exec(text)) {
    const s = m.index!;
    const e = s + m[0].length;
    const inner = m[1]!;
    out.push({ kind: 'bracket', bracketKind: classifyBracket(text, s, e, inner, names, dates), range: range(line, s, e), text: m[0] });
  }
  return out;
}

const sourceNote = new RegExp(`^${SOURCE_LABEL}`, 'iu');
const fondNumber = new RegExp(`(?<![\\p{L}])${citationWord('fond')}\\s*\\d`, 'iu');

export function classifyBracket(text: string, s: number, e: number, inner: string, names: NameMention[], dates: DateMention[]): BracketKind {
  const trimmed = inner.trim();
  if (/^handwritten\b/i.test(trimmed)) return 'handwritten';
  if (/^signature$/i.test(trimmed)) return 'signature';
  if (sourceNote.test(trimmed) || fondNumber.test(trimmed)) return 'source';
  if (/^sic\b/i.test(trimmed)) return 'sic';
  if (/\s-\s*[A-Z]{1,4}\.?$/.test(trimmed)) return 'translator-note';
  if (dates.some((d) => d.editorial && d.editorial.range.start.character <= s && e <= d.editorial.range.end.character + 1)) return 'date-reading';
  if (dates.some((d) => d.range.end.character <= s && /^\s*$/.test(text.slice(d.range.end.character, s)) && /\d/.test(trimmed))) return 'date-reading';
  const named = names.find((n) => n.identification && n.identification.range.start.character >= s && n.identification.range.end.character <= e);
  // `CC CPC [Central Committee of the Communist Party of China]` spells out; `Filippov [Stalin]` identifies.
  if (named) return named.entryKind === 'organisation' ? 'expansion' : 'identification';
  if (s > 0 && /[A-Za-z]/.test(text[s - 1]!)) return 'expansion'; // M[inistry of], Dec[iphered by]
  // CC CPC [Central Committee …]; only the words just before the bracket are looked at.
  if (/^[A-Z]/.test(trimmed) && /(?:^|\s)[A-Z]{2,}(?:\s{1,4}[A-Z]{2,}){0,6}\s{0,4}$/.test(text.slice(Math.max(0, s - 80), s))) return 'expansion';
  if (/^[a-z' -]+$/.test(trimmed) && /'|(?:oi|yi|ii|im|ym|stvo|nie|ost|ykh|ikh)\b/.test(trimmed) && !/\b(?:and|of|the|from|to|in)\b/.test(trimmed)) {
    return 'transliteration'; // [kraine bol'shim], [nedovol'stvo]
  }
  return 'insertion';
}
