// A corpus read on two threads gives what one thread gives: every file's facts, every finding and
// every line of output. The corpus mixes generated documents in the seed's style, the seed, and
// the editions' volumes in a folder that declares no order of day and month, so that documents
// which take the corpus's order are read too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../bench/corpus.js';
import { loadCorpus } from '../corpus/disk.js';
import { loadCorpusInParallel } from '../corpus/parallel.js';
import { repoRoot, seedPath } from './helpers.js';

const cli = path.join(repoRoot, 'server/out/cli.js');

function mixedCorpus(declared: boolean): string {
  const root = path.join(mkdtempSync(path.join(tmpdir(), 'marginalia-threads-')), 'corpus');
  writeCorpus(path.join(root, 'generated'), 150, 7);
  const dates = declared ? 'dates:\n  slashes: month/day/year\n  dots: day.month.year\n' : '';
  writeFileSync(path.join(root, 'marginalia.yaml'), `transcriptions:\n  - "**/*.txt"\nregistry:\n  - generated/registry.yaml\n${dates}`);
  cpSync(seedPath, path.join(root, 'seed.txt'));
  const editions = path.join(repoRoot, 'server/test-data/editions');
  for (const volume of readdirSync(editions, { withFileTypes: true })) {
    if (volume.isDirectory()) cpSync(path.join(editions, volume.name), path.join(root, 'editions', volume.name), { recursive: true });
  }
  return root;
}

for (const declared of [true, false]) {
  test(`two threads read the same facts as one (${declared ? 'declared' : 'inferred'} date orders)`, async () => {
    const root = mixedCorpus(declared);
    const one = loadCorpus(root);
    const two = await loadCorpusInParallel(root, 2);
    const files = (c: typeof one) => [...c.allFiles()].sort((a, b) => a.uri.localeCompare(b.uri));
    assert.equal(files(two).length, files(one).length);
    assert.deepStrictEqual(files(two), files(one));
    assert.deepStrictEqual(two.dateOrders(), one.dateOrders());
    for (const args of [['check'], ['check', '--format', 'json'], ['documents', '--format', 'json']]) {
      const run = (threads: string) => spawnSync(process.execPath, [cli, ...args, '--threads', threads, root], { cwd: root, encoding: 'utf8' });
      const a = run('1');
      const b = run('2');
      assert.ok(a.stdout.length > 1000, a.stderr);
      assert.equal(b.status, a.status);
      assert.equal(b.stderr, a.stderr);
      assert.equal(b.stdout, a.stdout, `marginalia ${args.join(' ')} differs on two threads`);
    }
  });
}
