// The architecture of docs/architecture.md, as tests: which layer may import which, where I/O and
// LSP may appear, and how large files and functions have grown. Imports are read from the source
// text with a regular expression, so the test sees what a reader of the file sees; function
// lengths come from the TypeScript parser.
//
// The exceptions live in one place each: files over 400 lines and functions over 80 lines in the
// tables under "Where the code is not yet in shape" in docs/architecture.md (read here; the number
// beside each is its ceiling, so a listed file may shrink but not grow, and a file not listed may
// not pass 400), and the layer violations known today in `knownViolations` below (also listed
// there). Either list can only shrink.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const repoRoot = path.resolve(__dirname, '../../..');
const serverSrc = path.join(repoRoot, 'server/src');
const clientSrc = path.join(repoRoot, 'client/src');
const architectureDoc = path.join(repoRoot, 'docs/architecture.md');

const maxFileLines = 400;
const maxFunctionLines = 80;

/** The layers, lowest first: a file may import from its own layer and the ones below it. */
const layers = ['model', 'corpus', 'checks', 'service', 'outer'] as const;
type Layer = (typeof layers)[number];

/**
 * The outermost files: the only ones that know the editor, the process and the command line. The
 * workspace, publication (when to check, what to publish) and Marginalia's own requests know
 * nothing of LSP; the server is
 * server.ts (wiring), lsp-server.ts (the handlers) and lsp-convert.ts (the service's data as LSP's).
 */
const outerFiles = ['workspace.ts', 'publication.ts', 'scheduling.ts', 'own-requests.ts', 'lsp-convert.ts', 'lsp-server.ts', 'server.ts', 'cli.ts'];
/** Entry points: nothing imports them. */
const entryPoints = ['server.ts', 'cli.ts'];
/** The files that may import `vscode-languageserver*`: the server's own three. */
const lspFiles = ['lsp-convert.ts', 'lsp-server.ts', 'server.ts'];
/** The only packages the model may import: `yaml` parses text it is handed and does no I/O. */
const modelPackages = ['yaml'];
/**
 * The only package protocol.ts may import: the JSON-RPC library's message types (`RequestType`,
 * `NotificationType`), from its common entry, which has no transports. vscode-languageclient and
 * vscode-languageserver re-export the same copy (package.json pins it to their version).
 */
const protocolPackages = ['vscode-jsonrpc'];
/** The files that may read the disk (or start threads: parallel.ts and its worker read through disk.ts). */
const ioFiles = ['corpus/disk.ts', 'corpus/parallel.ts', 'corpus/scan-worker.ts', 'workspace.ts', 'cli.ts'];
const ioModules = ['fs', 'fs/promises', 'child_process', 'worker_threads'];
/** Modules no file imports: Marginalia never goes on the network. */
const networkModules = ['net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls'];

/**
 * Layer violations present today, each `file → specifier` as found in the source; docs/architecture.md
 * lists them too. Fixing one means deleting it here; adding one fails the test.
 */
const knownViolations = new Set<string>([
  // (d) protocol.ts is shared with the client and should import nothing of the server's; it
  // imports the type of a severity (type-only, so no code reaches the client's bundle).
  'protocol.ts → ./model/types.js',
]);

interface SourceFile {
  /** Relative to its root (server/src or client/src), with forward slashes. */
  rel: string;
  abs: string;
  text: string;
  imports: string[];
}

function tsFiles(root: string, skip: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skip.includes(path.relative(root, abs).split(path.sep).join('/'))) walk(abs);
      } else if (entry.name.endsWith('.ts')) out.push(abs);
    }
  };
  walk(root);
  return out.sort();
}

/** Static imports and re-exports (`import … from 'x'`, `import 'x'`, `export … from 'x'`), `import('x')` and `require('x')`. */
const importPattern =
  /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w$*{},\s]+?\s+from\s*)?['"]([^'"\n]+)['"]|\bimport\s*\(\s*['"]([^'"\n]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/gm;

function importsOf(text: string): string[] {
  // Comments may quote code; whole-line comments and block comments go before matching.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of code.matchAll(importPattern)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

function read(root: string, skip: string[]): SourceFile[] {
  return tsFiles(root, skip).map((abs) => {
    const text = readFileSync(abs, 'utf8');
    return { rel: path.relative(root, abs).split(path.sep).join('/'), abs, text, imports: importsOf(text) };
  });
}

const server = read(serverSrc, ['test', 'bench']);
const client = read(clientSrc, ['test']);

function layerOf(rel: string): Layer | 'protocol' | undefined {
  if (rel === 'protocol.ts') return 'protocol';
  if (outerFiles.includes(rel)) return 'outer';
  const folder = rel.split('/')[0]!;
  return (layers as readonly string[]).includes(folder) && folder !== 'outer' ? (folder as Layer) : undefined;
}

/** A relative specifier as a path under server/src (`../model/dates.js` → `model/dates.ts`), or undefined for a package. */
function target(from: SourceFile, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const resolved = path.relative(serverSrc, path.resolve(path.dirname(from.abs), specifier)).split(path.sep).join('/');
  return resolved.replace(/\.js$/, '.ts').replace(/^(?!.*\.ts$)(.*)$/, '$1.ts');
}

/** `node:fs/promises` → `fs/promises`; undefined when the specifier is not one of Node's own modules. */
function nodeModule(specifier: string): string | undefined {
  const name = specifier.replace(/^node:/, '');
  return specifier.startsWith('node:') || builtinModules.includes(name) ? name : undefined;
}

/** Every `file → specifier` that breaks a rule, with the rule it breaks. */
function violations(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (file: SourceFile, specifier: string, why: string) => {
    const key = `${file.rel} → ${specifier}`;
    found.set(key, found.has(key) ? `${found.get(key)}; ${why}` : why);
  };
  for (const file of server) {
    const layer = layerOf(file.rel);
    for (const specifier of file.imports) {
      const to = target(file, specifier);
      const toLayer = to === undefined ? undefined : layerOf(to);
      const builtin = nodeModule(specifier);
      // (a) the model: only itself and the yaml parser.
      if (layer === 'model') {
        if (builtin !== undefined) add(file, specifier, 'the model imports a Node module');
        else if (to === undefined && !modelPackages.includes(specifier)) add(file, specifier, 'the model imports a package other than yaml');
        else if (to !== undefined && !to.startsWith('model/')) add(file, specifier, 'the model imports from outside model/');
      }
      // (b) downward only; the entry points are imported by nobody.
      if (to !== undefined && toLayer === undefined) add(file, specifier, `imports ${to}, which is in no layer`);
      if (to !== undefined && entryPoints.includes(to)) add(file, specifier, `imports the entry point ${to}`);
      if (layer !== undefined && layer !== 'protocol' && toLayer !== undefined && toLayer !== 'protocol' && layers.indexOf(toLayer) > layers.indexOf(layer)) {
        add(file, specifier, `${layer} imports from ${toLayer}, a layer above it`);
      }
      // (c) LSP only in the server.
      const protocolPackage = layer === 'protocol' && protocolPackages.includes(specifier);
      if (/^vscode(-|$)/.test(specifier) && !lspFiles.includes(file.rel) && !protocolPackage) add(file, specifier, `only ${lspFiles.join(', ')} may know the editor or LSP`);
      // (d) protocol.ts is shared with the client: it imports nothing of the server's, and no package but the message types.
      if (layer === 'protocol' && to !== undefined) add(file, specifier, "protocol.ts is the client's too and imports nothing of the server's");
      if (layer === 'protocol' && to === undefined && !protocolPackage) add(file, specifier, `protocol.ts is the client's too and imports no package but ${protocolPackages.join(', ')}`);
      // I/O in three files only; the network nowhere.
      if (builtin !== undefined && ioModules.includes(builtin) && !ioFiles.includes(file.rel)) add(file, specifier, 'reads the disk outside corpus/disk.ts, workspace.ts and cli.ts');
      if (builtin !== undefined && networkModules.includes(builtin)) add(file, specifier, 'goes on the network');
    }
  }
  // The client: VS Code, the language client, Node, and from the server only protocol.ts.
  for (const file of client) {
    for (const specifier of file.imports) {
      if (!specifier.startsWith('.')) continue;
      const to = path.relative(repoRoot, path.resolve(path.dirname(file.abs), specifier)).split(path.sep).join('/');
      if (to.startsWith('server/') && to !== 'server/src/protocol.js' && to !== 'server/src/protocol') {
        found.set(`client/src/${file.rel} → ${specifier}`, 'the client imports analysis from the server (only protocol.ts is shared)');
      }
    }
  }
  return found;
}

test('the import scanner reads every form of import the sources use', () => {
  const sample = [
    "import path from 'node:path';",
    'import {',
    '  a,',
    '  type B,',
    "} from './multi-line.js';",
    "import type { C } from '../types.js';",
    "export { d } from './re-export.js';",
    "export * from './star.js';",
    "import './side-effect.js';",
    "const lazy = await import('./dynamic.js');",
    "const old = require('./required.js');",
    "// import { commented } from './commented-out.js';",
    "/* import { blocked } from './block-comment.js'; */",
    "export const notAnImport = './a-string.js';",
  ].join('\n');
  assert.deepEqual(importsOf(sample), ['node:path', './multi-line.js', '../types.js', './re-export.js', './star.js', './side-effect.js', './dynamic.js', './required.js']);
  // And on the sources themselves: the server's multi-line import of LSP, and imports by the hundred.
  const importsOfFile = (rel: string) => server.find((f) => f.rel === rel)?.imports ?? [];
  assert.ok(importsOfFile('lsp-server.ts').includes('vscode-languageserver/node'), 'the multi-line import in lsp-server.ts was not read');
  assert.ok(server.reduce((n, f) => n + f.imports.length, 0) > 100, 'the pattern found almost no imports');
});

test('every file of server/src is in a layer', () => {
  const homeless = server.map((f) => f.rel).filter((rel) => layerOf(rel) === undefined);
  assert.deepEqual(homeless, [], 'give these a layer here and in docs/architecture.md');
  for (const layer of ['model', 'corpus', 'checks', 'service'] as const) {
    assert.ok(server.some((f) => layerOf(f.rel) === layer), `no file in ${layer}/: has the folder moved?`);
  }
  for (const rel of [...outerFiles, 'protocol.ts', 'corpus/disk.ts']) assert.ok(server.some((f) => f.rel === rel), `${rel} is gone: update the lists here`);
});

test('layers import downward only: model < corpus < checks < service < workspace, server, cli; the model does no I/O; only server.ts, lsp-server.ts and lsp-convert.ts know LSP; protocol.ts and the client import no analysis', () => {
  const found = violations();
  const fresh = [...found].filter(([key]) => !knownViolations.has(key)).map(([key, why]) => `${key}: ${why}`);
  assert.deepEqual(fresh, [], 'new layer violations');
  const fixed = [...knownViolations].filter((key) => !found.has(key));
  assert.deepEqual(fixed, [], 'these known violations are gone: delete them from knownViolations and from docs/architecture.md');
});

test('only the files that say so import vscode-languageserver', () => {
  // The list is the truth of today, not a permission: if the server stops importing it, so be it,
  // but some file must, or the pattern above has gone blind.
  const importers = server.filter((f) => f.imports.some((s) => s.startsWith('vscode-languageserver'))).map((f) => f.rel);
  assert.deepEqual(importers, lspFiles);
});

// ----- size

interface Measured {
  file: string;
  lines: number;
}
interface MeasuredFunction extends Measured {
  name: string;
  line: number;
}

/** Lines as `wc -l` counts them. */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const measuredFiles = [...server.map((f) => ({ ...f, shown: `server/src/${f.rel}` })), ...client.map((f) => ({ ...f, shown: `client/src/${f.rel}` }))];

function functionsOf(file: { abs: string; text: string; shown: string }): MeasuredFunction[] {
  const source = ts.createSourceFile(file.abs, file.text, ts.ScriptTarget.Latest, true);
  const out: MeasuredFunction[] = [];
  const nameOf = (node: ts.SignatureDeclaration): string => {
    if (ts.isConstructorDeclaration(node)) return 'constructor';
    if (node.name) return node.name.getText(source);
    const parent = node.parent;
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) return parent.name.getText(source);
    return '(anonymous)';
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      out.push({ file: file.shown, name: nameOf(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The ceilings recorded in docs/architecture.md: `| `path` | 1084 | why |` and `| `name` in `path` | 446 | why |`. */
function recordedCeilings(): { files: Map<string, number>; functions: Map<string, number> } {
  const doc = readFileSync(architectureDoc, 'utf8');
  const start = doc.indexOf('## Where the code is not yet in shape');
  assert.ok(start !== -1, 'docs/architecture.md has no section "Where the code is not yet in shape"');
  const end = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, end === -1 ? undefined : end);
  const files = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const m of section.matchAll(/^\|\s*`([^`]+)`(?:\s+in\s+`([^`]+)`)?\s*\|\s*(\d+)\s*\|/gm)) {
    if (m[2] !== undefined) functions.set(`${m[1]} in ${m[2]}`, Number(m[3]));
    else files.set(m[1]!, Number(m[3]));
  }
  return { files, functions };
}

function checkCeilings(what: string, measured: Array<{ key: string; lines: number }>, limit: number, recorded: Map<string, number>): void {
  const over = measured.filter((m) => m.lines > limit);
  const unlisted = over.filter((m) => !recorded.has(m.key)).map((m) => `${m.key}: ${m.lines} lines`);
  assert.deepEqual(unlisted, [], `${what} over ${limit} lines that docs/architecture.md does not list (split them, or list them there with the reason)`);
  const grown = over.filter((m) => m.lines > recorded.get(m.key)!).map((m) => `${m.key}: ${m.lines} lines, recorded ${recorded.get(m.key)}`);
  assert.deepEqual(grown, [], `${what} grown past the ceiling recorded in docs/architecture.md (shrink them, or raise the number there and say why)`);
  for (const [key, ceiling] of recorded) {
    const now = measured.filter((m) => m.key === key);
    const longest = Math.max(0, ...now.map((m) => m.lines));
    if (longest <= limit) console.log(`architecture: ${key} is now ${longest === 0 ? 'gone' : `${longest} lines`}; delete its row (ceiling ${ceiling}) from docs/architecture.md`);
    else if (longest < ceiling) console.log(`architecture: ${key} is now ${longest} lines; lower its ceiling in docs/architecture.md from ${ceiling}`);
  }
}

test(`no source file over ${maxFileLines} lines but those docs/architecture.md lists, and none of those grows`, () => {
  const measured = measuredFiles.map((f) => ({ key: f.shown, lines: lineCount(f.text) })).sort((a, b) => b.lines - a.lines);
  console.log(`architecture: largest files: ${measured.slice(0, 8).map((m) => `${m.key} ${m.lines}`).join(', ')}`);
  checkCeilings('files', measured, maxFileLines, recordedCeilings().files);
});

test(`no function over ${maxFunctionLines} lines but those docs/architecture.md lists, and none of those grows`, () => {
  const measured = measuredFiles
    .flatMap(functionsOf)
    .map((f) => ({ key: `${f.name} in ${f.file}`, lines: f.lines, at: `${f.file}:${f.line}` }))
    .sort((a, b) => b.lines - a.lines);
  assert.ok(measured.length > 100, 'the parser found almost no functions');
  console.log(`architecture: longest functions: ${measured.slice(0, 8).map((m) => `${m.key.split(' in ')[0]} (${m.at}) ${m.lines}`).join(', ')}`);
  checkCeilings('functions', measured, maxFunctionLines, recordedCeilings().functions);
});
