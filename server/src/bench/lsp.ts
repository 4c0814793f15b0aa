// The language server over stdio, as an editor drives it (the part of `npm run bench` after the
// CLI): initialize → every file's diagnostics published, the server's resident memory then,
// hovers at 1,000 random names and dates (p50/p95), and the time from a one-character didChange
// to that file's new diagnostics in a 20-document and a 2,000-document file (the server checks
// and publishes the edited file at once; its dependents wait for a pause, see publication.ts).

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createMessageConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { defaultSettings } from '../protocol.js';
import { writeCorpus } from './corpus.js';

const serverJs = path.resolve(__dirname, '../server.js');

/** The server over stdio, as an editor drives it (the bench's, and scheduling.test.ts's). */
export class Session {
  readonly connection: MessageConnection;
  /** Publications per URI, counted. */
  readonly published = new Map<string, number>();
  /** The diagnostics last published per URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** What arrived, in order: `progress begin`, `progress end`, `diagnostics <uri>`, and what the caller notes. */
  readonly events: string[] = [];
  private waiters: Array<() => void> = [];

  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    private readonly timeoutMs = 300_000,
  ) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onRequest(WorkDoneProgressCreateRequest.method, () => null);
    this.connection.onRequest(RegistrationRequest.method, () => null);
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'marginalia' ? structuredClone(defaultSettings) : null)));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, (this.published.get(p.uri) ?? 0) + 1);
      this.diagnostics.set(p.uri, p.diagnostics);
      this.note(`diagnostics ${p.uri}`);
    });
    this.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      if (p.value.kind !== 'report') this.note(`progress ${p.value.kind}`);
    });
    this.connection.listen();
  }

  /** Logs an event and wakes whoever waits for a condition. */
  note(event: string): void {
    this.events.push(event);
    for (const w of this.waiters) w();
  }

  static async start(folder: string, timeoutMs?: number): Promise<Session> {
    const session = new Session(spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe' }), timeoutMs);
    const uri = pathToFileURL(folder).toString();
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: null,
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Resolves when `condition` holds after an event; gives up after the timeout. */
  until(condition: () => boolean): Promise<boolean> {
    if (condition()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), this.timeoutMs);
      const check = () => condition() && finish(true);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(ok);
      };
      this.waiters.push(check);
    });
  }

  residentMiB(): number | undefined {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
      return kb ? Number(kb) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      setTimeout(() => this.child.kill(), 1000).unref();
    }
  }
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Places to hover: names and dates as they stand in the files. */
function hoverTargets(files: string[], count: number): Array<{ uri: string; line: number; character: number }> {
  const all: Array<{ uri: string; line: number; character: number }> = [];
  const pattern = /\b(?:Stalin|Filippov|Shtykov|Kim Il Sung|Gromyko|Zhou Enlai|Instantsia|\d{1,2} (?:July|August|September|October|November|December) 1950|\d\d\/\d\d\/50)\b/g;
  for (const file of files.slice(0, 50)) {
    const uri = pathToFileURL(file).toString();
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, line) => {
        for (const m of text.matchAll(pattern)) all.push({ uri, line, character: m.index! + 1 });
      });
  }
  let seed = 1950;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => all[Math.floor(next() * all.length)]!);
}

async function indexAndHover(documents: number, outDir: string): Promise<Record<string, number | undefined>> {
  const corpus = writeCorpus(path.join(outDir, `server-${documents}`), documents);
  const uris = corpus.files.map((f) => pathToFileURL(f).toString());
  const start = process.hrtime.bigint();
  const session = await Session.start(corpus.folder);
  // A hover in the last file, sent at once: the server reads that file out of turn and answers.
  const [early] = hoverTargets(corpus.files.slice(-1), 1);
  await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: early!.uri }, position: { line: early!.line, character: early!.character } });
  const firstHoverMs = ms(start);
  session.note('hover answered');
  await session.until(() => session.events.includes('progress end') && uris.every((u) => session.published.has(u)));
  const indexMs = ms(start);
  const hoverDuringIndexing = session.events.indexOf('hover answered') < session.events.indexOf('progress end');
  const residentMiB = session.residentMiB();
  const hovers: number[] = [];
  for (const target of hoverTargets(corpus.files, 1000)) {
    const t = process.hrtime.bigint();
    await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: target.uri }, position: { line: target.line, character: target.character } });
    hovers.push(ms(t));
  }
  const registryMs = await registryKeystroke(session, corpus.folder);
  await session.stop();
  return { documents, indexMs, firstHoverMs, hoverDuringIndexing: hoverDuringIndexing ? 1 : 0, residentMiB, hoverP50Ms: percentile(hovers, 50), hoverP95Ms: percentile(hovers, 95), registryMs };
}

/**
 * A person the corpus names and the registry lacks (a warning in every file that names him) added
 * to the open registry in one edit: the time until no file's diagnostics warn of him, the
 * server's pause for the typist (250 ms) included.
 */
async function registryKeystroke(session: Session, folder: string): Promise<number> {
  const file = path.join(folder, 'registry.yaml');
  const uri = pathToFileURL(file).toString();
  const text = readFileSync(file, 'utf8');
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const warned = () => [...session.diagnostics.values()].some((list) => list.some((d) => String(d.message).startsWith('"Vyshinsky" is named')));
  if (!warned()) throw new Error('the bench corpus no longer names Vyshinsky without the registry knowing him');
  const line = text.split('\n').findIndex((l) => l === 'people:') + 1;
  const start = process.hrtime.bigint();
  await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '  - id: vyshinsky\n    name: Andrei Vyshinsky\n    forms: [Vyshinsky]\n' }],
  });
  await session.until(() => !warned());
  return ms(start);
}

/** One character typed in the middle document of a file of `documents` documents, 20 times. */
async function typing(documents: number, outDir: string): Promise<Record<string, number>> {
  const corpus = writeCorpus(path.join(outDir, `typing-${documents}`), documents, 7, documents);
  const file = corpus.files[0]!;
  const uri = pathToFileURL(file).toString();
  const session = await Session.start(corpus.folder);
  await session.until(() => session.published.has(uri));
  let text = readFileSync(file, 'utf8');
  await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'transcription', version: 1, text } });
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('Re your telegram'));
  const latencies: number[] = [];
  for (let k = 0; k < 20; k++) {
    const before = session.published.get(uri) ?? 0;
    const t = process.hrtime.bigint();
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: k + 2 },
      contentChanges: [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: 'x' }],
    });
    await session.until(() => (session.published.get(uri) ?? 0) > before);
    latencies.push(ms(t));
  }
  text = '';
  await session.stop();
  return { documents, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

export async function benchServer(outDir: string, documents = 10_000): Promise<unknown> {
  const index = await indexAndHover(documents, outDir);
  console.log(
    `server, ${documents} documents: initialize → every diagnostic ${(index.indexMs! / 1000).toFixed(1)} s, RSS then ${index.residentMiB?.toFixed(0) ?? '–'} MiB; ` +
      `hover p50 ${index.hoverP50Ms!.toFixed(1)} ms, p95 ${index.hoverP95Ms!.toFixed(1)} ms (1,000 at names and dates)`,
  );
  console.log(`server, ${documents} documents: a person added in the registry → no file warns of him ${index.registryMs!.toFixed(0)} ms (the 250 ms pause included)`);
  console.log(
    `server, ${documents} documents: first hover (in the last file, sent with initialized) answered ${(index.firstHoverMs! / 1000).toFixed(2)} s after initialize, ` +
      (index.hoverDuringIndexing ? 'during indexing' : 'after indexing ended'),
  );
  const edits = [];
  for (const n of [20, 2000]) {
    const e = await typing(n, outDir);
    edits.push(e);
    console.log(`server, a character typed in a ${n}-document file → its diagnostics: p50 ${e.p50Ms!.toFixed(0)} ms, p95 ${e.p95Ms!.toFixed(0)} ms`);
  }
  return { index, typing: edits };
}
