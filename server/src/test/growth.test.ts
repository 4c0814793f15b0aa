// Reading grows linearly with the input, on the inputs that once made it crawl (regular expressions
// that backtracked over a long run, lists copied at every repeat). Judged by ratio, not by time:
// each input is read at n and at 8n (see `growth` in helpers.ts), and a reading that took more
// than 32 times as long for eight times the text (a quadratic one takes 64) fails.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { growth } from './helpers.js';
import { blankBracketed } from '../model/text.js';

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

// Generated adversaries: a line made of a prefix and one piece repeated, the pieces being what the
// recognisers look for (citation parts, capitals, dates, numbers, brackets, punctuation, letter
// spacing), so that a pattern that backtracks over a run of any of them shows as growth.
const pieces = ['f. 1 ', 'AB ', ' ', '\t', '  \t', 'March 5, ', ', X', 'A ', '[', '(', '] ', '"', 'No. ', '1.', '12/', '10:', 'p.m. ', 'Moscow, ', 'Comrade ', 'Received ', 'Doc ', 'Document ', '- ', '.', "'", 'и ', '* '];
const prefixes = ['', header, 'Distribution list: ', '[Source: APRF, ', 'Received in Moscow ', 'From ', 'To John Jay\n\n', 'Copy to ', 'Moscow, ', 'Document 1: '];

test('linear on generated lines of a repeated piece', () => {
  fc.assert(
    fc.property(fc.constantFrom(...prefixes), fc.constantFrom(...pieces), fc.constantFrom('', 'x', ' [Abc]', ' 1950.'), (prefix, piece, tail) => {
      const { small, large, ratio } = growth((n) => {
        const text = prefix + piece.repeat(Math.ceil(n / piece.length)) + tail;
        return () => {
          const corpus = new Corpus({ ...defaultSettings('/growth'), registry: [] });
          corpus.setFile('file:///growth/a.txt', text);
          checkFile(corpus, 'file:///growth/a.txt');
        };
      }, 4_000, 5);
      assert.ok(ratio < 32, `${JSON.stringify(prefix)} + ${JSON.stringify(piece)} × n + ${JSON.stringify(tail)}: ${small.toFixed(1)} ms at 4,000 characters, ${large.toFixed(1)} ms at 32,000 (×${ratio.toFixed(1)})`);
    }),
    { numRuns: 60, seed: 1950 },
  );
});

test('blankBracketed is the pattern it replaces, in one pass', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('[', ']', 'a', ' ', 'Ab'), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.equal(blankBracketed(text), text.replace(/\[[^\]]*\]/g, ' '));
    }),
    { numRuns: 500, seed: 7 },
  );
});
