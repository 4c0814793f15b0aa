// While a registry file does not parse (a tab, an unclosed bracket: a keystroke in the middle of
// an edit), the corpus keeps the entries it last loaded from that file, and says so at the error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile, checkRegistry } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { hover } from '../service/hover.js';
import { codeActions } from '../service/editing.js';
import { definition } from '../service/navigation.js';

const registryUri = 'file:///edition/registry.yaml';
const settingsUri = 'file:///edition/marginalia.yaml';
const letterUri = 'file:///edition/letter.txt';

const registry = `people:
  - id: stalin
    name: Iosif Vissarionovich Stalin
    forms: [Stalin]
  - id: molotov
    name: Viacheslav Mikhailovich Molotov
    forms: [Molotov]
`;
const letter = `Document 1: Ciphered telegram from Stalin to Molotov, 5 July 1950
Comrade Molotov, I agree.
Stalin
`;

function corpusOf(registryText: string): Corpus {
  const corpus = new Corpus(defaultSettings('/edition'), [{ file: registryUri, text: registryText }]);
  corpus.setFile(letterUri, letter);
  return corpus;
}

const problems = (corpus: Corpus) => checkRegistry(corpus, settingsUri).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
const findings = (corpus: Corpus) => checkFile(corpus, letterUri).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`);
const hoverTitle = (corpus: Corpus, line: number, character: number) => hover(corpus, letterUri, { line, character })?.contents.split('\n\n')[0];

test('a tab typed into the registry: the entries it last loaded stay in force, and the error says so at its line', () => {
  const corpus = corpusOf(registry);
  const before = findings(corpus);
  corpus.setRegistry([{ file: registryUri, text: registry.replace('  - id: molotov', '\t- id: molotov') }]);
  assert.deepEqual(problems(corpus), [
    '5:1 error registry-syntax YAML: Tabs are not allowed as indentation. Until this is fixed, Marginalia keeps using registry.yaml as it last loaded.',
  ]);
  assert.deepEqual(findings(corpus), before);
  assert.equal(hoverTitle(corpus, 1, 9), '**Viacheslav Mikhailovich Molotov** — person');
  assert.equal(corpus.registryHeld(registryUri), true);

  // Fixed, with Molotov's entry changed: the new text is the registry now.
  corpus.setRegistry([{ file: registryUri, text: registry.replace('Viacheslav Mikhailovich Molotov', 'V. M. Molotov') }]);
  assert.deepEqual(problems(corpus), []);
  assert.equal(hoverTitle(corpus, 1, 9), '**V. M. Molotov** — person');
  assert.equal(corpus.registryHeld(registryUri), false);
});

test('an unclosed bracket is reported at the bracket, with the registry kept', () => {
  const corpus = corpusOf(registry);
  corpus.setRegistry([{ file: registryUri, text: registry.replace('forms: [Molotov]', 'forms: [Molotov') }]);
  assert.deepEqual(problems(corpus), [
    '7:12 error registry-syntax YAML: This "[" is not closed: Flow sequence in block collection must be sufficiently indented and end with a ]. Until this is fixed, Marginalia keeps using registry.yaml as it last loaded.',
  ]);
  assert.equal(hoverTitle(corpus, 1, 9), '**Viacheslav Mikhailovich Molotov** — person');
});

test('a registry that never parsed keeps what the parser could read, and does not claim an earlier version', () => {
  const corpus = corpusOf(registry.replace('  - id: molotov', '\t- id: molotov'));
  // (The parser's own cascade of errors after the tab, as before.)
  assert.equal(problems(corpus)[0], '5:1 error registry-syntax YAML: Tabs are not allowed as indentation');
  assert.ok(!problems(corpus).some((p) => p.includes('last loaded')));
  assert.equal(corpus.registryHeld(registryUri), false);
  assert.equal(hoverTitle(corpus, 0, 40), '**Iosif Vissarionovich Stalin** — person');
});

test('a well-formed edit that breaks one entry is no syntax error: that entry goes, the rest is the new text', () => {
  const corpus = corpusOf(registry);
  corpus.setRegistry([{ file: registryUri, text: registry.replace('  - id: molotov\n', '  - \n') }]);
  assert.equal(corpus.registryHeld(registryUri), false);
  assert.ok(!problems(corpus).some((p) => p.includes('last loaded')));
  assert.ok(findings(corpus).some((f) => f.includes('unknown-person') && f.includes('Molotov')));
});

test('a registry file removed is not held: a deleted registry is empty', () => {
  const corpus = corpusOf(registry);
  corpus.setRegistry([{ file: registryUri, text: '' }]);
  assert.equal(corpus.registryHeld(registryUri), false);
  assert.equal(hoverTitle(corpus, 1, 9), undefined);
});

test('the last good registry survives a change of marginalia.yaml (a new corpus for the same folder)', () => {
  const corpus = corpusOf(registry);
  corpus.setRegistry([{ file: registryUri, text: registry.replace('  - id: molotov', '\t- id: molotov') }]);
  const renewed = new Corpus(defaultSettings('/edition'), [{ file: registryUri, text: registry.replace('  - id: molotov', '\t- id: molotov') }], corpus.lastGoodRegistryTexts());
  renewed.setFile(letterUri, letter);
  assert.equal(renewed.registryHeld(registryUri), true);
  assert.equal(hoverTitle(renewed, 1, 9), '**Viacheslav Mikhailovich Molotov** — person');
});

test('no "add to the registry" while the registry is held: its lines are not those of the buffer', () => {
  const corpus = corpusOf(registry);
  corpus.setFile(letterUri, `Document 1: Ciphered telegram from Stalin to Bulganin, 5 July 1950\nI agree.\n`);
  const unknown = checkFile(corpus, letterUri).findings.filter((f) => f.code === 'unknown-person');
  // The finding's own actions (accept it, its rule's severity) edit marginalia.yaml, not the registry: not counted here.
  const titles = () => codeActions(corpus, letterUri, unknown[0]!.range, unknown, corpus.text(letterUri)!, () => registry).filter((a) => a.kind === 'quickfix').map((a) => a.title);
  assert.deepEqual(titles(), ['Add "Bulganin" to the registry']);
  corpus.setRegistry([{ file: registryUri, text: registry + '\tbroken' }]);
  assert.deepEqual(titles(), []);
});

test('one id given to two entries, one form to two people: the hover says which it chose and that there is another', () => {
  // An impostor claims Stalin's id first, and a second entry claims Molotov's form.
  const rivals = `${registry.replace('people:\n', 'people:\n  - id: stalin\n    name: Impostor Stalin\n    forms: [Stalin]\n')}  - id: molotov-2\n    name: Another Molotov\n    forms: [Molotov]\n`;
  const corpus = corpusOf(rivals);
  const stalin = hover(corpus, letterUri, { line: 2, character: 1 })!.contents;
  assert.match(stalin, /^\*\*Impostor Stalin\*\*/);
  assert.match(stalin, /⚠ A second entry with the id "stalin" \(registry\.yaml, line 5\) is ignored; this is the first\./);
  const molotov = hover(corpus, letterUri, { line: 1, character: 9 })!.contents;
  assert.match(molotov, /⚠ The registry also gives the form \*Molotov\* to Another Molotov \(registry\.yaml, line 11\); the text is linked to Viacheslav Mikhailovich Molotov \(a cover name goes before the person it is identified as, else the entry written first\)\./);
  // Where no entry rivals another, the hover says nothing of the kind.
  assert.doesNotMatch(hover(corpusOf(registry), letterUri, { line: 1, character: 9 })!.contents, /⚠/);
});

test('go to definition while the registry is held lands on the entry in the buffer as it is now, lines added above it and all', () => {
  const corpus = corpusOf(registry);
  const molotov = { line: 1, character: 9 };
  assert.deepEqual(definition(corpus, letterUri, molotov).map((l) => l.range.start.line), [6]);
  // Two lines added above Molotov's entry, and a tab that stops the file parsing.
  corpus.setRegistry([{ file: registryUri, text: registry.replace('  - id: molotov', '  - id: beria\n    name: Lavrentii Beria\n\t- id: molotov') }]);
  assert.ok(corpus.registryHeld(registryUri));
  assert.deepEqual(definition(corpus, letterUri, molotov).map((l) => l.range.start.line), [8]);
  // A line that is no longer there: the place as it last loaded.
  corpus.setRegistry([{ file: registryUri, text: registry.replace('  - id: molotov', '  - id: beria\n  - id: molotov').replace('    forms: [Molotov]', '\tforms: [Molotov, V. M. Molotov]') }]);
  assert.ok(corpus.registryHeld(registryUri));
  assert.deepEqual(definition(corpus, letterUri, molotov).map((l) => l.range.start.line), [6]);
});
