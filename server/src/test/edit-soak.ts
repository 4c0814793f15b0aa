// Random edits to a corpus, applied the way the language server applies them (Corpus.setFile,
// then the file and its dependents re-checked), and compared with a corpus read afresh from the
// same texts. Shared by the property test (incremental.test.ts) and `npm run soak`.

import { checkFile, CorpusFindings } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { splitLines } from '../model/text.js';
import { inlayHints } from '../service/editing.js';
import { hover } from '../service/hover.js';
import type { Finding } from '../model/types.js';
import { readFileSync } from 'node:fs';
import { registryText, seedPath } from './helpers.js';

/** A small deterministic generator (mulberry32): the same seed, the same edits. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedText = readFileSync(seedPath, 'utf8');
const seedLines = splitLines(seedText);

/** Documents whose numeric dates decide day and month, or leave it to the corpus. */
const ordered = {
  monthFirst: `Document 21: Ciphered telegram from Shtykov to Filippov [Stalin], 14 October 1950
Received in Moscow on 10/14/50 at 23:45.
Deciphered 15.10.50 at 2:10.
`,
  dayFirst: `Document 22: Ciphered telegram from Roshchin to Filippov [Stalin], 14 October 1950
Received in Moscow on 14/10/50 at 23:45.
Deciphered 10.14.50 at 2:10.
`,
  undecided: `Document 23: Ciphered telegram from Zakharov to Filippov [Stalin], 20 October 1950
Sent 07/05/50 at 9:00.
Received 03.04.50 at 11:30.
In reply to your telegram of 1.10.50 and to No. 1405/sh of 5 October.
20 October 1950
`,
  reply: `Document 24: Letter, Mao Zedong to Filippov (Stalin), 2 October 1950
Your telegram #1405/sh dated 4 October reached us.
I received your telegram of 1.10.50 [1 October 1950].
2 October 1950
`,
};

/** Lines that decide (or unsettle) the order of day and month, or link documents across files. */
const dateOrderLines = [
  'Received in Moscow on 10/14/50 at 9:38 a.m.',
  'Received in Moscow on 14/10/50 at 9:38 a.m.',
  'Sent 25.10.50 at 3:00.',
  'Sent 10.25.50 at 3:00.',
  'Deciphered 07/05/50 at 10:45.',
  'In connection with telegram #1405/sh dated 5 October.',
  'I received your telegram of 1.10.50.',
];
/** Lines to insert: the seed's own, those above, headers, a citation, a blank. */
const lines = [
  ...seedLines.filter((l) => l.trim()),
  ...dateOrderLines,
  'Document 30: Ciphered telegram from Filippov to Mao Zedong, 1 October 1950',
  'Document 31: Letter, Kim Il Sung to Stalin, 8 [7] October 1950',
  '[Source: APRF, fond 45, opis 1, delo 331, list 79]',
  '',
];
const characters = '0123456789/.:- \n[]()"abcXYZ#';
// The last but one holds a document twice, word for word (pasted again further down).
const wholeTexts = [seedText, ...Object.values(ordered), seedLines.slice(0, 90).join('\n'), seedLines.slice(90).join('\n'), [ordered.reply, ordered.monthFirst, ordered.reply].join('\n'), ''];

export interface SoakOptions {
  seed: number;
  edits: number;
  /** Compare with a fresh corpus after every this many edits. */
  batch: number;
}

export interface SoakReport {
  edits: number;
  comparisons: number;
  /** Each difference found: after which edit, in which file, what differs. */
  differences: string[];
  /** What the edits were, by kind. */
  kinds: Record<string, number>;
  /** The texts and registry at the first difference, to reproduce it. */
  first?: { texts: Map<string, string>; registry: string };
}

const settings = () => ({ ...defaultSettings('/soak'), registry: ['registry.yaml'] });
const registryUri = 'file:///soak/registry.yaml';
const fullRegistry = registryText();
/** Registries that parse (a broken one is held at its last good text on purpose, which a fresh start cannot know). */
const registries = [
  fullRegistry,
  fullRegistry.replace(/(- id: fyn-si[\s\S]*?person: )stalin/, '$1molotov'),
  // Filippov's period ends before the corpus's documents: their findings change, though no name reads otherwise.
  fullRegistry.replace(/(- id: filippov[\s\S]*?to: )1953-03/, '$11949'),
  fullRegistry.replace(/\n {2}- id: fyn-si\n[\s\S]*?(?=\n {2}- id:)/, ''),
];

/** Reads the corpus afresh, as the server does at start-up. */
export function freshCorpus(texts: ReadonlyMap<string, string>, registry = fullRegistry): Corpus {
  const corpus = new Corpus(settings(), [{ file: registryUri, text: registry }]);
  for (const [uri, text] of texts) corpus.setFile(uri, text);
  corpus.settleDateOrders();
  return corpus;
}

export function soak(options: SoakOptions): SoakReport {
  const next = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const texts = new Map<string, string>([
    ['file:///soak/a.txt', seedLines.slice(0, 90).join('\n')],
    ['file:///soak/b.txt', seedLines.slice(90).join('\n')],
    ['file:///soak/c.txt', ordered.monthFirst + '\n' + ordered.undecided],
    ['file:///soak/d.txt', ordered.reply],
  ]);
  const spare = ['file:///soak/e.txt', 'file:///soak/f.txt'];
  const corpus = freshCorpus(texts);
  let registry = fullRegistry;
  const findings = new CorpusFindings(corpus);
  const report: SoakReport = { edits: 0, comparisons: 0, differences: [], kinds: {} };

  for (let i = 1; i <= options.edits; i++) {
    let kind: string;
    let where = 'registry.yaml';
    if (next() < 0.02) {
      // The registry edited: the server reads every transcription again and re-checks them all.
      kind = 'registry edit';
      registry = pick(registries);
      corpus.setRegistry([{ file: registryUri, text: registry }]);
      findings.invalidate('all');
    } else {
      const uri = pick([...texts.keys(), ...spare]);
      where = uri.slice(uri.lastIndexOf('/') + 1);
      const change = edit(texts.get(uri), next, pick);
      kind = change.kind;
      const facts = corpus.file(uri);
      if (change.text === undefined) {
        texts.delete(uri);
        corpus.deleteFile(uri);
      } else {
        texts.set(uri, change.text);
        corpus.setFile(uri, change.text);
      }
      // What the server re-checks after an edit: the file and the files that depend on it.
      findings.invalidate([uri, ...corpus.dependentsOf(uri, facts)]);
    }
    report.kinds[kind] = (report.kinds[kind] ?? 0) + 1;
    report.edits = i;
    if (i % options.batch === 0 || i === options.edits) {
      report.comparisons++;
      const differences = compare(corpus, findings, freshCorpus(texts, registry), next);
      if (differences.length && !report.first) report.first = { texts: new Map(texts), registry };
      for (const d of differences) report.differences.push(`after edit ${i} (${kind} in ${where}): ${d}`);
      if (report.differences.length > 20) break;
    }
  }
  return report;
}

type Pick = <T>(list: readonly T[]) => T;

function edit(text: string | undefined, next: () => number, pick: Pick): { kind: string; text: string | undefined } {
  if (text === undefined) return { kind: 'create file', text: pick(wholeTexts) };
  const all = splitLines(text);
  const at = Math.floor(next() * (all.length + 1));
  const r = next();
  if (r < 0.25) return { kind: 'insert line', text: [...all.slice(0, at), pick(lines), ...all.slice(at)].join('\n') };
  if (r < 0.4) return { kind: 'delete line', text: [...all.slice(0, at), ...all.slice(at + 1)].join('\n') };
  const offset = Math.floor(next() * (text.length + 1));
  if (r < 0.6) {
    const typed = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick([...characters])).join('');
    return { kind: 'type characters', text: text.slice(0, offset) + typed + text.slice(offset) };
  }
  if (r < 0.72) return { kind: 'delete characters', text: text.slice(0, offset) + text.slice(offset + 1 + Math.floor(next() * 4)) };
  if (r < 0.86) return { kind: 'date-order line', text: [...all.slice(0, at), pick(dateOrderLines), ...all.slice(at)].join('\n') };
  if (r < 0.92) return { kind: 'replace file', text: pick(wholeTexts) };
  if (r < 0.96) {
    // Lines pasted again elsewhere: a document may stand twice, word for word.
    const from = Math.floor(next() * all.length);
    const copied = all.slice(from, from + 1 + Math.floor(next() * 20));
    return { kind: 'paste lines', text: [...all.slice(0, at), ...copied, ...all.slice(at)].join('\n') };
  }
  return { kind: 'delete file', text: undefined };
}

/** The differences between the corpus as edited and as read afresh: facts, findings, hovers at random places, inlay hints. */
export function compare(edited: Corpus, findings: CorpusFindings, fresh: Corpus, next: () => number): string[] {
  const out: string[] = [];
  const uris = new Set([...[...edited.allFiles()].map((f) => f.uri), ...[...fresh.allFiles()].map((f) => f.uri)]);
  for (const uri of [...uris].sort()) {
    const a = edited.file(uri);
    const b = fresh.file(uri);
    if (!a || !b) {
      out.push(`${uri} is ${a ? 'only in the edited corpus' : 'only in the fresh one'}`);
      continue;
    }
    const name = uri.slice(uri.lastIndexOf('/') + 1);
    const factsA = JSON.stringify(a.documents);
    const factsB = JSON.stringify(b.documents);
    if (factsA !== factsB) out.push(`${name}: facts differ (${firstDifference(a.documents, b.documents)})`);
    const published = render(findings.of(uri).findings);
    const expected = render(checkFile(fresh, uri).findings);
    if (published !== expected) out.push(`${name}: findings differ:\n  edited: ${published}\n  fresh:  ${expected}`);
    const lines = splitLines(edited.text(uri) ?? '');
    for (let n = 0; n < 8; n++) {
      const line = Math.floor(next() * lines.length);
      const position = { line, character: Math.floor(next() * ((lines[line]?.length ?? 0) + 1)) };
      const [h1, h2] = [hover(edited, uri, position)?.contents, hover(fresh, uri, position)?.contents];
      if (h1 !== h2) out.push(`${name}: the hover at ${line + 1}:${position.character + 1} differs:\n  edited: ${h1}\n  fresh:  ${h2}`);
    }
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const hints = (c: Corpus) => JSON.stringify(inlayHints(c, uri, whole, { coverNames: true, numericDates: true }));
    if (hints(edited) !== hints(fresh)) out.push(`${name}: inlay hints differ`);
  }
  return out;
}

function render(findings: Finding[]): string {
  return findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`).join(' | ');
}

/** Where two readings first part: a path into the facts, and the two values there. */
function firstDifference(a: unknown, b: unknown, where = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${where}.${key}`);
      if (d) return d;
    }
  }
  return `${where}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}
