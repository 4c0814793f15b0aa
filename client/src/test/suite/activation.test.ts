import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, extensionId } from './helpers';

suite('Activation', () => {
  test('the extension is installed and activates in a corpus', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    const api = await activatedApi();
    assert.equal(extension.isActive, true);
    assert.equal(typeof api.isInCorpus, 'function');
  });

  test('its four commands are registered', async () => {
    await activatedApi();
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['marginalia.restartServer', 'marginalia.showOutput', 'marginalia.openRegistryEntry', 'marginalia.checkCorpus']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  test('its settings have their documented defaults', () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    assert.deepEqual(config.get('rules'), {});
    assert.equal(config.get('inlayHints.coverNames'), true);
    assert.equal(config.get('inlayHints.numericDates'), true);
    assert.equal(config.get('trace.server'), 'off');
  });

  test('Show Output runs without a language server feature', async () => {
    await activatedApi();
    await vscode.commands.executeCommand('marginalia.showOutput');
  });
});
