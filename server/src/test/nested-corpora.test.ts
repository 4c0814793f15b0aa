// A corpus nested inside another, each with its own marginalia.yaml and registry: every file is
// read and checked against the registry of the nearest marginalia.yaml above it, whatever changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { uriOf } from '../corpus/disk.js';
import { hover } from '../service/hover.js';
import { Workspace } from '../workspace.js';
import { repoRoot } from './helpers.js';

const person = (name: string) => `people:\n  - id: stalin\n    name: ${name}\n    forms: [Stalin]\n`;
const letter = 'Document 1: Letter from Stalin to Molotov, 5 July 1950\n\nThe text of the letter.\n';

function folders() {
  const outer = mkdtempSync(path.join(tmpdir(), 'marginalia-outer-'));
  const inner = path.join(outer, 'inner');
  mkdirSync(inner);
  for (const dir of [outer, inner]) writeFileSync(path.join(dir, 'marginalia.yaml'), 'registry: [registry.yaml]\n');
  writeFileSync(path.join(outer, 'registry.yaml'), person('Stalin of the outer registry'));
  writeFileSync(path.join(inner, 'registry.yaml'), person('Stalin of the inner registry'));
  writeFileSync(path.join(outer, 'a.txt'), letter);
  writeFileSync(path.join(inner, 'b.txt'), letter);
  return { outer, inner, a: uriOf(path.join(outer, 'a.txt')), b: uriOf(path.join(inner, 'b.txt')) };
}

/** Who "Stalin" in the header is, as the file's corpus reads it. */
function stalin(ws: Workspace, uri: string): string | undefined {
  return hover(ws.handleFor(uri)!.corpus, uri, { line: 0, character: 26 })?.contents.split('\n\n')[0];
}

test("the outer corpus holds none of the nested corpus's files, and an edit of the outer registry leaves them to their own", () => {
  const { outer, inner, a, b } = folders();
  const ws = new Workspace();
  ws.addFolder(outer);
  const outerCorpus = ws.handleOf(outer)!.corpus;
  assert.deepEqual([...outerCorpus.allFiles()].map((f) => f.uri), [a]);
  assert.deepEqual([...ws.handleOf(inner)!.corpus.allFiles()].map((f) => f.uri), [b]);
  assert.equal(stalin(ws, a), '**Stalin of the outer registry** — person');
  assert.equal(stalin(ws, b), '**Stalin of the inner registry** — person');

  // The outer registry edited: what is re-checked is the outer corpus, which does not hold b.txt.
  const affected = ws.setText(uriOf(path.join(outer, 'registry.yaml')), person('Stalin, renamed in the outer registry'))!;
  assert.equal(affected.handle.root, outer);
  assert.equal(affected.dependents, 'all');
  assert.equal(affected.handle.corpus.file(b), undefined); // not a file of it: nothing to publish there
  assert.equal(stalin(ws, a), '**Stalin, renamed in the outer registry** — person');
  assert.equal(stalin(ws, b), '**Stalin of the inner registry** — person');

  // The nested file edited: its own corpus takes the edit.
  const edited = ws.setText(b, letter.replace('Molotov', 'Bulganin'))!;
  assert.equal(edited.handle.root, inner);
  assert.equal(outerCorpus.file(b), undefined);
});

test('a file of a nested corpus opened when only the outer corpus is loaded goes to its own corpus', () => {
  const { outer, inner, b } = folders();
  const ws = new Workspace();
  ws.corpusOf(uriOf(path.join(outer, 'a.txt')));
  assert.deepEqual(ws.handles().map((h) => h.root), [outer]);
  ws.setText(b, letter);
  assert.equal(ws.handleFor(b)!.root, inner);
  assert.equal(stalin(ws, b), '**Stalin of the inner registry** — person');
});

test('marginalia check on the outer folder checks each file once, against its own registry', () => {
  const { outer } = folders();
  writeFileSync(path.join(outer, 'inner', 'registry.yaml'), 'people: []\n'); // the inner registry does not know Stalin
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'server/out/cli.js'), 'check', '.', '--no-summary'], { cwd: outer, encoding: 'utf8', timeout: 20_000 });
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
    'a.txt:1:35 warning unknown-person "Molotov" is named in the header but is not in the registry.',
    'inner/b.txt:1:25 warning unknown-person "Stalin" is named in the header but is not in the registry.',
    'inner/b.txt:1:35 warning unknown-person "Molotov" is named in the header but is not in the registry.',
  ]);
});
