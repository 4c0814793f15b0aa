// Shared by the tests: the bundled corpus, and small in-memory corpora made from fixture text.

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { loadCorpus, uriOf } from '../corpus/disk.js';
import { defaultSettings } from '../corpus/settings.js';
import type { CorpusSettings, Finding } from '../model/types.js';

/** The repository's root (tests run from server/out/test). */
export const repoRoot = path.resolve(__dirname, '../../..');
export const corpusRoot = path.join(repoRoot, 'corpus');
export const seedPath = path.join(corpusRoot, '000_bae709cea1c958ec.txt');
export const seedUri = uriOf(seedPath);
export const registryUri = uriOf(path.join(corpusRoot, 'registry.yaml'));

export function seedCorpus(): Corpus {
  return loadCorpus(corpusRoot);
}

/** The real registry: fixtures are checked against the people the corpus knows. */
export function registryText(): string {
  return readFileSync(path.join(corpusRoot, 'registry.yaml'), 'utf8');
}

export const fixtureUri = 'file:///fixtures/fixture.txt';
export const fixtureRegistryUri = 'file:///fixtures/registry.yaml';

/** A corpus of one fixture file, with the real registry (or the given one) and settings. */
export function fixtureCorpus(text: string, options: { registry?: string; settings?: Partial<CorpusSettings>; uri?: string } = {}): Corpus {
  const settings = { ...defaultSettings('/fixtures'), ...options.settings };
  const corpus = new Corpus(settings, [{ file: fixtureRegistryUri, text: options.registry ?? registryText() }]);
  corpus.setFile(options.uri ?? fixtureUri, text);
  return corpus;
}

/** Findings of the fixture, as `line:col severity code` strings (1-based, as the CLI prints). */
export function findingsOf(corpus: Corpus, uri = fixtureUri): Finding[] {
  return checkFile(corpus, uri).findings;
}

export function codes(findings: Finding[], minimum: 'hint' | 'information' | 'warning' = 'hint'): string[] {
  const rank = { hint: 0, information: 1, warning: 2, error: 3 } as const;
  return findings.filter((f) => rank[f.severity] >= rank[minimum]).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}`);
}

/**
 * How the time of `prepare(n)()` grows from n to 8n: best of three runs each, taken in turn so
 * that both sizes meet the same load, the small one floored (5 ms unless told) so that a fast
 * run's noise is no growth. A linear reading gives about 8 (up to 20 on a busy machine, where the larger heap's
 * garbage collection costs more per object), a quadratic one 64; tests fail above 32, half of it.
 */
export function growth(prepare: (n: number) => () => void, n = 12_500, floor = 5): { small: number; large: number; ratio: number } {
  const runs = [prepare(n), prepare(8 * n)];
  const best = [Infinity, Infinity];
  for (let k = 0; k < 3; k++) {
    runs.forEach((run, i) => {
      const t0 = performance.now();
      run();
      best[i] = Math.min(best[i]!, performance.now() - t0);
    });
  }
  const [small, large] = best as [number, number];
  return { small, large, ratio: large / Math.max(small, floor) };
}
