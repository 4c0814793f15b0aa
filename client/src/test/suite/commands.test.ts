// The client's wiring to the language server: status notification, custom requests, restart.
// These need a running server (server/out/server.js); without one the suite is skipped.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { CheckCorpusResult } from '../../../../server/src/protocol';
import { activatedApi, eventually, seedUri, waitForLanguage } from './helpers';

/** The seed in the editor, the cursor in "Shtykov" of "Comrade Shtykov has reported". */
async function cursorOnShtykov(): Promise<void> {
  const document = await waitForLanguage(seedUri(), 'transcription').catch(async () => {
    await vscode.workspace.openTextDocument(seedUri());
    return waitForLanguage(seedUri(), 'transcription');
  });
  const editor = await vscode.window.showTextDocument(document);
  const line = document.getText().split('\n').findIndex((l) => l.includes('Comrade Shtykov has reported'));
  const character = document.lineAt(line).text.indexOf('Shtykov') + 2;
  editor.selection = new vscode.Selection(line, character, line, character);
}

suite('Commands and status with the language server', function () {
  suiteSetup(async function () {
    const api = await activatedApi();
    if (!api.client) this.skip();
    await eventually('the language server to run', () => (api.client?.state === State.Running ? true : undefined), 30_000).catch(() => this.skip());
  });

  test('the status bar item is fed by the corpus status notification', async () => {
    const api = await activatedApi();
    await vscode.workspace.openTextDocument(seedUri());
    const status = await eventually('an indexed corpus status', () => (api.status && !api.status.indexing ? api.status : undefined), 30_000);
    assert.ok(status.corpora >= 1, `corpora: ${status.corpora}`);
    assert.ok(status.documents >= 11, `documents: ${status.documents} (the seed has Documents 7-17)`);
    assert.ok(status.people > 0, `people: ${status.people}`);
  });

  test('Check Whole Corpus returns the counts of the corpus', async () => {
    const result = await vscode.commands.executeCommand<CheckCorpusResult>('marginalia.checkCorpus');
    assert.ok(result, 'the command returns the server result');
    assert.ok(result.files >= 1, `files: ${result.files}`);
    assert.ok(result.documents >= 11, `documents: ${result.documents}`);
  });

  test('Open Registry Entry on "Shtykov" opens his entry in registry.yaml', async () => {
    await cursorOnShtykov();
    await vscode.commands.executeCommand('marginalia.openRegistryEntry');
    const registry = await eventually('registry.yaml in the active editor', () => {
      const active = vscode.window.activeTextEditor;
      return active && path.basename(active.document.uri.fsPath) === 'registry.yaml' ? active : undefined;
    });
    const around = registry.document.getText(new vscode.Range(registry.selection.start.line, 0, registry.selection.end.line + 1, 0));
    assert.match(around, /shtykov|Shtykov/, `the selection is on Shtykov's entry: ${JSON.stringify(around)}`);
  });

  test('Show Mentions by Role on "Shtykov": a tree by document and role, Document 13 "via"', async () => {
    const api = await activatedApi();
    await cursorOnShtykov();
    await vscode.commands.executeCommand('marginalia.showMentionsByRole');
    const shown = await eventually('the mentions view filled', () => api.mentions.current);
    assert.equal(shown.subject, 'Terentii Fomich Shtykov');
    const doc13 = api.mentions.getChildren().find((n) => n.kind === 'document' && n.doc.title.startsWith('Document 13 '))!;
    assert.deepEqual(
      api.mentions.getChildren(doc13).map((n) => api.mentions.getTreeItem(n)).map((i) => [i.label, i.description]),
      [
        ['through whom it went (via)', '1 mention'],
        ['mentioned', '1 mention'],
      ],
    );
  });

  test('Start the Registry from this Corpus opens the proposal as a new YAML document, and writes no file', async () => {
    const document = await waitForLanguage(seedUri(), 'transcription').catch(async () => {
      await vscode.workspace.openTextDocument(seedUri());
      return waitForLanguage(seedUri(), 'transcription');
    });
    await vscode.window.showTextDocument(document);
    const proposal = await vscode.commands.executeCommand<vscode.TextDocument>('marginalia.startRegistry');
    assert.ok(proposal, 'the command returns the document it opened');
    assert.equal(proposal.uri.scheme, 'untitled');
    assert.equal(proposal.languageId, 'yaml');
    // The seed's registry names everyone the seed names.
    assert.equal(
      proposal.getText(),
      [
        '# Proposed by Marginalia from what the corpus names and its registry lacks.',
        '# Review every entry: merge forms of one person, add roles, and give each place its zone',
        '# (an IANA time zone such as Asia/Seoul) before copying what is right into the registry.',
        '# Everyone and everything the corpus names is in its registry already.',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Restart Language Server brings the server back', async () => {
    const api = await activatedApi();
    await vscode.commands.executeCommand('marginalia.restartServer');
    await eventually('the server to run again', () => (api.client?.state === State.Running ? true : undefined), 30_000);
  });
});
