// The language server as an editor meets it: `server/out/server.js --stdio` started as a child
// process and driven over JSON-RPC by a real LSP client (vscode-languageserver-protocol), which
// answers the server's own requests (progress, configuration, registrations) as VS Code does.
//
// Deterministic: a test never sleeps. It waits for a specific publishDiagnostics (or a request's
// answer), with a generous timeout that only fires when something is wrong. Every child process
// is killed when its suite ends, whatever happened.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  InlayHintRequest,
  LogMessageNotification,
  ReferencesRequest,
  RegistrationRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionList,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type MarkupContent,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import {
  checkCorpusRequest,
  mentionsByRoleRequest,
  proposeRegistryRequest,
  corpusStatusNotification,
  defaultSettings,
  looksLikeTranscriptionRequest,
  type CorpusStatus,
  type MarginaliaSettings,
} from '../protocol.js';
import { corpusRoot, repoRoot, seedPath } from './helpers.js';
import { seedFindings, seedOutline } from './seed-expectations.js';

const serverJs = path.join(repoRoot, 'server', 'out', 'server.js');
const timeoutMs = 20_000;

// ---------------------------------------------------------------------------------------------
// A small editor: opens files, edits them, answers the server, remembers what it was sent.

interface Published {
  uri: string;
  diagnostics: Diagnostic[];
  /** Order of arrival, counting from 1. */
  serial: number;
}

class Editor {
  readonly connection: MessageConnection;
  readonly published: Published[] = [];
  readonly progress: Array<{ token: string | number; value: { kind: string; message?: string; percentage?: number; title?: string } }> = [];
  readonly progressTokens: Array<string | number> = [];
  readonly registrations: string[] = [];
  readonly statuses: CorpusStatus[] = [];
  readonly log: string[] = [];
  configurationRequests = 0;
  settings: MarginaliaSettings = structuredClone(defaultSettings);
  private readonly versions = new Map<string, number>();
  private readonly waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  private stderr = '';
  private exited = false;

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.on('exit', () => {
      this.exited = true;
      this.wake();
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onRequest(WorkDoneProgressCreateRequest.method, (p: { token: string | number }) => {
      this.progressTokens.push(p.token);
      return null;
    });
    this.connection.onNotification('$/progress', (p: { token: string | number; value: Editor['progress'][number]['value'] }) => {
      this.progress.push(p);
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      return p.items.map((item) => (item.section === 'marginalia' ? structuredClone(this.settings) : null));
    });
    this.connection.onRequest(RegistrationRequest.method, (p: { registrations: Array<{ method: string }> }) => {
      for (const r of p.registrations) this.registrations.push(r.method);
      return null;
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push({ uri: p.uri, diagnostics: p.diagnostics, serial: this.published.length + 1 });
      this.wake();
    });
    this.connection.onNotification(corpusStatusNotification, (s) => {
      this.statuses.push(s);
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.method, (m: { message: string }) => {
      this.log.push(m.message);
    });
    this.connection.listen();
  }

  /** Starts the server on a workspace folder and goes through initialize/initialized. */
  static async start(folder: string, initializationOptions?: Partial<MarginaliaSettings>): Promise<Editor> {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe' });
    const editor = new Editor(child);
    const folderUri = pathToFileURL(folder).toString();
    await editor.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
      initializationOptions: initializationOptions ?? null,
    });
    await editor.connection.sendNotification(InitializedNotification.type, {});
    return editor;
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Waits until `condition` holds; fails (with the server's stderr) after the timeout. */
  until(what: string, condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`Timed out waiting for ${what}.\nLast diagnostics: ${JSON.stringify(this.published.slice(-3), null, 1).slice(0, 3000)}\nServer stderr: ${this.stderr.slice(-3000)}\nServer log: ${this.log.slice(-10).join('\n')}`));
      }, timeoutMs);
      const waiter = {
        test: () => this.exited || condition(),
        resolve: () => {
          clearTimeout(timer);
          if (this.exited) reject(new Error(`The server exited while waiting for ${what}.\n${this.stderr.slice(-3000)}`));
          else resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The diagnostics of the first publication for `uri`, after publication number `after`, that `accept`s. */
  async diagnostics(uri: string, accept: (d: Diagnostic[]) => boolean, what: string, after = 0): Promise<Diagnostic[]> {
    let found: Published | undefined;
    await this.until(`diagnostics of ${path.basename(uri)}: ${what}`, () => {
      found = this.published.find((p) => p.serial > after && p.uri === uri && accept(p.diagnostics));
      return found !== undefined;
    });
    return found!.diagnostics;
  }

  /** The most recent diagnostics published for `uri`, if any. */
  latest(uri: string): Diagnostic[] | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri)?.diagnostics;
  }

  get serial(): number {
    return this.published.length;
  }

  open(uri: string, text: string, languageId = 'transcription'): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    this.versions.delete(uri);
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async hoverText(uri: string, position: Position): Promise<string | undefined> {
    const h = await this.hover(uri, position);
    return h ? (h.contents as MarkupContent).value : undefined;
  }

  async definition(uri: string, position: Position): Promise<Location[]> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    return (Array.isArray(result) ? result : result ? [result] : []) as Location[];
  }

  async references(uri: string, position: Position, includeDeclaration = false): Promise<Location[]> {
    return (await this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } })) ?? [];
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    return ((await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
  }

  async inlayHints(uri: string, lines: number): Promise<InlayHint[]> {
    return (await this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } })) ?? [];
  }

  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // The child is killed below whatever the connection says.
    } finally {
      this.connection.dispose();
      if (!this.exited) this.child.kill();
    }
  }

  get alive(): boolean {
    return !this.exited;
  }
}

// ---------------------------------------------------------------------------------------------
// Positions and renderings.

const seedText = readFileSync(seedPath, 'utf8');
const seedLines = seedText.split('\n');
const seedUri = pathToFileURL(seedPath).toString();
const registryPath = path.join(corpusRoot, 'registry.yaml');
const registryUri = pathToFileURL(registryPath).toString();

/** The position inside `word` on 1-based line `line` of `lines` (its `nth` occurrence). */
function at(lines: string[], line: number, word: string, nth = 0, inside = 1): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = lines[line - 1]!.indexOf(word, i + 1);
  assert.ok(i >= 0, `"${word}" is not on line ${line}`);
  return { line: line - 1, character: i + inside };
}

/** The range of `word` on 1-based line `line`. */
function rangeOf(lines: string[], line: number, word: string, nth = 0): Range {
  const p = at(lines, line, word, nth, 0);
  return { start: p, end: { line: p.line, character: p.character + word.length } };
}

/** The 1-based line of the first line of `lines` matching `pattern`. */
function lineOf(lines: string[], pattern: RegExp): number {
  const i = lines.findIndex((l) => pattern.test(l));
  assert.ok(i >= 0, `no line matches ${pattern}`);
  return i + 1;
}

const severityName = ['', 'error', 'warning', 'information', 'hint'];
const render = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName[d.severity ?? 0]} ${d.code}: ${d.message}`;
const where = (l: Location) => `${path.basename(decodeURIComponent(l.uri))}:${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1}`;


/** A letter in a new user's folder: a Document line, two people no registry knows, and a 24-hour time with p.m. */
const newUserLetter = ['Document 1: Letter from Ivanov to Petrov, 5 July 1950', '', 'I write to you.', '', '5 July 1950', '', 'Sent at 23:45 p.m. on 07/05/50', ''].join('\n');

const sameSet = (d: Diagnostic[], expected: string[]) => JSON.stringify(d.map(render).sort()) === JSON.stringify([...expected].sort());

// ---------------------------------------------------------------------------------------------

describe('an editor on the seed corpus', () => {
  let editor: Editor;
  before(async () => {
    editor = await Editor.start(corpusRoot);
  });
  after(async () => {
    await editor?.stop();
  });

  test('indexes the corpus at start-up with progress, pulls the settings and watches the files', async () => {
    await editor.until('the end of indexing', () => editor.progress.some((p) => p.value.kind === 'end'));
    assert.equal(editor.progressTokens.length, 1, 'one progress for indexing');
    const kinds = editor.progress.filter((p) => p.token === editor.progressTokens[0]).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const begin = editor.progress.find((p) => p.value.kind === 'begin')!;
    assert.equal(begin.value.title, 'Marginalia: indexing transcriptions');
    const reports = editor.progress.filter((p) => p.value.kind === 'report');
    assert.equal(reports[reports.length - 1]!.value.message, '1/1 files of corpus');
    assert.equal(reports[reports.length - 1]!.value.percentage, 100);
    assert.ok(editor.configurationRequests >= 1, 'asked the client for marginalia.*');
    assert.deepEqual(editor.registrations, ['workspace/didChangeWatchedFiles']);
    await editor.until('a status after indexing', () => editor.statuses.some((s) => !s.indexing && s.documents > 0));
    const status = editor.statuses.filter((s) => !s.indexing).pop()!;
    assert.deepEqual({ corpora: status.corpora, documents: status.documents, warnings: status.warnings, errors: status.errors }, { corpora: 1, documents: 11, warnings: 2, errors: 0 });
  });

  test('publishes the exact findings of the seed, with the other end of the Document 13 discrepancy', async () => {
    await editor.open(seedUri, seedText);
    const diagnostics = await editor.diagnostics(seedUri, (d) => d.length > 0, 'the seed findings');
    assert.deepEqual(diagnostics.map(render).sort(), [...seedFindings].sort());
    const delivered = diagnostics.find((d) => d.code === 'delivered-before-dated')!;
    assert.deepEqual(delivered.range, rangeOf(seedLines, 172, 'October 7, 1950'));
    assert.deepEqual(delivered.relatedInformation, [
      { location: { uri: seedUri, range: rangeOf(seedLines, 166, '8 October 1950') }, message: 'Document 13 is dated 8 October 1950 here' },
    ]);
    assert.equal(diagnostics.find((d) => d.code === 'repeated-header')!.source, 'marginalia');
  });

  test('hover on a cover name: who, on whose authority, role in 1950, life dates, other names, documents', async () => {
    const filippov = (await editor.hover(seedUri, at(seedLines, 9, 'Filippov')))!;
    assert.deepEqual(filippov.range, rangeOf(seedLines, 9, 'Filippov'));
    const text = (filippov.contents as MarkupContent).value;
    const lines = text.split('\n\n');
    assert.equal(lines[0], '**Filippov** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
    assert.equal(lines[1], 'The text identifies *Filippov* here as Stalin.');
    assert.equal(
      lines[2],
      "*Filippov* is the cover name of **Iosif Vissarionovich Stalin** (used from 1948 to March 1953) on the authority of A.Y. Mansourov, CWIHP Bulletin 6-7 (1995/96); K. Weathersby's CWIHP translations.",
    );
    assert.ok(lines.includes('Role in 1950: Chairman of the USSR Council of Ministers; Secretary of the CC VKP(b)'), text);
    assert.ok(lines.includes('Also named in the corpus: Stalin, STALIN I.V., STALIN Iosif Vissarionovich, Iosif Vissarionovich; cover names Chan Fu, Instantsia, Fyn Si'), text);
    assert.ok(lines.some((l) => l.startsWith(`Appears in 10 documents: [Document 7](${seedUri}#L9), [Document 8](${seedUri}#L28),`) && l.endsWith(' and 5 more')), text);

    const matveyev = (await editor.hoverText(seedUri, at(seedLines, 35, 'Matveyev')))!.split('\n\n');
    assert.equal(matveyev[0], "**Matveyev** — cover name of **Matvei Vasil'evich Zakharov** (1898–1972)");
    assert.equal(matveyev[1], 'This document identifies *Matveyev* as Zakharov (line 28).');
    assert.ok(matveyev.some((l) => l.startsWith('Another reading: **Vladimir Nikolaevich Razuvaev**')));

    const instantsia = (await editor.hoverText(seedUri, at(seedLines, 51, 'Instantsia')))!.split('\n\n');
    assert.equal(instantsia[0], '**Instantsia** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
  });

  test('hover on the page-title copy of a header (line 3) answers like the header itself', async () => {
    const title = (await editor.hover(seedUri, at(seedLines, 3, 'Ciphered')))!;
    assert.deepEqual(title.range, { start: { line: 2, character: 0 }, end: { line: 2, character: seedLines[2]!.length } });
    const lines = (title.contents as MarkupContent).value.split('\n\n');
    assert.deepEqual(lines.slice(0, 3), [
      '**Document 7 — Ciphered telegram, Filippov to Soviet Ambassador in Beijing, 5 July 1950**',
      'A copy of the header at line 9 (a page title): not counted as a document.',
      'Ciphered telegram from Filippov (Stalin) to Soviet Ambassador in Beijing (N.V. Roshchin)',
    ]);
    const filippov = (await editor.hover(seedUri, at(seedLines, 3, 'Filippov')))!;
    assert.deepEqual(filippov.range, rangeOf(seedLines, 3, 'Filippov'));
    assert.match((filippov.contents as MarkupContent).value, /^\*\*Filippov\*\* — cover name of \*\*Iosif Vissarionovich Stalin\*\*/);
  });

  test('hover on an archive reference, a date, a header and a reference number', async () => {
    const source = (await editor.hoverText(seedUri, at(seedLines, 26, 'delo')))!.split('\n\n');
    assert.equal(source[0], '**Archive of the President of the Russian Federation** · fond 45 · inventory 1 · file 331 · folio 79');
    assert.equal(source[source.length - 1], 'No other document of the corpus is cited from this file.');
    const doc8source = (await editor.hoverText(seedUri, at(seedLines, 54, 'APRF')))!.split('\n\n');
    assert.equal(doc8source[0], '**Archive of the President of the Russian Federation** · fond 3 · inventory 65 · file 827 · folios 100-101');
    assert.equal(
      doc8source[doc8source.length - 1],
      `Also cited from this file: [Document 9](${seedUri}#L56) (folios 123, 125), [Document 14](${seedUri}#L175) (folios 121-122), [Document 15](${seedUri}#L195) (folios 126-127), [Document 17](${seedUri}#L252) (folio 139)`,
    );

    assert.equal(
      await editor.hoverText(seedUri, at(seedLines, 14, '07/05/50')),
      '**Wednesday 5 July 1950** · EDTF `1950-07-05`\n\n"07/05/50" read as month/day/year (this corpus\'s convention for slashes); day and month could be swapped: the convention decides.',
    );
    assert.equal(
      await editor.hoverText(seedUri, at(seedLines, 87, '1.X.50')),
      '**Sunday 1 October 1950** · EDTF `1950-10-01`\n\n"1.X.50" read as Roman numeral month.\n\nThe editors write it out as \\[1 October 1950\\]: the same date.',
    );

    const header13 = (await editor.hoverText(seedUri, at(seedLines, 152, 'Letter')))!.split('\n\n');
    assert.deepEqual(header13, [
      '**Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950**',
      'Letter from Fyn Si (Stalin) to Kim Il Sung, via Shtykov',
      'Dated in the header 8 \\[7\\] October 1950: the editors read Saturday 7 October 1950.',
      'The text closes with Sunday 8 October 1950 (line 166).',
      'Source: APRF, fond 45, opis 1, delo 347, listy 65-67',
      'No other document of the corpus refers to it.',
    ]);
    const header10 = (await editor.hoverText(seedUri, at(seedLines, 84, 'Ciphered')))!.split('\n\n');
    assert.equal(header10[header10.length - 1], `Referred to by: [Document 12](${seedUri}#L120)`);

    assert.equal(
      await editor.hoverText(seedUri, at(seedLines, 37, '1298')),
      `**No. 1298**\n\nAlso occurs in: [Document 8](${seedUri}#L35) (lines 35, 45)`,
    );
  });

  test('go to definition: a name to its line in the registry, a reply to the message, a protocol to its documents', async () => {
    const registryLines = readFileSync(registryPath, 'utf8').split('\n');
    // A cover name goes to its entry, then to the person it stands for in that document.
    const person = (name: string) => ({ uri: registryUri, range: rangeOf(registryLines, lineOf(registryLines, new RegExp(`^\\s*name: ${name}\\s*$`)), name) });
    const filippovLine = lineOf(registryLines, /^\s*name: Filippov\s*$/);
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 9, 'Filippov')), [{ uri: registryUri, range: rangeOf(registryLines, filippovLine, 'Filippov') }, person('Iosif Vissarionovich Stalin')]);
    const matveyevLine = lineOf(registryLines, /^\s*name: Matveyev\s*$/);
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 28, 'Matveyev')), [{ uri: registryUri, range: rangeOf(registryLines, matveyevLine, 'Matveyev') }, person("Matvei Vasil'evich Zakharov")]);
    const instantsiaLine = lineOf(registryLines, /^\s*name: Instantsia\s*$/);
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 51, 'Instantsia')), [{ uri: registryUri, range: rangeOf(registryLines, instantsiaLine, 'Instantsia') }, person('Iosif Vissarionovich Stalin')]);
    // `STALIN I.V.` goes to that form in the entry's list of forms.
    const formsLine = lineOf(registryLines, /^\s*forms: \[Stalin, STALIN I\.V\./);
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 59, 'STALIN')), [{ uri: registryUri, range: rangeOf(registryLines, formsLine, 'STALIN I.V.') }]);

    const doc10Header = { start: { line: 83, character: 0 }, end: { line: 83, character: seedLines[83]!.length } };
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 128, 'telegram of')), [{ uri: seedUri, range: doc10Header }]);
    const doc14Header = { start: { line: 174, character: 0 }, end: { line: 174, character: seedLines[174]!.length } };
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 32, 'Protocol')), [{ uri: seedUri, range: doc14Header }]);
    const doc7Header = { start: { line: 8, character: 0 }, end: { line: 8, character: seedLines[8]!.length } };
    assert.deepEqual(await editor.definition(seedUri, at(seedLines, 3, 'Ciphered')), [{ uri: seedUri, range: doc7Header }], 'from the page title to the header');
  });

  test('find references: every mention of Stalin whatever the name, from the text and from the registry', async () => {
    const fromText = await editor.references(seedUri, at(seedLines, 59, 'STALIN'));
    const rendered = fromText.map(where);
    assert.equal(fromText.length, 25, rendered.join('\n'));
    assert.ok(!rendered.some((r) => r.startsWith('000_bae709cea1c958ec.txt:84:42')), '[Stalin] beside Filippov is part of that mention, not a second one');
    const seedFile = path.basename(seedPath);
    for (const [line, word] of [
      [152, 'Fyn Si'],
      [51, 'Instantsia'],
      [9, 'Filippov'],
      [28, 'Chan Fu'],
      [59, 'STALIN I.V.'],
      [233, 'STALIN Iosif Vissarionovich'],
      [235, 'Iosif Vissarionovich'],
      [3, 'Filippov'],
    ] as const) {
      const r = rangeOf(seedLines, line, word);
      assert.ok(rendered.includes(`${seedFile}:${line}:${r.start.character + 1}-${line}:${r.end.character + 1}`), `${word} on line ${line}`);
    }
    assert.ok(!rendered.some((r) => r.startsWith(`${seedFile}:30:`)), 'Bulganin in the Document 8 list is not Stalin');

    // From the registry entry, in the registry file the editor has open.
    const registryText = readFileSync(registryPath, 'utf8');
    const registryLines = registryText.split('\n');
    await editor.open(registryUri, registryText, 'yaml');
    const nameLine = lineOf(registryLines, /^\s*name: Iosif Vissarionovich Stalin\s*$/);
    const fromRegistry = await editor.references(registryUri, at(registryLines, nameLine, 'Iosif'));
    assert.deepEqual(fromRegistry.map(where).sort(), [...rendered].sort());
    const fynSiLine = lineOf(registryLines, /^\s*name: Fyn Si\s*$/);
    assert.equal((await editor.references(registryUri, at(registryLines, fynSiLine, 'Fyn'))).length, 25, 'a cover name of one person: that person');
    const withDeclarations = await editor.references(registryUri, at(registryLines, nameLine, 'Iosif'), true);
    assert.equal(withDeclarations.length, 25 + 5, 'the entry and its four cover names');
    await editor.close(registryUri);
  });

  test('mentions by role: by document and role, in the URIs the editor uses', async () => {
    const found = await editor.connection.sendRequest(mentionsByRoleRequest, { uri: seedUri, position: at(seedLines, 152, 'Shtykov') });
    assert.equal(found?.subject, 'Terentii Fomich Shtykov');
    const doc13 = found!.documents.find((d) => d.title.startsWith('Document 13 '))!;
    assert.equal(doc13.uri, seedUri);
    assert.deepEqual(doc13.roles.map((g) => [g.role, g.mentions.map((m) => m.range.start.line + 1)]), [['via', [152]], ['mentioned', [169]]]);
    assert.equal(await editor.connection.sendRequest(mentionsByRoleRequest, { uri: seedUri, position: at(seedLines, 17, 'the') }), null);
  });

  test('document symbols: one per document, with header, body (holding stamps) and source', async () => {
    const symbols = await editor.symbols(seedUri);
    assert.deepEqual(
      symbols.map((s) => s.name),
      seedOutline,
    );
    const doc13 = symbols[6]!;
    assert.deepEqual(doc13.range, { start: { line: 151, character: 0 }, end: { line: 172, character: seedLines[172]!.length } });
    const outline = (s: DocumentSymbol): unknown => [s.name, s.range.start.line + 1, s.range.end.line + 1, ...(s.children?.length ? [s.children.map(outline)] : [])];
    assert.deepEqual(doc13.children!.map(outline), [
      ['Header', 152, 152],
      ['Body', 153, 172, [['Note: delivered', 172, 172]]],
      ['Source', 173, 173],
    ]);
    const doc16 = symbols[9]!;
    assert.deepEqual(doc16.children!.map(outline), [
      ['Header', 219, 219],
      ['Body', 220, 249, [['Stamp: sent', 225, 225], ['Stamp: received', 226, 226], ['Stamp: arrived', 227, 227], ['Stamp: deciphered', 228, 228], ['Distribution list', 229, 230], ['Stamp: typed', 249, 249]]],
      ['Source', 250, 250],
    ]);
    const workspace = await editor.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'fyn si' });
    assert.deepEqual(
      (workspace ?? []).map((s) => s.name),
      ['Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950', 'Fyn Si'],
    );
  });

  test('completion, code actions, semantic tokens, folding and links answer on the seed', async () => {
    const comrade = (await editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: seedUri }, position: at(seedLines, 153, 'Kim', 0, 0) })) as CompletionList;
    assert.equal(comrade.isIncomplete, true, 'asked again as letters are typed, so that the form typed is the one inserted');
    assert.ok(comrade.items.some((c) => c.label === 'Kim Il Sung'));
    const stalin = comrade.items.filter((c) => c.label === 'Iosif Vissarionovich Stalin');
    assert.equal(stalin.length, 1, 'one item for Stalin');
    assert.match(String(stalin[0]!.documentation), /cover names .*Fyn Si/);
    const running = (await editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: seedUri }, position: at(seedLines, 17, 'the', 0, 4) })) as CompletionList;
    assert.deepEqual(running.items, [], 'nothing offered for a lowercase word in running text');

    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: seedUri },
      range: { start: at(seedLines, 14, '07/05/50'), end: at(seedLines, 14, '07/05/50') },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.edit?.changes?.[seedUri]]),
      [["Add the editors' reading: 07/05/50 [5 July 1950]", 'quickfix', [{ range: { start: { line: 13, character: 35 }, end: { line: 13, character: 35 } }, newText: ' [5 July 1950]' }]]],
    );

    const tokens = await editor.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: seedUri } });
    assert.deepEqual(tokens?.data.slice(0, 10), [2, 31, 8, 1, 0, 0, 10, 6, 0, 0], 'Filippov (coverName) and Stalin (person) in the page title');
    const folds = (await editor.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: seedUri } })) ?? [];
    assert.ok(folds.some((f) => f.startLine === 151 && f.endLine === 172), 'Document 13 folds');
    const links = (await editor.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: seedUri } })) ?? [];
    assert.ok(links.some((l) => l.target === 'https://www.wikidata.org/wiki/Q855' && l.range.start.line === 8));
  });

  test('inlay hints follow the settings marginalia.inlayHints.* (and rules follow marginalia.rules)', async () => {
    const label = (h: InlayHint) => `${h.position.line + 1}:${h.position.character + 1}${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`;
    const before = (await editor.inlayHints(seedUri, seedLines.length)).map(label);
    assert.ok(before.includes('51:33 ‹Stalin›'), before.join('\n'));
    assert.ok(before.includes('35:36 ‹Zakharov, disputed›'), 'Matveyev, identified in the header of Document 8');
    assert.ok(before.includes('14:36 ‹5 Jul 1950›'));

    const served = editor.serial;
    editor.settings = { rules: { 'meridiem-24h': 'off' }, inlayHints: { coverNames: false, numericDates: true } };
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { marginalia: editor.settings } });
    // The server pulls the settings, then re-checks: the meridiem hints go, proof the settings arrived.
    await editor.diagnostics(seedUri, (d) => sameSet(d, seedFindings.filter((f) => !f.includes('meridiem-24h'))), 'without meridiem-24h', served);
    const without = (await editor.inlayHints(seedUri, seedLines.length)).map(label);
    assert.ok(!without.some((h) => h.includes('‹Stalin›')), without.join('\n'));
    assert.ok(without.includes('14:36 ‹5 Jul 1950›'));

    const restored = editor.serial;
    editor.settings = structuredClone(defaultSettings);
    await editor.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { marginalia: editor.settings } });
    await editor.diagnostics(seedUri, (d) => sameSet(d, seedFindings), 'all findings again', restored);
    assert.ok((await editor.inlayHints(seedUri, seedLines.length)).map(label).includes('51:33 ‹Stalin›'));
  });

  test('an edit to the text: deleting the handwritten note of Document 13 removes its warning', async () => {
    const served = editor.serial;
    const note = seedLines[171]!;
    await editor.change(seedUri, [{ range: { start: { line: 171, character: 0 }, end: { line: 172, character: 0 } }, text: '' }]);
    const after = await editor.diagnostics(seedUri, (d) => !d.some((x) => x.code === 'delivered-before-dated'), 'no delivered-before-dated', served);
    assert.deepEqual(after.map(render).sort(), seedFindings.filter((f) => !f.startsWith('172:')).sort());
    // Putting it back brings it back, at the same place.
    const again = editor.serial;
    await editor.change(seedUri, [{ range: { start: { line: 171, character: 0 }, end: { line: 171, character: 0 } }, text: `${note}\n` }]);
    const restored = await editor.diagnostics(seedUri, (d) => d.some((x) => x.code === 'delivered-before-dated'), 'delivered-before-dated again', again);
    assert.deepEqual(restored.map(render).sort(), [...seedFindings].sort());
  });

  test('edits to the registry in memory change how the transcriptions read', async () => {
    const registryText = readFileSync(registryPath, 'utf8');
    const registryLines = registryText.split('\n');
    await editor.open(registryUri, registryText, 'yaml');
    const fynSi = rangeOf(seedLines, 152, 'Fyn Si');
    assert.ok((await editor.references(seedUri, at(seedLines, 59, 'STALIN'))).some((l) => l.range.start.line === 151 && l.range.start.character === fynSi.start.character));

    // Remove the Fyn Si cover name: the header of Document 13 no longer names it.
    const start = lineOf(registryLines, /^\s*- id: fyn-si\s*$/) - 1;
    let end = start + 1;
    while (end < registryLines.length && !/^\s*- id:/.test(registryLines[end]!) && !/^\S/.test(registryLines[end]!)) end++;
    let served = editor.serial;
    await editor.change(registryUri, [{ range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } }, text: '' }]);
    await editor.diagnostics(registryUri, () => true, 'the registry re-checked', served);
    const refs = await editor.references(seedUri, at(seedLines, 59, 'STALIN'));
    assert.equal(refs.length, 25, 'the same count: [Stalin] there is now a mention of its own');
    assert.ok(!refs.some((l) => l.range.start.line === 151 && l.range.start.character === fynSi.start.character), 'Fyn Si is no mention of Stalin any more');
    // No name there now: the hover is the header's.
    const hover = await editor.hoverText(seedUri, at(seedLines, 152, 'Fyn Si'));
    assert.equal(hover?.split('\n\n')[0], '**Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950**');

    // Give Fyn Si to Molotov instead: the text's own identification [Stalin] now contradicts it.
    served = editor.serial;
    const reassigned = registryText.replace(/(- id: fyn-si[\s\S]*?person: )stalin/, '$1molotov');
    await editor.change(registryUri, [{ text: reassigned }]);
    const contradicted = await editor.diagnostics(seedUri, (d) => d.some((x) => x.code === 'identification-contradicts-registry'), 'identification-contradicts-registry', served);
    const finding = contradicted.find((x) => x.code === 'identification-contradicts-registry')!;
    assert.deepEqual(finding.range, rangeOf(seedLines, 152, '[Stalin]'));
    assert.equal(finding.message, 'The text identifies Fyn Si as Stalin, but the registry has Fyn Si as the cover name of Viacheslav Mikhailovich Molotov.');
    assert.equal(finding.relatedInformation?.[0]?.location.uri, registryUri);

    // Back to the file on disk.
    served = editor.serial;
    await editor.change(registryUri, [{ text: registryText }]);
    await editor.diagnostics(seedUri, (d) => sameSet(d, seedFindings), 'the seed findings again', served);
    await editor.close(registryUri);
  });

  test('a YAML syntax error in the registry is reported at its line, and the registry as it last loaded stays in force', async () => {
    const registryText = readFileSync(registryPath, 'utf8');
    const registryLines = registryText.split('\n');
    await editor.open(registryUri, registryText, 'yaml');
    const line = lineOf(registryLines, /^\s*name: Molotov|name: Viacheslav/) - 1;
    const broken = [...registryLines];
    broken[line] = broken[line]!.replace(/name: .*/, 'name: Viacheslav: Molotov');
    const column = broken[line]!.indexOf('Viacheslav'); // the yaml package points at the value that holds the stray mapping
    const served = editor.serial;
    await editor.change(registryUri, [{ text: broken.join('\n') }]);
    const problems = await editor.diagnostics(registryUri, (d) => d.some((x) => x.code === 'registry-syntax'), 'a registry-syntax error', served);
    const syntax = problems.filter((x) => x.code === 'registry-syntax');
    assert.deepEqual(syntax.map(render), [
      `${line + 1}:${column + 1} error registry-syntax: YAML: Nested mappings are not allowed in compact mappings. Until this is fixed, Marginalia keeps using registry.yaml as it last loaded.`,
    ]);
    // The transcriptions are still read with the registry as it last loaded: Molotov is still known.
    assert.equal((await editor.hoverText(seedUri, at(seedLines, 15, 'Molotov')))?.split('\n\n')[0], '**Viacheslav Mikhailovich Molotov** (1890–1986) — person');
    // Still answering, on the seed and on the broken registry.
    assert.ok((await editor.hoverText(seedUri, at(seedLines, 14, '07/05/50')))!.startsWith('**Wednesday 5 July 1950**'));
    await editor.hover(registryUri, { line, character: 10 });
    const fixed = editor.serial;
    await editor.change(registryUri, [{ text: registryText }]);
    await editor.diagnostics(registryUri, (d) => d.length === 0, 'no registry problems', fixed);
    await editor.close(registryUri);
    assert.ok(editor.alive);
  });

  test('a transcription outside any corpus is read as the command line reads it: default settings, no registry', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'marginalia-outside-'));
    try {
      const file = path.join(dir, 'notes.txt');
      writeFileSync(file, newUserLetter);
      const outsideUri = pathToFileURL(file).toString();
      await editor.open(outsideUri, newUserLetter);
      const diagnostics = await editor.diagnostics(outsideUri, (d) => d.length > 0, 'the outside file checked');
      // What `marginalia check notes.txt` prints, finding for finding.
      const cli = spawnSync(process.execPath, [path.join(repoRoot, 'server', 'out', 'cli.js'), 'check', file, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(cli.stderr, `marginalia: ${file} is in no corpus (no marginalia.yaml above it); checking it with default settings and no registry.\n`);
      const fromCli = (JSON.parse(cli.stdout) as Array<{ range: Range; severity: string; code: string; message: string }>).map(
        (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}: ${f.message}`,
      );
      assert.deepEqual(diagnostics.map(render), fromCli);
      assert.deepEqual(diagnostics.map(render), [
        '1:25 information unknown-person: "Ivanov" is named in the header; the corpus has no registry to say who this is.',
        '1:35 information unknown-person: "Petrov" is named in the header; the corpus has no registry to say who this is.',
        '7:9 hint meridiem-24h: "23:45 p.m." is a 24-hour time with p.m.; read as 23:45.',
      ]);
      // No registry, so each name is told once, as information; the documents are read and explained.
      assert.match((await editor.hoverText(outsideUri, { line: 0, character: 26 }))!, /^\*\*Document 1 — Letter, Ivanov to Petrov, 5 July 1950\*\*\n\n/);
      assert.deepEqual((await editor.symbols(outsideUri)).map((s) => s.name), ['Document 1 — Letter, Ivanov to Petrov, 5 July 1950']);
      // Not a corpus: the whole-corpus check and the status count the seed only.
      const checked = await editor.connection.sendRequest(checkCorpusRequest);
      assert.deepEqual([checked.corpora, checked.files], [1, 1]);
      // A file that is no transcription (by the default globs) gets nothing.
      const notesUri = pathToFileURL(path.join(dir, 'notes.md')).toString();
      await editor.open(notesUri, newUserLetter, 'markdown');
      assert.equal(await editor.hover(notesUri, { line: 6, character: 10 }), null);
      assert.deepEqual(await editor.symbols(notesUri), []);
      await editor.close(notesUri);
      const served = editor.serial;
      await editor.close(outsideUri);
      await editor.diagnostics(outsideUri, (d) => d.length === 0, 'cleared when closed', served);
      assert.equal(editor.published.filter((p) => p.uri === notesUri).length, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('garbage never crashes it', async () => {
    const garbageUri = pathToFileURL(path.join(corpusRoot, 'zz-garbage-not-on-disk.txt')).toString();
    let junk = '';
    for (let i = 0; i < 2000; i++) junk += String.fromCharCode((i * 7919) % 0x2fff) + (i % 97 === 0 ? '\n' : '');
    const texts = [
      junk,
      'Document : : :\n[[[[[[\n]]]]\nDocument 1: Letter, ( to ), 99 Smarch 1950\n[Source: , fond , opis , delo , list ]\n# # ## ###\n31/31/31 99:99 a.m.\n',
      'Document 1: ' + 'Filippov ('.repeat(2000),
      '\u0000\uffff\ud800 Document 7: Ciphered Telegram, Filippov (Stalin) to \r\r\n\n Comrade \t',
      '',
    ];
    await editor.open(garbageUri, texts[0]!);
    for (const text of texts) {
      await editor.change(garbageUri, [{ text }]);
      await editor.hover(garbageUri, { line: 0, character: 5 });
      await editor.hover(garbageUri, { line: 10_000, character: 99_999 });
      await editor.definition(garbageUri, { line: 3, character: 2 });
      await editor.references(garbageUri, { line: 0, character: 14 });
      await editor.symbols(garbageUri);
      await editor.inlayHints(garbageUri, 100_000);
      await editor.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: garbageUri }, position: { line: 0, character: 3 } });
      await editor.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: garbageUri } });
      await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: garbageUri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: [] } });
    }
    // Requests about files nobody opened, and a range edit past the end of the text.
    await editor.hover('file:///nonexistent/dir/x.txt', { line: 0, character: 0 });
    await editor.hover('untitled:Untitled-1', { line: 0, character: 0 });
    await editor.change(garbageUri, [{ range: { start: { line: 500, character: 500 }, end: { line: 600, character: 0 } }, text: 'Document 99: Letter' }]);
    const served = editor.serial;
    await editor.close(garbageUri);
    await editor.diagnostics(garbageUri, (d) => d.length === 0, 'the closed, never-saved file cleared', served);
    assert.ok(editor.alive, 'the server is still running');
    assert.ok((await editor.hoverText(seedUri, at(seedLines, 51, 'Instantsia')))!.startsWith('**Instantsia**'));
  });
});

// ---------------------------------------------------------------------------------------------

describe('files changing on disk (a copy of the corpus in a folder with spaces and parentheses)', () => {
  let editor: Editor;
  let root: string;
  let tmp: string;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-disk-'));
    root = path.join(tmp, 'Mansourov (1995) corpus');
    mkdirSync(root);
    cpSync(corpusRoot, root, { recursive: true });
    editor = await Editor.start(root);
  });
  after(async () => {
    await editor?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const reply = [
    'Document 12: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], 30 September 1950',
    '',
    'I received your telegram of 1.10.50 [1 October 1950].',
    '',
    '30 September 1950',
    '',
  ].join('\n');
  const message = ['Document 10: Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai, 1 October 1950', '', 'I await your reply.', '', '1 October 1950', ''].join('\n');

  test('the corpus is published at start-up, without anything open', async () => {
    const seed = await editor.diagnostics(uriOf(path.basename(seedPath)), (d) => d.length > 0, 'the copy of the seed');
    assert.deepEqual(seed.map(render).sort(), [...seedFindings].sort());
  });

  test('a transcription created, changed, renamed and deleted on disk', async () => {
    const file = path.join(root, 'reply.txt');
    writeFileSync(file, reply);
    let served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('reply.txt'), type: FileChangeType.Created }] });
    const created = await editor.diagnostics(uriOf('reply.txt'), (d) => d.some((x) => x.code === 'reply-before-message'), 'reply-before-message', served);
    assert.deepEqual(created.find((x) => x.code === 'reply-before-message')!.range, { start: { line: 2, character: 11 }, end: { line: 2, character: 35 } });
    // The new file counts for references across the corpus.
    const refs = await editor.references(uriOf('reply.txt'), { line: 0, character: 70 });
    assert.equal(refs.filter((l) => l.uri === uriOf('reply.txt')).length, 1, 'Filippov [Stalin] in its header: one mention');

    writeFileSync(file, reply.replace(/30 September 1950/g, '3 October 1950'));
    served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('reply.txt'), type: FileChangeType.Changed }] });
    await editor.diagnostics(uriOf('reply.txt'), (d) => !d.some((x) => x.code === 'reply-before-message'), 'the reply dated after the message', served);

    writeFileSync(file, reply);
    renameSync(file, path.join(root, 'renamed reply.txt'));
    served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('reply.txt'), type: FileChangeType.Deleted },
        { uri: uriOf('renamed reply.txt'), type: FileChangeType.Created },
      ],
    });
    await editor.diagnostics(uriOf('renamed reply.txt'), (d) => d.some((x) => x.code === 'reply-before-message'), 'the renamed file', served);
    await editor.until('the old name cleared', () => editor.latest(uriOf('reply.txt'))?.length === 0);

    unlinkSync(path.join(root, 'renamed reply.txt'));
    served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('renamed reply.txt'), type: FileChangeType.Deleted }] });
    await editor.diagnostics(uriOf('renamed reply.txt'), (d) => d.length === 0, 'cleared after deletion', served);
    assert.equal(await editor.hover(uriOf('renamed reply.txt'), { line: 0, character: 70 }), null);
  });

  test('an edit to one file re-publishes another whose findings point into it (debounce loses nothing)', async () => {
    writeFileSync(path.join(root, 'a reply.txt'), reply);
    writeFileSync(path.join(root, 'b message.txt'), message);
    let served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('a reply.txt'), type: FileChangeType.Created },
        { uri: uriOf('b message.txt'), type: FileChangeType.Created },
      ],
    });
    const related = (d: Diagnostic[]) => d.find((x) => x.code === 'reply-before-message')?.relatedInformation?.find((r) => r.location.uri === uriOf('b message.txt'));
    await editor.diagnostics(uriOf('a reply.txt'), (d) => related(d)?.location.range.start.line === 0, 'the reply pointing at line 1 of the message', served);

    // Quick edits to both files, inside one pause: the reply follows the message's last state.
    await editor.open(uriOf('a reply.txt'), reply);
    await editor.open(uriOf('b message.txt'), message);
    served = editor.serial;
    await editor.change(uriOf('b message.txt'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await editor.change(uriOf('b message.txt'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await editor.change(uriOf('a reply.txt'), [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '\n' }]);
    await editor.change(uriOf('b message.txt'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const moved = await editor.diagnostics(uriOf('a reply.txt'), (d) => related(d)?.location.range.start.line === 3, 'the reply pointing at line 4 of the message', served);
    assert.equal(related(moved)!.message, 'the telegram of 1 October 1950');

    // One keystroke: the edited file is published first, without waiting; the file pointing into it after the pause.
    served = editor.serial;
    await editor.change(uriOf('b message.txt'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await editor.diagnostics(uriOf('a reply.txt'), (d) => related(d)?.location.range.start.line === 4, 'the reply pointing at line 5 of the message', served);
    const order = editor.published.filter((p) => p.serial > served).map((p) => path.basename(decodeURIComponent(p.uri)));
    assert.deepEqual([order[0], order.at(-1)], ['b message.txt', 'a reply.txt']);
    await editor.close(uriOf('a reply.txt'));
    await editor.close(uriOf('b message.txt'));
    unlinkSync(path.join(root, 'a reply.txt'));
    unlinkSync(path.join(root, 'b message.txt'));
    served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('a reply.txt'), type: FileChangeType.Deleted },
        { uri: uriOf('b message.txt'), type: FileChangeType.Deleted },
      ],
    });
    await editor.diagnostics(uriOf('a reply.txt'), (d) => d.length === 0, 'the reply cleared', served);
  });

  test('URIs spelt the way VS Code spells them (%20, %28, %29) reach the same files', async () => {
    const plain = uriOf(path.basename(seedPath));
    const vscodeStyle = plain.replace(/\(/g, '%28').replace(/\)/g, '%29');
    assert.notEqual(vscodeStyle, plain);
    const served = editor.serial;
    await editor.open(vscodeStyle, seedText);
    try {
      const diagnostics = await editor.diagnostics(vscodeStyle, (d) => d.length > 0, "the seed under the editor's URI", served);
      assert.deepEqual(diagnostics.map(render).sort(), [...seedFindings].sort());
      assert.equal(diagnostics.find((d) => d.code === 'delivered-before-dated')!.relatedInformation![0]!.location.uri, vscodeStyle);
      assert.ok((await editor.hoverText(vscodeStyle, at(seedLines, 51, 'Instantsia')))!.startsWith('**Instantsia**'));
      const defs = await editor.definition(vscodeStyle, at(seedLines, 128, 'telegram of'));
      assert.deepEqual(defs.map((d) => d.uri), [vscodeStyle]);
      const registryDefs = await editor.definition(vscodeStyle, at(seedLines, 51, 'Instantsia'));
      assert.deepEqual(registryDefs.map((d) => d.uri), [uriOf('registry.yaml'), uriOf('registry.yaml')], 'a file not open keeps its canonical URI');
    } finally {
      await editor.close(vscodeStyle);
    }
  });

  test('marginalia.yaml edited in the editor: its rules apply at once, its mistakes are reported at their line', async () => {
    const settingsUri = uriOf('marginalia.yaml');
    const seedCopy = uriOf(path.basename(seedPath));
    const original = readFileSync(path.join(root, 'marginalia.yaml'), 'utf8');
    const settingsLines = original.split('\n');
    let served = editor.serial;
    await editor.open(settingsUri, original.replace('rules: {}', 'rules: { meridiem-24h: off }'), 'yaml');
    await editor.diagnostics(seedCopy, (d) => sameSet(d, seedFindings.filter((f) => !f.includes('meridiem-24h'))), 'without the meridiem hints', served);

    served = editor.serial;
    await editor.change(settingsUri, [{ text: original.replace('rules: {}', 'rules: { meridiem-24h: loud }') }]);
    const problems = await editor.diagnostics(settingsUri, (d) => d.some((x) => x.code === 'corpus-settings'), 'a corpus-settings error', served);
    const rulesLine = settingsLines.findIndex((l) => l.startsWith('rules:'));
    assert.deepEqual(
      problems.map((x) => [x.range.start.line, x.severity, x.code]),
      [[rulesLine, 1, 'corpus-settings']],
    );
    assert.match(String(problems[0]!.message), /loud/);

    // A comment added above changes no reading: the error moves down a line, and no transcription is read or published again.
    const roundTrip = () => editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seedCopy }, position: { line: 0, character: 0 } });
    await editor.diagnostics(seedCopy, (d) => sameSet(d, seedFindings), 'the meridiem hints back', served);
    await roundTrip();
    served = editor.serial;
    await editor.change(settingsUri, [{ text: '# settings of the edition\n' + original.replace('rules: {}', 'rules: { meridiem-24h: loud }') }]);
    const moved = await editor.diagnostics(settingsUri, (d) => d[0]?.range.start.line === rulesLine + 1, 'the error a line down', served);
    assert.deepEqual(moved.map((x) => [x.range.start.line, x.code]), [[rulesLine + 1, 'corpus-settings']]);
    await roundTrip();
    assert.deepEqual(editor.published.filter((p) => p.serial > served && p.uri !== settingsUri).map((p) => p.uri), []);

    served = editor.serial;
    await editor.close(settingsUri);
    await editor.diagnostics(settingsUri, (d) => d.length === 0, 'the settings problem cleared', served);
    await roundTrip();
    assert.ok(sameSet(editor.latest(seedCopy)!, seedFindings), 'the findings of the file on disk');
  });

  test('deleting marginalia.yaml takes the corpus away with its diagnostics', async () => {
    const seedCopy = uriOf(path.basename(seedPath));
    unlinkSync(path.join(root, 'marginalia.yaml'));
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('marginalia.yaml'), type: FileChangeType.Deleted }] });
    await editor.until('the seed copy cleared', () => editor.latest(seedCopy)?.length === 0);
    assert.equal(await editor.hover(seedCopy, at(seedLines, 51, 'Instantsia')), null);
    // And back: a new marginalia.yaml makes it a corpus again.
    cpSync(path.join(corpusRoot, 'marginalia.yaml'), path.join(root, 'marginalia.yaml'));
    const served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('marginalia.yaml'), type: FileChangeType.Created }] });
    await editor.diagnostics(seedCopy, (d) => sameSet(d, seedFindings), 'the seed copy again', served);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a new user's folder: no marginalia.yaml, then one, then its registry", () => {
  let editor: Editor;
  let root: string;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const checkCorpus = () => editor.connection.sendRequest(checkCorpusRequest);
  const unknown = (name: string, column: number) => `1:${column} warning unknown-person: "${name}" is named in the header but is not in the registry.`;
  const meridiem = '7:9 hint meridiem-24h: "23:45 p.m." is a 24-hour time with p.m.; read as 23:45.';
  /** Without a registry a name is told once, as information. */
  const unregistered = (name: string, column: number) => `1:${column} information unknown-person: "${name}" is named in the header; the corpus has no registry to say who this is.`;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'marginalia-new-user-'));
    writeFileSync(path.join(root, 'letters.txt'), newUserLetter);
    editor = await Editor.start(root);
  });
  after(async () => {
    await editor?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('with no corpus open, the whole-corpus check says 0 corpora (not a clean bill of health)', async () => {
    await editor.until('the end of indexing', () => editor.statuses.some((s) => !s.indexing));
    assert.deepEqual(await checkCorpus(), { corpora: 0, files: 0, documents: 0, errors: 0, warnings: 0, information: 0, hints: 0, accepted: 0 });
  });

  test('the server says which texts read as transcriptions, for the offer to make a corpus', async () => {
    const ask = (text: string) => editor.connection.sendRequest(looksLikeTranscriptionRequest, { text });
    assert.equal(await ask(newUserLetter), true, 'a Document line');
    assert.equal(await ask('John Hancock to the New York Committee of Safety\n\nCongress Chamber July 19. 1775\n\nGentlemen, I have the honour.\n'), true, 'a heading and a dateline');
    assert.equal(await ask('London, March 6, 1951—7 p. m.\n\nThe Foreign Office tells me.\n'), true, 'a dateline');
    assert.equal(await ask('Submitted at 23:45 p.m. on 07/05/50\n'), false, 'a stamp alone');
    assert.equal(await ask('Buy milk\nand eggs\n\nNotes to self\n'), false, 'a shopping list');
  });

  test('a marginalia.yaml written beside the open file makes a corpus of the folder, without a restart', async () => {
    await editor.open(uriOf('letters.txt'), newUserLetter);
    await editor.diagnostics(uriOf('letters.txt'), (d) => sameSet(d, [unregistered('Ivanov', 25), unregistered('Petrov', 35), meridiem]), 'read outside any corpus');
    // What "Make this folder a corpus" does: write the file, and tell the server it was created.
    writeFileSync(path.join(root, 'marginalia.yaml'), 'transcriptions: ["**/*.txt"]\nregistry: [registry.yaml]\nrules: {}\naccepted: []\n');
    const served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('marginalia.yaml'), type: FileChangeType.Created }] });
    await editor.diagnostics(uriOf('letters.txt'), (d) => sameSet(d, [unknown('Ivanov', 25), unknown('Petrov', 35), meridiem]), 'read in the corpus, with its registry', served);
    const settings = await editor.diagnostics(uriOf('marginalia.yaml'), (d) => d.length > 0, 'the missing registry', served);
    assert.deepEqual(settings.map(render), ['1:1 error corpus-settings: The registry file registry.yaml could not be read: ENOENT']);
    assert.deepEqual(await checkCorpus(), { corpora: 1, files: 1, documents: 1, errors: 1, warnings: 2, information: 0, hints: 1, accepted: 0 });
  });

  test('Start the Registry from this Corpus proposes the two people, with where each is first named', async () => {
    const proposal = await editor.connection.sendRequest(proposeRegistryRequest, { uri: uriOf('letters.txt') });
    assert.equal(
      proposal,
      [
        '# Proposed by Marginalia from what the corpus names and its registry lacks.',
        '# Review every entry: merge forms of one person, add roles, and give each place its zone',
        '# (an IANA time zone such as Asia/Seoul) before copying what is right into the registry.',
        'people:',
        '  - id: ivanov',
        '    name: "Ivanov"',
        '    forms: ["Ivanov"]',
        '    role: ""',
        '    note: "named once, first at letters.txt:1:25; to be checked"',
        '  - id: petrov',
        '    name: "Petrov"',
        '    forms: ["Petrov"]',
        '    role: ""',
        '    note: "named once, first at letters.txt:1:35; to be checked"',
        '',
      ].join('\n'),
    );
    assert.equal(await editor.connection.sendRequest(proposeRegistryRequest, { uri: pathToFileURL(path.join(os.tmpdir(), 'nowhere.txt')).toString() }), null);
  });

  test('"Add to the registry" with no registry file creates it, and the file clears its "could not be read" error', async () => {
    const letters = uriOf('letters.txt');
    const findings = editor.latest(letters)!;
    const ivanov = findings.find((d) => String(d.message).startsWith('"Ivanov"'))!;
    const actions = (await editor.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: letters },
      range: ivanov.range,
      context: { diagnostics: [ivanov] },
    })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add "Ivanov" to the registry')!;
    assert.ok(add, actions.map((a) => a.title).join('; '));
    assert.equal(add.kind, 'quickfix');
    const stub = 'people:\n  - id: ivanov\n    name: "Ivanov"\n    forms: ["Ivanov"]\n    role: ""  # to be filled in\n';
    assert.deepEqual(add.edit, {
      documentChanges: [
        { kind: 'create', uri: uriOf('registry.yaml'), options: { ignoreIfExists: true } },
        { textDocument: { uri: uriOf('registry.yaml'), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: stub }] },
      ],
    });
    // The editor applies it: the file appears on disk, and Ivanov is known.
    writeFileSync(path.join(root, 'registry.yaml'), stub);
    const served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('registry.yaml'), type: FileChangeType.Created }] });
    await editor.diagnostics(uriOf('marginalia.yaml'), (d) => d.length === 0, 'the registry error cleared', served);
    await editor.diagnostics(letters, (d) => sameSet(d, [unknown('Petrov', 35), meridiem]), 'Ivanov known', served);
    // With the file there, the next person is added to it, after Ivanov, and nothing is created.
    const petrov = editor.latest(letters)!.find((d) => String(d.message).startsWith('"Petrov"'))!;
    const next = (await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: letters }, range: petrov.range, context: { diagnostics: [petrov] } })) as CodeAction[];
    assert.deepEqual(next.find((a) => a.title === 'Add "Petrov" to the registry')!.edit, {
      changes: { [uriOf('registry.yaml')]: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '  - id: petrov\n    name: "Petrov"\n    forms: ["Petrov"]\n    role: ""  # to be filled in\n' }] },
    });
  });

  test('a registry file deleted says so again, and written back clears it again', async () => {
    const text = readFileSync(path.join(root, 'registry.yaml'), 'utf8');
    unlinkSync(path.join(root, 'registry.yaml'));
    let served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('registry.yaml'), type: FileChangeType.Deleted }] });
    const settings = await editor.diagnostics(uriOf('marginalia.yaml'), (d) => d.length > 0, 'the registry missing again', served);
    assert.deepEqual(settings.map(render), ['1:1 error corpus-settings: The registry file registry.yaml could not be read: ENOENT']);
    writeFileSync(path.join(root, 'registry.yaml'), text);
    served = editor.serial;
    await editor.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('registry.yaml'), type: FileChangeType.Created }] });
    await editor.diagnostics(uriOf('marginalia.yaml'), (d) => d.length === 0, 'cleared again', served);
  });
});
