// The language service called directly, as plain functions over an in-memory corpus: fixture
// text in another edition's style (DOCUMENT No. headers, day/month/year slashes, GARF citations
// with f./op./d./ll., cover names spelt Feng Xi and Matveev) with a small registry of its own, so
// that every expected output below is exact and owed to nothing but this file. A few tests on the
// seed cover what only it has (the page-title copy of a header).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActions, inlayHints } from '../service/editing.js';
import { completion } from '../service/completion.js';
import { mentionsByRole } from '../service/mentions.js';
import { hover } from '../service/hover.js';
import { definition, references, type Location } from '../service/navigation.js';
import { documentLinks, encodeSemanticTokens, foldingRanges, semanticTokens } from '../service/presentation.js';
import { documentSymbols, workspaceSymbols, type OutlineSymbol } from '../service/symbols.js';
import type { Position, Range } from '../model/types.js';
import { findingsOf, fixtureCorpus, fixtureRegistryUri, fixtureUri, seedCorpus, seedUri } from './helpers.js';
import { readFileSync } from 'node:fs';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { proposeRegistry } from '../service/setup.js';
import { seedPath } from './helpers.js';

const registry = `people:
  - id: stalin
    name: Iosif Vissarionovich Stalin
    forms: [Stalin, STALIN I.V., Iosif Vissarionovich]
    role: Chairman of the Council of Ministers
    born: 1878-12-18
    died: 1953-03-05
    wikidata: Q855
  - id: zakharov
    name: Matvei Vasil'evich Zakharov
    forms: [Zakharov]
    role: Soviet general
    born: 1898
    died: 1972
  - id: razuvaev
    name: Vladimir Nikolaevich Razuvaev
    forms: [Razuvaev]
    role: Soviet general
  - id: shtykov
    name: Terentii Fomich Shtykov
    forms: [Shtykov]
    role: Soviet ambassador to the DPRK
  - id: kim-il-sung
    name: Kim Il Sung
    forms: [KIM IL SUNG]

cover-names:
  - id: fyn-si
    name: Fyn Si
    forms: [Feng Xi]
    identifications:
      - person: stalin
        from: 1950
        to: 1951
        authority: K. Weathersby's translations
  - id: matveyev
    name: Matveyev
    forms: [Matveev]
    identifications:
      - person: zakharov
        authority: Edition A
      - person: razuvaev
        authority: Edition B

places:
  - id: pyongyang
    name: Pyongyang
    utc-offset: "+09:00"

archives:
  - id: garf
    name: State Archive of the Russian Federation
    abbreviation: GARF
    collections:
      - fond: R-9401
        description: the MVD's special files for Stalin
`;

const text = `DOCUMENT No. 1. Letter from Feng Xi to Comrade KIM IL SUNG (via Shtykov), 14 October 1950
Comrade Kim Il Sung!
Your telegram of 12/10/50 is received. Matveev will explain. See Document 2.
Feng Xi
14 October 1950
[Source: GARF, f. R-9401, op. 2, d. 199, ll. 1-3]

DOCUMENT No. 2. Ciphered telegram from Matveev [Zakharov] in Pyongyang to Feng Xi, 15 October 1950
Sent 15/10/50 at 10:10
Comrade Matveev reports to Instantsia. Shtykov agrees. No. 88/sh
Petrov
16 October 1950
[Source: GARF, f. R-9401, op. 2, d. 199, l. 4]

DOCUMENT No. 3. Telegram from Ivanov to Stalin, 16 October 1950
Received 16/10/50 at 23:50
Your telegram No. 88/sh is answered.
16 October 1950
[Source: Arkhiv, fond 5]
`;

const lines = text.split('\n');
const registryLines = registry.split('\n');
const corpus = fixtureCorpus(text, {
  registry,
  settings: { dates: { slashes: 'day/month/year', dots: 'day.month.year' }, datesDeclared: { slashes: true, dots: true } },
});
const U = fixtureUri;
const R = fixtureRegistryUri;

/** Inside the `nth` occurrence of `word` on 0-based line `line` of `source`. */
function at(line: number, word: string, source = lines, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = source[line]!.indexOf(word, i + 1);
  assert.ok(i >= 0, `"${word}" is not on line ${line}`);
  return { line, character: i + 1 };
}

function span(line: number, word: string, source = lines, nth = 0): Range {
  const p = at(line, word, source, nth);
  return { start: { line, character: p.character - 1 }, end: { line, character: p.character - 1 + word.length } };
}

/** `fixture:2:39-2:46` (0-based), in the order given. */
const render = (locations: Location[]) =>
  locations.map((l) => `${l.uri === U ? 'fixture' : l.uri === R ? 'registry' : l.uri}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`);

const hoverText = (line: number, word: string, nth = 0) => hover(corpus, U, at(line, word, lines, nth))?.contents;
const link = (n: number, line: number) => `[Document ${n}](${U}#L${line})`;

test('the fixture reads as three documents with the findings an editor expects', () => {
  assert.deepEqual(
    corpus.file(U)!.documents.map((d) => d.header?.number),
    ['1', '2', '3'],
  );
  assert.deepEqual(
    findingsOf(corpus).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`),
    ['7:83 header-closing-date', '8:5 delivered-before-dated', '14:30 unknown-person', '18:0 archive-reference', '18:9 archive-reference'],
  );
});

describe('hover', () => {
  test('a cover name the registry gives to one person: who, on whose authority, role, life dates, other names, documents', () => {
    assert.equal(
      hoverText(0, 'Feng Xi'),
      [
        '**Fyn Si** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)',
        "*Fyn Si* is the cover name of **Iosif Vissarionovich Stalin** (used from 1950 to 1951) on the authority of K. Weathersby's translations.",
        'Role in 1950: Chairman of the Council of Ministers',
        'Also named in the corpus: Stalin',
        `Appears in 3 documents: ${link(1, 1)}, ${link(2, 8)}, ${link(3, 15)}`,
        'Wikidata: [Q855](https://www.wikidata.org/wiki/Q855)',
      ].join('\n\n'),
    );
    assert.deepEqual(hover(corpus, U, at(0, 'Feng Xi'))!.range, span(0, 'Feng Xi'));
  });

  test('a cover name the editions dispute, where the text does not say which', () => {
    assert.equal(
      hoverText(2, 'Matveev'),
      [
        "**Matveyev** — cover name of **Matvei Vasil'evich Zakharov** or **Vladimir Nikolaevich Razuvaev**",
        'The text does not say which; the editions differ.',
        "*Matveyev* is the cover name of **Matvei Vasil'evich Zakharov** on the authority of Edition A.",
        '*Matveyev* is the cover name of **Vladimir Nikolaevich Razuvaev** on the authority of Edition B.',
        `Appears in 2 documents: ${link(1, 1)}, ${link(2, 8)}`,
      ].join('\n\n'),
    );
  });

  test('the same cover name where the document identifies it in its header', () => {
    assert.equal(
      hoverText(9, 'Matveev'),
      [
        "**Matveyev** — cover name of **Matvei Vasil'evich Zakharov** (1898–1972)",
        'This document identifies *Matveev* as Zakharov (line 8).',
        "*Matveyev* is the cover name of **Matvei Vasil'evich Zakharov** on the authority of Edition A.",
        'Another reading: **Vladimir Nikolaevich Razuvaev**, on the authority of Edition B.',
        'Role in 1950: Soviet general',
        'Also named in the corpus: Zakharov',
        `Appears in 2 documents: ${link(1, 1)}, ${link(2, 8)}`,
      ].join('\n\n'),
    );
    // Beside the name, the identification itself: the person, and whose identification it is.
    assert.equal(
      hoverText(7, 'Zakharov'),
      [
        "**Matvei Vasil'evich Zakharov** (1898–1972) — person",
        "Here the editors identify the cover name *Matveev* as Matvei Vasil'evich Zakharov.",
        'Role in 1950: Soviet general',
        'Also named in the corpus: cover name Matveev',
        `Appears in 2 documents: ${link(1, 1)}, ${link(2, 8)}`,
      ].join('\n\n'),
    );
  });

  test('a numeric date read by the corpus convention (day/month/year here)', () => {
    const h = hover(corpus, U, at(2, '12/10/50'))!;
    assert.deepEqual(h.range, span(2, '12/10/50'));
    const [first, second] = h.contents.split('\n\n');
    assert.equal(first, '**Thursday 12 October 1950** · EDTF `1950-10-12`');
    assert.match(second!, /^"12\/10\/50" read as day\/month\/year/);
  });

  test('an archive reference in the f./op./d./ll. style, and one that names no known archive', () => {
    assert.equal(
      hoverText(5, 'op.'),
      [
        '**State Archive of the Russian Federation** · fond R-9401 · inventory 2 · file 199 · folios 1-3',
        "Fond R-9401: the MVD's special files for Stalin",
        '*GARF* = State Archive of the Russian Federation; *fond* = collection, *opis* = inventory, *delo* = file, *list/listy* = folio(s).',
        `Also cited from this file: ${link(2, 8)} (folio 4)`,
      ].join('\n\n'),
    );
    // The archive's abbreviation inside a citation explains the citation.
    assert.equal(hoverText(5, 'GARF'), hoverText(5, 'op.'));
    assert.equal(
      hoverText(18, 'fond'),
      [
        '**Arkhiv** (not in the registry) · fond 5',
        'Not given: opis, delo, list (folio).',
        '*fond* = collection, *opis* = inventory, *delo* = file, *list/listy* = folio(s).',
      ].join('\n\n'),
    );
  });

  test('a document header: type, from → to, dates, source, and who refers to it', () => {
    assert.equal(
      hoverText(7, 'Ciphered'),
      [
        '**Document 2 — Ciphered telegram, Matveev to Feng Xi, 16 October 1950**',
        'Ciphered telegram from Matveev (Zakharov) to Feng Xi',
        'Dated Sunday 15 October 1950.',
        'The text closes with Monday 16 October 1950 (line 12).',
        'Source: GARF, f. R-9401, op. 2, d. 199, l. 4',
        `Referred to by: ${link(1, 1)}`,
      ].join('\n\n'),
    );
    assert.equal(
      hoverText(0, 'Letter'),
      [
        '**Document 1 — Letter, Feng Xi to KIM IL SUNG, 14 October 1950**',
        'Letter from Feng Xi to KIM IL SUNG, via Shtykov',
        'Dated Saturday 14 October 1950.',
        'Source: GARF, f. R-9401, op. 2, d. 199, ll. 1-3',
        'No other document of the corpus refers to it.',
      ].join('\n\n'),
    );
  });

  test('cross-references and reference numbers', () => {
    assert.equal(
      hoverText(2, 'Document 2'),
      [
        '**Document 2**',
        `Document 2: [Document 2 — Ciphered telegram, Matveev to Feng Xi, 16 October 1950](${U}#L8)`,
        // Its header and first lines, as a link preview shows them, escaped.
        [
          '> DOCUMENT No. 2. Ciphered telegram from Matveev \\[Zakharov\\] in Pyongyang to Feng Xi, 15 October 1950',
          '> Sent 15/10/50 at 10:10',
          '> Comrade Matveev reports to Instantsia. Shtykov agrees. No. 88/sh',
          '> Petrov',
          '> 16 October 1950',
        ].join('  \n'),
      ].join('\n\n'),
    );
    assert.equal(hoverText(2, 'telegram of'), '**Your telegram of 12/10/50**\n\nThe telegram of Thursday 12 October 1950: not in this corpus.');
    assert.equal(hoverText(9, '88/sh'), `**No. 88/sh**\n\nAlso occurs in: [Document 3](${U}#L17) (line 17)`);
  });

  test("a cross-reference's preview is the document's text escaped, and cut: no link or image in it is followed", () => {
    const risky = fixtureCorpus(
      'DOCUMENT No. 1. Letter from Stalin to Shtykov, 1 October 1950\nSee Document 2.\n\nDOCUMENT No. 2. Letter from Shtykov to Stalin, 2 October 1950\n![x](https://example.org/x.png) [run](command:workbench.action.quit) <img src=x>\n' + 'long '.repeat(50) + '\n',
      { registry },
    );
    const preview = hover(risky, U, { line: 1, character: 6 })!.contents.split('\n\n')[2]!.split('  \n');
    assert.deepEqual(preview.slice(1, 2), ['> !\\[x\\](https://example.org/x.png) \\[run\\](command:workbench.action.quit) \\<img src=x\\>']);
    assert.equal(preview[2], `> ${'long '.repeat(32).trim()}…`);
  });

  test("a stamp: the time since the stamp above and since the document's date, with the zones of the chronology", () => {
    const seed = seedCorpus();
    const seedLines = seed.text(seedUri)!.split('\n');
    const stampHover = (line: number, word: string) => hover(seed, seedUri, { line, character: seedLines[line]!.indexOf(word) + 1 })!.contents.split('\n\n');
    // Document 7: submitted 23:45 on 5 July, typed 0:55 on 6 July, both at the office that kept the file.
    assert.deepEqual(stampHover(13, 'Submitted'), ['**Stamp: submitted**, 5 July 1950 at 23:45.', 'Times read in the local time of the office that kept the file.', "On the document's date (5 July 1950, line 24)."]);
    assert.deepEqual(stampHover(24, 'Typed').slice(2), ['1 h 10 min after the stamp above (submitted, line 14).', "Between 56 min and 1 day 55 min after the document's date (5 July 1950, line 24)."]);
    // Document 13: delivered before the date it bears, as the finding says.
    assert.deepEqual(stampHover(171, 'delivered').slice(2), ["Between 1 h 45 min and 1 day 1 h 44 min before the document's date (8 October 1950, line 166)."]);
    // Document 16: sent at an office whose clock is unknown, received in Moscow: the order is not settled by the clocks.
    assert.equal(stampHover(225, 'Received')[2], 'Before or after the stamp above (sent, line 225): the clocks known allow from 12 h 27 min before to 13 h 33 min after it.');
  });

  test('nothing where there is nothing to say', () => {
    assert.equal(hover(corpus, U, at(1, '!')), null);
    assert.equal(hover(corpus, U, { line: 500, character: 3 }), null);
    assert.equal(hover(corpus, 'file:///elsewhere.txt', { line: 0, character: 3 }), null);
  });

  test('in the registry file: an entry described from where it is defined', () => {
    const h = hover(corpus, R, at(registryLines.indexOf('    name: Fyn Si'), 'Fyn Si', registryLines))!;
    assert.equal(h.contents.split('\n\n')[0], '**Fyn Si** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
    assert.deepEqual(h.range, span(registryLines.indexOf('    name: Fyn Si'), 'Fyn Si', registryLines));
  });
});

describe('go to definition', () => {
  test('a name or cover name goes to the form it is written in, in the registry; a cover name then to the person', () => {
    const stalin = { uri: R, range: span(registryLines.indexOf('    name: Iosif Vissarionovich Stalin'), 'Iosif Vissarionovich Stalin', registryLines) };
    assert.deepEqual(definition(corpus, U, at(0, 'Feng Xi')), [{ uri: R, range: span(registryLines.indexOf('    forms: [Feng Xi]'), 'Feng Xi', registryLines) }, stalin]);
    // A person's own name offers no one else.
    assert.deepEqual(definition(corpus, U, at(7, 'Zakharov')).length, 1);
    // Forms that differ only in case are one name: KIM IL SUNG goes to the entry's name.
    assert.deepEqual(definition(corpus, U, at(0, 'KIM IL SUNG')), [{ uri: R, range: span(registryLines.indexOf('    name: Kim Il Sung'), 'Kim Il Sung', registryLines) }]);
    assert.deepEqual(definition(corpus, U, at(7, 'Zakharov')), [{ uri: R, range: span(registryLines.indexOf('    forms: [Zakharov]'), 'Zakharov', registryLines) }]);
    assert.deepEqual(definition(corpus, U, at(7, 'Pyongyang')), [{ uri: R, range: span(registryLines.indexOf('    name: Pyongyang'), 'Pyongyang', registryLines) }]);
    // A citation goes to its archive.
    assert.deepEqual(definition(corpus, U, at(5, 'op.')), [{ uri: R, range: span(registryLines.indexOf('    name: State Archive of the Russian Federation'), 'State Archive of the Russian Federation', registryLines) }]);
  });

  test('"Document 2" in running text goes to that document', () => {
    assert.deepEqual(definition(corpus, U, at(2, 'Document 2')), [{ uri: U, range: { start: { line: 7, character: 0 }, end: { line: 7, character: lines[7]!.length } } }]);
  });

  test('a reference to a message not in the corpus, or a plain number, goes nowhere', () => {
    assert.deepEqual(definition(corpus, U, at(2, 'telegram of')), []);
    assert.deepEqual(definition(corpus, U, at(9, '88/sh')), []);
  });
});

describe('find references', () => {
  test('every mention of Stalin, whatever the name, from the text and from the registry', () => {
    const expected = ['fixture:0:28-0:35', 'fixture:3:0-3:7', 'fixture:7:74-7:81', 'fixture:14:40-14:46'];
    assert.deepEqual(render(references(corpus, U, at(14, 'Stalin'), false)), expected);
    assert.deepEqual(render(references(corpus, U, at(3, 'Feng Xi'), false)), expected);
    assert.deepEqual(render(references(corpus, R, at(registryLines.indexOf('    name: Iosif Vissarionovich Stalin'), 'Iosif', registryLines), false)), expected);
    assert.deepEqual(render(references(corpus, R, at(registryLines.indexOf('    name: Fyn Si'), 'Fyn', registryLines), false)), expected);
    assert.deepEqual(render(references(corpus, U, at(14, 'Stalin'), true)), [
      ...expected,
      `registry:${registryLines.indexOf('    name: Iosif Vissarionovich Stalin')}:10-${registryLines.indexOf('    name: Iosif Vissarionovich Stalin')}:37`,
      `registry:${registryLines.indexOf('    name: Fyn Si')}:10-${registryLines.indexOf('    name: Fyn Si')}:16`,
    ]);
  });

  test('a disputed cover name: identified, it counts for its bearer; unidentified, for itself (and for each possible bearer)', () => {
    // Matveev in Document 2 is Zakharov (the header says so); Matveev in Document 1 may be either.
    assert.deepEqual(render(references(corpus, U, at(9, 'Matveev'), false)), ['fixture:2:39-2:46', 'fixture:7:39-7:46', 'fixture:9:8-9:15']);
    assert.deepEqual(render(references(corpus, U, at(2, 'Matveev'), false)), ['fixture:2:39-2:46', 'fixture:7:39-7:46', 'fixture:9:8-9:15']);
  });

  test('a name with the editors\' identification beside it is one mention, not two', () => {
    // `Matveev [Zakharov]`: the cover name's mention (7:39) stands for Zakharov; his name in the brackets (7:48) is not counted again.
    const zakharov = render(references(corpus, U, at(7, 'Zakharov'), false));
    assert.deepEqual(zakharov, ['fixture:2:39-2:46', 'fixture:7:39-7:46', 'fixture:9:8-9:15']);
    // Without the cover name beside it, the person's own name is the mention.
    const alone = fixtureCorpus('DOCUMENT No. 1. Letter from Zakharov to Shtykov, 1 October 1950\nZakharov reports.\n', { registry });
    assert.deepEqual(render(references(alone, U, { line: 0, character: 30 }, false)), ['fixture:0:28-0:36', 'fixture:1:0-1:8']);
  });

  test('a reference number: every occurrence', () => {
    assert.deepEqual(render(references(corpus, U, at(16, '88/sh'), false)), ['fixture:9:55-9:64', 'fixture:16:14-16:23']);
  });
});

describe('mentions by role', () => {
  test('by document, then sender, recipient, via, distribution, mentioned; each mention once', () => {
    const seed = seedCorpus();
    const seedLines = seed.text(seedUri)!.split('\n');
    const byRole = (line: number, word: string) => {
      const result = mentionsByRole(seed, seedUri, { line, character: seedLines[line]!.indexOf(word) + 1 })!;
      return {
        subject: result.subject,
        mentions: result.mentions,
        documents: result.documents.map((d) => `${d.title}: ${d.roles.map((g) => `${g.role} ${g.mentions.map((m) => `${m.range.start.line + 1} ${m.text}`).join(', ')}`).join('; ')}`),
      };
    };
    const stalin = byRole(58, 'STALIN');
    assert.equal(stalin.subject, 'Iosif Vissarionovich Stalin');
    assert.equal(stalin.mentions, 24, "the references less the page title's copy of Document 7's header");
    assert.deepEqual(stalin.documents.slice(0, 2), [
      'Document 7 — Ciphered telegram, Filippov to Soviet Ambassador in Beijing, 5 July 1950: sender 9 Filippov; distribution 15 Stalin',
      'Document 8 — Draft telegram, Chan Fu to Matveyev, 30 September 1950: sender 28 Chan Fu; mentioned 51 Instantsia',
    ]);
    assert.ok(stalin.documents.includes('Document 12 — Ciphered telegram, Roshchin to Filippov, 3 October 1950: recipient 120 Filippov; distribution 121 Stalin; mentioned 120 Stalin'));
    const shtykov = byRole(151, 'Shtykov');
    assert.ok(shtykov.documents.includes('Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950: via 152 Shtykov; mentioned 169 Shtykov'));
    assert.ok(shtykov.documents.includes('Document 14 — Telegram, Gromyko to Shtykov, 5 October 1950: recipient 175 Shtykov; mentioned 182 Shtykov, 184 Shtykov'));
  });

  test('nothing named at the position: nothing to show', () => {
    assert.equal(mentionsByRole(corpus, U, at(1, 'Comrade')), null);
  });
});

describe('symbols', () => {
  test('one per document, named by number, type, parties and date, with header, body (and its stamps) and source', () => {
    const outline = (s: OutlineSymbol): unknown => [s.name, `${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`, ...(s.children.length ? [s.children.map(outline)] : [])];
    assert.deepEqual(documentSymbols(corpus, U).map(outline), [
      [
        'Document 1 — Letter, Feng Xi to KIM IL SUNG, 14 October 1950',
        '0:0-5:49',
        [
          ['Header', '0:0-0:89'],
          ['Body', '1:0-4:15'],
          ['Source', '5:0-5:49'],
        ],
      ],
      [
        'Document 2 — Ciphered telegram, Matveev to Feng Xi, 16 October 1950',
        '7:0-12:46',
        [
          ['Header', '7:0-7:98'],
          ['Body', '8:0-11:15', [['Stamp: sent', '8:0-8:22']]],
          ['Source', '12:0-12:46'],
        ],
      ],
      [
        'Document 3 — Telegram, Ivanov to Stalin, 16 October 1950',
        '14:0-18:24',
        [
          ['Header', '14:0-14:63'],
          ['Body', '15:0-17:15', [['Stamp: received', '15:0-15:26']]],
          ['Source', '18:0-18:24'],
        ],
      ],
    ]);
    // Every child lies within its parent, as the outline requires.
    const within = (outer: Range, inner: Range) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    const check = (s: OutlineSymbol) => {
      assert.ok(within(s.range, s.selectionRange), s.name);
      for (const c of s.children) {
        assert.ok(within(s.range, c.range), `${c.name} in ${s.name}`);
        check(c);
      }
    };
    documentSymbols(corpus, U).forEach(check);
  });

  test('in the registry file: one symbol per entry', () => {
    assert.deepEqual(
      documentSymbols(corpus, R).map((s) => `${s.name} (${s.role})`),
      [
        'Iosif Vissarionovich Stalin (person)',
        "Matvei Vasil'evich Zakharov (person)",
        'Vladimir Nikolaevich Razuvaev (person)',
        'Terentii Fomich Shtykov (person)',
        'Kim Il Sung (person)',
        'Fyn Si (cover-name)',
        'Matveyev (cover-name)',
        'Pyongyang (place)',
        'State Archive of the Russian Federation (archive)',
      ],
    );
  });

  test('workspace symbols: documents and registry entries with every word of the query', () => {
    assert.deepEqual(
      workspaceSymbols(corpus, 'feng').map((s) => `${s.name} (${s.role})`),
      ['Document 1 — Letter, Feng Xi to KIM IL SUNG, 14 October 1950 (document)', 'Document 2 — Ciphered telegram, Matveev to Feng Xi, 16 October 1950 (document)', 'Fyn Si (cover-name)'],
    );
    assert.deepEqual(workspaceSymbols(corpus, 'letter kim').map((s) => s.name), ['Document 1 — Letter, Feng Xi to KIM IL SUNG, 14 October 1950']);
    assert.deepEqual(workspaceSymbols(corpus, 'razuvayev'), []);
  });

  test('on the seed: documents in the order of their numbers, 7 to 17, even as VS Code sorts them by name', () => {
    const names = workspaceSymbols(seedCorpus(), 'document').filter((s) => s.role === 'document').map((s) => s.name);
    const numbers = (list: string[]) => list.map((n) => /^Document\s+(\d+)/u.exec(n)![1]).join(' ');
    assert.equal(numbers(names), '7 8 9 10 11 12 13 14 15 16 17');
    assert.equal(numbers([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))), '7 8 9 10 11 12 13 14 15 16 17');
    assert.equal(names[0]!.slice(0, 11), 'Document \u20077');
    assert.equal(names[6], 'Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950');
  });
});

describe('completion', () => {
  const items = (line: string, character = line.length) => completion(corpus, line, { line: 4, character }).items;
  const labels = (line: string, character = line.length) => items(line, character).map((c) => `${c.label} (${c.kind})${c.description ? ` → ${c.description}` : ''}`);

  test("after Comrade: one item per person, named by the form typed, replacing the word typed so far", () => {
    assert.deepEqual(labels('Comrade '), [
      'Iosif Vissarionovich Stalin (person)',
      "Matvei Vasil'evich Zakharov (person)",
      'Vladimir Nikolaevich Razuvaev (person)',
      'Terentii Fomich Shtykov (person)',
      'Kim Il Sung (person)',
    ]);
    const stalin = items('Comrade ')[0]!;
    assert.equal(stalin.detail, 'Chairman of the Council of Ministers');
    assert.equal(stalin.documentation, 'Also written Stalin, STALIN I.V., Iosif Vissarionovich; cover names Fyn Si, Feng Xi.');
    assert.deepEqual(items('Comrade Sh'), [
      {
        label: 'Shtykov',
        kind: 'person',
        detail: 'Soviet ambassador to the DPRK',
        description: 'Terentii Fomich Shtykov',
        documentation: 'Also written Terentii Fomich Shtykov.',
        insertText: 'Shtykov',
        range: { start: { line: 4, character: 8 }, end: { line: 4, character: 10 } },
      },
    ]);
    assert.equal(completion(corpus, 'Comrade Sh', { line: 4, character: 10 }).incomplete, true);
  });

  test('typing any of a person\'s names, cover names included, finds the one person, and inserts the name typed', () => {
    assert.deepEqual(labels('Comrade Fe'), ['Feng Xi (person) → Iosif Vissarionovich Stalin']);
    assert.deepEqual(labels('Comrade viss'), ['Iosif Vissarionovich Stalin (person)']);
    // A cover name the editions give to two people: both readings, each under its person.
    assert.deepEqual(labels('Comrade Matvey'), ["Matveyev (person) → Matvei Vasil'evich Zakharov", 'Matveyev (person) → Vladimir Nikolaevich Razuvaev']);
  });

  test('a registry of many people: at most 200 names at once, and the next letters narrow them', () => {
    const registry = 'people:\n' + Array.from({ length: 250 }, (_, i) => `  - id: p${i}\n    name: Person${i}\n`).join('');
    const c = fixtureCorpus('Document 1: Letter, Person1 to Person2, 1 May 1950\n', { registry });
    const offered = (line: string) => completion(c, line, { line: 4, character: line.length });
    assert.deepEqual([offered('Comrade Pe').items.length, offered('Comrade Pe').incomplete], [200, true]);
    assert.deepEqual(offered('Comrade Person24').items.map((i) => i.label), ['Person24', ...Array.from({ length: 10 }, (_, k) => `Person24${k}`)]);
  });

  test('what is typed is folded as the name matcher folds it: "Lo" finds Łozowski, "Gro" finds Großmann', () => {
    const registry = 'people:\n  - id: lozowski\n    name: Stefan Łozowski\n    forms: [Łozowski]\n  - id: grossmann\n    name: Karl Großmann\n    forms: [Großmann]\n';
    const c = fixtureCorpus('Document 1: Letter, Łozowski to Großmann, 1 May 1950\n', { registry });
    const offered = (line: string) => completion(c, line, { line: 4, character: line.length }).items.map((i) => i.label);
    assert.deepEqual(offered('Comrade Lo'), ['Łozowski']);
    assert.deepEqual(offered('Comrade Gross'), ['Großmann']);
    assert.deepEqual(offered('Comrade Ste'), ['Stefan Łozowski']);
  });

  test('wherever a capitalised word is typed in running text: people, places and organisations; nothing for a lowercase word', () => {
    assert.deepEqual(labels('the divisions move to Py'), ['Pyongyang (place)']);
    assert.deepEqual(labels('and then Feng'), ['Feng Xi (person) → Iosif Vissarionovich Stalin']);
    assert.deepEqual(labels('the divisions move to '), []);
    assert.deepEqual(labels('the divisions move to py'), [], 'a lowercase word is no name');
    assert.deepEqual(labels('the divisions move to P'), [], 'one letter is every sentence start');
    assert.deepEqual(labels('The Shtykov line', 6), [], 'inside a word already written');
    assert.deepEqual(labels('The divisions'), [], 'a capitalised word that begins no name');
  });

  test('in a header and a distribution list (people only, no cover names in lists and stamps)', () => {
    assert.ok(labels('DOCUMENT No. 4. Letter from ').includes('Iosif Vissarionovich Stalin (person)'));
    assert.deepEqual(labels('Distribution list: Stalin - 1, Fe'), []);
    assert.deepEqual(labels('Distribution list: Stalin - 1, Sh'), ['Shtykov (person) → Terentii Fomich Shtykov']);
    assert.ok(labels('Typed by ').includes('Terentii Fomich Shtykov (person)'));
    assert.deepEqual(labels('Sent by wire '), []);
  });

  test('inside [Source: the archives, the citation pattern, the fonds, and the parts not yet written', () => {
    const items = (line: string) => completion(corpus, line, { line: 5, character: line.length }).items.map((c) => [c.label, c.insertText, c.snippet === true]);
    assert.deepEqual(items('[Source: '), [
      ['GARF', 'GARF', false],
      ['GARF, fond …, opis …, delo …, list …', 'GARF, fond ${1}, opis ${2}, delo ${3}, list ${4}', true],
    ]);
    assert.deepEqual(items('[Source: GARF, fond '), [['R-9401', 'R-9401', false]]);
    assert.deepEqual(items('[Source: GARF, fond R-9401, '), [['opis …, delo …, list …', 'opis ${1}, delo ${2}, list ${3}', true]]);
    assert.deepEqual(items('[Source: GARF, f. R-9401, op. 2, d. 199, '), [['list …', 'list ${1}', true]]);
  });

  test("an archive whose registry entry gives its citation's parts is completed with those parts", () => {
    const registry = 'archives:\n  - id: avprf\n    name: Archive of Foreign Policy of the Russian Federation\n    abbreviation: AVPRF\n    citation: [fond, opis, papka, delo, folios]\n';
    const avprf = new Corpus(defaultSettings('/fixtures'), [{ file: 'file:///fixtures/registry.yaml', text: registry }]);
    const items = (line: string) => completion(avprf, line, { line: 0, character: line.length }).items.map((c) => [c.label, c.insertText]);
    assert.deepEqual(items('[Source: ')[1], ['AVPRF, fond …, opis …, papka …, delo …, list …', 'AVPRF, fond ${1}, opis ${2}, papka ${3}, delo ${4}, list ${5}']);
    assert.deepEqual(items('[Source: AVPRF, f. 0102, op. 6, '), [['papka …, delo …, list …', 'papka ${1}, delo ${2}, list ${3}']]);
  });
});

describe('code actions', () => {
  test('an unknown person in a header: a stub entry after the last person of the registry, the transcription untouched', () => {
    const findings = findingsOf(corpus).filter((f) => f.range.start.line === 14);
    const actions = codeActions(corpus, U, span(14, 'Ivanov'), findings, text, () => registry).filter((a) => a.kind === 'quickfix');
    const kimEnd = registryLines.indexOf('    forms: [KIM IL SUNG]') + 1;
    assert.deepEqual(actions, [
      {
        title: 'Add "Ivanov" to the registry',
        kind: 'quickfix',
        edits: [
          {
            uri: R,
            range: { start: { line: kimEnd, character: 0 }, end: { line: kimEnd, character: 0 } },
            newText: '  - id: ivanov\n    name: "Ivanov"\n    forms: ["Ivanov"]\n    role: ""  # to be filled in\n',
          },
        ],
        fixes: ['unknown-person'],
        preferred: true,
      },
    ]);
    // Applied, the registry still reads, and Ivanov is a person.
    const lines2 = [...registryLines];
    lines2.splice(kimEnd, 0, ...actions[0]!.edits[0]!.newText.replace(/\n$/, '').split('\n'));
    const after = fixtureCorpus(text, { registry: lines2.join('\n') });
    assert.deepEqual(after.registry.problems, []);
    assert.equal(after.registry.byId.get('ivanov')?.kind, 'person');
    assert.ok(!findingsOf(after).some((f) => f.code === 'unknown-person'));
  });

  test('a stub where the registry has no people, or ends without a line break, or the id is taken', () => {
    const noPeople = 'places:\n  - id: ivanov\n    name: Ivanovo\n';
    const c1 = fixtureCorpus('Document 1: Letter, Ivanov to Petrov, 1 May 1950\n', { registry: noPeople });
    const actions1 = codeActions(c1, U, { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, findingsOf(c1), 'Document 1: Letter, Ivanov to Petrov, 1 May 1950\n').filter((a) => a.kind === 'quickfix');
    assert.deepEqual(
      actions1.map((a) => [a.title, a.edits[0]!.range.start, a.edits[0]!.newText]),
      [
        ['Add "Ivanov" to the registry', { line: 0, character: 0 }, 'people:\n  - id: ivanov-2\n    name: "Ivanov"\n    forms: ["Ivanov"]\n    role: ""  # to be filled in\n'],
        ['Add "Petrov" to the registry', { line: 0, character: 0 }, 'people:\n  - id: petrov\n    name: "Petrov"\n    forms: ["Petrov"]\n    role: ""  # to be filled in\n'],
      ],
    );
    const unterminated = 'people:\n  - id: stalin\n    name: Stalin';
    const c2 = fixtureCorpus('Document 1: Letter, Ivanov to Stalin, 1 May 1950\n', { registry: unterminated });
    const [add] = codeActions(c2, U, { start: { line: 0, character: 0 }, end: { line: 0, character: 40 } }, findingsOf(c2), 'Document 1: Letter, Ivanov to Stalin, 1 May 1950\n', () => unterminated);
    assert.deepEqual(add!.edits[0]!.range.start, { line: 2, character: 16 });
    assert.equal(add!.edits[0]!.newText, '\n  - id: ivanov\n    name: "Ivanov"\n    forms: ["Ivanov"]\n    role: ""  # to be filled in');
  });

  test("a numeric date: add the editors' reading in brackets after it, and only once", () => {
    const actions = codeActions(corpus, U, span(15, '16/10/50'), [], text);
    assert.deepEqual(actions, [
      {
        title: "Add the editors' reading: 16/10/50 [16 October 1950]",
        kind: 'quickfix',
        edits: [{ uri: U, range: { start: { line: 15, character: 17 }, end: { line: 15, character: 17 } }, newText: ' [16 October 1950]' }],
        fixes: [],
      },
    ]);
    const read = text.replace('Received 16/10/50 at', 'Received 16/10/50 [16 October 1950] at');
    const c = fixtureCorpus(read, { registry, settings: { dates: { slashes: 'day/month/year', dots: 'day.month.year' }, datesDeclared: { slashes: true, dots: true } } });
    assert.deepEqual(codeActions(c, U, span(15, '16/10/50', read.split('\n')), [], read), []);
    // Written-out dates need no reading.
    assert.deepEqual(codeActions(corpus, U, span(17, '16 October 1950', lines), [], text), []);
  });
});

describe('inlay hints', () => {
  const all: Range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
  const render = (settings: { coverNames: boolean; numericDates: boolean }, range = all) =>
    inlayHints(corpus, U, range, settings).map((h) => `${h.position.line}:${h.position.character}${h.label} | ${h.tooltip}`);

  test('a stamp block whose stamps give one date: one hint, at its first stamp; dates that differ: a hint each', () => {
    const both = { coverNames: false, numericDates: true };
    const block = (second: string) =>
      fixtureCorpus(`Document 1: Ciphered telegram, Kim Il Sung to Stalin, 9 October 1950\nSent by wire on 10/09/50 at 7:05 a.m.\nReceived in Moscow on ${second} at 9:38 a.m.\nDeciphered by Morozov on 10/09/50 at 10:45 a.m.\n`, {
        registry,
        settings: { dates: { slashes: 'month/day/year', dots: 'day.month.year' }, datesDeclared: { slashes: true, dots: true } },
      });
    const hints = (c: Corpus) => inlayHints(c, U, all, both).map((h) => `${h.position.line}:${h.position.character}${h.label} | ${h.tooltip}`);
    assert.deepEqual(hints(block('10/09/50')), ["1:24 ‹9 Oct 1950› | 10/09/50: 9 October 1950, read as month/day/year (this corpus's convention for slashes); the same date in the 2 stamps below"]);
    assert.deepEqual(hints(block('10/10/50')).map((h) => h.split(' | ')[0]), ['1:24 ‹9 Oct 1950›', '2:30 ‹10 Oct 1950›', '3:33 ‹9 Oct 1950›']);
  });

  test('a cover name with no identification beside it, and a numeric date', () => {
    assert.deepEqual(render({ coverNames: true, numericDates: true }), [
      '0:35 ‹Stalin› | Feng Xi is the cover name of Iosif Vissarionovich Stalin',
      "2:25 ‹12 Oct 1950› | 12/10/50: 12 October 1950, read as day/month/year (this corpus's convention for slashes)",
      "2:46 ‹Zakharov or Razuvaev› | Matveev is the cover name of Matvei Vasil'evich Zakharov or Vladimir Nikolaevich Razuvaev (the editions differ)",
      '3:7 ‹Stalin› | Feng Xi is the cover name of Iosif Vissarionovich Stalin',
      '7:81 ‹Stalin› | Feng Xi is the cover name of Iosif Vissarionovich Stalin',
      "8:13 ‹15 Oct 1950› | 15/10/50: 15 October 1950, read as day/month/year (this corpus's convention for slashes)",
      "9:15 ‹Zakharov, disputed› | Matveev is the cover name of Matvei Vasil'evich Zakharov (identified as Zakharov at line 8); disputed: other editions read Vladimir Nikolaevich Razuvaev",
      "15:17 ‹16 Oct 1950› | 16/10/50: 16 October 1950, read as day/month/year (this corpus's convention for slashes)",
    ]);
  });

  test('each kind can be switched off, and only the requested range is answered', () => {
    assert.deepEqual(render({ coverNames: false, numericDates: false }), []);
    assert.deepEqual(
      render({ coverNames: false, numericDates: true }).map((h) => h.split(' |')[0]),
      ['2:25 ‹12 Oct 1950›', '8:13 ‹15 Oct 1950›', '15:17 ‹16 Oct 1950›'],
    );
    assert.deepEqual(
      render({ coverNames: true, numericDates: false }).map((h) => h.split(' |')[0]),
      ['0:35 ‹Stalin›', '2:46 ‹Zakharov or Razuvaev›', '3:7 ‹Stalin›', '7:81 ‹Stalin›', '9:15 ‹Zakharov, disputed›'],
    );
    assert.deepEqual(
      render({ coverNames: true, numericDates: true }, { start: { line: 7, character: 0 }, end: { line: 9, character: 99 } }).map((h) => h.split(' |')[0]),
      ['7:81 ‹Stalin›', '8:13 ‹15 Oct 1950›', '9:15 ‹Zakharov, disputed›'],
    );
  });
});

describe('presentation', () => {
  test('semantic tokens: people, cover names, places, dates; no overlaps; relative encoding', () => {
    const tokens = semanticTokens(corpus, U).filter((t) => t.line === 7);
    assert.deepEqual(
      tokens.map((t) => `${lines[7]!.slice(t.character, t.character + t.length)}:${t.type}`),
      ['Matveev:coverName', 'Zakharov:person', 'Pyongyang:place', 'Feng Xi:coverName', '15 October 1950:date'],
    );
    const all = semanticTokens(corpus, U);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      assert.ok(a.line < b.line || a.character + a.length <= b.character, `tokens ${i - 1} and ${i} overlap`);
    }
    assert.deepEqual(
      encodeSemanticTokens([
        { line: 2, character: 31, length: 8, type: 'coverName' },
        { line: 2, character: 41, length: 6, type: 'person' },
        { line: 5, character: 3, length: 4, type: 'date' },
      ]),
      [2, 31, 8, 1, 0, 0, 10, 6, 0, 0, 3, 3, 4, 4, 0],
    );
  });

  test('semantic tokens of a range (the lines the editor shows): those of the documents reaching into it, as the whole file has them', () => {
    const within = { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } };
    const second = semanticTokens(corpus, U).filter((t) => t.line >= 7 && t.line <= 12);
    assert.ok(second.length > 0);
    assert.deepEqual(semanticTokens(corpus, U, within), second);
    // The seed's page-title copy of the first header stands above the document it copies.
    const title = { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } };
    const copy = (tokens: ReturnType<typeof semanticTokens>) => tokens.filter((t) => t.line === 2);
    assert.deepEqual(copy(semanticTokens(seedCorpus(), seedUri, title)), copy(semanticTokens(seedCorpus(), seedUri)));
    assert.ok(copy(semanticTokens(seedCorpus(), seedUri)).length > 0);
  });

  test('folding per document, and document links from the registry', () => {
    assert.deepEqual(foldingRanges(corpus, U), [
      { startLine: 0, endLine: 5 },
      { startLine: 7, endLine: 12 },
      { startLine: 14, endLine: 18 },
    ]);
    assert.deepEqual(documentLinks(corpus, U), [{ range: span(14, 'Stalin'), target: 'https://www.wikidata.org/wiki/Q855', tooltip: 'Iosif Vissarionovich Stalin in Wikidata (Q855)' }]);
  });

  test('files of no corpus get nothing', () => {
    const other = 'file:///elsewhere/notes.txt';
    assert.deepEqual(semanticTokens(corpus, other), []);
    assert.deepEqual(foldingRanges(corpus, other), []);
    assert.deepEqual(documentLinks(corpus, other), []);
    assert.deepEqual(inlayHints(corpus, other, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } }, { coverNames: true, numericDates: true }), []);
    assert.deepEqual(documentSymbols(corpus, other), []);
  });
});

describe('the seed: the page-title copy of a header', () => {
  const seed = seedCorpus();
  const seedLines = readFileSync(seedPath, 'utf8').split('\n');

  test('hover, definition, references and tokens reach the copy on line 3', () => {
    const line = 2;
    const pos = at(line, 'Filippov', seedLines);
    const h = hover(seed, seedUri, pos)!;
    assert.deepEqual(h.range, span(line, 'Filippov', seedLines));
    assert.equal(h.contents.split('\n\n')[0], '**Filippov** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
    assert.deepEqual(definition(seed, seedUri, at(line, 'Ciphered', seedLines)), [{ uri: seedUri, range: { start: { line: 8, character: 0 }, end: { line: 8, character: seedLines[8]!.length } } }]);
    const refs = references(seed, seedUri, pos, false);
    assert.ok(refs.some((r) => r.range.start.line === 2 && r.range.start.character === span(line, 'Filippov', seedLines).start.character));
    assert.ok(refs.some((r) => r.range.start.line === 8 && r.range.start.character === span(8, 'Filippov', seedLines).start.character));
    // An archive reference keeps the parts that the names inside it leave; `_ 373/sh` is the number.
    const tokensOf = (n: number) => semanticTokens(seed, seedUri).filter((t) => t.line === n).map((t) => `${seedLines[n]!.slice(t.character, t.character + t.length)}:${t.type}`);
    assert.deepEqual(tokensOf(25), ['[Source: :archiveReference', 'APRF:organisation', ', fond 45, opis 1, delo 331, list 79]:archiveReference']);
    assert.deepEqual(tokensOf(22), ['373/sh:referenceNumber']);
    assert.deepEqual(
      semanticTokens(seed, seedUri)
        .filter((t) => t.line === 2)
        .map((t) => `${seedLines[2]!.slice(t.character, t.character + t.length)}:${t.type}`),
      semanticTokens(seed, seedUri)
        .filter((t) => t.line === 8)
        .map((t) => `${seedLines[8]!.slice(t.character, t.character + t.length)}:${t.type}`),
    );
  });
});

describe('a telegram in the printed layout of U.S. diplomatic papers', () => {
  const text = `Document 3: The Ambassador in Ruritania (Sapt) to the Secretary of State
760F.00/8–1251: Telegram
SECRET
[Strelsau,] August 14, 1951—8 p. m.
412. The Regent has asked me to call tomorrow at noon; I shall report at once.
SAPT
`;
  test('the header hover shows every piece of date evidence and which one dates the document', () => {
    const h = hover(fixtureCorpus(text), fixtureUri, { line: 0, character: 3 })!;
    assert.deepEqual(h.contents.split('\n\n').slice(0, 5), [
      // `760F.00/8–1251: Telegram`: the source note says what kind of document it is.
      '**Document 3 — Telegram, The Ambassador in Ruritania to the Secretary of State, 14 August 1951**',
      'Telegram from The Ambassador in Ruritania (Sapt) to the Secretary of State',
      'Dateline (line 4): Strelsau (the place supplied by the editors), Tuesday 14 August 1951, 20:00.',
      'File number of Sunday 12 August 1951 (line 2): it dates the file, which may be the message answered, not this document.',
      "The document's date is read from its dateline.",
    ]);
  });
});

describe('Start the Registry from this Corpus', () => {
  const text = `Document 3: The Ambassador in Ruritania (Sapt) to the Secretary of State
Strelsau, August 14, 1951—8 p. m.
[Received August 15, 9:12 a. m.]
412. The Regent has asked me to call tomorrow at noon.
[Source: AVPRF, fond 59a, opis 5, delo 4, listy 31-32]

Document 4: Mr. Sapt to Mr. Rassendyll.
Strelsau, August 16, 1951.
Sir: I have the honor to report that nothing has changed since my telegram of the 14th.
`;
  test('proposes the people, places and archives the corpus names and the registry lacks, once each, as registry YAML to review', () => {
    const corpus = new Corpus({ ...defaultSettings('/fixtures'), registry: [] });
    corpus.setFile(fixtureUri, text);
    const proposal = proposeRegistry(corpus, () => 'letters.txt');
    assert.equal(
      proposal,
      [
        '# Proposed by Marginalia from what the corpus names and its registry lacks.',
        '# Review every entry: merge forms of one person, add roles, and give each place its zone',
        '# (an IANA time zone such as Asia/Seoul) before copying what is right into the registry.',
        'people:',
        '  - id: sapt',
        '    name: "Sapt"',
        '    forms: ["Sapt"]',
        '    role: ""',
        '    note: "named 2 times, first at letters.txt:1:42; to be checked"',
        '  - id: rassendyll',
        '    name: "Rassendyll"',
        '    forms: ["Rassendyll"]',
        '    role: ""',
        '    note: "named once, first at letters.txt:7:25; to be checked"',
        'places:',
        '  - id: strelsau',
        '    name: "Strelsau"',
        '    forms: ["Strelsau"]',
        '    zone: ""',
        '    note: "named 2 times, first at letters.txt:2:1; to be checked"',
        'archives:',
        '  - id: avprf',
        '    name: "AVPRF"',
        '    forms: ["AVPRF"]',
        '    abbreviation: ""',
        '    note: "named once, first at letters.txt:5:10; to be checked"',
        '',
      ].join('\n'),
    );
    // It reads as a registry, and with it the corpus knows them all.
    const started = new Corpus({ ...defaultSettings('/fixtures'), registry: ['registry.yaml'] }, [{ file: fixtureRegistryUri, text: proposal }]);
    assert.deepEqual(started.registry.problems.map((p) => p.message), []);
    started.setFile(fixtureUri, text);
    assert.equal(proposeRegistry(started).split('\n').filter((l) => l.startsWith('  - id:')).length, 0);
  });
});

describe('time zones from the IANA database', () => {
  const registry = 'people:\n  - {id: muccio, name: John J. Muccio, forms: [Muccio]}\nplaces:\n  - {id: seoul, name: Seoul, zone: Asia/Seoul}\n  - {id: washington, name: Washington, zone: America/New_York}\n';
  const text = `Document 60: The Ambassador in Korea (Muccio) to the Secretary of State
Seoul, July 5, 1950—10 a. m.
[Received July 4—8:30 p. m.]
The line held through the night.
`;
  test("a received line's hover says which zone and offset were applied, and why", () => {
    const corpus = fixtureCorpus(text, { registry, settings: { receivedAt: 'washington' } });
    const h = hover(corpus, fixtureUri, { line: 2, character: 3 })!;
    assert.equal(
      h.contents.split('\n\n')[1],
      'Times read in Washington time (America/New_York in the IANA time zone database: UTC−04:00 on that date, summer and war time included).',
    );
  });
});

test('a cover name identified on no authority: the hover says the registry cites none, not "on the authority of ."', () => {
  const registry = 'people:\n  - id: stalin\n    name: Iosif Stalin\n    forms: [Stalin]\ncover-names:\n  - id: filippov\n    name: Filippov\n    identifications:\n      - person: stalin\n';
  const corpus = new Corpus(defaultSettings('/fixtures'), [{ file: 'file:///fixtures/registry.yaml', text: registry }]);
  corpus.setFile('file:///fixtures/a.txt', 'Document 1: Telegram from Filippov to Mao, 5 July 1950\n');
  const text = hover(corpus, 'file:///fixtures/a.txt', { line: 0, character: 27 })!.contents;
  assert.match(text, /\*Filippov\* is the cover name of \*\*Iosif Stalin\*\* on no authority the registry cites\./);
  assert.doesNotMatch(text, /authority of \./);
});
