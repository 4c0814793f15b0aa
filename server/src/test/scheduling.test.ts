// When the server's work runs (scheduling.ts): over stdio, a hover sent while a large corpus is
// indexed is answered before indexing ends, a cancelled references request answers the
// cancellation error, and once indexing ends every diagnostic is the command line's, a reply read
// early included; in process, edits wait for a pause and a request sees what it depends on.
// Judged by the order of events, never by time.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, HoverRequest, LSPErrorCodes, ReferencesRequest, ResponseError, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { uriOf } from '../corpus/disk.js';
import { Session } from '../bench/lsp.js';
import { writeCorpus } from '../bench/corpus.js';
import { Cancelled, inSlices, PendingEdits } from '../scheduling.js';
import type { Affected } from '../workspace.js';
import { Workspace } from '../workspace.js';
import { corpusRoot, repoRoot } from './helpers.js';

/** A reply dated before the message it answers: its finding points at the message, in a file read last. */
const reply = `Document 9001: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], 30 September 1950
I report the answer of MAO ZEDONG: "I received your telegram of 1.10.50 [1 October 1950]."
`;
const message = `Document 9002: Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai, 1 October 1950
I await your reply.
1 October 1950
`;

const severityName = ['', 'error', 'warning', 'information', 'hint'];
const rendered = (d: Diagnostic) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${severityName[d.severity ?? 0]} ${d.code} ${d.message}` +
  (d.relatedInformation ?? []).map((r) => ` [${path.basename(decodeURIComponent(r.location.uri))} ${r.location.range.start.line}:${r.location.range.start.character} ${r.message}]`).join('');

interface CliFinding {
  file: string;
  range: Diagnostic['range'];
  severity: string;
  code: string;
  message: string;
  related: Array<{ file: string; range: Diagnostic['range']; message: string }>;
}
const renderedCli = (f: CliFinding) =>
  `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.code} ${f.message}` +
  f.related.map((r) => ` [${path.basename(r.file)} ${r.range.start.line}:${r.range.start.character} ${r.message}]`).join('');

describe('the server over stdio while a large corpus is indexed', () => {
  let folder: string;
  let session: Session;
  before(async () => {
    // About 2.6 MB: indexing lasts long enough for publications and requests in between.
    folder = writeCorpus(path.join(mkdtempSync(path.join(os.tmpdir(), 'marginalia-indexing-')), 'edition'), 3000).folder;
    writeFileSync(path.join(folder, '000-reply.txt'), reply);
    writeFileSync(path.join(folder, 'zzz-message.txt'), message);
    session = await Session.start(folder, 60_000);
  });
  after(async () => {
    await session?.stop();
    rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  test('a hover sent at once, in the last file, is answered before indexing ends', async () => {
    const last = readFileSync(path.join(folder, 'f000299.txt'), 'utf8').split('\n');
    const line = last.findIndex((l) => /\bShtykov\b/.test(l));
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: pathToFileURL(path.join(folder, 'f000299.txt')).toString() },
      position: { line, character: last[line]!.indexOf('Shtykov') + 2 },
    });
    session.note('hover answered');
    assert.match((hover?.contents as MarkupContent).value, /Shtykov/);
    assert.ok(await session.until(() => session.events.includes('progress end')), 'indexing ends');
    assert.ok(session.events.indexOf('hover answered') < session.events.indexOf('progress end'), session.events.slice(0, 5).join(', '));
  });

  test('once indexing ends, every published diagnostic is the command line\'s, the reply published early among them', async () => {
    assert.ok(await session.until(() => session.events.includes('progress end')));
    const replyUri = pathToFileURL(path.join(folder, '000-reply.txt')).toString();
    const end = session.events.indexOf('progress end');
    const replyPublications = session.events.filter((e, i) => e === `diagnostics ${replyUri}` && i < end);
    assert.ok(replyPublications.length >= 2, `the reply was published while the corpus was read, and again once its message was: ${session.events.filter((e) => !e.startsWith('diagnostics') || e.includes('reply')).join(', ')}`);
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'server/out/cli.js'), 'check', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 28 });
    const expected = new Map<string, string[]>();
    for (const f of JSON.parse(cli.stdout) as CliFinding[]) expected.set(path.basename(f.file), [...(expected.get(path.basename(f.file)) ?? []), renderedCli(f)]);
    const published = new Map<string, string[]>();
    for (const [uri, diagnostics] of session.diagnostics) if (diagnostics.length) published.set(path.basename(decodeURIComponent(uri)), diagnostics.map(rendered));
    assert.ok(expected.size > 100, 'the generated corpus has findings in many files');
    assert.deepEqual([...published.keys()].sort(), [...expected.keys()].sort());
    for (const [file, list] of expected) assert.deepEqual(published.get(file)!.sort(), list.sort(), file);
    assert.match(published.get('000-reply.txt')!.join('\n'), /reply-before-message .*\[zzz-message\.txt 0:0 the telegram of 1 October 1950\]/);
  });

  test('a cancelled references request answers the cancellation error; one not cancelled answers every mention', async () => {
    assert.ok(await session.until(() => session.events.includes('progress end')));
    const file = path.join(folder, 'f000000.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => /\bStalin\b/.test(l));
    const params = { textDocument: { uri: pathToFileURL(file).toString() }, position: { line, character: lines[line]!.indexOf('Stalin') + 1 }, context: { includeDeclaration: false } };
    const source = new CancellationTokenSource();
    const cancelled = session.connection.sendRequest(ReferencesRequest.type, params, source.token);
    source.cancel();
    await assert.rejects(cancelled, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    const all = await session.connection.sendRequest(ReferencesRequest.type, params);
    assert.ok((all?.length ?? 0) > 3000, `${all?.length} mentions of Stalin`);
  });
});

describe('work in slices', () => {
  function* forever(): Generator<void, number> {
    for (;;) yield;
  }
  function* count(n: number): Generator<void, number> {
    for (let i = 0; i < n; i++) yield;
    return n;
  }

  test('a cancellation heard between slices stops the work', async () => {
    const token = { isCancellationRequested: false };
    setImmediate(() => (token.isCancellationRequested = true));
    await assert.rejects(inSlices(forever(), token), Cancelled);
  });

  test('work not cancelled runs to its result', async () => {
    assert.equal(await inSlices(count(100_000), { isCancellationRequested: false }), 100_000);
  });
});

describe('edits waiting for a pause', () => {
  let folder: string;
  let workspace: Workspace;
  let applied: Array<Affected | undefined>;
  let edits: PendingEdits;
  const names = ['000_bae709cea1c958ec.txt', 'registry.yaml', 'marginalia.yaml'];
  before(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'marginalia-edits-'));
    for (const name of names) cpSync(path.join(corpusRoot, name), path.join(folder, name));
    writeFileSync(path.join(folder, 'other.txt'), message);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const seed = () => uriOf(path.join(folder, names[0]!));
  const registry = () => uriOf(path.join(folder, 'registry.yaml'));
  const other = () => uriOf(path.join(folder, 'other.txt'));

  const fresh = () => {
    workspace = new Workspace();
    workspace.addFolder(folder);
    applied = [];
    edits = new PendingEdits(workspace, { afterChange: (a: Affected | undefined) => void applied.push(a), indexing: false, publishCorpus: () => undefined as never, sendStatus: () => undefined });
  };

  test('five keystrokes in the registry, then a request about a transcription: one reload, with the last text', () => {
    fresh();
    const text = readFileSync(path.join(folder, 'registry.yaml'), 'utf8');
    for (let k = 1; k <= 5; k++) edits.set(registry(), `${text}\n# note ${k}\n`);
    assert.equal(edits.textOf(registry()), `${text}\n# note 5\n`);
    assert.equal(applied.length, 0, 'nothing analysed while the typist types');
    edits.beforeRequestOn(seed());
    assert.deepEqual(applied.map((a) => [a?.uri, a?.dependents]), [[registry(), 'all']]);
    assert.equal(workspace.textOf(registry()), `${text}\n# note 5\n`);
  });

  test('a request about the registry itself, or about another transcription, does not wait for what it does not need', () => {
    fresh();
    edits.set(registry(), `${readFileSync(path.join(folder, 'registry.yaml'), 'utf8')}\n# a note\n`);
    edits.set(other(), `${message}More.\n`);
    edits.beforeRequestOn(registry());
    edits.beforeRequestOn(seed());
    assert.deepEqual(applied.map((a) => a?.uri), [registry()], "the seed's request waits for the registry, not for other.txt's re-scan");
    edits.beforeRequestOn(other());
    assert.deepEqual(applied.map((a) => a?.uri), [registry(), other()]);
    assert.equal(workspace.handleFor(other())!.corpus.text(other()), `${message}More.\n`);
  });
});
