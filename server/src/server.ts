// The language server: LSP wiring only. Each request is forwarded to a plain function of the
// language service (server/src/service) over the corpus the file belongs to; this file converts
// between the service's plain data and LSP's types, and decides when to publish diagnostics.
//
//   node server/out/server.js --stdio        (or --node-ipc, as VS Code starts it)

import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  ProposedFeatures,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkFile, checkRegistry } from './checks/index.js';
import type { Finding, Severity } from './model/types.js';
import {
  checkCorpusRequest,
  corpusStatusNotification,
  defaultSettings,
  registryEntryRequest,
  type CheckCorpusResult,
  type CorpusStatus,
  type MarginaliaSettings,
  type RegistryEntryParams,
  type RegistryEntryResult,
} from './protocol.js';
import { codeActions, completion, inlayHints } from './service/editing.js';
import { hover } from './service/hover.js';
import { definition, references } from './service/navigation.js';
import { documentLinks, encodeSemanticTokens, foldingRanges, semanticTokens, semanticTokenTypes } from './service/presentation.js';
import { documentSymbols, workspaceSymbols, type OutlineSymbol, type SymbolRole } from './service/symbols.js';
import { pathOf, Workspace, type Affected, type CorpusHandle } from './workspace.js';

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

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  let settings: MarginaliaSettings = defaultSettings;
  let canPullSettings = false;
  let canWatchFiles = false;
  let folders: string[] = [];
  /** Files that have diagnostics now, per corpus root, so that a cleared file is cleared. */
  const published = new Map<string, Set<string>>();
  let indexing = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
    const options = params.initializationOptions as Partial<MarginaliaSettings> | undefined;
    if (options) settings = mergeSettings(options);
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
      },
      serverInfo: { name: 'marginalia' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullSettings) await refreshSettings();
    if (canWatchFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{txt,transcript,yaml,yml}' }],
      });
    }
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Marginalia: indexing transcriptions', 0, undefined, false);
    indexing = true;
    sendStatus();
    try {
      for (const folder of folders) workspace.addFolder(folder, (root) => progress.report(`reading ${root}`));
    } finally {
      indexing = false;
      progress.done();
    }
    for (const handle of workspace.handles()) publishCorpus(handle);
    sendStatus();
  });

  async function refreshSettings(): Promise<void> {
    const value = (await connection.workspace.getConfiguration('marginalia')) as Partial<MarginaliaSettings> | null;
    settings = mergeSettings(value ?? {});
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullSettings) await refreshSettings();
    else settings = mergeSettings((change.settings as { marginalia?: Partial<MarginaliaSettings> } | undefined)?.marginalia ?? {});
    for (const handle of workspace.handles()) publishCorpus(handle);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  });

  // ------------------------------------------------------------------------------------------
  // Keeping the index in step, and publishing what the checks find.

  const pending = new Map<string, NodeJS.Timeout>();
  function afterChange(affected: Affected | undefined): void {
    if (!affected) return;
    const key = affected.transcriptions === 'all' ? `all:${affected.handle.root}` : affected.transcriptions.join('|');
    clearTimeout(pending.get(key));
    // Typing produces a change per keystroke; check once the typist pauses.
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        if (affected.transcriptions === 'all') publishCorpus(affected.handle);
        else for (const uri of affected.transcriptions) publishFile(affected.handle, uri);
        sendStatus();
      }, 150),
    );
  }

  documents.onDidOpen((e) => afterChange(workspace.setText(e.document.uri, e.document.getText())));
  documents.onDidChangeContent((e) => afterChange(workspace.setText(e.document.uri, e.document.getText())));
  documents.onDidClose((e) => afterChange(workspace.close(e.document.uri)));
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const affected = workspace.diskChanged(change.uri);
      if (change.type === FileChangeType.Deleted && affected && affected.transcriptions !== 'all') {
        connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        published.get(affected.handle.root)?.delete(change.uri);
      }
      afterChange(affected);
    }
  });

  function toDiagnostic(f: Finding): Diagnostic {
    const d: Diagnostic = {
      range: f.range,
      severity: severity[f.severity],
      code: f.code,
      source: 'marginalia',
      message: f.message,
    };
    if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
    if (f.code === 'repeated-header') d.tags = [DiagnosticTag.Unnecessary];
    return d;
  }

  function publishFile(handle: CorpusHandle, uri: string): void {
    const findings = handle.corpus.file(uri) ? checkFile(handle.corpus, uri, settings.rules).findings : [];
    connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    const set = published.get(handle.root) ?? new Set();
    if (findings.length) set.add(uri);
    else set.delete(uri);
    published.set(handle.root, set);
  }

  function publishCorpus(handle: CorpusHandle): void {
    const before = published.get(handle.root) ?? new Set<string>();
    const now = new Set<string>();
    const byUri = new Map<string, Finding[]>();
    for (const f of checkRegistry(handle.corpus, handle.settingsUri, settings.rules)) byUri.set(f.uri, [...(byUri.get(f.uri) ?? []), f]);
    for (const file of handle.corpus.allFiles()) byUri.set(file.uri, checkFile(handle.corpus, file.uri, settings.rules).findings);
    for (const [uri, findings] of byUri) {
      if (findings.length === 0 && !before.has(uri)) continue;
      connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
      if (findings.length) now.add(uri);
    }
    for (const uri of before) if (!byUri.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    published.set(handle.root, now);
  }

  function status(): CorpusStatus {
    const s: CorpusStatus = { corpora: 0, documents: 0, people: 0, errors: 0, warnings: 0, indexing };
    for (const h of workspace.handles()) {
      s.corpora++;
      for (const file of h.corpus.allFiles()) {
        s.documents += file.documents.length;
        for (const f of checkFile(h.corpus, file.uri, settings.rules).findings) {
          if (f.severity === 'error') s.errors++;
          else if (f.severity === 'warning') s.warnings++;
        }
      }
      s.people += h.corpus.registry.entries.filter((e) => e.kind === 'person').length;
    }
    return s;
  }

  function sendStatus(): void {
    connection.sendNotification(corpusStatusNotification, status()).catch(() => undefined);
  }

  // ------------------------------------------------------------------------------------------
  // Features: each forwards to the language service.

  const corpusOf = (uri: string) => workspace.corpusOf(uri)?.corpus;

  connection.onHover(({ textDocument, position }) => {
    const corpus = corpusOf(textDocument.uri);
    const result = corpus && hover(corpus, textDocument.uri, position);
    return result ? { contents: { kind: 'markdown', value: result.contents }, range: result.range } : null;
  });

  connection.onDefinition(({ textDocument, position }) => {
    const corpus = corpusOf(textDocument.uri);
    return corpus ? definition(corpus, textDocument.uri, position) : [];
  });

  connection.onReferences(({ textDocument, position, context }) => {
    const corpus = corpusOf(textDocument.uri);
    return corpus ? references(corpus, textDocument.uri, position, context.includeDeclaration) : [];
  });

  connection.onDocumentSymbol(({ textDocument }) => {
    const corpus = corpusOf(textDocument.uri);
    const convert = (s: OutlineSymbol): DocumentSymbol => {
      const symbol: DocumentSymbol = { name: s.name, kind: symbolKind[s.role], range: s.range, selectionRange: s.selectionRange, children: s.children.map(convert) };
      if (s.detail) symbol.detail = s.detail;
      return symbol;
    };
    return corpus ? documentSymbols(corpus, textDocument.uri).map(convert) : [];
  });

  connection.onWorkspaceSymbol(({ query }) =>
    workspace.handles().flatMap((h) =>
      workspaceSymbols(h.corpus, query).map((s) => ({ name: s.name, kind: symbolKind[s.role], location: { uri: s.uri, range: s.range }, containerName: s.container })),
    ),
  );

  connection.onCompletion(({ textDocument, position }) => {
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
  });

  connection.onCodeAction(({ textDocument, range }) => {
    const handle = workspace.corpusOf(textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!handle || !doc) return [];
    const findings = checkFile(handle.corpus, textDocument.uri, settings.rules).findings.filter(
      (f) => f.range.start.line <= range.end.line && f.range.end.line >= range.start.line,
    );
    return codeActions(handle.corpus, textDocument.uri, range, findings, doc.getText()).map((a) => {
      const changes: Record<string, Array<{ range: typeof range; newText: string }>> = {};
      for (const e of a.edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
      return {
        title: a.title,
        kind: a.fixes.length ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
        isPreferred: a.preferred,
        diagnostics: findings.filter((f) => a.fixes.includes(f.code)).map(toDiagnostic),
        edit: { changes },
      };
    });
  });

  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const corpus = corpusOf(textDocument.uri);
    return corpus ? inlayHints(corpus, textDocument.uri, range, settings.inlayHints).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: false })) : [];
  });

  connection.languages.semanticTokens.on(({ textDocument }) => {
    const corpus = corpusOf(textDocument.uri);
    return { data: corpus ? encodeSemanticTokens(semanticTokens(corpus, textDocument.uri)) : [] };
  });

  connection.onFoldingRanges(({ textDocument }) => {
    const corpus = corpusOf(textDocument.uri);
    return corpus ? foldingRanges(corpus, textDocument.uri) : [];
  });

  connection.onDocumentLinks(({ textDocument }) => {
    const corpus = corpusOf(textDocument.uri);
    return corpus ? documentLinks(corpus, textDocument.uri) : [];
  });

  connection.onRequest(registryEntryRequest, (params: RegistryEntryParams): RegistryEntryResult => {
    const corpus = corpusOf(params.uri);
    const found = corpus ? definition(corpus, params.uri, params.position) : [];
    const entry = found.find((l) => corpus!.registry.files.includes(l.uri));
    return entry ?? null;
  });

  connection.onRequest(checkCorpusRequest, (): CheckCorpusResult => {
    const result: CheckCorpusResult = { files: 0, documents: 0, errors: 0, warnings: 0, information: 0, hints: 0, accepted: 0 };
    for (const handle of workspace.handles()) {
      publishCorpus(handle);
      for (const file of handle.corpus.allFiles()) {
        result.files++;
        result.documents += file.documents.length;
        const checked = checkFile(handle.corpus, file.uri, settings.rules);
        result.accepted += checked.accepted.length;
        for (const f of checked.findings) {
          if (f.severity === 'error') result.errors++;
          else if (f.severity === 'warning') result.warnings++;
          else if (f.severity === 'information') result.information++;
          else result.hints++;
        }
      }
    }
    return result;
  });

  documents.listen(connection);
  connection.listen();
}

function mergeSettings(value: Partial<MarginaliaSettings>): MarginaliaSettings {
  return {
    rules: { ...(value.rules ?? {}) },
    inlayHints: { ...defaultSettings.inlayHints, ...(value.inlayHints ?? {}) },
  };
}

// Run when started as a program (`node server.js --stdio`), not when imported by a test.
if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`Marginalia: ${error.stack ?? String(error)}`));
  startServer(connection);
}
