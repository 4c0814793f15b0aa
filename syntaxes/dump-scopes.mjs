// Prints how the grammar scopes a file, one token per line, to check new rules and write tests:
//   node syntaxes/dump-scopes.mjs corpus/000_bae709cea1c958ec.txt [--lines 20-40] [--all]
// Without --all only tokens with a scope besides the root are shown.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+-\d+$/.test(a));
const linesArg = args[args.indexOf('--lines') + 1];
const [from, to] = args.includes('--lines') ? linesArg.split('-').map(Number) : [1, Infinity];
const all = args.includes('--all');

const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (p) => new oniguruma.OnigScanner(p),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () =>
    vsctm.parseRawGrammar(readFileSync(new URL('./transcription.tmLanguage.json', import.meta.url), 'utf8'), 'grammar.json'),
});
const grammar = await registry.loadGrammar('text.transcription');
let state = vsctm.INITIAL;
const lines = readFileSync(file, 'utf8').split(/\r?\n/);
const started = performance.now();
lines.forEach((line, i) => {
  const r = grammar.tokenizeLine(line, state);
  state = r.ruleStack;
  if (i + 1 < from || i + 1 > to) return;
  const shown = r.tokens.filter((t) => all || t.scopes.length > 1);
  if (shown.length === 0) return;
  console.log(`${i + 1}: ${line}`);
  for (const t of shown) {
    const text = line.slice(t.startIndex, t.endIndex);
    if (!all && text.trim() === '') continue;
    console.log(`    ${JSON.stringify(text).padEnd(36)} ${t.scopes.slice(1).map((s) => s.replace(/\.transcription$/, '')).join(' ')}`);
  }
});
console.error(`${lines.length} lines tokenized in ${(performance.now() - started).toFixed(0)} ms`);
