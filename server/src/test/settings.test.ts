// marginalia.yaml and registry keys as the user writes them, odd ones included: every value is
// type-checked with a message at its line, and no key of the user's reaches an object's prototype.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSettings } from '../corpus/settings.js';
import { loadRegistry } from '../model/registry.js';

const problems = (text: string) => parseSettings('/corpus', text).problems.map((p) => `${p.range.start.line + 1}: ${p.message}`);

test('an accepted discrepancy whose file is not a path is reported at its line, not thrown', () => {
  assert.deepEqual(problems('accepted:\n  - code: delivered-before-dated\n    reason: known\n    file: {toString: 1}\n'), [
    '2: an accepted discrepancy\'s `file` should be a path and its `document` a number, such as "13"; this one is ignored',
  ]);
  assert.deepEqual(parseSettings('/corpus', 'accepted:\n  - {code: x, reason: known, file: a.txt, document: 13}\n').accepted, [{ code: 'x', reason: 'known', file: 'a.txt', document: '13' }]);
});

test('rule codes such as __proto__ and constructor are only keys', () => {
  const settings = parseSettings('/corpus', 'rules:\n  __proto__: off\n  constructor: hint\n  stamp-order: error\n');
  assert.deepEqual(Object.keys(settings.rules).sort(), ['__proto__', 'constructor', 'stamp-order']);
  assert.equal(settings.rules['stamp-order'], 'error');
  assert.equal(({} as Record<string, unknown>)['off'], undefined, 'no prototype was touched');
  assert.equal(parseSettings('/corpus', '').rules['toString'], undefined, 'an unset rule has no severity, whatever its name');
});

test('a registry section named constructor is an unknown section', () => {
  const r = loadRegistry([{ file: 'file:///corpus/registry.yaml', text: 'constructor:\n  - {id: x, name: X}\n' }]);
  assert.deepEqual(r.problems.map((p) => p.message), ['Unknown section "constructor"; the sections are people, cover-names, places, organisations, archives. Its entries are ignored.']);
  assert.equal(r.entries.length, 0);
});
