import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, corpusFolder, documentFor, scratchFolder, seedUri, sleep, waitForLanguage } from './helpers';

suite('Language of transcriptions', () => {
  let scratch: string;
  suiteSetup(async () => {
    await activatedApi();
    scratch = scratchFolder();
  });
  suiteTeardown(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('every .txt of the corpus opens as a transcription', async () => {
    const txts = fs.readdirSync(corpusFolder()).filter((f) => f.endsWith('.txt'));
    assert.ok(txts.length > 0, 'the corpus has .txt files');
    for (const f of txts) {
      const uri = vscode.Uri.file(path.join(corpusFolder(), f));
      await vscode.workspace.openTextDocument(uri);
      const document = await waitForLanguage(uri, 'transcription');
      assert.equal(document.languageId, 'transcription', f);
    }
  });

  test('the seed shown in an editor is a transcription', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seedUri()));
    await waitForLanguage(seedUri(), 'transcription');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'transcription');
  });

  test('the corpus is recognised by its marginalia.yaml', async () => {
    const api = await activatedApi();
    assert.equal(api.isInCorpus(seedUri()), true);
    assert.equal(api.isInCorpus(vscode.Uri.file(path.join(scratch, 'notes.txt'))), false);
  });

  test('a .txt outside any corpus stays plain text', async () => {
    const file = path.join(scratch, 'shopping-list.txt');
    fs.writeFileSync(file, 'Submitted at 23:45 p.m. on 07/05/50\n');
    const uri = vscode.Uri.file(file);
    await vscode.workspace.openTextDocument(uri);
    await sleep(500);
    assert.equal(documentFor(uri)?.languageId, 'plaintext');
  });

  test('a .txt in a subfolder of a corpus is a transcription', async () => {
    const corpus = path.join(scratch, 'edition');
    fs.mkdirSync(path.join(corpus, 'volume-1'), { recursive: true });
    fs.writeFileSync(path.join(corpus, 'marginalia.yaml'), 'registry: []\n');
    const file = path.join(corpus, 'volume-1', 'doc.txt');
    fs.writeFileSync(file, 'Document 1: Letter, Filippov (Stalin) to Mao Zedong, 5 July 1950\n');
    await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await waitForLanguage(vscode.Uri.file(file), 'transcription');
  });

  test('a .transcript file is a transcription wherever it is', async () => {
    const file = path.join(scratch, 'loose.transcript');
    fs.writeFileSync(file, 'Received in Moscow on 10/09/50 at 9:38 a.m.\n');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    assert.equal(document.languageId, 'transcription');
  });

  test('switching a corpus file back to plain text is respected', async () => {
    const corpus = path.join(scratch, 'edition-2');
    fs.mkdirSync(corpus, { recursive: true });
    fs.writeFileSync(path.join(corpus, 'marginalia.yaml'), '');
    const uri = vscode.Uri.file(path.join(corpus, 'doc.txt'));
    fs.writeFileSync(uri.fsPath, 'Typed by Stepanova at 0:55 a.m. on 07/06/50\n');
    await vscode.workspace.openTextDocument(uri);
    const document = await waitForLanguage(uri, 'transcription');
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await sleep(500);
    assert.equal(documentFor(uri)?.languageId, 'plaintext');
  });

  test('the language has the bracket configuration of transcriptions', async () => {
    const extension = vscode.extensions.getExtension('marginalia.marginalia')!;
    const languages = extension.packageJSON.contributes.languages as Array<{ id: string; aliases: string[]; configuration: string }>;
    const transcription = languages.find((l) => l.id === 'transcription');
    assert.ok(transcription);
    assert.equal(transcription.aliases[0], 'Archival Transcription');
    const configuration = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, transcription.configuration), 'utf8'));
    assert.deepEqual(configuration.brackets, [['[', ']'], ['(', ')']]);
    assert.equal(configuration.comments, undefined, 'transcriptions have no comment syntax');
  });

  test('prose wraps, and the en dashes of 6–2550 get no ambiguous-character boxes; other languages keep their defaults', () => {
    const transcription = vscode.workspace.getConfiguration('editor', { languageId: 'transcription' });
    assert.equal(transcription.get('wordWrap'), 'on');
    assert.equal(transcription.get('unicodeHighlight.ambiguousCharacters'), false);
    assert.equal(transcription.inspect('wordWrap')?.defaultLanguageValue, 'on', "the extension's [transcription] default");
    // YAML (marginalia.yaml, the registry) keeps VS Code's own defaults.
    const yaml = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    assert.equal(yaml.inspect('wordWrap')?.defaultLanguageValue, undefined);
    assert.equal(yaml.inspect('unicodeHighlight.ambiguousCharacters')?.defaultLanguageValue, undefined);
  });
});
