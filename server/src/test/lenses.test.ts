// The line above each document saying how Marginalia read it: number, kind, date, parties, findings.

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
