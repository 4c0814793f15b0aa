// The language server: LSP wiring only, in the shape of typescript-language-server's
// lsp-connection.ts. Each line registers one request or notification and forwards it to a method
// of LspServer (lsp-server.ts), which asks the language service and converts its answer
// (lsp-convert.ts); when to check and what diagnostics to send is publication.ts's.
//
//   node server/out/server.js --stdio        (or --node-ipc, as VS Code starts it)

import { DidChangeWorkspaceFoldersNotification, ProposedFeatures, TextDocuments, createConnection, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspServer } from './lsp-server.js';
import {
  acceptDiscrepancyRequest,
  checkCorpusRequest,
  looksLikeTranscriptionRequest,
  mentionsByRoleRequest,
  proposeRegistryRequest,
  registryEntryRequest,
  ruleSeverityRequest,
} from './protocol.js';
import { looksLikeTranscription } from './service/setup.js';
import { noFindings } from './publication.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const server = new LspServer(connection, documents);
  const guard = server.guard;

  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => server.initialized());
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params) => server.changeWorkspaceFolders(params));
  connection.onDidChangeConfiguration((change) => server.changeConfiguration(change));

  documents.onDidOpen(guard('opening a file', undefined, (e) => server.opened(e)));
  documents.onDidChangeContent(guard('updating a file', undefined, (e) => server.changed(e)));
  documents.onDidClose(guard('closing a file', undefined, (e) => server.closed(e)));
  connection.onDidChangeWatchedFiles(guard('following files on disk', undefined, (params) => server.watchedFilesChanged(params)));

  connection.onHover(guard('hover', null, (params) => server.hover(params)));
  connection.onDefinition(guard('go to definition', [], (params) => server.definition(params)));
  connection.onReferences(server.guardSliced('find references', [], (params, token) => server.references(params, token)));
  connection.onDocumentSymbol(guard('document symbols', [], (params) => server.documentSymbols(params)));
  connection.onWorkspaceSymbol(server.guardSliced('workspace symbols', [], (params, token) => server.workspaceSymbols(params, token)));
  connection.onCompletion(guard('completion', { isIncomplete: false, items: [] }, (params) => server.completion(params)));
  connection.onCodeAction(guard('code actions', [], (params) => server.codeActions(params)));
  connection.onCodeLens(guard('code lenses', [], (params) => server.codeLenses(params)));
  connection.languages.inlayHint.on(guard('inlay hints', [], (params) => server.inlayHints(params)));
  connection.languages.semanticTokens.on(guard('semantic tokens', { data: [] }, (params) => server.semanticTokens(params)));
  connection.languages.semanticTokens.onRange(guard('semantic tokens', { data: [] }, (params) => server.semanticTokens(params)));
  connection.onFoldingRanges(guard('folding', [], (params) => server.foldingRanges(params)));
  connection.onDocumentLinks(guard('document links', [], (params) => server.documentLinks(params)));

  connection.onRequest(registryEntryRequest, guard('registry entry', null, (params) => server.own.registryEntry(params)));
  connection.onRequest(mentionsByRoleRequest, guard('mentions by role', null, (params) => server.own.mentionsByRole(params)));
  connection.onRequest(looksLikeTranscriptionRequest, guard('reading a text', false, (params) => looksLikeTranscription(params.text)));
  connection.onRequest(proposeRegistryRequest, guard('proposing a registry', null, (params) => server.own.proposeRegistry(params)));
  connection.onRequest(acceptDiscrepancyRequest, guard('accepting a discrepancy', null, (params) => server.own.acceptDiscrepancy(params)));
  connection.onRequest(ruleSeverityRequest, guard("changing a rule's severity", null, (params) => server.own.ruleSeverity(params)));
  connection.onRequest(checkCorpusRequest, guard('checking the corpus', noFindings(0), () => server.own.checkCorpus()));

  documents.listen(connection);
  connection.listen();
}

// Run when started as a program (`node server.js --stdio`), not when imported by a test.
if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`Marginalia: ${error.stack ?? String(error)}`));
  startServer(connection);
}
