// Data fixtures: server/test-data/fixtures/**/*.txt, each a run of cases
//
//   # what the case shows
//   <transcription text>
//   ==>
//   <the facts and findings expected, one per line>
//
// read as a new user's folder would be (default settings, no registry) and rendered by `render`
// below. A fixture file `x.txt` may have a `x.registry.yaml` and a `x.marginalia.yaml` beside it:
// its cases are then read with that registry and those settings. `UPDATE_EXPECT=1 npm test` rewrites the expected part from what Marginalia reads now; the
// diff is then reviewed like any other change.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings, parseSettings } from '../corpus/settings.js';
import { formatTime, toIso } from '../model/dates.js';
import { dateEvidence, documentDateEvidence } from '../model/scan/document-date.js';
import type { DateMention, TranscribedDocument } from '../model/types.js';
import { repoRoot } from './helpers.js';

const root = path.join(repoRoot, 'server', 'test-data', 'fixtures');
const update = process.env['UPDATE_EXPECT'] === '1';

interface Case {
  name: string;
  input: string;
  expected: string;
}

function parse(text: string): Case[] {
  const cases: Case[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.startsWith('# ')) {
      i++;
      continue;
    }
    const name = lines[i]!.slice(2).trim();
    const input: string[] = [];
    for (i++; i < lines.length && lines[i] !== '==>'; i++) input.push(lines[i]!);
    const expected: string[] = [];
    for (i++; i < lines.length && !(lines[i]!.startsWith('# ') && expected[expected.length - 1] === ''); i++) expected.push(lines[i]!);
    while (expected.length && expected[expected.length - 1] === '') expected.pop();
    cases.push({ name, input: input.join('\n'), expected: expected.join('\n') });
  }
  return cases;
}

function write(cases: Case[]): string {
  return cases.map((c) => `# ${c.name}\n${c.input}\n==>\n${c.expected}\n`).join('\n');
}

const date = (d: DateMention | undefined) => (d ? `${d.value ? toIso(d.value) : '?'} "${d.text}"` : '-');

/** What a user would check of a fixture: its documents, their date evidence and parties, stamps, sources, findings. */
export function render(input: string, setting?: { registry?: string; settings?: string }): string {
  const uri = 'file:///fixtures/case.txt';
  const settings = setting?.settings ? parseSettings('/fixtures', setting.settings) : { ...defaultSettings('/fixtures'), registry: [] };
  const corpus = new Corpus(setting?.registry ? { ...settings, registry: ['registry.yaml'] } : settings, setting?.registry ? [{ file: 'file:///fixtures/registry.yaml', text: setting.registry }] : []);
  corpus.setFile(uri, input);
  const out: string[] = [];
  for (const doc of corpus.file(uri)!.documents) out.push(...renderDocument(doc));
  for (const f of checkFile(corpus, uri).findings) out.push(`${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}: ${f.message}`);
  return out.join('\n');
}

function renderDocument(doc: TranscribedDocument): string[] {
  const h = doc.header;
  const parties = (cs: NonNullable<typeof h>['from']) => cs.map((c) => (c.identification ? `${c.text} (${c.identification.text})` : c.text)).join('; ') || '-';
  const out = [`document lines ${doc.range.start.line + 1}-${doc.range.end.line + 1}${h?.number ? ` No. ${h.number}` : ''}${h ? `, ${h.type}` : ''}: ${h ? `"${h.title}"` : '(no heading)'}`];
  if (h) out.push(`  from ${parties(h.from)} | to ${parties(h.to)}`);
  const dl = doc.dateline;
  if (dl) {
    const place = dl.place ? `"${dl.place.text}"${dl.place.bracketed ? ' (bracketed)' : ''}` : '-';
    out.push(`  dateline line ${dl.range.start.line + 1}: place ${place}, town ${dl.town ? `"${dl.town.text}"` : '-'}, ${dl.undated ? 'undated' : date(dl.date)}${dl.time?.value ? ` at ${formatTime(dl.time.value)}${dl.time.utc ? ' UTC' : ''}` : ''}`);
  }
  for (const e of dateEvidence(doc)) if (e.kind !== 'dateline') out.push(`  ${e.kind} line ${e.date.range.start.line + 1}: ${date(e.date)}`);
  const own = documentDateEvidence(doc);
  out.push(`  dated ${own?.date.value ? `${toIso(own.date.value)} by the ${own.kind}` : 'none'}`);
  for (const s of doc.stamps) {
    const when = [s.date?.value ? toIso(s.date.value) : undefined, s.time?.value ? formatTime(s.time.value) : undefined].filter(Boolean).join(' ');
    out.push(`  stamp line ${s.range.start.line + 1}: ${s.action}${s.place ? ` in ${s.place.text}` : ''} ${when || '-'}`);
  }
  for (const e of doc.enclosures) {
    const dated = e.dateline ? `, dateline line ${e.dateline.range.start.line + 1} ${e.dateline.undated ? 'undated' : date(e.dateline.date)}` : '';
    out.push(`  enclosure lines ${e.range.start.line + 1}-${e.range.end.line + 1}: ${e.heading ? `"${e.heading.text}"` : '(no heading)'}, from ${parties(e.from)} | to ${parties(e.to)}${dated}`);
  }
  for (const r of doc.archiveReferences) {
    const parts = r.parts.map((p) => `${p.part} ${p.value}`).join(', ');
    out.push(`  source line ${r.range.start.line + 1}: ${r.archive ? `"${r.archive.text}"` : 'no archive'}${parts ? `, ${parts}` : ''}`);
  }
  return out;
}

for (const file of readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.txt')).sort()) {
  const full = path.join(root, file);
  const cases = parse(readFileSync(full, 'utf8'));
  const beside = (suffix: string) => (existsSync(full.replace(/\.txt$/, suffix)) ? readFileSync(full.replace(/\.txt$/, suffix), 'utf8') : undefined);
  const setting = { registry: beside('.registry.yaml'), settings: beside('.marginalia.yaml') };
  if (update) {
    for (const c of cases) c.expected = render(c.input, setting);
    writeFileSync(full, write(cases));
  }
  for (const c of cases) {
    test(`${file}: ${c.name}`, () => assert.equal(render(c.input, setting), c.expected));
  }
}
