// The read-only floor of the benchmark: a process that reads the same files as `marginalia
// check` and finds their `Document N` headers, and nothing else. What check costs beyond this
// is Marginalia's own work.
//
//   node server/out/bench/floor.js <folder>

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function walk(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out;
}

const header = /^Document (\d+)/gm;
let documents = 0;
let bytes = 0;
for (const file of walk(process.argv[2] ?? '.', []).sort()) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  for (header.lastIndex = 0; header.exec(text); ) documents++;
}
process.stdout.write(`${documents} documents, ${bytes} characters\n`);
