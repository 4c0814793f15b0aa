// Archive references: `[Source: APRF, fond 45, opis 1, delo 331, list 79]`, `f. 45, op. 1, d. 331,
// l. 79`, `Source: National Archives, RG 59, Box 4262`, `[TNA, FO 371/84053]`, a citation line;
// the archive resolved against the registry, its parts read with the words of `CITATION_PARTS`,
// and the parts it should give but does not named.

import { range } from '../text.js';
import type { ArchiveReference, EditorialBracket, Range, Registry } from '../types.js';
import { CITATION_PARTS, type CitationPart, citationWord, RUSSIAN_CITATION, SOURCE_LABEL } from '../vocabulary.js';

/** Each part's words and the value after them; a folio's value may be a range or a list. */
const partPatterns = CITATION_PARTS.filter((p) => p.words.length > 0).map((p) => ({
  part: p.part,
  // The word, then a space, or nothing after an abbreviation's full stop (`f.45`; not `RGASPI`).
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])${citationWord(p.part)}(?:\\s{1,4}|(?<=\\.))(${p.part === 'folios' ? '\\d[\\d\\s,–-]{0,40}(?:ob\\.?)?' : '[\\p{L}\\p{N}-]{1,20}'})`, 'giu'),
}));
/** A citation that opens with a part, not with its archive's name (`f. 45, op. 1, …`). */
const partAtStart = new RegExp(`^(?:${CITATION_PARTS.filter((p) => p.words.length > 0).map((p) => citationWord(p.part)).join('|')})\\s`, 'iu');
/** `FO 371/84053`, `CAB 128/17`: a department's letters, a series and a piece. */
const departmentReference = /(?<![\p{L}\p{N}])[A-Z]{1,4} \d{1,4}\/\d{1,6}(?:\/\d{1,4})?(?![\p{N}])/gu;

/** Every part the citation gives, in the order written. */
function citationParts(citation: string): ArchiveReference['parts'] {
  const found: Array<{ at: number; end: number; part: CitationPart; value: string }> = [];
  for (const { part, pattern } of partPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(citation); m; m = pattern.exec(citation)) {
      const end = m.index + m[0].length;
      if (!found.some((f) => m!.index < f.end && f.at < end)) found.push({ at: m.index, end, part, value: m[1]!.trim().replace(/[,.]$/, '') });
    }
  }
  for (const m of citation.matchAll(departmentReference)) found.push({ at: m.index, end: m.index + m[0].length, part: 'reference', value: m[0] });
  // `FO 371/84053, f. 45`: beside a department's reference, without an opis, `f.` is a folio, not a fond.
  if (found.some((f) => f.part === 'reference') && !found.some((f) => f.part === 'opis')) for (const f of found) if (f.part === 'fond') f.part = 'folios';
  const russian = found.some((f) => f.part === 'fond' || f.part === 'opis');
  return found
    .filter((f) => f.part !== 'papka' || russian || /^pap/i.test(citation.slice(f.at)))
    .sort((x, y) => x.at - y.at)
    .map(({ part, value }) => ({ part, value }));
}

/** `Source:`, and `1 Source:` as a modern edition's footnote gives it. */
const sourceNote = new RegExp(`^\\s*(?:\\d{1,3}\\s+)?${SOURCE_LABEL}\\s*`, 'iu');
const sourceLine = new RegExp(`^\\s*(?:\\d{1,3}\\s+)?(?:\\[\\s*)?${SOURCE_LABEL}`, 'iu');

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
  const source = sourceNote.exec(inner);
  if (source) {
    inner = inner.slice(source[0].length);
    offset += source[0].length;
  }
  const semicolon = inner.indexOf(';');
  const note = semicolon >= 0 ? inner.slice(semicolon + 1).trim().replace(/\.$/, '') : undefined;
  const citation = semicolon >= 0 ? inner.slice(0, semicolon) : inner;
  const parts = citationParts(citation);
  const firstComma = citation.indexOf(',');
  const head = (firstComma >= 0 ? citation.slice(0, firstComma) : citation).trim();
  const headIsPart = partAtStart.test(head) || /^[A-Z]{1,4} \d/.test(head);
  const archiveEntry = headIsPart ? undefined : archiveByName(head, registry);
  if (parts.length === 0 && !archiveEntry) return undefined; // a published source, not an archive's
  const ref: ArchiveReference = { kind: 'archive-reference', range: whole, text: text.slice(whole.start.character, whole.end.character), parts, missing: [] };
  if (!headIsPart && head) {
    const s = offset + citation.indexOf(head);
    ref.archive = { text: head, range: range(line, s, s + head.length), entryId: archiveEntry };
  } else ref.missing.push('archive');
  for (const { part, value } of parts) if (part === 'fond' || part === 'opis' || part === 'delo' || part === 'folios') ref[part] ??= value;
  // What this archive's references give: as its registry entry says, else a Russian archive's four.
  const entry = archiveEntry ? registry.byId.get(archiveEntry) : undefined;
  const expected = entry?.kind === 'archive' && entry.citation ? entry.citation : parts.some((p) => RUSSIAN_CITATION.includes(p.part)) ? RUSSIAN_CITATION : [];
  for (const part of expected) if (!parts.some((p) => p.part === part)) ref.missing.push(part);
  if (note) ref.note = note;
  return ref;
}

export function archiveByName(text: string, registry: Registry): string | undefined {
  return archiveNames(registry).get(normalise(text));
}

/** Each registry's archives by their normalised names, the first entry first: a look-up, not a walk over 50,000 people. */
const archivesByName = new WeakMap<Registry, Map<string, string>>();

function archiveNames(registry: Registry): Map<string, string> {
  let names = archivesByName.get(registry);
  if (names) return names;
  names = new Map();
  for (const entry of registry.entries) {
    if (entry.kind !== 'archive') continue;
    for (const name of [entry.abbreviation, ...entry.forms.map((f) => f.text)]) if (!names.has(normalise(name))) names.set(normalise(name), entry.id);
  }
  archivesByName.set(registry, names);
  return names;
}

const fondPattern = new RegExp(`(?<![\\p{L}])${citationWord('fond')}\\s{0,4}\\d`, 'iu');
const fondAndOpis = new RegExp(`(?<![\\p{L}])${citationWord('fond')}\\s{0,4}\\d+\\p{L}?\\s{0,4},\\s{0,4}${citationWord('opis')}\\s{0,4}\\d`, 'iu');

export function isSourceLine(text: string): boolean {
  // `1 Source: National Archives, RG 59, …`: a modern edition's source note, its footnote number first.
  if (sourceLine.test(text)) return true;
  // `[APRF, fond 3, …]` as a line of its own; tested without a pattern that could backtrack over
  // an unclosed bracket of a megabyte.
  const t = text.trim();
  if (t.startsWith('[') && t.endsWith(']') && t.indexOf(']') === t.length - 1 && fondPattern.test(t)) return true;
  return fondAndOpis.test(text);
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
