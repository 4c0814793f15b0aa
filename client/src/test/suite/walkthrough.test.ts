// The walkthrough (Help → Welcome → Get Started with Marginalia): its four steps, the commands
// their buttons run, and the pages they show, all present; and it opens.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string };
}

suite('Walkthrough', () => {
  const extension = () => vscode.extensions.getExtension(extensionId)!;
  const walkthrough = () => (extension().packageJSON.contributes.walkthroughs as Array<{ id: string; steps: Step[] }>)[0]!;

  test('four steps: open a folder, make it a corpus, start the registry, see a finding', () => {
    assert.deepEqual(
      walkthrough().steps.map((s) => s.title),
      ['Open the folder of your transcriptions', 'Make the folder a corpus', 'Start the registry', 'See a finding'],
    );
  });

  test("each step's button runs a command that exists, and its page is in the extension", async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough().steps) {
      const linked = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
      assert.equal(linked.length, 1, `${step.id}: one button`);
      assert.ok(commands.has(linked[0]!), `${step.id}: the command ${linked[0]} exists`);
      const page = step.media.markdown ?? step.media.image!;
      assert.ok(fs.existsSync(path.join(extension().extensionPath, page)), `${step.id}: ${page} is in the extension`);
    }
  });

  test('it opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${walkthrough().id}`, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
