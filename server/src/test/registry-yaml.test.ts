// The quick reader of the registry's plain YAML must build what the yaml package builds, node for
// node and range for range, or leave the text to it: the loader's messages and go-to-definition
// depend on those ranges.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { readPlainYaml } from '../model/registry-yaml.js';
import { loadRegistry } from '../model/registry.js';
import { repoRoot } from './helpers.js';

/** A node as the loader sees it: kind, ranges, and a scalar's value, type, source and format. */
function shape(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const range = (node as { range?: number[] }).range;
  if (isMap(node)) return { map: node.items.map((p) => (isPair(p) ? [shape(p.key), shape(p.value)] : 'not a pair')), range, flow: node.flow ?? false };
  if (isSeq(node)) return { seq: node.items.map(shape), range, flow: node.flow ?? false };
  if (isScalar(node)) return { value: node.value, type: node.type, source: node.source, format: node.format, minFractionDigits: node.minFractionDigits, range };
  return 'other';
}

/** Whether the quick reader took `text` (else it left it to the yaml package); asserts agreement. */
function agrees(text: string): boolean {
  const quick = new LineCounter();
  const top = readPlainYaml(text, quick);
  if (top === undefined) return false;
  const full = new LineCounter();
  const doc = parseDocument(text, { lineCounter: full, prettyErrors: false, uniqueKeys: true });
  assert.deepEqual(doc.errors, [], `the yaml package found errors in text the quick reader took:\n${text}`);
  assert.deepEqual(shape(top), shape(doc.contents), `nodes differ for:\n${text}`);
  assert.deepEqual(quick.lineStarts, full.lineStarts, `line starts differ for:\n${text}`);
  return true;
}

function yamlFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

test('every YAML file of the repository is read as the yaml package reads it, or left to it', () => {
  const files = yamlFiles(repoRoot);
  assert.ok(files.length > 5);
  const taken = files.filter((f) => agrees(readFileSync(f, 'utf8')));
  assert.ok(taken.some((f) => f.endsWith(path.join('corpus', 'registry.yaml'))), 'the sample registry is plain YAML and should be read quickly');
});

test('what is not plain is left to the yaml package', () => {
  for (const text of [
    'people:\n  - &a id: stalin\n', // an anchor
    'people:\n  - id: stalin\n    note: |\n      A block scalar.\n', // a block scalar
    'people:\n  - id: stalin\n    note: runs over\n      two lines\n', // a multi-line scalar
    'people:\n  - id: stalin\n    note:\n', // an empty value
    'people:\n  - id: "st\\u0061lin"\n', // an escape
    'people:\n  - {id: stalin}\n', // a flow map
    'people:\n  - id: stalin\n    id: again\n', // a duplicate key
    'people:\n\t- id: stalin\n', // a tab
    'people:\n  - id: stalin\n   name: x\n', // indentation that does not line up
    'people: [\n  a ]\n', // a list over two lines
    '---\npeople: []\n', // a document marker
    `people:\n  - id: stalin\n    ${'n'.repeat(1030)}: x\n`, // a key longer than the yaml package allows
  ]) {
    assert.equal(readPlainYaml(text, new LineCounter()), undefined, text);
  }
});

// Generated registries: the pieces a hand-edited registry is made of.
const plainWord = fc.constantFrom('Stalin', "Ch'oe Yong-gon", 'Ch\u00f3ngjin', 'I.V. Stalin', 'VKP(b)', 'http://example.org/a', 'a#b', '1950', '03', '1.50', '0x1F', 'true', 'null', '~', '-3', 'Kim Il Sung', 'tail ');
/** Words that this reader leaves to the yaml package, or that need care in a list. */
const oddWord = fc.constantFrom('x: y', 'ends:', '- dash', '?', 'a, b', '[x]');
const word = fc.oneof({ arbitrary: plainWord, weight: 30 }, { arbitrary: oddWord, weight: 1 });
const scalar = fc.oneof(
  word,
  word.map((w) => `"${w}"`),
  word.map((w) => `'${w.replace(/'/g, "''")}'`),
  fc.array(fc.oneof(word, word.map((w) => `"${w}"`)), { maxLength: 4 }).map((ws) => `[${ws.join(', ')}]`),
  fc.array(word, { maxLength: 3 }).map((ws) => `[ ${ws.join(' ,')} ]`),
);
const comment = fc.constantFrom('', '', '  # a comment', ' #c');
const field = fc.tuple(fc.constantFrom('id', 'name', 'forms', 'note', 'role', 'born'), scalar, comment).map(([k, v, c]) => `${k}: ${v}${c}`);
const entry = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => (indent: string) => {
  const unique = fields.filter((f, i) => fields.findIndex((g) => g.split(':')[0] === f.split(':')[0]) === i);
  return unique.map((f, i) => (i === 0 ? `${indent}- ${f}` : `${indent}  ${f}`)).join('\n');
});
const between = fc.constantFrom('', '', '\n', '\n# between\n', '\n  # between\n', '\n    # indented comment\n', '      # deeper\n');
const registryText = fc
  .tuple(fc.constantFrom('people', 'places'), fc.constantFrom('  ', '', '    '), fc.array(fc.tuple(entry, between), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), comment)
  .map(([section, indent, entries, eol, finalNewline, top]) => {
    const body = `${section}:${top}\n${entries.map(([e, b]) => e(indent) + (b ? `\n${b}` : '')).join('\n')}`;
    return body.replace(/\n/g, eol) + (finalNewline ? eol : '');
  });

test('generated registries are read as the yaml package reads them, and most are read quickly', () => {
  let taken = 0;
  let runs = 0;
  fc.assert(
    fc.property(registryText, (text) => {
      runs += 1;
      if (agrees(text)) taken += 1;
    }),
    { numRuns: 400, seed: 20261202 },
  );
  assert.ok(taken > runs / 2, `only ${taken} of ${runs} generated registries were read quickly`);
});

test('the loader gives the same entries and problems by either reader', () => {
  const text = readFileSync(path.join(repoRoot, 'corpus', 'registry.yaml'), 'utf8');
  // A comment after the first line is still plain; a block scalar anywhere sends the file to the yaml package.
  const quick = loadRegistry([{ file: 'r.yaml', text: `${text}\n` }]);
  const full = loadRegistry([{ file: 'r.yaml', text: `${text}\nunread: |\n  block\n` }]);
  assert.deepEqual(quick.entries, full.entries);
  assert.deepEqual(
    quick.problems,
    full.problems.filter((p) => !p.message.includes('"unread"')),
  );
});
