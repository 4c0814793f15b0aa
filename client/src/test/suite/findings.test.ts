// A finding the editors can act on, as VS Code offers it: the code actions on the Document 13
// warning of the seed, and "Accept this discrepancy…" writing the reason in marginalia.yaml, after
// which the warning goes. marginalia.yaml is put back as it was after each test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, corpusFolder, eventually, eventuallyAsync, seedUri, waitForLanguage } from './helpers';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const warning13 = () => vscode.languages.getDiagnostics(seedUri()).find((d) => codeOf(d) === 'delivered-before-dated');
const reason = 'The editors date the letter 7 October; see their note.';

/** The lenses of the seed, once Document 13's reads `… · ${findings}`. */
async function lensesOfDocument13(findings: string): Promise<string[]> {
  const expected = `152: Document 13 · Letter · 7 October 1950 · Fyn Si → Kim Il Sung · ${findings}`;
  let last: string[] = [];
  await eventuallyAsync(`the lens "${expected}"`, async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', seedUri());
    last = lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title ?? ''}`);
    return last.includes(expected) ? true : undefined;
  }).catch((error: Error) => assert.fail(`${error.message}; the lenses: ${last.join(' | ')}`));
  return last;
}

suite('A finding you can act on', () => {
  const settingsPath = () => path.join(corpusFolder(), 'marginalia.yaml');
  let original = '';

  suiteSetup(async () => {
    original = fs.readFileSync(settingsPath(), 'utf8');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seedUri()));
    await waitForLanguage(seedUri(), 'transcription');
  });

  teardown(async () => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === settingsPath());
    if (open && open.getText() !== original) {
      const all = new vscode.WorkspaceEdit();
      all.replace(open.uri, new vscode.Range(0, 0, open.lineCount, 0), original);
      await vscode.workspace.applyEdit(all);
      await open.save();
    }
    fs.writeFileSync(settingsPath(), original);
    await eventually('the Document 13 warning back', warning13, 20_000);
  });

  test('a code lens above each document says how it was read', async () => {
    const titles = await lensesOfDocument13('3 findings');
    assert.equal(titles.length, 11);
  });

  test('the Document 13 warning offers Accept, the severity and the description, as quick fixes', async () => {
    const warning = await eventually('the Document 13 warning', warning13, 20_000);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri(), warning.range);
    assert.deepEqual(
      actions.filter((a) => a.command).map((a) => [a.title, a.kind?.value]),
      [
        ['Accept this discrepancy…', 'quickfix.marginalia.accept'],
        ['Change the severity of delivered-before-dated for the corpus…', 'quickfix.marginalia.severity'],
        ['Show the description of delivered-before-dated', 'quickfix.marginalia.describe'],
      ],
    );
    const api = await activatedApi();
    const shown: string[] = [];
    const show = api.findings.show;
    api.findings.show = async (message, detail) => shown.push(`${message}: ${detail}`);
    try {
      const describe = actions.find((a) => a.kind?.value === 'quickfix.marginalia.describe')!;
      await vscode.commands.executeCommand(describe.command!.command, ...(describe.command!.arguments ?? []));
    } finally {
      api.findings.show = show;
    }
    assert.equal(shown.length, 1);
    assert.match(shown[0]!, /^Marginalia rule delivered-before-dated \(warning in this corpus\): /);
  });

  test('Accept this discrepancy… writes the reason under accepted: in marginalia.yaml, and the warning goes', async () => {
    const warning = await eventually('the Document 13 warning', warning13, 20_000);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri(), warning.range);
    const accept = actions.find((a) => a.title === 'Accept this discrepancy…');
    assert.ok(accept?.command, actions.map((a) => a.title).join('; '));
    const api = await activatedApi();
    const asked: string[] = [];
    const ask = api.findings.askReason;
    api.findings.askReason = async (code) => (asked.push(code), reason);
    try {
      await vscode.commands.executeCommand(accept.command.command, ...(accept.command.arguments ?? []));
    } finally {
      api.findings.askReason = ask;
    }
    assert.deepEqual(asked, ['delivered-before-dated']);
    assert.equal(
      fs.readFileSync(settingsPath(), 'utf8'),
      original.replace(
        'accepted: []',
        `accepted:\n  - code: delivered-before-dated\n    file: 000_bae709cea1c958ec.txt\n    document: "13"\n    reason: ${reason}`,
      ),
    );
    await eventually('the Document 13 warning to go', () => (warning13() ? undefined : true), 20_000);
    await lensesOfDocument13('2 findings');
    // The transcription was not touched.
    const seed = vscode.workspace.textDocuments.find((d) => d.uri.toString() === seedUri().toString())!;
    assert.equal(seed.isDirty, false);
    await eventuallyAsync('no Accept once accepted', async () => {
      const after = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', seedUri(), warning.range);
      return after.some((a) => a.title === 'Accept this discrepancy…') ? undefined : true;
    });
  });
});
