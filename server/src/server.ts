// The language server: LSP wiring only. Each request is forwarded to a plain function of the
// language service (server/src/service) over the corpus the file belongs to; this file converts
// between the service's plain data and LSP's types, and decides when to publish diagnostics.
//
//   node server/out/server.js --stdio        (or --node-ipc, as VS Code starts it)

import path from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  InsertTextFormat,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type CreateFile,
  type TextEdit,
  type WorkspaceEdit,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkFile, checkRegistry, CorpusFindings } from './checks/index.js';
import { ruleByCode } from './checks/rules/index.js';
import type { Finding, Severity } from './model/types.js';
import {
  checkCorpusRequest,
  corpusStatusNotification,
  defaultSettings,
  looksLikeTranscriptionRequest,
  readClientSettings,
  registryEntryRequest,
  type CheckCorpusResult,
  type LooksLikeTranscriptionParams,
  type CorpusStatus,
  type MarginaliaSettings,
  type RegistryEntryParams,
  type RegistryEntryResult,
} from './protocol.js';
import { codeActions, completion, inlayHints, type CodeActionData } from './service/editing.js';
import { looksLikeTranscription } from './service/setup.js';
import { hover } from './service/hover.js';
import { definition, references } from './service/navigation.js';
import { documentLinks, encodeSemanticTokens, foldingRanges, semanticTokens, semanticTokenTypes } from './service/presentation.js';
import { documentSymbols, workspaceSymbols, type OutlineSymbol, type SymbolRole } from './service/symbols.js';
import { canonicalUri, pathOf, Workspace, type Affected, type CorpusHandle } from './workspace.js';

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const symbolKind: Record<SymbolRole, SymbolKind> = {
  document: SymbolKind.File,
  header: SymbolKind.String,
  stamp: SymbolKind.Event,
  body: SymbolKind.Namespace,
  source: SymbolKind.Key,
  distribution: SymbolKind.Array,
  person: SymbolKind.Constructor,
  'cover-name': SymbolKind.Interface,
  place: SymbolKind.Module,
  organisation: SymbolKind.Class,
  archive: SymbolKind.Package,
};

/** How long the server waits after an edit before it re-checks: typing makes a change per key. */
const checkDelayMs = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  let settings: MarginaliaSettings = defaultSettings;
  let canPullSettings = false;
  let canWatchFiles = false;
  let canRefreshInlayHints = false;
  let folders: string[] = [];
  /** Until the workspace's corpora are read, the status says so (rather than "0 documents"). */
  let indexing = true;

  /** The URI the editor uses for a file it has open; the canonical one otherwise. */
  const clientUris = new Map<string, string>();
  const toClient = (uri: string) => clientUris.get(uri) ?? uri;
  const located = <T extends { uri: string }>(l: T): T => ({ ...l, uri: toClient(l.uri) });

  /** A request handler that answers `fallback` (and logs) instead of failing on a bug of ours. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`Marginalia: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
    const options = params.initializationOptions as Partial<MarginaliaSettings> | undefined;
    if (options && typeof options === 'object') settings = readClientSettings(options);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Marginalia' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
        inlayHintProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] }, full: true },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'marginalia' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullSettings) await refreshSettings();
    if (canWatchFiles) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,transcript,yaml,yml}' }] })
        .catch((error: unknown) => connection.console.warn(`Marginalia: could not watch files: ${String(error)}`));
    }
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Marginalia: indexing transcriptions', 0, undefined, false);
    indexing = true;
    sendStatus();
    try {
      for (const folder of folders) {
        workspace.addFolder(folder, (root, done, total) => {
          if (done === 0 || done === total || done % 25 === 0) {
            progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files of ${path.basename(root)}`);
          }
        });
      }
    } catch (error) {
      connection.console.error(`Marginalia: indexing failed: ${String(error)}`);
    } finally {
      indexing = false;
      progress?.done();
    }
    for (const handle of workspace.handles()) publishCorpus(handle, new Set(), true);
    sendStatus();
  });

  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => {
    for (const removed of params.event.removed) {
      const folder = pathOf(removed.uri);
      if (folder) for (const handle of workspace.removeFolder(folder)) clearCorpus(handle.root);
    }
    for (const added of params.event.added) {
      const folder = pathOf(added.uri);
      if (folder) for (const handle of workspace.addFolder(folder)) publishCorpus(handle, new Set(), true);
    }
    sendStatus();
  });

  async function refreshSettings(): Promise<void> {
    try {
      const value = (await connection.workspace.getConfiguration('marginalia')) as Partial<MarginaliaSettings> | null;
      settings = readClientSettings(value ?? {});
    } catch (error) {
      connection.console.warn(`Marginalia: could not read the settings: ${String(error)}`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullSettings) await refreshSettings();
    else settings = readClientSettings((change.settings as { marginalia?: Partial<MarginaliaSettings> } | undefined)?.marginalia ?? {});
    for (const handle of workspace.handles()) publishCorpus(handle, new Set(), true);
    sendStatus();
    if (canRefreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  // ------------------------------------------------------------------------------------------
  // Keeping the index in step, and publishing what the checks find.
  //
  // The index is updated at once on every change, so requests always see the latest text. The
  // checks run once the typist pauses, over the changed files and the files whose findings depend
  // on them (a reply and the message it answers, two dates of one telegram number); a registry or
  // settings change re-checks the corpus. One timer per corpus collects every change meanwhile.

  const pending = new Map<string, { timer?: NodeJS.Timeout; changed: Set<string>; all: boolean }>();

  function afterChange(affected: Affected | undefined): void {
    for (const root of workspace.takeReplaced()) clearCorpus(root); // outside files a new corpus took in
    if (!affected) return;
    const root = affected.handle.root;
    if (affected.removed) {
      clearTimeout(pending.get(root)?.timer);
      pending.delete(root);
      clearCorpus(root);
      sendStatus();
      return;
    }
    const entry = pending.get(root) ?? { changed: new Set<string>(), all: false };
    entry.changed.add(affected.uri);
    if (affected.dependents === 'all') entry.all = true;
    else for (const uri of affected.dependents) entry.changed.add(uri);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(
      guard('checking', undefined, () => {
        pending.delete(root);
        const handle = workspace.handleOf(root);
        if (handle) publishCorpus(handle, entry.changed, entry.all);
        else clearCorpus(root);
        sendStatus();
      }),
      checkDelayMs,
    );
    pending.set(root, entry);
  }

  const canonicalOf = (e: { document: TextDocument }) => canonicalUri(e.document.uri);
  documents.onDidOpen(
    guard('opening a file', undefined, (e) => {
      const uri = canonicalOf(e);
      clientUris.set(uri, e.document.uri);
      afterChange(workspace.setText(uri, e.document.getText()));
    }),
  );
  documents.onDidChangeContent(guard('updating a file', undefined, (e) => afterChange(workspace.setText(canonicalOf(e), e.document.getText()))));
  documents.onDidClose(
    guard('closing a file', undefined, (e) => {
      const uri = canonicalOf(e);
      clientUris.delete(uri);
      afterChange(workspace.close(uri));
    }),
  );
  connection.onDidChangeWatchedFiles(
    guard('following files on disk', undefined, (params) => {
      for (const change of params.changes) afterChange(workspace.diskChanged(canonicalUri(change.uri)));
    }),
  );

  function toDiagnostic(f: Finding): Diagnostic {
    const d: Diagnostic = {
      range: f.range,
      severity: severity[f.severity],
      code: f.code,
      source: 'marginalia',
      message: f.message,
    };
    if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: toClient(r.uri), range: r.range }, message: r.message }));
    if (ruleByCode(f.code)?.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
    return d;
  }

  /** The diagnostics last sent per file (as JSON), and the files of each corpus that have some. */
  const sent = new Map<string, string>();
  const published = new Map<string, Set<string>>();
  const summaries = new Map<string, CheckCorpusResult>();

  function send(uri: string, diagnostics: Diagnostic[]): void {
    connection.sendDiagnostics({ uri: toClient(uri), diagnostics });
  }

  /** Findings per corpus, kept between edits (see CorpusFindings). */
  const findingsOf = new Map<string, CorpusFindings>();

  function findingsFor(handle: CorpusHandle): CorpusFindings {
    let findings = findingsOf.get(handle.root);
    if (!findings || findings.corpus !== handle.corpus) {
      // A reloaded corpus (marginalia.yaml changed) is a new index: start afresh.
      findings = new CorpusFindings(handle.corpus, settings.rules);
      findingsOf.set(handle.root, findings);
    }
    return findings;
  }

  /**
   * Re-checks the `changed` files (or all) and publishes their findings (the changed files' even
   * when unchanged, so the editor knows they were checked), and those of the registry
   * and marginalia.yaml; other files keep what they were sent. Returns the corpus's totals.
   */
  function publishCorpus(handle: CorpusHandle, changed: Set<string>, all = false): CheckCorpusResult {
    const findings = findingsFor(handle);
    findings.invalidate(all ? 'all' : changed, settings.rules);
    const byUri = new Map<string, Finding[]>();
    const add = (f: Finding) => byUri.set(f.uri, [...(byUri.get(f.uri) ?? []), f]);
    for (const f of checkRegistry(handle.corpus, handle.settingsUri, settings.rules)) add(f);
    const summary = noFindings(1);
    const count = (list: Finding[]) => {
      for (const f of list) {
        if (f.severity === 'error') summary.errors++;
        else if (f.severity === 'warning') summary.warnings++;
        else if (f.severity === 'information') summary.information++;
        else summary.hints++;
      }
    };
    for (const list of byUri.values()) count(list);
    const files = new Set<string>();
    for (const [uri, result] of findings.all()) {
      files.add(uri);
      summary.files++;
      summary.documents += handle.corpus.file(uri)?.documents.length ?? 0;
      summary.accepted += result.accepted.length;
      count(result.findings);
      if (all || changed.has(uri) || byUri.has(uri)) byUri.set(uri, [...(byUri.get(uri) ?? []), ...result.findings]);
    }
    const before = published.get(handle.root) ?? new Set<string>();
    const now = new Set([...before].filter((uri) => files.has(uri) && !byUri.has(uri)));
    for (const [uri, list] of byUri) {
      const diagnostics = list.map(toDiagnostic);
      const json = JSON.stringify(diagnostics);
      if (changed.has(uri) || json !== (sent.get(uri) ?? '[]')) send(uri, diagnostics);
      if (diagnostics.length) {
        sent.set(uri, json);
        now.add(uri);
      } else sent.delete(uri);
    }
    // Files that had diagnostics and are gone from the corpus, and changed files of no role now.
    for (const uri of new Set([...before, ...changed])) {
      if (byUri.has(uri) || files.has(uri)) continue;
      send(uri, []);
      sent.delete(uri);
    }
    published.set(handle.root, now);
    summaries.set(handle.root, summary);
    return summary;
  }

  /** A corpus left the workspace: take back everything it published. */
  function clearCorpus(root: string): void {
    for (const uri of published.get(root) ?? []) {
      send(uri, []);
      sent.delete(uri);
    }
    published.delete(root);
    summaries.delete(root);
  }

  function status(): CorpusStatus {
    const s: CorpusStatus = { corpora: 0, documents: 0, people: 0, errors: 0, warnings: 0, indexing };
    for (const h of workspace.handles()) {
      s.corpora++;
      const summary = summaries.get(h.root);
      if (summary) {
        s.errors += summary.errors;
        s.warnings += summary.warnings;
      }
      for (const file of h.corpus.allFiles()) s.documents += file.documents.length;
      s.people += h.corpus.registry.entries.filter((e) => e.kind === 'person').length;
    }
    return s;
  }

  function sendStatus(): void {
    connection.sendNotification(corpusStatusNotification, status()).catch(() => undefined);
  }

  // ------------------------------------------------------------------------------------------
  // Features: each forwards to the language service, with the file's canonical URI.

  /** The corpus of a file the editor asks about; for an open transcription outside every corpus, its own. */
  const corpusOf = (uri: string) => workspace.handleFor(canonicalUri(uri))?.corpus;

  connection.onHover(
    guard('hover', null, ({ textDocument, position }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      const result = corpus && hover(corpus, uri, position);
      return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
    }),
  );

  connection.onDefinition(
    guard('go to definition', [], ({ textDocument, position }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return corpus ? definition(corpus, uri, position).map(located) : [];
    }),
  );

  connection.onReferences(
    guard('find references', [], ({ textDocument, position, context }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return corpus ? references(corpus, uri, position, context.includeDeclaration).map(located) : [];
    }),
  );

  connection.onDocumentSymbol(
    guard('document symbols', [], ({ textDocument }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      const convert = (s: OutlineSymbol): DocumentSymbol => {
        const symbol: DocumentSymbol = { name: s.name, kind: symbolKind[s.role], range: s.range, selectionRange: s.selectionRange, children: s.children.map(convert) };
        if (s.detail) symbol.detail = s.detail;
        return symbol;
      };
      return corpus ? documentSymbols(corpus, uri).map(convert) : [];
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspace symbols', [], ({ query }) =>
      workspace.handles().flatMap((h) =>
        workspaceSymbols(h.corpus, query).map((s) => ({ name: s.name, kind: symbolKind[s.role], location: { uri: toClient(s.uri), range: s.range }, containerName: s.container })),
      ),
    ),
  );

  connection.onCompletion(
    guard('completion', [], ({ textDocument, position }) => {
      const corpus = corpusOf(textDocument.uri);
      const doc = documents.get(textDocument.uri);
      if (!corpus || !doc) return [];
      const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
      const kinds: Record<string, CompletionItemKind> = {
        person: CompletionItemKind.Constructor,
        'cover-name': CompletionItemKind.Interface,
        archive: CompletionItemKind.Module,
        snippet: CompletionItemKind.Snippet,
      };
      return completion(corpus, line, position).map((c) => ({
        label: c.label,
        kind: kinds[c.kind] ?? CompletionItemKind.Text,
        detail: c.detail,
        textEdit: { range: c.range, newText: c.insertText },
        insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      }));
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], ({ textDocument, range }) => {
      const uri = canonicalUri(textDocument.uri);
      const handle = workspace.handleFor(uri);
      const doc = documents.get(textDocument.uri);
      if (!handle || !doc || !handle.corpus.file(uri)) return [];
      // Asked on every move of the cursor: the kept findings serve unless an edit awaits its check.
      const checked = pending.has(handle.root) ? checkFile(handle.corpus, uri, settings.rules) : findingsFor(handle).of(uri);
      const findings = checked.findings.filter((f) => f.range.start.line <= range.end.line && f.range.end.line >= range.start.line);
      return codeActions(handle.corpus, uri, range, findings, doc.getText(), (u) => workspace.textOf(u)).map((a) => ({
        title: a.title,
        kind: a.fixes.length ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
        isPreferred: a.preferred,
        diagnostics: findings.filter((f) => a.fixes.includes(f.code)).map(toDiagnostic),
        edit: workspaceEdit(a, toClient),
      }));
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlay hints', [], ({ textDocument, range }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return corpus ? inlayHints(corpus, uri, range, settings.inlayHints).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: false })) : [];
    }),
  );

  connection.languages.semanticTokens.on(
    guard('semantic tokens', { data: [] }, ({ textDocument }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return { data: corpus ? encodeSemanticTokens(semanticTokens(corpus, uri)) : [] };
    }),
  );

  connection.onFoldingRanges(
    guard('folding', [], ({ textDocument }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return corpus ? foldingRanges(corpus, uri) : [];
    }),
  );

  connection.onDocumentLinks(
    guard('document links', [], ({ textDocument }) => {
      const uri = canonicalUri(textDocument.uri);
      const corpus = corpusOf(uri);
      return corpus ? documentLinks(corpus, uri) : [];
    }),
  );

  connection.onRequest(
    registryEntryRequest,
    guard('registry entry', null, (params: RegistryEntryParams): RegistryEntryResult => {
      const uri = canonicalUri(params.uri);
      const corpus = corpusOf(uri);
      if (!corpus) return null;
      const entry = definition(corpus, uri, params.position).find((l) => corpus.registry.files.includes(l.uri));
      return entry ? located(entry) : null;
    }),
  );

  connection.onRequest(looksLikeTranscriptionRequest, guard('reading a text', false, (p: LooksLikeTranscriptionParams) => looksLikeTranscription(p.text)));

  connection.onRequest(
    checkCorpusRequest,
    guard('checking the corpus', noFindings(0), (): CheckCorpusResult => {
      const result = noFindings(0);
      for (const handle of workspace.handles()) {
        const summary = publishCorpus(handle, new Set(), true);
        for (const key of Object.keys(result) as Array<keyof CheckCorpusResult>) result[key] += summary[key];
      }
      sendStatus();
      return result;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

const noFindings = (corpora: number): CheckCorpusResult => ({ corpora, files: 0, documents: 0, errors: 0, warnings: 0, information: 0, hints: 0, accepted: 0 });

/** A code action's edits as LSP's: plain changes, or, when it creates a file (a registry not yet written), the creation first. */
function workspaceEdit(action: CodeActionData, toClient: (uri: string) => string): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of action.edits) (changes[toClient(e.uri)] ??= []).push({ range: e.range, newText: e.newText });
  if (!action.creates?.length) return { changes };
  const creates: CreateFile[] = action.creates.map((uri) => ({ kind: 'create', uri: toClient(uri), options: { ignoreIfExists: true } }));
  return { documentChanges: [...creates, ...Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits }))] };
}

// Run when started as a program (`node server.js --stdio`), not when imported by a test.
if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`Marginalia: ${error.stack ?? String(error)}`));
  startServer(connection);
}
