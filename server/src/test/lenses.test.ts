// How Marginalia names a document where it shows it: the code lens above it (number, kind, date,
// parties, findings) and the links to it in hovers.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile } from '../checks/index.js';
import { documentLenses } from '../service/lenses.js';
import { fixtureCorpus, fixtureUri, seedCorpus, seedUri } from './helpers.js';

test("above each document of the seed: its number, kind, the editors' date, sender → recipient, and its findings (hints not counted)", () => {
  const corpus = seedCorpus();
  const lenses = documentLenses(corpus, seedUri, checkFile(corpus, seedUri).findings).map((l) => `${l.range.start.line + 1}:${l.range.start.character + 1} ${l.title}`);
  assert.equal(lenses.length, 11);
  assert.deepEqual(lenses.slice(6, 9), [
    '152:1 Document 13 · Letter · 7 October 1950 · Fyn Si → Kim Il Sung · 3 findings',
    '175:1 Document 14 · Telegram · 5 October 1950 · Gromyko → Shtykov · no findings',
    '195:1 Document 15 · 6 October 1950 · Gromyko and Vasilevsky → Stalin · no findings',
  ]);
});

test('a file read as one untitled document says so, above its first line', () => {
  const corpus = fixtureCorpus('Notes from the reading room, box 4.\nThe folder holds letters of several dates.\n');
  assert.deepEqual(documentLenses(corpus, fixtureUri, checkFile(corpus, fixtureUri).findings), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, title: 'Untitled document · no date found · 1 finding' }]);
});

test('a hover names a document with no number or title "an untitled document", a numbered one by its number', async () => {
  const { hover } = await import('../service/hover.js');
  const untitled = fixtureCorpus('Notes from the reading room.\nComrade Stalin agreed.\n');
  assert.match(hover(untitled, fixtureUri, { line: 1, character: 10 })!.contents, /^Appears in 1 document: \[an untitled document\]\(file:\/\/\/fixtures\/fixture\.txt#L1\)$/m);
  const numbered = fixtureCorpus('Document 4: Letter, Stalin to Kim Il Sung, 1 May 1950\nComrade Stalin agreed.\n');
  assert.match(hover(numbered, fixtureUri, { line: 1, character: 10 })!.contents, /^Appears in 1 document: \[Document 4\]\(file:\/\/\/fixtures\/fixture\.txt#L1\)$/m);
});
