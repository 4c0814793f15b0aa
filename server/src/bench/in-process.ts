// The in-process part of `npm run bench` (run.ts runs it last): indexing, checking, edits, hovers
// and references inside one process, on 10,000 documents of its own generator. Reports numbers;
// asserts nothing (timings belong here, not in tests).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFile } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { hover } from '../service/hover.js';
import { references } from '../service/navigation.js';
import { semanticTokens } from '../service/presentation.js';

const registryPath = path.resolve(__dirname, '../../../corpus/registry.yaml');
const registry = [{ file: 'file:///bench/registry.yaml', text: readFileSync(registryPath, 'utf8') }];

const senders = ['Filippov (Stalin)', 'Chan Fu (Stalin)', 'Gromyko', 'Roshchin', 'Kim Il Sung', 'Fyn Si [Stalin]', 'Matveyev (Zakharov)'];
const recipients = ['Mao Zedong and Zhou Enlai', 'Shtykov', 'Stalin', 'Matveyev (Zakharov)', 'Kim Il Sung (via Shtykov)'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function documentText(n: number): string {
  const day = (n % 28) + 1;
  const month = (Math.floor(n / 28) % 6) + 7; // July to December 1950, the cover names' period
  const date = `${day} ${months[month - 1]} 1950`;
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return `Document ${n}: Ciphered Telegram, ${senders[n % senders.length]} to ${recipients[n % recipients.length]}, ${date}
Copies: Stalin (2), Molotov, Malenkov, Beria, Mikoyan, Kaganovich, Bulganin
Sent by wire on ${mm}/${dd}/50 at 7:05 a.m.
Received in Moscow on ${mm}/${dd}/50 at 9:38 a.m.
Deciphered by Morozov on ${mm}/${dd}/50 at 10:45 a.m.

Re your telegram # ${1000 + (n % 500)}/sh. Comrade Shtykov reports that the divisions of Kim Il Sung have moved north of the 38th parallel,
and that MAO ZEDONG's representatives will arrive from Beijing on ${day}.${month}.50 [${date}]. The M[inistry of] F[oreign] A[ffairs] agrees.

No. ${2000 + n}
${date}
[Source: APRF, fond 45, opis 1, delo ${300 + (n % 60)}, listy ${n % 200}-${(n % 200) + 1}]
`;
}

function time<T>(f: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const files = 1000;
const perFile = 10;
const texts = Array.from({ length: files }, (_, f) => Array.from({ length: perFile }, (_, i) => documentText(f * perFile + i + 1)).join('\n'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const corpus = new Corpus(defaultSettings('/bench'), registry);
const [, indexMs] = time(() => texts.forEach((t, i) => corpus.setFile(`file:///bench/f${i}.txt`, t)));
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
let findings = 0;
const [, checkMs] = time(() => {
  for (let i = 0; i < files; i++) findings += checkFile(corpus, `file:///bench/f${i}.txt`).findings.length;
});

// An edit: re-scan and re-check one file of ten documents.
const edits: number[] = [];
for (let k = 0; k < 50; k++) {
  const i = (k * 37) % files;
  const [, ms] = time(() => {
    const uri = `file:///bench/f${i}.txt`;
    const before = corpus.file(uri);
    corpus.setFile(uri, texts[i]! + `\nAn added line ${k}.\n`);
    for (const dependent of [uri, ...corpus.dependentsOf(uri, before)]) checkFile(corpus, dependent);
  });
  edits.push(ms);
}

// The first question after an edit builds the indexes it asks; the next ones find them built.
const [refs, refsMs] = time(() => references(corpus, 'file:///bench/f0.txt', { line: 0, character: 40 }, false));
const [, hoverMs] = time(() => hover(corpus, 'file:///bench/f0.txt', { line: 0, character: 40 }));
const [, headerHoverMs] = time(() => hover(corpus, 'file:///bench/f0.txt', { line: 0, character: 3 }));
const again = (f: () => unknown) => median(Array.from({ length: 9 }, () => time(f)[1]));
const refsAgainMs = again(() => references(corpus, 'file:///bench/f0.txt', { line: 0, character: 40 }, false));
const hoverAgainMs = again(() => hover(corpus, 'file:///bench/f0.txt', { line: 0, character: 40 }));
const headerHoverAgainMs = again(() => hover(corpus, 'file:///bench/f0.txt', { line: 0, character: 3 }));

// Linearity: one file, growing.
const scaling: string[] = [];
for (const n of [250, 500, 1000, 2000]) {
  const text = Array.from({ length: n }, (_, i) => documentText(i + 1)).join('\n');
  const c = new Corpus(defaultSettings('/bench'), registry);
  const [, ms] = time(() => c.setFile('file:///bench/big.txt', text));
  scaling.push(`${n} documents (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB) in ${ms.toFixed(0)} ms`);
}

// An edit in the middle of one large file: only the edited document is read again.
const bigDocs = Array.from({ length: 2000 }, (_, i) => documentText(i + 1));
const big = new Corpus(defaultSettings('/bench'), registry);
big.setFile('file:///bench/big.txt', bigDocs.join('\n'));
const bigEdits: number[] = [];
const bigLineEdits: number[] = [];
for (let k = 0; k < 20; k++) {
  // Typing within a line, then adding a line (which moves the 999 documents below it).
  const edited = [...bigDocs];
  edited[1000] = edited[1000]!.replace('The M[inistry', `An added sentence ${k}. The M[inistry`);
  const typed = edited.join('\n');
  bigEdits.push(time(() => big.setFile('file:///bench/big.txt', typed))[1]);
  edited[1000] = edited[1000]!.replace('The M[inistry', `\nAn added line. The M[inistry`);
  const added = edited.join('\n');
  bigLineEdits.push(time(() => big.setFile('file:///bench/big.txt', added))[1]);
}

// Semantic tokens of a file whose documents repeat their header (a web page's title above each):
// the whole file, and the sixty lines an editor shows, as the file grows.
const tokenScaling: string[] = [];
for (const n of [200, 400, 800, 1600]) {
  const text = Array.from({ length: n }, (_, i) => documentText(i + 1).replace(/^.*\n/, (header) => `${header}\n${header}`)).join('\n');
  const c = new Corpus(defaultSettings('/bench'), registry);
  c.setFile('file:///bench/titled.txt', text);
  const middle = Math.floor(text.split('\n').length / 2);
  const whole = again(() => semanticTokens(c, 'file:///bench/titled.txt'));
  const shown = again(() => semanticTokens(c, 'file:///bench/titled.txt', { start: { line: middle, character: 0 }, end: { line: middle + 60, character: 0 } }));
  tokenScaling.push(`${n}: ${whole.toFixed(1)} / ${shown.toFixed(2)} ms`);
}

// The registry: a keystroke in it, on the 10,000 documents (the re-check of every file after it
// is the server's), and a registry of an edition's whole cast.
const registryEdit = (text: string) => time(() => corpus.setRegistry([{ file: registry[0]!.file, text }]))[1];
// The server gathers every file's words while idle once indexed; the first edit would otherwise.
const wordsMs = time(() => corpus.gatherWords(() => false))[1];
const noteEditMs = registryEdit(registry[0]!.text.replace(/note: /, 'note: Edited. '));
const formEditMs = registryEdit(registry[0]!.text.replace('forms: [Molotov', 'forms: [Vyacheslav Molotov, Molotov'));
const formAgainMs = registryEdit(registry[0]!.text.replace('forms: [Molotov', 'forms: [V. Molotov, Molotov'));
const cast = 50_000;
const castText =
  'people:\n' +
  Array.from({ length: cast }, (_, i) => `  - id: p${i}\n    name: Ivan Petrovich Person${i.toString(36)}\n    forms: [Person${i.toString(36)}, I. P. Person${i.toString(36)}]\n    note: Person ${i} of a generated registry.\n`).join('');
const [castCorpus, castLoadMs] = time(() => new Corpus(defaultSettings('/bench'), [...registry, { file: 'file:///bench/cast.yaml', text: castText }]));
const [, castLetterMs] = time(() => {
  castCorpus.setFile('file:///bench/letter.txt', texts[0]!);
  checkFile(castCorpus, 'file:///bench/letter.txt');
});

const row = (label: string, value: string) => console.log(`${label.padEnd(60)} ${value}`);
console.log(`Marginalia benchmark (${files * perFile} documents in ${files} files, ${(bytes / 1e6).toFixed(1)} MB; Node ${process.version})`);
row('index the corpus (scan every file)', `${indexMs.toFixed(0)} ms (${((files * perFile) / (indexMs / 1000)).toFixed(0)} documents/s)`);
row('check the whole corpus', `${checkMs.toFixed(0)} ms (${findings} findings)`);
row('heap held by the index', `${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB${global.gc ? '' : ' (run with --expose-gc for an exact figure)'}`);
row('an edit: re-scan one file, re-check it and its dependents', `median ${median(edits).toFixed(1)} ms, max ${Math.max(...edits).toFixed(1)} ms`);
row('references of Stalin across the corpus (first, then median of the next nine)', `${refsMs.toFixed(0)} ms, ${refsAgainMs.toFixed(1)} ms (${refs.length} mentions)`);
row('hover on a cover name (first, then median of the next nine)', `${hoverMs.toFixed(0)} ms, ${hoverAgainMs.toFixed(1)} ms`);
row('hover on a header (documents referring to it)', `${headerHoverMs.toFixed(0)} ms, ${headerHoverAgainMs.toFixed(1)} ms`);
row('scan one growing file', scaling.join('; '));
row('typing in one document of a 2,000-document file', `median ${median(bigEdits).toFixed(0)} ms (the other documents are not read again)`);
row('adding a line there (999 documents move down)', `median ${median(bigLineEdits).toFixed(0)} ms`);
row('semantic tokens, documents repeating their header: whole file / 60 lines shown', tokenScaling.join('; '));
row('a keystroke in the registry: a note edited / a form added (first, again)', `${noteEditMs.toFixed(0)} ms / ${formEditMs.toFixed(0)} ms, ${formAgainMs.toFixed(0)} ms (only the documents that write the name are read again; the files' words gathered before, while idle, in ${wordsMs.toFixed(0)} ms)`);
row(`a registry of ${cast.toLocaleString('en')} people (${(Buffer.byteLength(castText) / 1e6).toFixed(1)} MB): load, then read and check a file`, `${castLoadMs.toFixed(0)} ms, ${castLetterMs.toFixed(0)} ms`);
