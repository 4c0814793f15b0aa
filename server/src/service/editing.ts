// Help while reading: code actions that add editorial matter (never rewriting the source's words),
// and inlay hints that say who a cover name is and what a numeric date means.

import { ruleByCode } from '../checks/rules/index.js';
import type { Corpus } from '../corpus/index.js';
import { editorsReading, formatDate, isAllNumeric, toEdtf } from '../model/dates.js';
import { comparePositions, splitLines } from '../model/text.js';
import type { CalendarDate, DateMention, Finding, NameMention, Position, Range, TranscribedDocument } from '../model/types.js';
import type { MarginaliaSettings } from '../protocol.js';
import { documentAt } from './facts.js';
import { identify } from './identity.js';
import { findingActions } from './finding-actions.js';
import { entryIdFor } from './setup.js';

// Completion is service/completion.ts; the server takes it with the other editing help.

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface CodeActionData {
  title: string;
  /** `quickfix` for editorial matter added; `quickfix.marginalia.*` for what a finding's actions do in marginalia.yaml. */
  kind: string;
  edits: TextEdit[];
  /** A client command to run instead of (or after) the edits, with its arguments. */
  command?: { command: string; arguments: unknown[] };
  /** Files to create before the edits are made (a registry file named in marginalia.yaml but not yet written). */
  creates?: string[];
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
 * Add an unknown name to the registry (a stub entry for the editor to fill in); give a numeric
 * date the editors' reading in brackets after it; on a rule's finding, accept it, change the
 * rule's severity or show its description (finding-actions.ts). None touches the transcribed words.
 * `readText` gives the current text of a registry file, to place the stub well.
 */
export function codeActions(
  corpus: Corpus,
  uri: string,
  range: Range,
  findings: Finding[],
  documentText: string,
  readText: (uri: string) => string | undefined = () => undefined,
): CodeActionData[] {
  const out: CodeActionData[] = [];
  const registryFile = corpus.registry.files[0];
  const lines = splitLines(documentText);
  const offered = new Set<string>();
  for (const f of findings) {
    // A registry held at its last good text while it does not parse: its lines are not the buffer's.
    if (!ruleByCode(f.code)?.addsToRegistry || !registryFile || corpus.registryHeld(registryFile)) continue;
    const name = f.range.start.line === f.range.end.line ? (lines[f.range.start.line] ?? '').slice(f.range.start.character, f.range.end.character).trim() : '';
    if (!name || offered.has(name)) continue;
    offered.add(name);
    const registryText = readText(registryFile);
    const action: CodeActionData = { title: `Add "${name}" to the registry`, kind: 'quickfix', edits: [addPersonEdit(corpus, registryFile, name, registryText)], fixes: [f.code], preferred: true };
    if (registryText === undefined) action.creates = [registryFile];
    out.push(action);
  }
  const doc = documentAt(corpus, uri, range.start);
  if (doc) {
    for (const d of doc.dates) {
      if (d.editorial || !d.value || !isAllNumeric(d)) continue;
      if (comparePositions(d.range.end, range.start) < 0 || comparePositions(range.end, d.range.start) < 0) continue;
      const value = editorsReading(d)!;
      const line = lines[d.range.end.line] ?? '';
      if (/^\s*\[/.test(line.slice(d.range.end.character))) continue;
      out.push({
        title: `Add the editors' reading: ${d.text} [${formatDate(value)}]`,
        kind: 'quickfix',
        edits: [{ uri, range: { start: d.range.end, end: d.range.end }, newText: ` [${formatDate(value)}]` }],
        fixes: [],
      });
    }
  }
  return [...out, ...findingActions(corpus, uri, range, findings)];
}

/** A stub entry after the registry's last person (or a new `people:` section), with a free id. */
function addPersonEdit(corpus: Corpus, registryFile: string, name: string, text: string | undefined): TextEdit {
  const id = entryIdFor(name, (x) => corpus.registry.byId.has(x), 'new-person');
  const people = corpus.registry.entries.filter((e) => e.kind === 'person' && e.location.file === registryFile);
  const last = people[people.length - 1];
  const indent = last ? last.location.range.start.character : 4;
  const pad = ' '.repeat(indent);
  const dash = `${' '.repeat(Math.max(0, indent - 2))}- `;
  const stub = `${dash}id: ${id}\n${pad}name: ${JSON.stringify(name)}\n${pad}forms: [${JSON.stringify(name)}]\n${pad}role: ""  # to be filled in\n`;
  const lineCount = text === undefined ? undefined : splitLines(text).length;
  if (last) {
    const end = last.location.range.end;
    const line = end.line + (end.character > 0 ? 1 : 0);
    if (lineCount !== undefined && line >= lineCount) {
      // The last person ends the file without a line break.
      const lastLine = splitLines(text!)[lineCount - 1]!;
      const at = { line: lineCount - 1, character: lastLine.length };
      return { uri: registryFile, range: { start: at, end: at }, newText: `\n${stub.replace(/\n$/, '')}` };
    }
    const at = { line, character: 0 };
    return { uri: registryFile, range: { start: at, end: at }, newText: stub };
  }
  // No person yet: a new `people:` section, where the registry's commented `# people:` header stands if it has one.
  const header = text === undefined ? -1 : splitLines(text).findIndex((l) => /^#\s*people:\s*$/.test(l));
  const start = { line: Math.max(0, header), character: 0 };
  return { uri: registryFile, range: { start, end: start }, newText: `people:\n${stub}` };
}

export function inlayHints(corpus: Corpus, uri: string, range: Range, settings: MarginaliaSettings['inlayHints']): InlayHintData[] {
  const file = corpus.file(uri);
  if (!file) return [];
  const out: InlayHintData[] = [];
  const inRange = (p: Position) => comparePositions(range.start, p) <= 0 && comparePositions(p, range.end) <= 0;
  for (const doc of file.documents) {
    if (settings.coverNames) {
      for (const m of doc.names) {
        if (m.entryKind !== 'cover-name' || m.identification || !inRange(m.range.end)) continue;
        const hint = coverNameHint(corpus, doc, m);
        if (hint) out.push(hint);
      }
    }
    if (settings.numericDates) {
      const repeated = repeatedStampDates(doc);
      for (const d of doc.dates) {
        if (!d.value || !isAllNumeric(d) || d.editorial || !inRange(d.range.end) || repeated.has(d)) continue;
        const same = sameDateBelow(doc, d, repeated);
        const also = same ? `; the same date in the ${same === 1 ? 'stamp' : `${same} stamps`} below` : '';
        out.push({ position: d.range.end, label: ` ‹${shortDate(editorsReading(d)!)}›`, tooltip: `${d.text}: ${formatDate(d.value)}, read as ${d.reading.convention}${also}` });
      }
    }
  }
  return out.sort((a, b) => comparePositions(a.position, b.position));
}

/** `9 Oct 1950`: short enough to sit in the line. */
function shortDate(value: CalendarDate): string {
  return formatDate(value).replace(/\b([A-Z][a-z]{2})[a-z]+\b/, '$1');
}

/** Whom a cover name stands for; a cover name the editions give to more than one person says it is disputed. */
function coverNameHint(corpus: Corpus, doc: TranscribedDocument, m: NameMention): InlayHintData | undefined {
  const identity = identify(corpus, doc, m);
  const people = identity.people.map((p) => corpus.registry.byId.get(p)?.name ?? p);
  if (people.length === 0) return undefined;
  const short = people.map((p) => p.split(/\s+/).pop()).join(' or ');
  const entry = corpus.registry.byId.get(m.entryId);
  const readings = entry?.kind === 'cover-name' ? new Set(entry.identifications.map((i) => i.person)) : new Set<string>();
  const disputed = people.length === 1 && readings.size > 1;
  const others = [...readings].filter((p) => p !== identity.people[0]).map((p) => corpus.registry.byId.get(p)?.name ?? p);
  const why =
    identity.how === 'document' && identity.by
      ? ` (identified as ${identity.by.identification!.text} at line ${identity.by.range.start.line + 1})`
      : people.length > 1
        ? ' (the editions differ)'
        : '';
  const dispute = disputed ? `; disputed: other editions read ${others.join(' or ')}` : '';
  return { position: m.range.end, label: ` ‹${short}${disputed ? ', disputed' : ''}›`, tooltip: `${m.text} is the cover name of ${people.join(' or ')}${why}${dispute}` };
}

/**
 * The numeric dates of a stamp block (stamps on consecutive lines) that repeat its first stamp's
 * date: one hint says it for the block. A block whose dates differ keeps every hint.
 */
function repeatedStampDates(doc: TranscribedDocument): Set<DateMention> {
  const repeated = new Set<DateMention>();
  const stamps = doc.stamps.filter((s) => s.date).sort((a, b) => a.range.start.line - b.range.start.line);
  for (let i = 0; i < stamps.length; ) {
    let j = i + 1;
    while (j < stamps.length && stamps[j]!.range.start.line <= stamps[j - 1]!.range.end.line + 1) j++;
    const block = stamps.slice(i, j).map((s) => s.date!);
    const key = (d: DateMention) => (d.value && isAllNumeric(d) && !d.editorial ? toEdtf(editorsReading(d)!) : undefined);
    if (block.length > 1 && key(block[0]!) !== undefined && block.every((d) => key(d) === key(block[0]!))) for (const d of block.slice(1)) repeated.add(d);
    i = j;
  }
  return repeated;
}

/** How many stamps below `d` in its block repeat its date. */
function sameDateBelow(doc: TranscribedDocument, d: DateMention, repeated: Set<DateMention>): number {
  const first = doc.stamps.findIndex((s) => s.date === d);
  if (first < 0) return 0;
  let n = 0;
  for (const s of doc.stamps.slice(first + 1)) {
    if (!s.date || !repeated.has(s.date)) break;
    n++;
  }
  return n;
}
