// npm run bench: how Marginalia scales, on generated editions of 100, 1,000 and 10,000 documents
// (`npm run bench -- --sizes 100,1000,10000,100000` for a whole series). For each size, run in
// turn (A B A B …, so that a drift of the machine's speed hits both): `marginalia check` as a
// whole process, the read-only floor (a process that reads the same files and finds their
// headers), and, when it is installed in .cache/bench-peer, the peer `foam lint` on the same
// documents as linked notes. Then the language server over stdio (lsp.ts) and the in-process
// figures (in-process.ts). Prints a table and writes it as JSON to .cache/bench/. Reports
// numbers; asserts nothing.
//
// Whole-process wall and CPU time (user and system, steadier on a shared machine) and peak memory
// come from /usr/bin/time when it is there (else wall time only). The peer is installed by hand: npm install --prefix .cache/bench-peer --ignore-scripts foam-cli

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { type GeneratedCorpus, writeCorpus, writeNotes } from './corpus.js';

const repoRoot = path.resolve(__dirname, '../../..');
const outDir = path.join(repoRoot, '.cache/bench');
const cli = path.join(repoRoot, 'server/out/cli.js');
const floor = path.join(repoRoot, 'server/out/bench/floor.js');
const peer = path.join(repoRoot, '.cache/bench-peer/node_modules/foam-cli/out/index.js');
const gnuTime = '/usr/bin/time';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sizes = (argument('--sizes') ?? '100,1000,10000').split(',').map(Number);
const runs = Number(argument('--runs') ?? 3);
const skipServer = process.argv.includes('--no-server');

interface Measure {
  wallS: number;
  userS?: number;
  /** User and system time: on a machine shared with other work, steadier than the wall time. */
  cpuS?: number;
  peakMiB?: number;
}

/** One whole-process run of `args` (node and a script), its output to a file. */
function measure(args: string[], cwd: string): Measure {
  if (existsSync(gnuTime)) {
    const stats = path.join(outDir, 'last-time.txt');
    const start = process.hrtime.bigint();
    spawnSync(gnuTime, ['-f', '%e %U %S %M', '-o', stats, process.execPath, ...args], { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    const [, user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wallS, userS: user!, cpuS: user! + sys!, peakMiB: kb! / 1024 };
  }
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
  return { wallS: Number(process.hrtime.bigint() - start) / 1e9 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  documents: number;
  files: number;
  megabytes: number;
  check: { wallS: number; userS?: number; cpuS?: number; peakMiB?: number; mbPerS: number };
  floor: { wallS: number; cpuS?: number; peakMiB?: number };
  /** check / floor, pair by pair, the median. */
  ratioToFloor: number;
  /** The same in CPU time (user and system), where /usr/bin/time gives it. */
  cpuRatioToFloor?: number;
  peer?: { wallS: number; peakMiB?: number; ratio: number };
}

function summarise(ms: Measure[]): Measure {
  const out: Measure = { wallS: median(ms.map((m) => m.wallS)) };
  if (ms[0]?.userS !== undefined) out.userS = median(ms.map((m) => m.userS!));
  if (ms[0]?.cpuS !== undefined) out.cpuS = median(ms.map((m) => m.cpuS!));
  if (ms[0]?.peakMiB !== undefined) out.peakMiB = Math.max(...ms.map((m) => m.peakMiB!));
  return out;
}

function benchSize(documents: number): Row {
  const corpus: GeneratedCorpus = writeCorpus(path.join(outDir, `corpus-${documents}`), documents);
  const notes = path.join(outDir, `notes-${documents}`);
  const withPeer = existsSync(peer);
  if (withPeer) writeNotes(corpus, notes);
  const checks: Measure[] = [];
  const floors: Measure[] = [];
  const peers: Measure[] = [];
  // A warm-up of each, then the counted runs in turn.
  measure([cli, 'check', corpus.folder], repoRoot);
  measure([floor, corpus.folder], repoRoot);
  for (let r = 0; r < runs; r++) {
    checks.push(measure([cli, 'check', corpus.folder], repoRoot));
    floors.push(measure([floor, corpus.folder], repoRoot));
    if (withPeer) peers.push(measure([peer, 'lint', '--workspace', notes], notes));
  }
  const check = summarise(checks);
  const megabytes = corpus.bytes / 1e6;
  const row: Row = {
    documents,
    files: corpus.files.length,
    megabytes,
    check: { ...check, mbPerS: megabytes / check.wallS },
    floor: summarise(floors),
    ratioToFloor: median(checks.map((c, i) => c.wallS / floors[i]!.wallS)),
  };
  if (checks[0]?.cpuS !== undefined) row.cpuRatioToFloor = median(checks.map((c, i) => c.cpuS! / floors[i]!.cpuS!));
  if (withPeer) {
    const p = summarise(peers);
    row.peer = { ...p, ratio: median(peers.map((q, i) => q.wallS / checks[i]!.wallS)) };
  }
  rmSync(notes, { recursive: true, force: true });
  return row;
}

const f = (x: number | undefined, digits = 2) => (x === undefined ? '–' : x.toFixed(digits));

function printTable(rows: Row[]): void {
  const header = ['documents', 'MB', 'check s', 'MB/s', 'peak MiB', 'floor s', 'check/floor', 'check CPU s', 'CPU check/floor', 'foam lint s', 'foam/check', 'growth (time / size)'];
  const lines = rows.map((r, i) => {
    const before = rows[i - 1];
    const growth = before ? `×${(r.check.wallS / before.check.wallS).toFixed(1)} / ×${(r.megabytes / before.megabytes).toFixed(1)}` : '';
    return [String(r.documents), f(r.megabytes, 1), f(r.check.wallS), f(r.check.mbPerS, 1), f(r.check.peakMiB, 0), f(r.floor.wallS), f(r.ratioToFloor, 1), f(r.check.cpuS), f(r.cpuRatioToFloor, 1), f(r.peer?.wallS), f(r.peer?.ratio, 1), growth];
  });
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k]!.length)));
  const show = (cells: string[]) => `| ${cells.map((c, k) => c.padEnd(widths[k]!)).join(' | ')} |`;
  console.log(show(header));
  console.log(show(widths.map((w) => '-'.repeat(w))));
  for (const l of lines) console.log(show(l));
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`;
  console.log(`Marginalia benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}; medians of ${runs} runs each`);
  if (!existsSync(peer)) console.log('(the peer foam-cli is not installed in .cache/bench-peer: its columns stay empty)');
  const rows: Row[] = [];
  for (const n of sizes) {
    rows.push(benchSize(n));
    console.log(`  ${n} documents done`);
  }
  printTable(rows);
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine, runs, cli: rows };
  if (!skipServer) {
    const { benchServer } = await import('./lsp.js');
    result['server'] = await benchServer(outDir);
  }
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  if (!process.argv.includes('--no-in-process')) await import('./in-process.js');
}

void main();
