// The command-line checker as a user runs it: output lines, JSON shapes, exit codes, and the
// corpus found by walking up from a path.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corpusRoot, repoRoot, seedPath } from './helpers.js';

const cli = path.join(repoRoot, 'server/out/cli.js');

function run(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('check prints file:line:column severity code message, a summary per document, and exits 0', () => {
  const r = run(['check', 'corpus']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.ok(lines.includes('corpus/000_bae709cea1c958ec.txt:3:1 warning repeated-header The header of Document 7 is repeated at line 9; this copy (line 3) is not counted as a document.'));
  assert.ok(
    lines.includes(
      'corpus/000_bae709cea1c958ec.txt:172:64 warning delivered-before-dated Document 13 is dated 8 October 1950 (line 166) but was delivered on 7 October 1950 at 22:15 (line 172), before that date.',
    ),
  );
  assert.ok(lines.includes('  Document 13, 8 October 1950, letter, Fyn Si (Stalin) → Kim Il Sung, via Shtykov (lines 152–173): 1 warning, 2 info, 1 hint'));
  assert.ok(lines.includes('  Document 16, 9 October 1950, ciphered telegram, Kim Il Sung → Stalin, via Shtykov (lines 219–250): no findings'));
  assert.equal(lines.filter((l) => l.startsWith('  Document ')).length, 11);
  assert.equal(lines.filter((l) => l.length > 0).pop(), '11 documents in 1 file: 0 errors, 2 warnings, 2 information, 2 hints');
});

test("the README's first command: `npm start` runs the checker on the corpus and succeeds", () => {
  const start = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const checker = start.split('&&').map((s) => s.trim()).find((s) => s.startsWith('node server/out/cli.js'))!;
  const r = run(checker.split(/\s+/).slice(2));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /11 documents in 1 file: 0 errors, 2 warnings/);
});

test('check --format json gives 0-based LSP ranges', () => {
  const r = run(['check', seedPath, '--format', 'json']);
  assert.equal(r.status, 0);
  const findings = JSON.parse(r.stdout) as Array<{ file: string; range: unknown; severity: string; code: string; message: string }>;
  assert.equal(findings.length, 6);
  const delivered = findings.find((f) => f.code === 'delivered-before-dated')!;
  assert.equal(delivered.file, 'corpus/000_bae709cea1c958ec.txt');
  assert.deepEqual(delivered.range, { start: { line: 171, character: 63 }, end: { line: 171, character: 78 } });
  assert.equal(delivered.severity, 'warning');
});

test('documents --format json lists each document with its parts', () => {
  const r = run(['documents', 'corpus', '--format', 'json']);
  assert.equal(r.status, 0);
  const docs = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.equal(docs.length, 11);
  const doc13 = docs.find((d) => d.number === '13')!;
  assert.deepEqual(
    { ...doc13, range: undefined },
    {
      file: 'corpus/000_bae709cea1c958ec.txt',
      number: '13',
      title: 'Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 [7] October 1950',
      type: 'letter',
      date: '1950-10-08',
      dateAsWritten: '8 October 1950',
      correctedDate: '1950-10-07',
      closingDate: '1950-10-08',
      undated: false,
      // The letter's own closing date comes before the editors' header (see document-date.ts).
      evidence: [
        { kind: 'closing', date: '1950-10-08', asWritten: '8 October 1950', line: 166 },
        { kind: 'header', date: '1950-10-08', asWritten: '8 [7] October 1950', line: 152 },
      ],
      from: [{ id: 'stalin', name: 'Iosif Vissarionovich Stalin', asWritten: 'Fyn Si', identification: 'Stalin', via: false }],
      to: [
        { id: 'kim-il-sung', name: 'Kim Il Sung', asWritten: 'Kim Il Sung', identification: null, via: false },
        { id: 'shtykov', name: 'Terentii Fomich Shtykov', asWritten: 'Shtykov', identification: null, via: true },
      ],
      enclosures: [],
      sources: [
        {
          archive: 'APRF',
          fond: '45',
          opis: '1',
          delo: '347',
          folios: '65-67',
          parts: [
            { part: 'fond', value: '45' },
            { part: 'opis', value: '1' },
            { part: 'delo', value: '347' },
            { part: 'folios', value: '65-67' },
          ],
        },
      ],
      range: undefined,
    },
  );
});

test('exit status 1 when errors are found, 2 on bad usage', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-cli-'));
  writeFileSync(path.join(dir, 'marginalia.yaml'), 'dates:\n  slashes: sideways\n');
  writeFileSync(path.join(dir, 'a.txt'), 'Document 1: Letter, Stalin to Mao Zedong, 5 October 1950\n');
  const broken = run(['check', dir]);
  assert.equal(broken.status, 1);
  assert.match(broken.stdout, /marginalia\.yaml:2:12 error corpus-settings dates\.slashes should be month\/day\/year or day\/month\/year/);

  assert.equal(run(['check', '--format', 'xml']).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['check', '/no/such/place']).status, 2);
  assert.match(run(['--help']).stdout, /^usage: marginalia check/);
});

test('a file outside any corpus is checked with default settings, and says so', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-loose-'));
  mkdirSync(path.join(dir, 'sub'));
  const file = path.join(dir, 'sub', 'loose.txt');
  writeFileSync(file, 'Document 1: Letter, Smirnov to Petrov, 31 September 1950\n');
  const r = run(['check', file, '--no-summary']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /is in no corpus/);
  const shown = path.relative(repoRoot, file);
  assert.equal(
    r.stdout,
    `${shown}:1:21 information unknown-person "Smirnov" is named in the header; the corpus has no registry to say who this is.\n` +
      `${shown}:1:32 information unknown-person "Petrov" is named in the header; the corpus has no registry to say who this is.\n` +
      `${shown}:1:40 warning impossible-date "31 September 1950" is not a possible date: 31 September does not exist.\n`,
  );
});

test('a folder outside any corpus: every transcription in it is checked, not none', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-loose-folder-'));
  writeFileSync(path.join(dir, 'one.txt'), 'Document 1: Letter, Smirnov to Petrov, 31 September 1950\n');
  writeFileSync(path.join(dir, 'two.transcript'), 'Document 2: Letter, Petrov to Smirnov, 2 October 1950\nBody.\n');
  const r = run(['check', dir]);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /one\.txt:1:40 warning impossible-date/);
  assert.match(r.stdout, /2 documents in 2 files: 0 errors, 1 warning/);
});

test('accepted discrepancies stop being reported, and the summary counts them', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-accept-'));
  writeFileSync(
    path.join(dir, 'marginalia.yaml'),
    `registry: [${path.join(corpusRoot, 'registry.yaml')}]\nrules:\n  meridiem-24h: off\naccepted:\n  - code: delivered-before-dated\n    file: seed.txt\n    document: "13"\n    reason: The editors date the letter 7 October.\n`,
  );
  writeFileSync(path.join(dir, 'seed.txt'), spawnSync('cat', [seedPath], { encoding: 'utf8' }).stdout);
  const r = run(['check', dir]);
  assert.equal(r.status, 0, r.stdout);
  assert.doesNotMatch(r.stdout, /delivered-before-dated|meridiem-24h/);
  assert.match(r.stdout, /11 documents in 1 file: 0 errors, 1 warning, 2 information, 0 hints; 1 accepted in marginalia\.yaml/);
});

test('a byte-order mark on line 1 moves no column: the file reads as the editor shows it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-bom-'));
  const text = 'Document 1: Letter, Smirnov to Petrov, 31 September 1950\n';
  writeFileSync(path.join(dir, 'with.txt'), '\ufeff' + text);
  writeFileSync(path.join(dir, 'without.txt'), text);
  const columns = (name: string) => (JSON.parse(run(['check', path.join(dir, name), '--format', 'json']).stdout) as Array<{ code: string; range: unknown }>).map((f) => [f.code, f.range]);
  assert.deepEqual(columns('with.txt'), columns('without.txt'));
  assert.deepEqual(columns('with.txt').find(([code]) => code === 'impossible-date')?.[1], { start: { line: 0, character: 39 }, end: { line: 0, character: 56 } });
});
