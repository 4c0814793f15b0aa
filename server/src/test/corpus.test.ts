// The corpus index: one file at a time, and which other files an edit can affect.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusFindings } from '../checks/index.js';
import { readFileSync } from 'node:fs';
import { fixtureCorpus, fixtureUri, seedPath } from './helpers.js';

const first = `Document 15: Gromyko and Vasilevsky to Stalin, 6 October 1950
In connection with Comrade Shtykov's telegram #1405/sh dated 5 October we reply.
6 October 1950
`;
const second = (date: string) => `Document 16: Memorandum, Gromyko to Stalin, 7 October 1950
Shtykov's telegram #1405/sh dated ${date} asked for the evacuation.
7 October 1950
`;
const unrelated = `Document 17: Memorandum, Golovko and Fokin to Stalin, 13 October 1950
Ch'óngjin was heavily bombarded.
13 October 1950
`;

test('an edit re-checks its own file and the files that depend on it, not the corpus', () => {
  const corpus = fixtureCorpus(first, { uri: 'file:///fixtures/a.txt' });
  corpus.setFile('file:///fixtures/b.txt', second('5 October'));
  corpus.setFile('file:///fixtures/c.txt', unrelated);
  const findings = new CorpusFindings(corpus);
  assert.deepEqual(findings.of('file:///fixtures/b.txt').findings, []);

  // b.txt now gives the telegram another date: a.txt shares the number, c.txt shares nothing.
  const before = corpus.file('file:///fixtures/b.txt');
  corpus.setFile('file:///fixtures/b.txt', second('4 October'));
  assert.deepEqual(corpus.dependentsOf('file:///fixtures/b.txt', before), ['file:///fixtures/a.txt']);
  findings.invalidate(['file:///fixtures/b.txt', 'file:///fixtures/a.txt']);
  assert.deepEqual(findings.of('file:///fixtures/b.txt').findings.map((f) => f.code), ['number-dates-disagree']);
});

test('a reply depends on the documents of the date it answers', () => {
  const reply = `Document 12: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], 3 October 1950
I report the answer: "I received your telegram of 1.10.50 [1 October 1950]."
`;
  const message = `Document 10: Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai, 1 October 1950
I await your reply.
1 October 1950
`;
  const corpus = fixtureCorpus(reply, { uri: 'file:///fixtures/reply.txt' });
  corpus.setFile('file:///fixtures/message.txt', message);
  assert.deepEqual(corpus.dependentsOf('file:///fixtures/message.txt', undefined), ['file:///fixtures/reply.txt']);
  assert.deepEqual(corpus.dependentsOf('file:///fixtures/reply.txt', undefined), []);
});

test('an edit in one document of a file re-reads that document; the others are moved, and read the same as afresh', () => {
  const seed = readFileSync(seedPath, 'utf8');
  const lines = seed.split('\n');
  // A line added in the body of Document 9 moves Documents 10–17 down by one.
  const edited = [...lines.slice(0, 60), 'Comrade Shtykov adds a note.', ...lines.slice(60)].join('\n');
  const incremental = fixtureCorpus(seed);
  const before = [...incremental.file(fixtureUri)!.documents];
  incremental.setFile(fixtureUri, edited);
  const fresh = fixtureCorpus(edited);
  assert.deepEqual(incremental.file(fixtureUri), fresh.file(fixtureUri));
  // Taken over, not read again: every document but the edited one is the same reading as before.
  const readAgain = incremental.file(fixtureUri)!.documents.filter((d, i) => d !== before[i]);
  assert.deepEqual(readAgain.map((d) => d.header?.number), ['9']);
  assert.equal(incremental.file(fixtureUri)!.documents[10]!.header!.range.start.line, 252);
  // Shared facts stay shared: the stamp's date is one of the document's dates.
  const doc16 = incremental.file(fixtureUri)!.documents[9]!;
  assert.ok(doc16.dates.includes(doc16.stamps[0]!.date!));
});
