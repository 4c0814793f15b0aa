// Archive references: `[Source: APRF, fond 45, opis 1, delo 331, list 79]`, `f. 45, op. 1, d. 331,
// l. 79`, a citation line; the archive resolved against the registry, the missing parts named.

import { range } from '../text.js';
import type { ArchiveReference, EditorialBracket, Range, Registry } from '../types.js';
import { citationWord } from '../vocabulary.js';

export const archivePartPatterns = {
  fond: new RegExp(`\\b${citationWord('fond')}\\s*([\\w-]+)`, 'i'),
  opis: new RegExp(`\\b${citationWord('opis')}\\s*([\\w-]+)`, 'i'),
  delo: new RegExp(`\\b${citationWord('delo')}\\s*([\\w-]+)`, 'i'),
  folios: new RegExp(`\\b${citationWord('folios')}\\s*(\\d[\\d\\s,–-]*(?:ob\\.?)?)`, 'i'),
};

export function readArchiveReferences(text: string, line: number, brackets: EditorialBracket[], registry: Registry): ArchiveReference[] {
  const out: ArchiveReference[] = [];
  for (const b of brackets) {
    if (b.bracketKind !== 'source') continue;
    const ref = archiveReference(text, line, b.range.start.character + 1, b.range.end.character - 1, b.range, registry);
    if (ref) out.push(ref);
  }
  if (out.length === 0 && isSourceLine(text) && !/^\s*\[/.test(text)) {
    const start = text.length - text.trimStart().length;
    const ref = archiveReference(text, line, start, text.trimEnd().length, range(line, start, text.trimEnd().length), registry);
    if (ref) out.push(ref);
  }
  return out;
}

export function archiveReference(text: string, line: number, start: number, end: number, whole: Range, registry: Registry): ArchiveReference | undefined {
  let inner = text.slice(start, end);
  let offset = start;
  const source = /^\s*Source\s*:\s*/i.exec(inner);
  if (source) {
    inner = inner.slice(source[0].length);
    offset += source[0].length;
  }
  const semicolon = inner.indexOf(';');
  const note = semicolon >= 0 ? inner.slice(semicolon + 1).trim().replace(/\.$/, '') : undefined;
  const citation = semicolon >= 0 ? inner.slice(0, semicolon) : inner;
  const parts = {
    fond: archivePartPatterns.fond.exec(citation)?.[1],
    opis: archivePartPatterns.opis.exec(citation)?.[1],
    delo: archivePartPatterns.delo.exec(citation)?.[1],
    folios: archivePartPatterns.folios.exec(citation)?.[1]?.trim().replace(/[,.]$/, ''),
  };
  const firstComma = citation.indexOf(',');
  const head = (firstComma >= 0 ? citation.slice(0, firstComma) : citation).trim();
  const headIsPart = /^(?:fond|f\.|opis|op\.|delo|d\.)\s/i.test(head);
  const archiveEntry = headIsPart ? undefined : archiveByName(head, registry);
  if (!parts.fond && !parts.opis && !parts.delo && !archiveEntry) return undefined; // a published source, not an archive's
  const ref: ArchiveReference = { kind: 'archive-reference', range: whole, text: text.slice(whole.start.character, whole.end.character), missing: [] };
  if (!headIsPart && head) {
    const s = offset + citation.indexOf(head);
    ref.archive = { text: head, range: range(line, s, s + head.length), entryId: archiveEntry };
  } else ref.missing.push('archive');
  for (const key of ['fond', 'opis', 'delo', 'folios'] as const) {
    if (parts[key]) ref[key] = parts[key];
    else ref.missing.push(key);
  }
  if (note) ref.note = note;
  return ref;
}

export function archiveByName(text: string, registry: Registry): string | undefined {
  const wanted = normalise(text);
  for (const entry of registry.entries) {
    if (entry.kind !== 'archive') continue;
    if (normalise(entry.abbreviation) === wanted || entry.forms.some((f) => normalise(f.text) === wanted)) return entry.id;
  }
  return undefined;
}

const fondPattern = new RegExp(`\\b${citationWord('fond')}\\s{0,4}\\d`, 'i');

export function isSourceLine(text: string): boolean {
  if (/^\s*\[?\s*Source\s*:/i.test(text)) return true;
  // `[APRF, fond 3, …]` as a line of its own; tested without a pattern that could backtrack over
  // an unclosed bracket of a megabyte.
  const t = text.trim();
  if (t.startsWith('[') && t.endsWith(']') && t.indexOf(']') === t.length - 1 && fondPattern.test(t)) return true;
  return /\b(?:fond|f\.)\s{0,4}\d+[a-z]?\s{0,4},\s{0,4}(?:opis|op\.)\s{0,4}\d/i.test(text);
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
