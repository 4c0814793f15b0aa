// The language server's handlers, one method per LSP request or notification, over the state of
// one connection: the workspace, the settings, the editor's capabilities and the URIs it uses.
// Each request goes to a plain function of the language service (server/src/service) over the
// corpus the file belongs to, and its result through lsp-convert.ts; publication.ts decides when
// to check and what diagnostics to send. server.ts registers these methods on the connection.

import path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type DidChangeWorkspaceFoldersParams,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type InlayHint,
  type InlayHintParams,
  type Range,
  type Location,
  type ReferenceParams,
  type SemanticTokens,
  type SymbolInformation,
  type TextDocumentChangeEvent,
  type TextDocumentIdentifier,
  type TextDocuments,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toCodeAction, toCodeLens, toCompletionList, toDiagnostic, toDocumentSymbol, toHover, toInlayHint, toSymbolInformation } from './lsp-convert.js';
import {
  corpusStatusNotification,
  defaultSettings,
  readClientSettings,
  type CorpusStatus,
  type MarginaliaSettings,
} from './protocol.js';
import { OwnRequests } from './own-requests.js';
import { Publication, type Guard } from './publication.js';
import { Cancelled, Indexing, inSlices, PendingEdits } from './scheduling.js';
import { completion } from './service/completion.js';
import { codeActions, inlayHints } from './service/editing.js';
import { hover } from './service/hover.js';
import { documentLenses } from './service/lenses.js';
import { definition, referencesInSlices } from './service/navigation.js';
import { documentLinks, encodeSemanticTokens, foldingRanges, semanticTokens, semanticTokenTypes } from './service/presentation.js';
import { documentSymbols, workspaceSymbolsInSlices } from './service/symbols.js';
import { canonicalUri, pathOf, Workspace } from './workspace.js';

type DocumentEvent = TextDocumentChangeEvent<TextDocument>;

export class LspServer {
  readonly workspace = new Workspace();
  readonly publication: Publication<Diagnostic>;
  private settings: MarginaliaSettings = defaultSettings;
  private canPullSettings = false;
  private canWatchFiles = false;
  private canRefreshInlayHints = false;
  private canRefreshCodeLenses = false;
  private folders: string[] = [];
  /** The URI the editor uses for a file it has open; the canonical one otherwise. */
  private readonly clientUris = new Map<string, string>();
  private readonly indexing: Indexing;
  /** Edits of open buffers not analysed yet (see scheduling.ts). */
  private readonly edits: PendingEdits;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {
    this.publication = new Publication<Diagnostic>({
      workspace: this.workspace,
      rules: () => this.settings.rules,
      toDiagnostic: (f) => toDiagnostic(f, this.toClient),
      sendDiagnostics: (uri, diagnostics) => void connection.sendDiagnostics({ uri: this.toClient(uri), diagnostics }),
      sendStatus: (status) => {
        this.sendStatus(status);
        // The lenses count findings: after a check (of another file, of marginalia.yaml) they may have changed.
        if (this.canRefreshCodeLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      guard: this.guard,
    });
    this.indexing = new Indexing(this.workspace, this.publication);
    this.edits = new PendingEdits(this.workspace, this.publication);
  }

  /** A handler that answers `fallback` (and logs) instead of failing on a bug of ours. */
  readonly guard: Guard = (name, fallback, handler) => (params) => {
    try {
      return handler(params);
    } catch (error) {
      this.connection.console.error(`Marginalia: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };

  /** The same for a request answered in slices (`inSlices`): a cancelled one answers LSP's RequestCancelled. */
  readonly guardSliced =
    <P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
        return this.guard(name, fallback, () => {
          throw error;
        })(params);
      }
    };

  private readonly toClient = (uri: string): string => this.clientUris.get(uri) ?? uri;
  /** A file's text as the editor sees it, its last edit included even before it is analysed. */
  private readonly textOf = (uri: string): string | undefined => this.edits.textOf(uri) ?? this.workspace.textOf(uri);
  private readonly located = <T extends { uri: string }>(l: T): T => ({ ...l, uri: this.toClient(l.uri) });

  /** The corpus of a file the editor asks about; for an open transcription outside every corpus, its own. */
  private corpusOf(uri: string) {
    return this.workspace.handleFor(canonicalUri(uri))?.corpus;
  }

  /** The file a request is about (canonical URI) and its corpus: its last edit (with `wholeCorpus`, every edit waiting) analysed, and read now if indexing has not reached it. */
  private fileOf(textDocument: TextDocumentIdentifier, wholeCorpus = false) {
    const uri = canonicalUri(textDocument.uri);
    if (wholeCorpus) this.edits.beforeCorpusRequest();
    this.edits.beforeRequestOn(uri);
    const handle = this.workspace.handleFor(uri);
    if (this.indexing.active) this.indexing.readNow(uri, handle);
    return { uri, corpus: handle?.corpus, handle };
  }

  private sendStatus(status: CorpusStatus): void {
    this.connection.sendNotification(corpusStatusNotification, status).catch(() => undefined);
  }

  // ----- lifecycle, settings and folders

  initialize(params: InitializeParams): InitializeResult {
    this.canPullSettings = params.capabilities.workspace?.configuration === true;
    this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    this.canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.map(pathOf).filter((p): p is string => p !== undefined);
    const options = params.initializationOptions as Partial<MarginaliaSettings> | undefined;
    if (options && typeof options === 'object') this.settings = readClientSettings(options);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Marginalia' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] }, full: true, range: true },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'marginalia' },
    };
  }

  /** Reads the settings, watches the files, and indexes the workspace's corpora with progress. */
  async initialized(): Promise<void> {
    const { connection } = this;
    // Before any wait: a request that comes meanwhile reads its own file, not every corpus at once.
    this.indexing.begin(this.folders);
    if (this.canPullSettings) await this.refreshSettings();
    if (this.canWatchFiles) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{txt,transcript,yaml,yml}' }] })
        .catch((error: unknown) => connection.console.warn(`Marginalia: could not watch files: ${String(error)}`));
    }
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Marginalia: indexing transcriptions', 0, undefined, false);
    try {
      await this.indexing.run((root, done, total) => {
        progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files of ${path.basename(root)}`);
      });
    } catch (error) {
      connection.console.error(`Marginalia: indexing failed: ${String(error)}`);
    } finally {
      progress?.done();
    }
  }

  changeWorkspaceFolders(params: DidChangeWorkspaceFoldersParams): void {
    for (const removed of params.event.removed) {
      const folder = pathOf(removed.uri);
      if (folder) for (const handle of this.workspace.removeFolder(folder)) this.publication.clearCorpus(handle.root);
    }
    for (const added of params.event.added) {
      const folder = pathOf(added.uri);
      if (folder) for (const handle of this.workspace.addFolder(folder)) this.publication.publishCorpus(handle, new Set(), true);
    }
    this.publication.sendStatus();
  }

  private async refreshSettings(): Promise<void> {
    try {
      const value = (await this.connection.workspace.getConfiguration('marginalia')) as Partial<MarginaliaSettings> | null;
      this.settings = readClientSettings(value ?? {});
    } catch (error) {
      this.connection.console.warn(`Marginalia: could not read the settings: ${String(error)}`);
    }
  }

  async changeConfiguration(change: DidChangeConfigurationParams): Promise<void> {
    if (this.canPullSettings) await this.refreshSettings();
    else this.settings = readClientSettings((change.settings as { marginalia?: Partial<MarginaliaSettings> } | undefined)?.marginalia ?? {});
    this.publication.publishAll();
    this.publication.sendStatus();
    if (this.canRefreshInlayHints) this.connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  // ----- open buffers and the disk

  opened(e: DocumentEvent): void {
    const uri = canonicalUri(e.document.uri);
    if (uri !== e.document.uri && this.clientUris.get(uri) !== e.document.uri) this.publication.clientNamesChanged();
    this.clientUris.set(uri, e.document.uri);
    this.publication.afterChange(this.workspace.setText(uri, e.document.getText()));
  }

  /** Analysed once the typist pauses, or when a request needs it (see PendingEdits). */
  changed(e: DocumentEvent): void {
    this.edits.set(canonicalUri(e.document.uri), e.document.getText());
  }

  closed(e: DocumentEvent): void {
    const uri = canonicalUri(e.document.uri);
    this.edits.drop(uri);
    if (this.clientUris.get(uri) !== uri) this.publication.clientNamesChanged();
    this.clientUris.delete(uri);
    this.publication.afterChange(this.workspace.close(uri));
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    for (const change of params.changes) this.publication.afterChange(this.workspace.diskChanged(canonicalUri(change.uri)));
  }

  // ----- features: each forwards to the language service, with the file's canonical URI

  hover({ textDocument, position }: HoverParams): Hover | null {
    const { uri, corpus } = this.fileOf(textDocument);
    return toHover(corpus && hover(corpus, uri, position));
  }

  definition({ textDocument, position }: DefinitionParams): Location[] {
    const { uri, corpus } = this.fileOf(textDocument, true);
    return corpus ? definition(corpus, uri, position).map(this.located) : [];
  }

  /** In slices, so that a cancellation (or any other message) is heard while it runs. */
  async references({ textDocument, position, context }: ReferenceParams, token: CancellationToken): Promise<Location[]> {
    const { uri, corpus } = this.fileOf(textDocument, true);
    return corpus ? (await inSlices(referencesInSlices(corpus, uri, position, context.includeDeclaration), token)).map(this.located) : [];
  }

  documentSymbols({ textDocument }: { textDocument: TextDocumentIdentifier }): DocumentSymbol[] {
    const { uri, corpus } = this.fileOf(textDocument);
    return corpus ? documentSymbols(corpus, uri).map(toDocumentSymbol) : [];
  }

  async workspaceSymbols({ query }: WorkspaceSymbolParams, token: CancellationToken): Promise<SymbolInformation[]> {
    this.edits.beforeCorpusRequest();
    const out: SymbolInformation[] = [];
    for (const h of this.workspace.handles()) {
      for (const s of await inSlices(workspaceSymbolsInSlices(h.corpus, query), token)) out.push(toSymbolInformation(s, this.toClient));
    }
    return out;
  }

  completion({ textDocument, position }: CompletionParams): CompletionList {
    const corpus = this.corpusOf(textDocument.uri);
    const doc = this.documents.get(textDocument.uri);
    if (!corpus || !doc) return { isIncomplete: false, items: [] };
    const line = doc.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
    return toCompletionList(completion(corpus, line, position));
  }

  codeActions({ textDocument, range }: CodeActionParams): CodeAction[] {
    const { uri, handle } = this.fileOf(textDocument);
    const doc = this.documents.get(textDocument.uri);
    if (!handle || !doc || !handle.corpus.file(uri)) return [];
    // Asked on every move of the cursor: the kept findings serve unless an edit awaits its check.
    const checked = this.publication.current(handle, uri);
    const findings = checked.findings.filter((f) => f.range.start.line <= range.end.line && f.range.end.line >= range.start.line);
    const actions = codeActions(handle.corpus, uri, range, findings, doc.getText(), this.textOf);
    // A file in no corpus has no marginalia.yaml to accept a finding in.
    const inCorpus = this.workspace.corpusOf(uri) !== undefined;
    return actions.filter((a) => inCorpus || !a.command).map((a) => toCodeAction(a, findings, this.toClient));
  }

  codeLenses({ textDocument }: CodeLensParams): CodeLens[] {
    const { uri, handle } = this.fileOf(textDocument);
    if (!handle?.corpus.file(uri)) return [];
    return documentLenses(handle.corpus, uri, this.publication.current(handle, uri).findings).map(toCodeLens);
  }

  inlayHints({ textDocument, range }: InlayHintParams): InlayHint[] {
    const { uri, corpus } = this.fileOf(textDocument);
    return corpus ? inlayHints(corpus, uri, range, this.settings.inlayHints).map(toInlayHint) : [];
  }

  semanticTokens({ textDocument, range }: { textDocument: TextDocumentIdentifier; range?: Range }): SemanticTokens {
    const { uri, corpus } = this.fileOf(textDocument);
    return { data: corpus ? encodeSemanticTokens(semanticTokens(corpus, uri, range)) : [] };
  }

  foldingRanges({ textDocument }: { textDocument: TextDocumentIdentifier }): FoldingRange[] {
    const { uri, corpus } = this.fileOf(textDocument);
    return corpus ? foldingRanges(corpus, uri) : [];
  }

  documentLinks({ textDocument }: { textDocument: TextDocumentIdentifier }): DocumentLink[] {
    const { uri, corpus } = this.fileOf(textDocument);
    return corpus ? documentLinks(corpus, uri) : [];
  }

  // ----- Marginalia's own requests (protocol.ts): own-requests.ts, over what it needs of this server

  readonly own = new OwnRequests({
    workspace: this.workspace,
    fileOf: (textDocument, wholeCorpus) => this.fileOf(textDocument, wholeCorpus),
    corpusOf: (uri) => this.corpusOf(uri),
    located: this.located,
    toClient: (uri) => this.toClient(uri),
    textOf: (uri) => this.textOf(uri),
    checkAll: () => {
      this.edits.beforeCorpusRequest();
      return this.publication.checkAll();
    },
  });
}
