// Writes the rules table of README.md ("## The checks") from the rules themselves (their code,
// default severity and description), between `<!-- rules:begin -->` and `<!-- rules:end -->`, so
// that it is never written twice. Reads the built server: run after `npx tsc -b server`.
//
//   node scripts/rules-table.mjs          rewrite README.md
//   node scripts/rules-table.mjs --check  exit 1 if README.md is not what this writes

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { rules } = require('../server/out/checks/rules/index.js');
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const begin = '<!-- rules:begin -->';
const end = '<!-- rules:end -->';

// Most severe first; within a severity, the order the rules run in.
const severities = ['error', 'warning', 'information', 'hint'];
const rows = [...rules]
  .sort((a, b) => severities.indexOf(a.defaultSeverity) - severities.indexOf(b.defaultSeverity))
  .map((r) => `| \`${r.code}\` | ${r.defaultSeverity} | ${r.description.replaceAll('|', '\\|')} |`);
const table = [
  '| code | default | what it reports |',
  '|------|---------|-----------------|',
  ...rows,
  // Not rules: the registry's and marginalia.yaml's own problems (checkRegistry).
  '| `skipped-transcription` | warning | a transcription that is not read (over `limits: file-size`, a FIFO or device, a broken symbolic link), on `marginalia.yaml` |',
  '| `registry-*`, `corpus-settings` | error/warning | a registry or `marginalia.yaml` problem, at its line |',
].join('\n');

const text = readFileSync(readme, 'utf8');
const from = text.indexOf(begin);
const to = text.indexOf(end);
if (from < 0 || to < from) {
  console.error(`README.md has no ${begin} … ${end} markers`);
  process.exit(1);
}
const wanted = `${text.slice(0, from + begin.length)}\n${table}\n${text.slice(to)}`;
if (process.argv.includes('--check')) {
  if (wanted !== text) {
    console.error('README.md: the rules table is not what the rules say; run `node scripts/rules-table.mjs`');
    process.exit(1);
  }
  console.log(`ok README.md rules table (${rules.length} rules)`);
} else if (wanted !== text) {
  writeFileSync(readme, wanted);
  console.log(`README.md: rules table rewritten (${rules.length} rules)`);
}
