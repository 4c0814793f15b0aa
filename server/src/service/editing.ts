// Help while typing and reading: completion of registry names and archive citations, code actions
// that add editorial matter (never rewriting the source's words), and inlay hints that say who a
// cover name is and what a numeric date means.

import { editorsReading } from '../checks/chronology.js';
import type { Corpus } from '../corpus/index.js';
import { formatDate, toEdtf } from '../model/dates.js';
import { comparePositions } from '../model/text.js';
import type { EntryKind, Finding, Position, Range } from '../model/types.js';
import type { MarginaliaSettings } from '../protocol.js';
import { documentAt } from './facts.js';

export interface CompletionData {
  label: string;
  kind: EntryKind | 'snippet';
  detail?: string;
  /** Plain text, or a snippet with `${1:…}` placeholders when `snippet` is true. */
  insertText: string;
  snippet?: boolean;
  /** Range the completion replaces: the word typed so far. */
  range: Range;
}

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface CodeActionData {
  title: string;
  edits: TextEdit[];
  /** Codes of the findings it answers. */
  fixes: string[];
  preferred?: boolean;
}

export interface InlayHintData {
  position: Position;
  label: string;
  tooltip: string;
}

/**
 * Where a name is expected (after `Comrade`, in a header, in a distribution list, after `by`),
 * the registry's people and cover names; inside `[Source: ` the archives and the citation pattern.
 */
export function completion(corpus: Corpus, lineText: string, position: Position): CompletionData[] {
  const before = lineText.slice(0, position.character);
  const word = /[\p{L}'’.-]*$/u.exec(before)![0];
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };

  const source = /\[\s*Source:\s*([^\]]*)$/i.exec(before);
  if (source) {
    const typed = source[1]!;
    const out: CompletionData[] = [];
    if (!typed.includes(',')) {
      for (const e of corpus.registry.entries) {
        if (e.kind !== 'archive') continue;
        out.push({ label: e.abbreviation, kind: 'archive', detail: e.name, insertText: e.abbreviation, range });
        out.push({
          label: `${e.abbreviation}, fond …, opis …, delo …, list …`,
          kind: 'snippet',
          detail: `citation in ${e.name}`,
          insertText: `${e.abbreviation}, fond \${1}, opis \${2}, delo \${3}, list \${4}`,
          snippet: true,
          range,
        });
      }
    } else {
      out.push({ label: 'fond …, opis …, delo …, list …', kind: 'snippet', insertText: 'fond ${1}, opis ${2}, delo ${3}, list ${4}', snippet: true, range });
    }
    return out;
  }

  const expectsName =
    /\b(?:Comrades?|Com\.|Cmrds?\.?|To:?|by|to|from|Copies:|list[^:]*:)\s+(?:[\p{L}'’.-]+\s*(?:-\s*\d+|\(\d+\))?,\s*)*[\p{L}'’.-]*$/iu.test(before) ||
    /^\s*(?:Document\s+\d+[:.]|.*\b(?:Telegram|Letter|Memorandum)\b)/i.test(lineText);
  if (!expectsName) return [];
  const out: CompletionData[] = [];
  for (const e of corpus.registry.entries) {
    if (e.kind !== 'person' && e.kind !== 'cover-name') continue;
    const detail =
      e.kind === 'cover-name'
        ? `cover name of ${corpus.peopleBehind(e.id).map((p) => corpus.registry.byId.get(p)?.name ?? p).join(' or ')}`
        : (e.role ?? 'person');
    const labels = new Set([e.name, ...e.forms.map((f) => f.text)]);
    for (const label of labels) out.push({ label, kind: e.kind, detail, insertText: label, range });
  }
  return out;
}

/** Add an unknown name to the registry; give an ambiguous numeric date the editors' reading. */
export function codeActions(corpus: Corpus, uri: string, range: Range, findings: Finding[], documentText: string): CodeActionData[] {
  const out: CodeActionData[] = [];
  const registryFile = corpus.registry.files[0];
  for (const f of findings) {
    if (f.code !== 'unknown-person' || !registryFile) continue;
    const name = /^"(.+?)" is named/.exec(f.message)?.[1];
    if (!name) continue;
    out.push({ title: `Add "${name}" to the registry`, edits: [addPersonEdit(corpus, registryFile, name)], fixes: [f.code], preferred: true });
  }
  const doc = documentAt(corpus, uri, range.start);
  if (doc) {
    const lines = documentText.split(/\r\n|\r|\n/);
    for (const d of doc.dates) {
      if (d.editorial || !d.value || !/^\d/.test(d.text) || !/[./]/.test(d.text)) continue;
      if (comparePositions(d.range.end, range.start) < 0 || comparePositions(range.end, d.range.start) < 0) continue;
      const value = editorsReading(d)!;
      const line = lines[d.range.end.line] ?? '';
      if (/^\s*\[/.test(line.slice(d.range.end.character))) continue;
      out.push({
        title: `Add the editors' reading: ${d.text} [${formatDate(value)}]`,
        edits: [{ uri, range: { start: d.range.end, end: d.range.end }, newText: ` [${formatDate(value)}]` }],
        fixes: [],
      });
    }
  }
  return out;
}

/** A stub entry at the end of the registry's `people:` list, for the editor to fill in. */
function addPersonEdit(corpus: Corpus, registryFile: string, name: string): TextEdit {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const people = corpus.registry.entries.filter((e) => e.kind === 'person' && e.location.file === registryFile);
  const last = people[people.length - 1];
  const stub = `  - id: ${id || 'new-person'}\n    name: ${JSON.stringify(name)}\n    forms: [${JSON.stringify(name)}]\n    role: ""  # to be filled in\n`;
  if (last) {
    const at = { line: last.location.range.end.line + (last.location.range.end.character > 0 ? 1 : 0), character: 0 };
    return { uri: registryFile, range: { start: at, end: at }, newText: stub };
  }
  const end = { line: 0, character: 0 };
  return { uri: registryFile, range: { start: end, end }, newText: `people:\n${stub}` };
}

export function inlayHints(corpus: Corpus, uri: string, range: Range, settings: MarginaliaSettings['inlayHints']): InlayHintData[] {
  const file = corpus.file(uri);
  if (!file) return [];
  const out: InlayHintData[] = [];
  const inRange = (p: Position) => comparePositions(range.start, p) <= 0 && comparePositions(p, range.end) <= 0;
  for (const doc of file.documents) {
    if (settings.coverNames) {
      for (const m of doc.names) {
        if (m.identification || !inRange(m.range.end)) continue;
        const entry = corpus.registry.byId.get(m.entryId);
        if (entry?.kind !== 'cover-name') continue;
        const people = corpus.peopleBehind(entry.id).map((p) => corpus.registry.byId.get(p)?.name ?? p);
        if (people.length === 0) continue;
        const short = people.map((p) => p.split(/\s+/).pop()).join(' or ');
        out.push({ position: m.range.end, label: ` ‹${short}›`, tooltip: `${m.text} is the cover name of ${people.join(' or ')}` });
      }
    }
    if (settings.numericDates) {
      for (const d of doc.dates) {
        if (!d.value || !/^\d/.test(d.text) || !/[./]/.test(d.text) || d.editorial || !inRange(d.range.end)) continue;
        out.push({ position: d.range.end, label: ` ‹${toEdtf(editorsReading(d)!)}›`, tooltip: `${d.text}: ${formatDate(d.value)}, read as ${d.reading.convention}` });
      }
    }
  }
  return out.sort((a, b) => comparePositions(a.position, b.position));
}
