// npm run soak: the incremental-equals-fresh property of incremental.test.ts, at length. Random
// edits (lines, characters, whole files, lines that turn the order of day and month) go through
// Corpus.setFile as the language server applies them, and the facts and findings are compared
// with a corpus read afresh every `--batch` edits. Prints a summary; exits 1 on a difference.
//
//   node server/out/bench/soak.js [--edits 3000] [--batch 50] [--seed 1]

import { soak } from '../test/edit-soak.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const edits = option('edits', 3000);
const batch = option('batch', 50);
const seed = option('seed', 1);
const started = performance.now();
const report = soak({ seed, edits, batch });
const seconds = (performance.now() - started) / 1000;

console.log(`seed ${seed}: ${report.edits} edits, compared with a fresh corpus ${report.comparisons} times, in ${seconds.toFixed(1)} s`);
for (const [kind, n] of Object.entries(report.kinds).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)} ${kind}`);
if (report.differences.length === 0) {
  console.log('incremental equals fresh: no difference');
} else {
  console.log(`${report.differences.length} difference${report.differences.length > 1 ? 's' : ''} (the first 20 stop the run):`);
  for (const d of report.differences) console.log(`  ${d}`);
  process.exitCode = 1;
}
