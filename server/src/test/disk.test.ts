// Reading the corpus from disk when the disk is hostile or odd: devices, FIFOs, files over the
// size limit, a byte-order mark. Each CLI run has a timeout, so a read that blocks or never ends
// fails the test instead of hanging it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { readTextFile, uriOf } from '../corpus/disk.js';
import { formatSize, parseSettings, parseSize } from '../corpus/settings.js';
import { repoRoot } from './helpers.js';
import { Workspace } from '../workspace.js';
import { checkRegistry } from '../checks/index.js';

const cli = path.join(repoRoot, 'server/out/cli.js');

/** The CLI, killed after 20 s: a hang is a failure, not a stuck test run. */
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.error, undefined, `the CLI did not finish: ${String(r.error)}`);
  assert.notEqual(r.status, null, `the CLI was killed (${r.signal ?? ''}): a read blocked or never ended`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function corpus(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'marginalia-disk-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Makes a FIFO at `file`; false where the platform has no mkfifo. */
function mkfifo(file: string): boolean {
  if (process.platform === 'win32') return false;
  const r = spawnSync('mkfifo', [file]);
  return r.status === 0 && existsSync(file);
}

const registry = 'people:\n  - id: stalin\n    name: Stalin\n';
const letter = 'Document 1: Letter from Stalin to Foobar, 5 July 1950\n\nThe text of the letter.\n';

test('registry: [/dev/zero] is skipped with one error on marginalia.yaml, and the check ends', { skip: !existsSync('/dev/zero') && 'no /dev/zero here' }, () => {
  const dir = corpus({ 'marginalia.yaml': 'registry: [/dev/zero]\n', 'a.txt': letter });
  const r = run(['check', '.', '--no-summary'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
    'marginalia.yaml:1:1 error corpus-settings The registry file /dev/zero could not be read: it is a character device, not a regular file',
    'a.txt:1:25 warning unknown-person "Stalin" is named in the header but is not in the registry.',
    'a.txt:1:35 warning unknown-person "Foobar" is named in the header but is not in the registry.',
  ]);
});

test('registry: [/dev/urandom] is skipped too', { skip: !existsSync('/dev/urandom') && 'no /dev/urandom here' }, () => {
  const dir = corpus({ 'marginalia.yaml': 'registry: [/dev/urandom]\n', 'a.txt': letter });
  const r = run(['check', '.', '--no-summary'], dir);
  assert.match(r.stdout, /^marginalia\.yaml:1:1 error corpus-settings The registry file \/dev\/urandom could not be read: it is a character device, not a regular file$/m);
});

test('/dev/zero named on the command line, outside any corpus, is not read and counts as an error', { skip: !existsSync('/dev/zero') && 'no /dev/zero here' }, () => {
  const r = run(['check', '/dev/zero', '--no-summary'], tmpdir());
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes('marginalia: /dev/zero could not be read: it is a character device, not a regular file.\n'), r.stderr);
});

test('a registry.yaml that is a FIFO nobody writes is skipped, and the check ends', (t) => {
  const dir = corpus({ 'marginalia.yaml': 'registry: [registry.yaml]\n', 'a.txt': letter });
  if (!mkfifo(path.join(dir, 'registry.yaml'))) return t.skip('no mkfifo on this platform');
  const r = run(['check', '.', '--no-summary'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'marginalia.yaml:1:1 error corpus-settings The registry file registry.yaml could not be read: it is a named pipe (FIFO), not a regular file');
});

test('a marginalia.yaml that is a FIFO gives the default settings and says why', (t) => {
  const dir = corpus({ 'a.txt': letter });
  if (!mkfifo(path.join(dir, 'marginalia.yaml'))) return t.skip('no mkfifo on this platform');
  const r = run(['check', '.', '--no-summary'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stdout.split('\n')[0], 'marginalia.yaml:1:1 error corpus-settings marginalia.yaml could not be read: it is a named pipe (FIFO), not a regular file; the default settings are used.');
});

test('readTextFile returns at once on a FIFO and on /dev/zero, and reads a regular file', (t) => {
  const dir = corpus({ 'a.txt': 'text\n' });
  assert.deepEqual(readTextFile(path.join(dir, 'a.txt')), { text: 'text\n' });
  assert.deepEqual(readTextFile(path.join(dir, 'missing.txt')), { skipped: 'ENOENT' });
  assert.deepEqual(readTextFile(dir), { skipped: 'it is a folder, not a regular file' });
  if (existsSync('/dev/zero')) assert.deepEqual(readTextFile('/dev/zero'), { skipped: 'it is a character device, not a regular file' });
  if (!mkfifo(path.join(dir, 'pipe'))) return t.skip('no mkfifo on this platform');
  assert.deepEqual(readTextFile(path.join(dir, 'pipe')), { skipped: 'it is a named pipe (FIFO), not a regular file' });
});

test('files over limits: file-size are skipped, each said once (an error for the registry, a warning for a transcription); smaller files are read', () => {
  const big = letter + 'x'.repeat(2048) + '\n';
  const dir = corpus({
    'marginalia.yaml': 'registry: [registry.yaml]\nlimits: { file-size: "1 KB" }\n',
    'registry.yaml': registry + '# ' + 'x'.repeat(1100) + '\n',
    'big.txt': big,
    'small.txt': letter,
  });
  const r = run(['check', '.', '--no-summary'], dir);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
    'marginalia.yaml:1:1 error corpus-settings The registry file registry.yaml could not be read: it is 1.1 KB, over the limit of 1 KB (set limits: file-size in marginalia.yaml to read larger files)',
    'marginalia.yaml:1:1 warning skipped-transcription The transcription big.txt is not checked: it is 2.1 KB, over the limit of 1 KB (set limits: file-size in marginalia.yaml to read larger files).',
    'small.txt:1:25 warning unknown-person "Stalin" is named in the header but is not in the registry.',
    'small.txt:1:35 warning unknown-person "Foobar" is named in the header but is not in the registry.',
  ]);
  assert.deepEqual(readTextFile(path.join(dir, 'small.txt'), letter.length), { text: letter });
  assert.deepEqual(readTextFile(path.join(dir, 'small.txt'), letter.length - 1), {
    skipped: `it is ${letter.length} bytes, over the limit of ${letter.length - 1} bytes (set limits: file-size in marginalia.yaml to read larger files)`,
  });
});

test('limits: file-size is type-checked, with a message at its line', () => {
  const problems = (text: string) => parseSettings('/corpus', text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);
  assert.deepEqual(problems('limits:\n  file-size: lots\n'), ['2:14 limits.file-size should be a size such as "16 MB", "512 KB" or "1 GB"']);
  assert.deepEqual(problems('limits:\n  file-size: {toString: 1}\n'), ['2:14 limits.file-size should be a size such as "16 MB", "512 KB" or "1 GB"']);
  assert.deepEqual(problems('limits:\n  file-size: 2 GB\n'), ['2:14 limits.file-size can be at most 512 MB']);
  assert.deepEqual(problems('limits:\n  size: 2 MB\n'), ['2:3 limits: unknown setting "size" (file-size)']);
  assert.deepEqual(problems('limits: 5\n'), ['1:9 limits should be a map, such as { file-size: "16 MB" }']);
  assert.equal(parseSettings('/corpus', 'limits: { file-size: 64 MB }\n').fileSizeLimit, 64 * 1024 * 1024);
  assert.equal(parseSettings('/corpus', '').fileSizeLimit, undefined);
  assert.deepEqual(['16 MB', '16mb', '512 KiB', '1.5 GB', '1000', 1000, '0', -5, 'MB'].map(parseSize), [16 * 1024 ** 2, 16 * 1024 ** 2, 512 * 1024, 1.5 * 1024 ** 3, 1000, 1000, undefined, undefined, undefined]);
  assert.deepEqual([1, 1000, 1024, 16 * 1024 ** 2, 1536].map(formatSize), ['1 byte', '1000 bytes', '1 KB', '16 MB', '1.5 KB']);
});

test('a byte-order mark on line 1: the same columns from disk (CLI) as from an editor buffer', () => {
  const settingsText = 'registry: [registry.yaml]\n';
  const dir = corpus({ 'marginalia.yaml': settingsText, 'registry.yaml': '\ufeff' + registry, 'a.txt': '\ufeff' + letter });
  const r = run(['check', 'a.txt', '--format', 'json'], dir);
  const fromDisk = (JSON.parse(r.stdout) as Array<{ range: unknown; code: string; message: string }>).map((f) => ({ range: f.range, code: f.code, message: f.message }));

  // The editor's buffer: VS Code and other editors drop the mark when they open a UTF-8 file.
  const inMemory = new Corpus(parseSettings(dir, settingsText), [{ file: uriOf(path.join(dir, 'registry.yaml')), text: registry }]);
  inMemory.setFile(uriOf(path.join(dir, 'a.txt')), letter);
  const fromBuffer = checkFile(inMemory, uriOf(path.join(dir, 'a.txt'))).findings.map((f) => ({ range: f.range, code: f.code, message: f.message }));

  assert.deepEqual(fromDisk, fromBuffer);
  assert.deepEqual(fromDisk, [
    { range: { start: { line: 0, character: 34 }, end: { line: 0, character: 40 } }, code: 'unknown-person', message: '"Foobar" is named in the header but is not in the registry.' },
  ]);
});

test('a transcription over the limit alone is a warning: the check passes, and says which file it did not read', () => {
  const dir = corpus({ 'marginalia.yaml': 'registry: []\nlimits: { file-size: "1 KB" }\n', 'big.txt': letter + 'x'.repeat(2048) + '\n', 'small.txt': 'Notes.\n' });
  const r = run(['check', '.'], dir);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean).slice(0, 1), [
    'marginalia.yaml:1:1 warning skipped-transcription The transcription big.txt is not checked: it is 2.1 KB, over the limit of 1 KB (set limits: file-size in marginalia.yaml to read larger files).',
  ]);
});

test('rules: skipped-transcription: off silences the warning; a misspelt rule code is told, with the code meant', () => {
  const files = { 'big.txt': letter + 'x'.repeat(2048) + '\n', 'small.txt': 'Notes.\n' };
  const settings = 'registry: []\nlimits: { file-size: "1 KB" }\n';
  const lines = (r: ReturnType<typeof run>) => r.stdout.split('\n').filter(Boolean);
  const on = run(['check', '.', '--no-summary'], corpus({ 'marginalia.yaml': settings, ...files }));
  const off = run(['check', '.', '--no-summary'], corpus({ 'marginalia.yaml': settings + 'rules: { skipped-transcription: off }\n', ...files }));
  assert.equal(off.status, 0, off.stderr);
  // The same findings, less the warning on marginalia.yaml (and the file is still not read).
  assert.deepEqual(lines(off), lines(on).filter((l) => !l.startsWith('marginalia.yaml:1:1 warning skipped-transcription The transcription big.txt')));
  assert.equal(lines(on).length, lines(off).length + 1);
  const misspelt = run(['check', '.', '--no-summary'], corpus({ 'marginalia.yaml': 'registry: []\nrules:\n  stamp-ordr: off\n  meridiem-24h: off\n', 'small.txt': 'Notes.\n' }));
  assert.deepEqual(misspelt.stdout.split('\n').filter(Boolean), [
    'marginalia.yaml:3:3 warning corpus-settings rules: there is no rule "stamp-ordr"; did you mean "stamp-order"? Its severity is not used.',
  ]);
});

test('transcriptions: ["**/*"] reads neither marginalia.yaml nor the registry as a transcription, and says a binary file is not text', () => {
  const dir = corpus({ 'marginalia.yaml': 'transcriptions: ["**/*"]\nregistry: [registry.yaml]\n', 'registry.yaml': registry, 'letter.txt': letter });
  writeFileSync(path.join(dir, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(path.join(dir, 'wide.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(letter, 'utf16le')]));
  const r = run(['documents', '.', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => path.basename(f.file)), ['letter.txt']);
  const check = run(['check', '.', '--no-summary'], dir);
  assert.deepEqual(check.stdout.split('\n').filter((l) => l.startsWith('marginalia.yaml')), [
    'marginalia.yaml:1:1 warning skipped-transcription The transcription scan.png is not checked: it is not text (it holds NUL bytes, as images, PDFs and word-processor files do).',
    'marginalia.yaml:1:1 warning skipped-transcription The transcription wide.txt is not checked: it is text in UTF-16; save it as UTF-8 to have it read.',
  ]);
});

test('a FIFO, a symbolic link to nothing and one to a folder, named as transcriptions, are each said once; a link to a file is read', (t) => {
  if (process.platform === 'win32') return t.skip('symbolic links need privileges on Windows');
  const dir = corpus({ 'marginalia.yaml': 'registry: [registry.yaml]\n', 'registry.yaml': registry, 'elsewhere.md': letter });
  mkdirSync(path.join(dir, 'folder'));
  symlinkSync(path.join(dir, 'elsewhere.md'), path.join(dir, 'linked.txt'));
  symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling.txt'));
  symlinkSync(path.join(dir, 'folder'), path.join(dir, 'folder.txt'));
  const fifo = mkfifo(path.join(dir, 'pipe.txt'));
  const r = run(['check', '.', '--no-summary'], dir);
  assert.equal(r.status, 0, r.stdout);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
    'marginalia.yaml:1:1 warning skipped-transcription The transcription dangling.txt is not checked: it is a symbolic link to a file that is not there.',
    'marginalia.yaml:1:1 warning skipped-transcription The transcription folder.txt is not checked: it is a symbolic link to a folder; folders are read only where they are, not through links.',
    ...(fifo ? ['marginalia.yaml:1:1 warning skipped-transcription The transcription pipe.txt is not checked: it is a named pipe (FIFO), not a regular file.'] : []),
    'linked.txt:1:35 warning unknown-person "Foobar" is named in the header but is not in the registry.',
  ]);
});

test('the language server reads by the corpus\'s own limit, says which file it skipped, and stops saying so once the file reads', () => {
  const dir = corpus({ 'marginalia.yaml': 'registry: []\nlimits: { file-size: "1 KB" }\n', 'a.txt': letter });
  const settingsProblems = (ws: Workspace) => {
    const handle = ws.handles()[0]!;
    return checkRegistry(handle.corpus, handle.settingsUri).map((f) => `${f.severity} ${f.message}`);
  };
  const ws = new Workspace();
  ws.addFolder(dir);
  assert.deepEqual(settingsProblems(ws), []);
  const a = uriOf(path.join(dir, 'a.txt'));

  // The file grows past the limit on disk: it leaves the corpus, with a word.
  writeFileSync(path.join(dir, 'a.txt'), letter + 'x'.repeat(2048) + '\n');
  ws.diskChanged(a);
  assert.equal(ws.handles()[0]!.corpus.file(a), undefined);
  const skipped = 'warning The transcription a.txt is not checked: it is 2.1 KB, over the limit of 1 KB (set limits: file-size in marginalia.yaml to read larger files).';
  assert.deepEqual(settingsProblems(ws), [skipped]);
  ws.diskChanged(a); // said once, however many events
  assert.deepEqual(settingsProblems(ws), [skipped]);

  // Back under the limit: read again, and the warning goes.
  writeFileSync(path.join(dir, 'a.txt'), letter);
  ws.diskChanged(a);
  assert.ok(ws.handles()[0]!.corpus.file(a));
  assert.deepEqual(settingsProblems(ws), []);

  // Too large again, then opened in the editor: the buffer is the text, and nothing is skipped.
  writeFileSync(path.join(dir, 'a.txt'), letter + 'x'.repeat(2048) + '\n');
  ws.diskChanged(a);
  ws.setText(a, letter);
  assert.deepEqual(settingsProblems(ws), []);
});

test('marginalia.yaml in the editor: a comment keeps the corpus and its notes on files; rules typed are in force, in a corpus loaded on the way too', () => {
  const settings = 'registry: []\nlimits: { file-size: "1 KB" }\n';
  const dir = corpus({ 'marginalia.yaml': settings, 'a.txt': letter + 'x'.repeat(2048) + '\n' });
  const settingsUri = uriOf(path.join(dir, 'marginalia.yaml'));
  const ws = new Workspace();
  ws.addFolder(dir);
  const loaded = ws.handles()[0]!.corpus;
  const notes = () => checkRegistry(ws.handles()[0]!.corpus, settingsUri).map((f) => `${f.range.start.line}: ${f.message.split(':')[0]}`);
  assert.deepEqual(notes(), ['0: The transcription a.txt is not checked']);

  // A rule set: the reading changes, and the corpus is loaded again.
  const ruled = settings.replace('limits', 'rules: { loud-rule: off }\nlimits');
  const set = ws.setText(settingsUri, ruled)!;
  const again = ws.handles()[0]!.corpus;
  assert.notEqual(again, loaded);
  assert.deepEqual(notes(), ['0: The transcription a.txt is not checked', '1: rules']);
  // A comment above it: no reading changes, so the corpus stays and nothing is re-checked;
  // marginalia.yaml's own finding moves down a line, and the note on a.txt stays.
  const commented = ws.setText(settingsUri, '# The edition of 1950\n' + ruled)!;
  assert.equal(ws.handles()[0]!.corpus, again);
  assert.deepEqual([set.dependents, commented.dependents], ['all', []]);
  assert.deepEqual(notes(), ['0: The transcription a.txt is not checked', '2: rules']);
  // Two rules, then the same two in the other order: the second edit reads as the first.
  const two = ws.setText(settingsUri, ruled.replace('loud-rule: off', 'loud-rule: off, impossible-date: hint'))!;
  const twoCorpus = ws.handles()[0]!.corpus;
  const reordered = ws.setText(settingsUri, ruled.replace('loud-rule: off', 'impossible-date: hint, loud-rule: off'))!;
  assert.deepEqual([two.dependents, reordered.dependents, ws.handles()[0]!.corpus === twoCorpus], ['all', [], true]);

  // A buffer with rules not yet saved, in a workspace that has not loaded the corpus: they are in force.
  const other = new Workspace();
  const opened = other.setText(settingsUri, settings + 'rules: { impossible-date: off }\n')!;
  assert.deepEqual([opened.dependents, { ...opened.handle.corpus.settings.rules }], ['all', { 'impossible-date': 'off' }]);
  other.removeFolder(dir);
  const typed = other.setText(settingsUri, settings + 'rules: { impossible-date: off, meridiem-24h: off }\n')!;
  assert.deepEqual({ ...typed.handle.corpus.settings.rules }, { 'impossible-date': 'off', 'meridiem-24h': 'off' });
});
