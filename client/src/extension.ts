// The VS Code side of Marginalia, kept thin: it starts the language server, tells VS Code which
// files are transcriptions, and wires the status bar item, the output channel and the commands
// to the server's custom requests (server/src/protocol.ts). Everything a historian sees about the
// text itself — hovers, diagnostics, inlay hints, semantic tokens — comes from the server.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  checkCorpusRequest,
  proposeRegistryRequest,
  corpusStatusNotification,
  registryEntryRequest,
  settingsFileName,
  type CheckCorpusResult,
  type CorpusStatus,
  type MarginaliaSettings,
  type RegistryEntryParams,
} from '../../server/src/protocol.js';
import { FindingActions } from './findings.js';
import { MentionsView } from './mentions.js';
import { checkCorpusMessage, CorpusSetup, makeCorpusChoice } from './setup.js';

const languageId = 'transcription';

/** What the extension returns from activate(), for the integration tests. */
export interface MarginaliaApi {
  /** The language client, once started (undefined if the server module is missing). */
  readonly client: LanguageClient | undefined;
  /** The last corpus status the server sent. */
  readonly status: CorpusStatus | undefined;
  /** Whether a file lies in a corpus (a folder chain holding marginalia.yaml). */
  isInCorpus(uri: vscode.Uri): boolean;
  /** The offer to make a folder a corpus; the tests replace its `ask`. */
  readonly setup: CorpusSetup;
  /** The commands of a finding's code actions; the tests replace their questions. */
  readonly findings: FindingActions;
  /** The Mentions by Role view. */
  readonly mentions: MentionsView;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<MarginaliaApi> {
  const output = vscode.window.createOutputChannel('Marginalia', { log: true });
  context.subscriptions.push(output);

  const corpora = new CorpusLocator();
  const languages = new TranscriptionLanguage(corpora, output);
  context.subscriptions.push(languages);

  const statusItem = new CorpusStatusItem();
  context.subscriptions.push(statusItem);

  // A marginalia.yaml made or deleted changes which files are transcriptions.
  const corpusMade = () => {
    corpora.forget();
    languages.assignOpenDocuments();
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${settingsFileName}`, false, true, false);
  context.subscriptions.push(watcher, watcher.onDidCreate(corpusMade), watcher.onDidDelete(() => corpora.forget()));
  const setup = new CorpusSetup(context.workspaceState, () => client, (uri) => corpora.isInCorpus(uri), corpusMade, output);

  const findings = new FindingActions(() => client, context.subscriptions);
  const mentions = new MentionsView(() => client, context.subscriptions);
  client = createClient(context, output);
  if (client) {
    const started = client;
    context.subscriptions.push(
      started.onDidChangeState((e) => {
        if (e.newState === State.Stopped) statusItem.showStopped();
      }),
      started.onNotification(corpusStatusNotification, (status) => statusItem.update(status)),
    );
    try {
      await started.start();
    } catch (error) {
      output.appendLine(`The Marginalia language server did not start: ${describe(error)}`);
      statusItem.showStopped();
    }
  } else {
    statusItem.showMissingServer();
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('marginalia.restartServer', async () => {
      if (!client) {
        void vscode.window.showErrorMessage('Marginalia: the language server is not built (run `npm run build`).');
        return;
      }
      output.appendLine('Restarting the language server…');
      await (client.state === State.Stopped ? client.start() : client.restart());
    }),
    vscode.commands.registerCommand('marginalia.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('marginalia.openRegistryEntry', () => openRegistryEntry()),
    vscode.commands.registerCommand('marginalia.checkCorpus', () => checkCorpus(setup)),
    vscode.commands.registerCommand('marginalia.makeCorpus', (folder?: vscode.Uri) => setup.makeCorpus(folder)),
    vscode.commands.registerCommand('marginalia.startRegistry', () => startRegistry()),
    vscode.workspace.onDidOpenTextDocument((document) => void setup.offer(document)),
  );

  // Last, so that the server (if any) sees the documents whose language changes.
  languages.assignOpenDocuments();
  for (const document of vscode.workspace.textDocuments) void setup.offer(document);

  return {
    get client() {
      return client;
    },
    get status() {
      return statusItem.status;
    },
    isInCorpus: (uri) => corpora.isInCorpus(uri),
    setup,
    findings,
    mentions,
  };
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  client = undefined;
}

// ---------------------------------------------------------------------------------------------
// The language server

/**
 * server/out/server.js while developing (what `npm run build` makes), dist/server.js when
 * packaged (the package leaves server/out out). The development build wins when both exist, so
 * that a stale dist/ in a working tree is never run.
 */
function serverModule(context: vscode.ExtensionContext): string | undefined {
  const candidates = [path.join('server', 'out', 'server.js'), path.join('dist', 'server.js')].map((p) => context.asAbsolutePath(p));
  return candidates.find((p) => fs.existsSync(p));
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient | undefined {
  const module = serverModule(context);
  if (!module) {
    output.appendLine('No language server found: neither server/out/server.js nor dist/server.js exists. Run `npm run build`.');
    return undefined;
  }
  output.appendLine(`Language server: ${module}`);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: languageId },
      // The corpus's own YAML files: settings and registry (other registry file names are still
      // read from disk by the server; only these get diagnostics while being edited).
      { language: 'yaml', pattern: `**/${settingsFileName}` },
      { language: 'yaml', pattern: '**/registry.{yaml,yml}' },
      { language: 'yaml', pattern: '**/registry/**/*.{yaml,yml}' },
      { language: 'yaml', pattern: '**/*.registry.{yaml,yml}' },
    ],
    synchronize: { configurationSection: 'marginalia' },
    initializationOptions: currentSettings(),
    outputChannel: output,
    traceOutputChannel: output,
  };
  // The id 'marginalia' makes the client read the `marginalia.trace.server` setting.
  return new LanguageClient('marginalia', 'Marginalia', serverOptions, clientOptions);
}

function currentSettings(): MarginaliaSettings {
  const config = vscode.workspace.getConfiguration('marginalia');
  return {
    rules: config.get<MarginaliaSettings['rules']>('rules', {}),
    inlayHints: {
      coverNames: config.get<boolean>('inlayHints.coverNames', true),
      numericDates: config.get<boolean>('inlayHints.numericDates', true),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Which files are transcriptions

/**
 * A corpus is a folder with marginalia.yaml at its root (DESIGN.md). This only answers "is there
 * a marginalia.yaml in this file's folder or above it", with a cache per folder that a change to
 * any marginalia.yaml clears.
 */
class CorpusLocator {
  private readonly cache = new Map<string, boolean>();

  isInCorpus(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file') return false;
    return this.folderIsInCorpus(path.dirname(uri.fsPath));
  }

  forget(): void {
    this.cache.clear();
  }

  private folderIsInCorpus(folder: string): boolean {
    const known = this.cache.get(folder);
    if (known !== undefined) return known;
    let found = fs.existsSync(path.join(folder, settingsFileName));
    if (!found) {
      const parent = path.dirname(folder);
      found = parent !== folder && this.folderIsInCorpus(parent);
    }
    this.cache.set(folder, found);
    return found;
  }
}

/**
 * `.transcript` files are transcriptions by their extension (package.json). A `.txt` file is one
 * when it lies in a corpus: VS Code has no `filenamePatterns` for "inside a folder holding
 * marginalia.yaml", so such files are switched with `languages.setTextDocumentLanguage` when they
 * open as plain text — unless the user has just switched that file back to plain text, which is
 * respected for the rest of the session.
 */
class TranscriptionLanguage implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** When a transcription document last closed, per URI: a close and reopen as plain text within a moment is the user changing the language mode. */
  private readonly closedAt = new Map<string, number>();
  private readonly userChosePlainText = new Set<string>();

  constructor(
    private readonly corpora: CorpusLocator,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.assign(document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.languageId === languageId) this.closedAt.set(document.uri.toString(), Date.now());
      }),
    );
  }

  assignOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) this.assign(document);
  }

  private assign(document: vscode.TextDocument): void {
    if (document.languageId !== 'plaintext' || !document.uri.fsPath.toLowerCase().endsWith('.txt')) return;
    const key = document.uri.toString();
    if (this.userChosePlainText.has(key)) return;
    const closed = this.closedAt.get(key);
    if (closed !== undefined && Date.now() - closed < 1000) {
      this.userChosePlainText.add(key);
      return;
    }
    if (!this.corpora.isInCorpus(document.uri)) return;
    vscode.languages.setTextDocumentLanguage(document, languageId).then(undefined, (error: unknown) => {
      this.output.appendLine(`Could not mark ${document.uri.fsPath} as a transcription: ${describe(error)}`);
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// The status bar item

class CorpusStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('marginalia.status', vscode.StatusBarAlignment.Left, 10);
  status: CorpusStatus | undefined;

  constructor() {
    this.item.name = 'Marginalia';
    this.item.command = 'workbench.actions.view.problems';
    this.item.text = '$(sync~spin) Marginalia';
    this.item.tooltip = 'Marginalia: starting the language server';
    this.item.show();
  }

  update(status: CorpusStatus): void {
    this.status = status;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (status.indexing) {
      this.item.text = '$(sync~spin) Marginalia: indexing';
      this.item.tooltip = 'Marginalia is reading the corpus';
    } else {
      const problems = status.errors + status.warnings;
      this.item.text = `$(book) ${status.documents} docs · ${status.people} people${problems ? ` · $(warning) ${problems}` : ''}`;
      this.item.tooltip = [
        `Marginalia: ${status.corpora === 1 ? '1 corpus' : `${status.corpora} corpora`}`,
        `${plural(status.documents, 'document')} and ${status.people} people indexed`,
        `${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`,
        'Click to show the Problems view',
      ].join('\n');
    }
    this.item.backgroundColor = status.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  showStopped(): void {
    this.item.text = '$(circle-slash) Marginalia';
    this.item.tooltip = 'The Marginalia language server has stopped. Run "Marginalia: Restart Language Server", or see "Marginalia: Show Output".';
    this.item.command = 'marginalia.showOutput';
    this.item.show();
  }

  showMissingServer(): void {
    this.item.text = '$(circle-slash) Marginalia';
    this.item.tooltip = 'The Marginalia language server is not built: run `npm run build`.';
    this.item.command = 'marginalia.showOutput';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

async function openRegistryEntry(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== languageId) {
    void vscode.window.showInformationMessage('Marginalia: put the cursor on a name in a transcription first.');
    return;
  }
  const running = await runningClient();
  if (!running) return;
  const params: RegistryEntryParams = {
    uri: running.code2ProtocolConverter.asUri(editor.document.uri),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  const entry = await running.sendRequest(registryEntryRequest, params);
  if (!entry) {
    const word = editor.document.getText(editor.document.getWordRangeAtPosition(editor.selection.active));
    void vscode.window.showInformationMessage(`Marginalia: no registry entry for ${word ? `"${word}"` : 'the text at the cursor'}.`);
    return;
  }
  const range = new vscode.Range(entry.range.start.line, entry.range.start.character, entry.range.end.line, entry.range.end.character);
  await vscode.window.showTextDocument(running.protocol2CodeConverter.asUri(entry.uri), { selection: range, preview: false });
}

/**
 * "Start the Registry from this Corpus": the entries the server proposes, in a new YAML document
 * for the editors to review and copy into their registry. Nothing is written to any file.
 */
async function startRegistry(): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== languageId) {
    void vscode.window.showInformationMessage('Marginalia: open a transcription of the corpus first.');
    return undefined;
  }
  const running = await runningClient();
  if (!running) return undefined;
  const proposal = await running.sendRequest(proposeRegistryRequest, { uri: running.code2ProtocolConverter.asUri(editor.document.uri) });
  if (proposal === null) {
    void vscode.window.showInformationMessage('Marginalia: this file is in no corpus; make its folder a corpus first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: proposal });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

async function checkCorpus(setup: CorpusSetup): Promise<CheckCorpusResult | undefined> {
  const running = await runningClient();
  if (!running) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Marginalia: checking the whole corpus' },
    () => running.sendRequest(checkCorpusRequest),
  );
  // No corpus open: say so, rather than "0 files: 0 errors" as if all were well.
  const { message, choices } = checkCorpusMessage(result);
  void setup.ask(message, ...choices).then((choice) => {
    if (choice === makeCorpusChoice) void setup.makeCorpus();
    else if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}

async function runningClient(): Promise<LanguageClient | undefined> {
  if (!client) {
    void vscode.window.showErrorMessage('Marginalia: the language server is not built (run `npm run build`).');
    return undefined;
  }
  if (client.state === State.Stopped) await client.start();
  return client;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
