// Incremental equals fresh: a corpus edited file by file (as the language server edits it) reads
// and reports exactly what a corpus read afresh from the same texts does. Seeded, so a failure
// is the same failure on every run; `npm run soak` runs the same edits for longer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile, CorpusFindings } from '../checks/index.js';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { formatDate } from '../model/dates.js';
import type { Finding } from '../model/types.js';
import { soak } from './edit-soak.js';

for (const seed of [1, 7]) {
  test(`150 random edits across six files and the registry (seed ${seed}): facts, findings, hovers and inlay hints equal a fresh corpus's after every 5`, () => {
    // Compared often: a finding kept from before a registry edit shows only if asked for before the document is read again.
    const report = soak({ seed, edits: 150, batch: 5 });
    assert.equal(report.comparisons, 30);
    assert.deepEqual(report.differences, []);
    // The edits include those that change the order of day and month the corpus bears out.
    assert.ok(report.kinds['date-order line']! > 10 && report.kinds['registry edit']! > 0, JSON.stringify(report.kinds));
  });
}

const undecided = `Document 1: Letter, Roshchin to Filippov, 1950
Sent 07/05/50.
`;
const monthFirst = `Document 2: Ciphered telegram from Shtykov to Filippov, 14 October 1950
Received in Moscow on 10/14/50.
`;
const dayFirst = monthFirst.replace('10/14/50', '14/10/50');
const a = 'file:///edition/a.txt';
const b = 'file:///edition/b.txt';

function corpusOf(texts: Array<[string, string]>): Corpus {
  const corpus = new Corpus(defaultSettings('/edition'));
  for (const [uri, text] of texts) corpus.setFile(uri, text);
  corpus.settleDateOrders();
  return corpus;
}
const sent = (corpus: Corpus) => {
  const date = corpus.file(a)!.documents[0]!.dates.find((d) => d.text === '07/05/50')!;
  return `${formatDate(date.value!)}: ${date.reading.convention}`;
};

test('an edit in one file that turns the order the corpus bears out: the other file reads its dates again, as a fresh corpus does', () => {
  const corpus = corpusOf([[a, undecided], [b, monthFirst]]);
  assert.equal(sent(corpus), '5 July 1950: month/day/year (inferred from the corpus: its other documents read slashes so)');
  const findings = new CorpusFindings(corpus);
  findings.of(a);

  const before = corpus.file(b);
  corpus.setFile(b, dayFirst);
  assert.equal(sent(corpus), '7 May 1950: day/month/year (inferred from the corpus: its other documents read slashes so)');
  assert.equal(sent(corpus), sent(corpusOf([[a, undecided], [b, dayFirst]])));
  // The server re-checks a.txt after the edit of b.txt.
  assert.deepEqual(corpus.dependentsOf(b, before), [a]);

  // b.txt deleted: nothing decides any more, and a.txt says it guesses.
  corpus.deleteFile(b);
  assert.equal(sent(corpus), '5 July 1950: month/day/year (a guess: marginalia.yaml declares no order for slashes and the document does not decide)');
  assert.deepEqual(corpus.dependentsOf(b, before), [a]);
});

test('an edit that changes no order the corpus bears out reads no other file again', () => {
  const corpus = corpusOf([[a, undecided], [b, monthFirst]]);
  const before = corpus.file(b);
  const facts = corpus.file(a);
  corpus.setFile(b, monthFirst + 'Deciphered by Morozov.\n');
  assert.equal(corpus.file(a), facts);
  assert.deepEqual(corpus.dependentsOf(b, before), []);
});

test("a document's written-out dates decide before the corpus's order, whichever file was read first", () => {
  const writtenOut = `Document 3: Letter, Roshchin to Filippov, 1950
Sent 07/05/50.
7 May 1950
`;
  const c = 'file:///edition/c.txt';
  for (const texts of [[[b, monthFirst], [c, writtenOut]], [[c, writtenOut], [b, monthFirst]]] as Array<Array<[string, string]>>) {
    const corpus = corpusOf(texts);
    const date = corpus.file(c)!.documents[0]!.dates.find((d) => d.text === '07/05/50')!;
    assert.equal(`${formatDate(date.value!)}: ${date.reading.convention}`, '7 May 1950: day/month/year (inferred: 07/05/50 is written out as 7 May 1950 in the document)');
    assert.ok(!checkFile(corpus, c).findings.some((f) => f.code === 'ambiguous-date'));
  }
});

test('a document its written dates settle reads the same with or without an order from the corpus', () => {
  const conflicting = `Document 4: Letter, Roshchin to Filippov, 1950
Sent 07/05/50; copies of 14/05/50 and 05/15/50.
7 May 1950
`;
  const c = 'file:///edition/c.txt';
  const readings = (texts: Array<[string, string]>) =>
    corpusOf(texts)
      .file(c)!
      .documents[0]!.dates.filter((d) => d.text.includes('/'))
      .map((d) => `${d.text} ${formatDate(d.value!)}: ${d.reading.convention}`);
  const alone = readings([[c, conflicting]]);
  assert.deepEqual(alone, [
    '07/05/50 7 May 1950: day/month/year (inferred: 07/05/50 is written out as 7 May 1950 in the document)',
    "14/05/50 14 May 1950: day/month/year (this corpus's month/day/year convention overridden: month 14 is impossible)",
    '05/15/50 15 May 1950: month/day/year (a guess: marginalia.yaml declares no order for slashes and the document does not decide)',
  ]);
  assert.deepEqual(readings([[b, monthFirst], [c, conflicting]]), alone);
});

test("a document's kept findings: checked again when an edit above moves it (its message names its new lines), kept when nothing moves it", () => {
  const early = `Document 1: Letter, Roshchin to Filippov, 1 October 1950
I report.
`;
  const late = `Document 2: Ciphered telegram from Shtykov to Filippov, 8 October 1950
Delivered 7 October 1950.
`;
  const corpus = corpusOf([[a, early + late]]);
  const findings = new CorpusFindings(corpus);
  const shown = (list: Finding[]) => list.filter((f) => f.code === 'delivered-before-dated').map((f) => `${f.range.start.line + 1} ${f.message}`);
  const messages = () => shown(findings.of(a).findings);
  const fresh = () => shown(checkFile(corpus, a).findings);
  assert.deepEqual(messages(), ['4 Document 2 is dated 8 October 1950 (line 3) but was delivered on 7 October 1950 (line 4), before that date.']);
  // A line added inside Document 1 moves Document 2 (the same reading, in place) one line down.
  corpus.setFile(a, early.replace('I report.', 'I report.\nI add.') + late);
  findings.invalidate([a]);
  assert.deepEqual(messages(), ['5 Document 2 is dated 8 October 1950 (line 4) but was delivered on 7 October 1950 (line 5), before that date.']);
  // A word changed in Document 1: Document 2 keeps its lines and its findings.
  corpus.setFile(a, early.replace('I report.', 'I report now.\nI add.') + late);
  findings.invalidate([a]);
  assert.deepEqual(messages(), fresh());
});

// Edit sequences found by review, each checked as the server checks (findings asked after every
// step, so the links index is built early) and compared with a fresh corpus of the last texts.
const numbered = (n: number, day: number, dated: number) => `Document ${n}: Letter, Roshchin to Filippov, ${day} October 1950
Your telegram No. 1405/sh dated ${dated} October reached us.
`;
const [first, second] = [numbered(1, 1, 4), numbered(2, 2, 5)];
const sequences: Array<{ name: string; steps: Array<Array<[string, string]>> }> = [
  { name: 'two documents trade places', steps: [[[a, first + second]], [[a, second + first]]] },
  { name: 'a file holding a document twice, a line added above', steps: [[[a, first + second + first]], [[a, '\n' + first + second + first]]] },
  { name: 'a file read after the index was built while it stood empty', steps: [[[a, ''], [b, second]], [[a, first]]] },
];
for (const { name, steps } of sequences) {
  test(`incremental equals fresh: ${name}`, () => {
    const corpus = new Corpus(defaultSettings('/edition'));
    const findings = new CorpusFindings(corpus);
    const texts = new Map<string, string>();
    for (const step of steps) {
      for (const [uri, text] of step) {
        const before = corpus.file(uri);
        texts.set(uri, text);
        corpus.setFile(uri, text);
        findings.invalidate([uri, ...corpus.dependentsOf(uri, before)]);
      }
      for (const uri of texts.keys()) findings.of(uri);
    }
    const render = (list: Finding[]) => list.filter((f) => f.code === 'number-dates-disagree').map((f) => `${f.uri.slice(-5)}:${f.range.start.line + 1} ${f.message}`);
    const fresh = corpusOf([...texts]);
    for (const uri of texts.keys()) {
      assert.deepEqual(render(findings.of(uri).findings), render(checkFile(fresh, uri).findings), uri);
    }
  });
}

test("a reply's dependence on a message goes by the editors' correction of the date it answers (8 [7] October)", () => {
  const registry = [{ file: 'file:///edition/registry.yaml', text: 'people:\n  - id: stalin\n    name: Iosif Stalin\n    forms: [Stalin]\n  - id: mao\n    name: Mao Zedong\n    forms: [Mao Zedong]\n' }];
  const message = 'Document 1: Ciphered telegram from Stalin to Mao Zedong, 7 October 1950\nI send you my telegram.\n';
  const answer = 'Document 2: Letter, Mao Zedong to Stalin, 3 October 1950\nI received your telegram of 8 [7] October 1950.\n';
  const corpus = new Corpus(defaultSettings('/edition'), registry);
  corpus.setFile(a, message);
  corpus.setFile(b, answer);
  const before = corpus.file(a);
  corpus.setFile(a, '\n\n' + message); // the message moves two lines down: the reply's evidence points at it
  assert.deepEqual(corpus.dependentsOf(a, before), [b]);
});

test('who refers to a document is asked again after a registry edit that reads no transcription again', () => {
  const registry = (who: string) => [
    {
      file: 'file:///edition/registry.yaml',
      text: `people:\n  - id: stalin\n    name: Iosif Stalin\n    forms: [Stalin]\n  - id: molotov\n    name: Viacheslav Molotov\n    forms: [Molotov]\n  - id: mao\n    name: Mao Zedong\n    forms: [Mao Zedong]\ncover-names:\n  - id: filippov\n    name: Filippov\n    identifications:\n      - person: ${who}\n        authority: an edition\n`,
    },
  ];
  const corpus = new Corpus(defaultSettings('/edition'), registry('stalin'));
  corpus.setFile(a, 'Document 1: Ciphered telegram from Filippov to Mao Zedong, 1 October 1950\nI send you my telegram.\n');
  corpus.setFile(b, 'Document 2: Letter, Mao Zedong to Stalin, 3 October 1950\nI received your telegram of 1.10.50.\n');
  const referrers = () => corpus.referrersOf(corpus.file(a)!.documents[0]!).map((r) => r.uri);
  assert.deepEqual(referrers(), [b]);
  corpus.setRegistry(registry('molotov')); // Filippov is Molotov now: the letter to Stalin answers nothing of his
  assert.deepEqual(referrers(), []);
});

test('a registry edit reads again only the documents that write the name it changed; the others are taken over, and all read as afresh', () => {
  const registry = (forms: string) => [{ file: 'file:///edition/registry.yaml', text: `people:\n  - id: vyshinsky\n    name: Andrei Vyshinsky\n    forms: [${forms}]\n` }];
  const text = `Document 1: Letter, Roshchin to Filippov, 1 October 1950
I report.

Document 2: Letter, Vyshinsky to Filippov, 2 October 1950
Comrade Vyshinsky reports.

Document 3: Letter, Roshchin to Filippov, 3 October 1950
I report again.
`;
  const corpus = new Corpus(defaultSettings('/edition'), registry('Vyshinskii'));
  corpus.setFile(a, text);
  const before = [...corpus.file(a)!.documents];
  corpus.setRegistry(registry('Vyshinskii, Vyshinsky'));
  const after = corpus.file(a)!.documents;
  assert.deepEqual(after.filter((d, i) => d !== before[i]).map((d) => d.header?.number), ['2']);
  assert.equal(after[1]!.header!.from[0]!.entryId, 'vyshinsky');
  const fresh = new Corpus(defaultSettings('/edition'), registry('Vyshinskii, Vyshinsky'));
  fresh.setFile(a, text);
  assert.deepEqual(corpus.file(a), fresh.file(a));
});

test('the words a registry edit asks of every file are gathered a slice at a time (256 lines), as the server does once indexed', () => {
  const long = 'Document 1: Letter, Roshchin to Filippov, 1950\n' + 'Comrade Vyshinsky reports.\n'.repeat(600);
  const corpus = corpusOf([[a, long], [b, monthFirst]]);
  let asked = 0;
  assert.equal(corpus.gatherWords(() => ++asked > 0), false); // the first 256 lines of a.txt, then enough
  assert.equal(corpus.gatherWords(() => ++asked > 1), false); // 256 more
  assert.equal(corpus.gatherWords(() => false), true);
  assert.equal(asked, 2);
  // What was gathered in slices finds the file a registry edit must read again.
  corpus.setRegistry([{ file: 'file:///edition/registry.yaml', text: 'people:\n  - id: vyshinsky\n    name: Andrei Vyshinsky\n    forms: [Vyshinsky]\n' }]);
  assert.equal(corpus.file(a)!.documents[0]!.names[0]?.entryId, 'vyshinsky');
});
