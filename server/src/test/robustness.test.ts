// No input makes Marginalia fail: random text, random bytes and near-misses of every form go
// through the scanner and every rule without an exception, and every range stays inside the text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkFile } from '../checks/index.js';
import { splitLines } from '../model/text.js';
import type { Range } from '../model/types.js';
import { fixtureCorpus, fixtureUri } from './helpers.js';

/** Pieces of real transcriptions, to be shuffled into text that nearly makes sense. */
const pieces = [
  'Document 7: Ciphered Telegram, Filippov (Stalin) to ',
  'Document ',
  '8 [7] October 1950',
  '7 September [sic-October]',
  '[Handwritten: This letter was delivered to Comrade Bulganin on October 7, 1950 at 22:15 pm.]',
  '[Source: APRF, fond 45, opis 1, delo 331, list 79]',
  '[APRF, f. ',
  'Dec[iphered by] Araushkin 12.50 3.10 [12.50 p.m. 3 October]',
  'Received in Moscow on 10/09/50 at 9:38 a.m.',
  'Distribution list - 11 copies: Stalin - 2,',
  '# P78/118',
  '## 1112-1126',
  '"I received your telegram of 1.10.50 [1 October 1950].',
  'MAO ZEDONG 2.10.50"',
  'From BEIJING Received 12:15 3.10.1950',
  'A. G R O M Y K O',
  '8:101 a.m.',
  '31 September 1950',
  '[',
  ']',
  '(',
  '"',
  '\n',
  '\r\n',
  ', ',
  ' to ',
  ' and ',
];

function inside(lines: string[], r: Range): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  return ok(r.start) && ok(r.end);
}

function checkWhole(text: string): void {
  const corpus = fixtureCorpus(text);
  const lines = splitLines(text);
  const result = checkFile(corpus, fixtureUri);
  for (const f of result.findings) {
    assert.ok(inside(lines, f.range), `${f.code} at ${JSON.stringify(f.range)} is outside the text`);
    // A rule or the scanner that throws is caught and reported as such: that must never happen.
    assert.doesNotMatch(f.message, /failed on this document|could not read this file/, f.message);
  }
  for (const doc of corpus.file(fixtureUri)!.documents) {
    for (const m of [...doc.names, ...doc.dates, ...doc.times, ...doc.stamps, ...doc.referenceNumbers, ...doc.archiveReferences, ...doc.brackets]) {
      assert.ok(inside(lines, m.range), `${m.kind} at ${JSON.stringify(m.range)} is outside the text`);
    }
  }
}

test('shuffled pieces of real transcriptions never break the scanner or the rules', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => checkWhole(parts.join(''))),
    { numRuns: 400 },
  );
});

test('random text and random bytes never break them either', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), checkWhole), { numRuns: 300 });
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => checkWhole(Buffer.from(bytes).toString('utf8'))),
    { numRuns: 100 },
  );
});

test('an empty file and a file of blank lines hold no documents', () => {
  assert.deepEqual(fixtureCorpus('').file(fixtureUri)!.documents, []);
  assert.deepEqual(fixtureCorpus('\n\n  \n').file(fixtureUri)!.documents, []);
});
