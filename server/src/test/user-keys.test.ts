// Values and keys the user writes, of the wrong type or named like JavaScript's own properties:
// each settings value is type-checked with a message that says what was expected, at its line;
// no exception's text ever reaches the user; words such as `constructor` or `toString` are found
// in a transcription only when the registry lists them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSettings } from '../corpus/settings.js';
import { buildNameMatcher } from '../model/names.js';
import { loadRegistry } from '../model/registry.js';

const problems = (text: string) => parseSettings('/corpus', text).problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`);

test('settings values of the wrong type: what was expected and what it holds, at its line', () => {
  assert.deepEqual(problems('transcriptions: 5\n'), ['1:17 transcriptions should be a list of paths; it holds the number 5']);
  assert.deepEqual(problems('registry: ""\n'), ['1:11 registry should be a list of paths; it holds an empty text']);
  assert.deepEqual(problems('registry:\n  - people.yaml\n  - {toString: 1}\n  - ""\n'), [
    '3:5 registry: each item should be a path; this one is a map, and is ignored',
    '4:5 registry: each item should be a path; this one is an empty text, and is ignored',
  ]);
  assert.deepEqual(parseSettings('/corpus', 'registry:\n  - people.yaml\n  - {toString: 1}\n').registry, ['people.yaml']);
  assert.deepEqual(problems('rules:\n  stamp-order: {toString: 1}\n  meridiem-24h: [off]\n  impossible-date: 3\n  ? {valueOf: 1}\n  : error\n'), [
    '2:16 rules.stamp-order: a map is not one of error, warning, information, hint, off',
    '3:17 rules.meridiem-24h: a list is not one of error, warning, information, hint, off',
    '4:20 rules.impossible-date: the number 3 is not one of error, warning, information, hint, off',
    '5:5 rules: a rule code should be text, such as stamp-order; this one is a map, and is ignored',
  ]);
  assert.deepEqual(Object.keys(parseSettings('/corpus', 'rules:\n  ? {valueOf: 1}\n  : error\n').rules), []);
  assert.deepEqual(problems('? {toString: 1}\n: 1\n'), [
    "1:3 a setting's name should be text (transcriptions, registry, dates, received-at, rules, accepted, limits); this one is a map, and is ignored",
  ]);
  assert.deepEqual(problems('accepted:\n  - code: stamp-order\n    reason: known\n    documnet: 13\n'), [
    '4:5 accepted: unknown field "documnet" (code, reason, file, document); it is ignored',
  ]);
});

test('the words of JavaScript objects as registry sections, ids, fields and names: messages of ours, and names only where listed', () => {
  const text = [
    'constructor:',
    '  - {id: x, name: X}',
    'people:',
    '  - id: __proto__',
    '    name: Proto',
    '    __proto__: {name: Y}',
    '    constructor: 1',
    '  - id: constructor',
    '    name: Cons',
    '    forms: {toString: 1}',
    '  - id: stalin',
    '    name: Stalin',
    '    hasOwnProperty: x',
    'cover-names:',
    '  - id: filippov',
    '    name: Filippov',
    '    identifications:',
    '      - {person: stalin, authority: Mansourov, __proto__: 1}',
    '',
  ].join('\n');
  const registry = loadRegistry([{ file: 'registry.yaml', text }]);
  assert.deepEqual(registry.problems.map((p) => `${p.range.start.line + 1} ${p.message}`), [
    '1 Unknown section "constructor"; the sections are people, cover-names, places, organisations, archives. Its entries are ignored.',
    '6 Unknown field "__proto__" in an entry of "people"; the fields are id, name, forms, note, url, wikidata, role, born, died. It is ignored.',
    '7 Unknown field "constructor" in an entry of "people"; the fields are id, name, forms, note, url, wikidata, role, born, died. It is ignored.',
    '4 The id "__proto__" should be kebab-case: lower-case letters and digits joined by hyphens, such as "proto".',
    '10 The field "forms" of constructor should be a list of names; it holds a map, and is ignored.',
    '13 Unknown field "hasOwnProperty" in an entry of "people"; the fields are id, name, forms, note, url, wikidata, role, born, died. It is ignored.',
    '18 Unknown field "__proto__" in an identification of filippov; the fields are person, from, to, authority. It is ignored.',
  ]);
  assert.deepEqual(registry.entries.map((e) => e.id), ['__proto__', 'constructor', 'stalin', 'filippov']);
  const found = buildNameMatcher(registry).find('The constructor said toString, valueOf, hasOwnProperty and __proto__ to Filippov and Stalin.', 0);
  assert.deepEqual(found.map((m) => `${m.text}=${m.entryId}`), ['proto=__proto__', 'Filippov=filippov', 'Stalin=stalin']);
  assert.deepEqual(buildNameMatcher(loadRegistry([{ file: 'r.yaml', text: 'people:\n  - {id: a, name: A}\n' }])).find('constructor toString valueOf hasOwnProperty __proto__ isPrototypeOf', 0), []);
});

test("a fault of ours inside an entry is reported in our words, never the exception's text", () => {
  const includes = Array.prototype.includes;
  let registry;
  try {
    // Simulate a bug: the field check throws while the entry is read.
    Array.prototype.includes = function (this: unknown[], ...args: [unknown, number?]) {
      if (includes.call(this, 'role')) throw new TypeError("Cannot read properties of undefined (reading 'includes')");
      return includes.apply(this, args);
    } as typeof includes;
    registry = loadRegistry([{ file: 'registry.yaml', text: 'people:\n  - {id: stalin, name: Stalin}\n' }]);
  } finally {
    Array.prototype.includes = includes;
  }
  assert.deepEqual(registry.problems.map((p) => `${p.range.start.line + 1} ${p.code}/${p.severity} ${p.message}`), [
    '2 registry-malformed/error This entry could not be read, and is ignored: Marginalia failed on something in it (please report the entry). The other entries are read.',
  ]);
});
