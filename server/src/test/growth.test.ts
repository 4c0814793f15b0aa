// Reading grows linearly with the input, on the inputs that once made it crawl (regular expressions
// that backtracked over a long run, lists copied at every repeat). Judged by ratio, not by time:
// each input is read at n and at 8n (see `growth` in helpers.ts), and a reading that took more
// than 32 times as long for eight times the text (a quadratic one takes 64) fails.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { growth } from './helpers.js';

const header = 'Document 1: Letter, Ivanov to Petrov, 5 July 1950\n';
const adversarial: Record<string, (n: number) => string> = {
  'an unclosed citation': (n) => '[' + 'f. 1 '.repeat(n / 5),
  'capitals before a bracket': (n) => header + 'AB '.repeat(n / 3) + 'x [Abc]',
  '"No" and a run of spaces': (n) => 'No' + ' '.repeat(n) + 'x',
  'a distribution list with a run of spaces': (n) => header + 'Distribution list: Stalin' + ' '.repeat(n) + 'x, Molotov',
  'identical consecutive headers': (n) => header.repeat(n / header.length),
  'a letter-spaced run': (n) => 'Stalin ' + 'A '.repeat(n / 2) + ' Molotov',
  'a dateline of repeated dates': (n) => 'Washington, ' + 'March 5, '.repeat(n / 9) + '1951.',
  'headings without datelines': (n) => 'John Adams to John Hancock\n\n'.repeat(n / 28),
  'a place of many parts': (n) => 'Legation' + ', X'.repeat(n / 3) + ', March 5, 1951.',
  "a head's line with a run of spaces": (n) => 'Document 1: Memo of A\nMoscow, 5 October 1950\nSecret' + ' '.repeat(n) + 'x',
};

for (const [name, make] of Object.entries(adversarial)) {
  test(`linear on ${name}`, () => {
    const { small, large, ratio } = growth((n) => {
      const text = make(n);
      return () => {
        const corpus = new Corpus({ ...defaultSettings('/growth'), registry: [] });
        corpus.setFile('file:///growth/a.txt', text);
        checkFile(corpus, 'file:///growth/a.txt');
      };
    }, 20_000, 10);
    assert.ok(ratio < 32, `${name}: ${small.toFixed(1)} ms at 20,000 characters, ${large.toFixed(1)} ms at 160,000 (×${ratio.toFixed(1)})`);
  });
}

// A registry of an edition's whole cast: loading it and building its name matcher grow with its
// size, and so does a check of a letter against it.
const people = (n: number) =>
  'people:\n' +
  Array.from({ length: n }, (_, i) => `  - id: p${i}\n    name: Ivan Petrovich Person${i.toString(36)}\n    forms: [Person${i.toString(36)}, I. P. Person${i.toString(36)}]\n    note: Person ${i} of a generated registry.\n`).join('');

test('linear on a registry of many people', () => {
  const { small, large, ratio } = growth((n) => {
    const registry = people(n);
    return () => {
      const corpus = new Corpus(defaultSettings('/growth'), [{ file: 'file:///growth/registry.yaml', text: registry }]);
      corpus.setFile('file:///growth/a.txt', `${header}Person1 and I. P. Person2 met Person${(n - 1).toString(36)}.\n`);
      checkFile(corpus, 'file:///growth/a.txt');
    };
  }, 1_000, 10);
  assert.ok(ratio < 32, `${small.toFixed(1)} ms at 1,000 people, ${large.toFixed(1)} ms at 8,000 (×${ratio.toFixed(1)})`);
});
