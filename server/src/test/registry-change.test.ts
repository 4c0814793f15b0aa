// An edit of the registry reads again only the transcriptions in which it can find other names,
// and they end as a fresh corpus of the same texts reads them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { hover } from '../service/hover.js';

const registryUri = 'file:///edition/registry.yaml';
const registry = `people:
  - id: stalin
    name: Iosif Vissarionovich Stalin
    forms: [Stalin]
    note: General Secretary.
  - id: molotov
    name: Viacheslav Mikhailovich Molotov
    forms: [Molotov]
archives:
  - id: aprf
    name: Archive of the President of the Russian Federation
    abbreviation: APRF
`;
const texts = new Map([
  ['file:///edition/a.txt', 'Document 1: Ciphered telegram from Stalin to Molotov, 5 July 1950\nComrade Molotov, ask G R O M Y K O.\nStalin\n'],
  ['file:///edition/b.txt', 'Document 2: Ciphered telegram from Stalin to Mao Zedong, 6 July 1950\nI agree.\nStalin\n[Source: APRF, fond 45, opis 1, delo 331, list 79]\n'],
]);

function corpusOf(registryText: string): Corpus {
  const corpus = new Corpus(defaultSettings('/edition'), [{ file: registryUri, text: registryText }]);
  for (const [uri, text] of texts) corpus.setFile(uri, text);
  corpus.settleDateOrders();
  return corpus;
}

const namesIn = (corpus: Corpus, uri: string) => corpus.file(uri)!.documents.flatMap((d) => d.names.map((n) => `${n.text}=${n.entryId}`));

function edit(before: string, after: string): { kept: string[]; read: string[]; corpus: Corpus } {
  const corpus = corpusOf(before);
  const facts = new Map([...texts.keys()].map((uri) => [uri, corpus.file(uri)]));
  corpus.setRegistry([{ file: registryUri, text: after }]);
  const fresh = corpusOf(after);
  for (const uri of texts.keys()) assert.deepEqual(corpus.file(uri), fresh.file(uri), `${uri} as a fresh corpus reads it`);
  const kept = [...texts.keys()].filter((uri) => corpus.file(uri) === facts.get(uri));
  return { kept, read: [...texts.keys()].filter((uri) => !kept.includes(uri)), corpus };
}

test('a person added to the registry: only the file that writes the name is read again', () => {
  const { read, corpus } = edit(registry, registry.replace('archives:', '  - id: gromyko\n    name: Andrei Andreyevich Gromyko\n    forms: [Gromyko]\narchives:'));
  assert.deepEqual(read, ['file:///edition/a.txt']);
  assert.ok(namesIn(corpus, 'file:///edition/a.txt').includes('G R O M Y K O=gromyko'));
});

test('a form added to one person: the file that writes it is read again, the other is not', () => {
  const { read, corpus } = edit(registry, registry.replace('forms: [Molotov]', 'forms: [Molotov, Mao Zedong]'));
  assert.deepEqual(read, ['file:///edition/b.txt']);
  assert.ok(namesIn(corpus, 'file:///edition/b.txt').includes('Mao Zedong=molotov'));
});

test('a note edited: no transcription is read again, and the hover shows the new note', () => {
  const { read, corpus } = edit(registry, registry.replace('General Secretary.', 'Chairman of the Council of Ministers.'));
  assert.deepEqual(read, []);
  assert.match(hover(corpus, 'file:///edition/b.txt', { line: 2, character: 1 })?.contents ?? '', /Chairman of the Council of Ministers\./);
});

test('an archive edited: every file is read again, since any reference may cite it', () => {
  const { read } = edit(registry, registry.replace('abbreviation: APRF', 'abbreviation: AP RF'));
  assert.deepEqual(read, [...texts.keys()]);
});
