// A new user's own folder: the offer to make it a corpus when a .txt that reads as a transcription
// opens outside any corpus (once per folder), the command that writes marginalia.yaml and
// registry.yaml (never over an existing file, never touching a transcription), the server picking
// the new corpus up without a restart, and Check Whole Corpus when no corpus is open. The
// scratch folders lie outside the workspace, so no file watcher sees them: only the extension's
// own word to the server does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { Ask, MadeCorpus } from '../../setup';
import { checkCorpusMessage, makeCorpusChoice, notNowChoice, registryTemplate, settingsTemplate } from '../../setup';
import { activatedApi, documentFor, eventually, scratchFolder, sleep, waitForLanguage } from './helpers';

const letter = ['Document 1: Letter from Ivanov to Petrov, 5 July 1950', '', 'I write to you.', '', '5 July 1950', ''].join('\n');

suite("A new user's folder", function () {
  let scratch: string;
  let original: Ask;
  /** Every message the extension showed through its `ask`, with its buttons. */
  const asked: Array<{ message: string; choices: string[] }> = [];
  /** What the test's user answers to the offer. */
  let answer: string | undefined;

  suiteSetup(async function () {
    const api = await activatedApi();
    if (!api.client) this.skip();
    await eventually('the language server to run', () => (api.client?.state === State.Running ? true : undefined), 30_000).catch(() => this.skip());
    scratch = scratchFolder();
    original = api.setup.ask;
    api.setup.ask = async (message, ...choices) => {
      asked.push({ message, choices });
      return choices.includes(makeCorpusChoice) && choices.includes(notNowChoice) ? answer : undefined;
    };
  });
  suiteTeardown(async () => {
    const api = await activatedApi();
    if (original) api.setup.ask = original;
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const offers = (folder: string) => asked.filter((a) => a.choices.includes(makeCorpusChoice) && a.message.includes(`but ${path.basename(folder)} is not a corpus`));
  const folder = (name: string, files: Record<string, string>) => {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
  };

  test('a .txt that reads as a transcription offers "Make this folder a corpus"; accepting writes the two files and the server reads the folder at once', async () => {
    const dir = folder('letters of 1950', { 'letters.txt': letter });
    const uri = vscode.Uri.file(path.join(dir, 'letters.txt'));
    answer = makeCorpusChoice;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [offer] = await eventually('the offer', () => (offers(dir).length ? offers(dir) : undefined));
    assert.deepEqual(offer, {
      message: 'Marginalia: letters.txt looks like a transcription, but letters of 1950 is not a corpus (it has no marginalia.yaml), so Marginalia does not read it.',
      choices: [makeCorpusChoice, notNowChoice],
    });
    await eventually('registry.yaml written', () => (fs.existsSync(path.join(dir, 'registry.yaml')) ? true : undefined));
    assert.equal(fs.readFileSync(path.join(dir, 'marginalia.yaml'), 'utf8'), settingsTemplate);
    assert.equal(fs.readFileSync(path.join(dir, 'registry.yaml'), 'utf8'), registryTemplate);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), letter, 'the transcription is untouched');
    // The open file becomes a transcription, and the server checks it with the new registry.
    await waitForLanguage(uri, 'transcription');
    const diagnostics = await eventually('the unknown people of the letter', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.code === 'unknown-person');
      return d.length === 2 ? d : undefined;
    }, 20_000);
    assert.deepEqual(diagnostics.map((d) => d.message).sort(), ['"Ivanov" is named in the header but is not in the registry.', '"Petrov" is named in the header but is not in the registry.']);
    assert.ok(asked.some((a) => a.message === 'Marginalia: letters of 1950 is now a corpus (marginalia.yaml and registry.yaml written); its .txt files are read as transcriptions.'));
    const api = await activatedApi();
    assert.equal(api.setup.answerFor(dir), makeCorpusChoice);
  });

  test('"Not now" is remembered: another file of that folder is not offered again, and nothing is written', async () => {
    const dir = folder('drafts', { 'a.txt': letter, 'b.txt': letter.replace('Ivanov', 'Sidorov') });
    answer = notNowChoice;
    await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'a.txt')));
    await eventually('the offer', () => (offers(dir).length ? true : undefined));
    const api = await activatedApi();
    await eventually('the answer remembered', () => api.setup.answerFor(dir));
    assert.equal(api.setup.answerFor(dir), notNowChoice);
    await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'b.txt')));
    await sleep(1000);
    assert.equal(offers(dir).length, 1, 'asked once for the folder');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'b.txt']);
    assert.equal(documentFor(vscode.Uri.file(path.join(dir, 'b.txt')))?.languageId, 'plaintext');
  });

  test('a .txt that does not read as a transcription is not offered', async () => {
    const dir = folder('shopping', { 'list.txt': 'Buy milk\nand eggs\n\nSubmitted at 23:45 p.m. on 07/05/50\n' });
    answer = makeCorpusChoice;
    await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'list.txt')));
    await sleep(1000);
    assert.equal(offers(dir).length, 0);
    assert.deepEqual(fs.readdirSync(dir), ['list.txt']);
  });

  test('Make this Folder a Corpus (palette and explorer) never overwrites a file', async () => {
    const dir = folder('edition', { 'registry.yaml': 'people: []\n', 'doc.txt': letter });
    const first = await vscode.commands.executeCommand<MadeCorpus>('marginalia.makeCorpus', vscode.Uri.file(dir));
    assert.deepEqual(first, { folder: dir, written: [path.join(dir, 'marginalia.yaml')], kept: [path.join(dir, 'registry.yaml')] });
    assert.equal(fs.readFileSync(path.join(dir, 'registry.yaml'), 'utf8'), 'people: []\n');
    fs.writeFileSync(path.join(dir, 'marginalia.yaml'), 'rules: { meridiem-24h: off }\n');
    // From a file (the explorer on a file, or the active editor): its folder.
    const second = await vscode.commands.executeCommand<MadeCorpus>('marginalia.makeCorpus', vscode.Uri.file(path.join(dir, 'doc.txt')));
    assert.deepEqual(second, { folder: dir, written: [], kept: [path.join(dir, 'marginalia.yaml')] });
    assert.equal(fs.readFileSync(path.join(dir, 'marginalia.yaml'), 'utf8'), 'rules: { meridiem-24h: off }\n');
    assert.equal(fs.readFileSync(path.join(dir, 'doc.txt'), 'utf8'), letter);

    const extension = vscode.extensions.getExtension('marginalia.marginalia')!;
    const contributes = extension.packageJSON.contributes;
    assert.ok(contributes.commands.some((c: { command: string; title: string }) => c.command === 'marginalia.makeCorpus' && c.title === 'Make this Folder a Corpus'));
    assert.deepEqual(contributes.menus['explorer/context'], [{ command: 'marginalia.makeCorpus', when: 'explorerResourceIsFolder', group: '7_modification@9' }]);
  });

  test('Check Whole Corpus with no corpus open says so and offers to make one, never "0 files: 0 errors"', () => {
    const none = { corpora: 0, files: 0, documents: 0, errors: 0, warnings: 0, information: 0, hints: 0, accepted: 0 };
    assert.deepEqual(checkCorpusMessage(none), {
      message: 'Marginalia: no corpus is open, so nothing was checked. A corpus is a folder with a marginalia.yaml; its .txt files are read as transcriptions.',
      choices: [makeCorpusChoice],
    });
    assert.deepEqual(checkCorpusMessage({ ...none, corpora: 1, files: 1, documents: 11, warnings: 2, information: 2, hints: 2, accepted: 1 }), {
      message: 'Marginalia checked 1 file (11 documents): 0 errors, 2 warnings, 2 information, 2 hints; 1 accepted in marginalia.yaml.',
      choices: ['Show Problems'],
    });
  });
});
