// What the language server tells a historian about the seed (corpus/000_bae709cea1c958ec.txt), as
// VS Code shows it: the hover, Go to Definition, the Problems view, the Outline, the semantic
// token types behind the colours, and the inlay hints with their settings. Each test goes through
// the command VS Code's own UI uses (vscode.executeHoverProvider, …), so it sees what the editor
// would show, after the language client's conversions. Lines are numbered from 1 in the test
// names and messages, as the editor shows them; vscode.Position is 0-based.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { activatedApi, eventually, eventuallyAsync, seedUri, waitForLanguage } from './helpers';
// The same expectations as the server's own tests: one list, every tier.
import { seedOutline } from '../../../../server/src/test/seed-expectations';


const delivered13 =
  'Document 13 is dated 8 October 1950 (line 166) but was delivered on 7 October 1950 at 22:15 (line 172), before that date.';
const repeated7 = 'The header of Document 7 is repeated at line 9; this copy (line 3) is not counted as a document.';

let seed: vscode.TextDocument;

/** The position `offset` characters into the first `word` on `line` (1-based, as the editor numbers lines). */
function at(line: number, word: string, offset = 1): vscode.Position {
  const character = seed.lineAt(line - 1).text.indexOf(word);
  assert.ok(character >= 0, `line ${line} contains ${JSON.stringify(word)}: ${JSON.stringify(seed.lineAt(line - 1).text)}`);
  return new vscode.Position(line - 1, character + offset);
}

/** `line:column` (1-based), as the Problems view and the status bar show a position. */
const where = (p: vscode.Position) => `${p.line + 1}:${p.character + 1}`;

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

const severityName: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** The seed's diagnostics from Marginalia, one line each: `line:column severity code message`. */
function problems(): string[] {
  return vscode.languages
    .getDiagnostics(seedUri())
    .filter((d) => d.source === 'marginalia')
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => `${where(d.range.start)} ${severityName[d.severity]} ${codeOf(d)} ${d.message}`);
}

const hoverText = (hover: vscode.Hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');

async function hoversAt(position: vscode.Position): Promise<vscode.Hover[]> {
  return eventuallyAsync(`a hover at ${where(position)}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seedUri(), position);
    return hovers.length ? hovers : undefined;
  });
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('Language server features on the seed', () => {
  suiteSetup(async () => {
    const api = await activatedApi();
    assert.ok(api.client, 'the extension found its language server (server/out/server.js or dist/server.js)');
    await eventually('the language server to run', () => (api.client?.state === State.Running ? true : undefined), 30_000);
    await vscode.workspace.openTextDocument(seedUri());
    seed = await waitForLanguage(seedUri(), 'transcription');
    await vscode.window.showTextDocument(seed);
    // Indexed and checked: the Document 13 warning is the last thing the server works out.
    await eventually('the seed to be checked', () => (problems().some((p) => p.includes('delivered-before-dated')) ? true : undefined), 30_000);
  });

  test('hover on Filippov (line 9) says he is Stalin, and on whose authority', async () => {
    const position = at(9, 'Filippov');
    const hovers = await hoversAt(position);
    assert.equal(hovers.length, 1, 'one hover, from Marginalia');
    const [hover] = hovers;
    assert.deepEqual(hover.range, new vscode.Range(8, 31, 8, 39), 'the hover covers the word Filippov');
    const paragraphs = hoverText(hover).split('\n\n');
    assert.equal(paragraphs[0], '**Filippov** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
    assert.equal(paragraphs[1], 'The text identifies *Filippov* here as Stalin.');
    assert.equal(
      paragraphs[2],
      "*Filippov* is the cover name of **Iosif Vissarionovich Stalin** (used from 1948 to March 1953) on the authority of A.Y. Mansourov, CWIHP Bulletin 6-7 (1995/96); K. Weathersby's CWIHP translations.",
    );
    assert.ok(paragraphs.includes('Role in 1950: Chairman of the USSR Council of Ministers; Secretary of the CC VKP(b)'), paragraphs.join('\n'));
    assert.ok(
      paragraphs.includes('Also named in the corpus: Stalin, STALIN I.V., STALIN Iosif Vissarionovich, Iosif Vissarionovich; cover names Chan Fu, Instantsia, Fyn Si'),
      paragraphs.join('\n'),
    );
    const appears = paragraphs.find((p) => p.startsWith('Appears in '));
    assert.match(appears ?? '', /^Appears in 10 documents: \[Document 7\]\(file:\/\/\/.*#L9\), \[Document 8\]\(/);
    assert.equal(paragraphs.at(-1), 'Wikidata: [Q855](https://www.wikidata.org/wiki/Q855)');
  });

  test('hover on Instantsia (line 51) says it means Stalin though the text does not say so', async () => {
    const paragraphs = hoverText((await hoversAt(at(51, 'Instantsia')))[0]).split('\n\n');
    assert.equal(paragraphs[0], '**Instantsia** — cover name of **Iosif Vissarionovich Stalin** (1878–1953)');
    assert.equal(
      paragraphs[1],
      '*Instantsia* is the cover name of **Iosif Vissarionovich Stalin** (used from 1950 to March 1953) on the authority of A.Y. Mansourov, CWIHP Bulletin 6-7 (1995/96), Document 8.',
    );
  });

  test('Go to Definition on "your telegram of 1.10.50" (line 128) lands on the header of Document 10 (line 84)', async () => {
    for (const [word, offset] of [['telegram of', 3], ['1.10.50', 2]] as const) {
      const position = at(128, word, offset);
      const targets = await eventuallyAsync(`a definition at ${where(position)}`, async () => {
        const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', seedUri(), position);
        return found.length ? found : undefined;
      });
      assert.equal(targets.length, 1, `one target from "${word}"`);
      const target = targets[0];
      const uri = 'targetUri' in target ? target.targetUri : target.uri;
      const range = 'targetUri' in target ? target.targetRange : target.range;
      assert.equal(uri.toString(), seedUri().toString());
      assert.deepEqual(range, new vscode.Range(83, 0, 83, 94), `from "${word}": the whole header line 84`);
      assert.equal(seed.getText(range), 'Document 10: Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai, 1 October 1950');
    }
  });

  test('hover on "your telegram of 1.10.50" names Document 10 with its title, and previews its first lines', async () => {
    const paragraphs = hoverText((await hoversAt(at(128, 'telegram of', 3)))[0]).split('\n\n');
    assert.equal(paragraphs[0], '**your telegram of 1.10.50**');
    assert.match(
      paragraphs[1],
      /^The telegram of Sunday 1 October 1950: \[Document 10 — Ciphered telegram, Filippov to Mao Zedong and Zhou Enlai, 1 October 1950\]\(file:\/\/\/.*000_bae709cea1c958ec\.txt#L84\)$/,
    );
    assert.equal(paragraphs[2]?.split('  \n')[0], '> Document 10: Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai, 1 October 1950');
  });

  test('the Problems view: the Document 13 warning (line 172) and the repeated header (line 3) are the only warnings', () => {
    const warnings = problems().filter((p) => / (error|warning) /.test(p));
    assert.deepEqual(warnings, [`3:1 warning repeated-header ${repeated7}`, `172:64 warning delivered-before-dated ${delivered13}`]);
    const d13 = vscode.languages.getDiagnostics(seedUri()).find((d) => codeOf(d) === 'delivered-before-dated')!;
    assert.equal(seed.getText(d13.range), 'October 7, 1950', 'the squiggle is under the delivery date');
    const related = (d13.relatedInformation ?? []).map((r) => `${r.location.uri.toString() === seedUri().toString() ? 'seed' : r.location.uri.toString()}:${where(r.location.range.start)} ${r.message}`);
    assert.deepEqual(related, ['seed:166:73 Document 13 is dated 8 October 1950 here'], 'the related information points at the closing date on line 166');
  });

  test('the Problems view lists exactly what the checks find on the seed', () => {
    assert.deepEqual(problems(), [
      `3:1 warning repeated-header ${repeated7}`,
      '14:14 hint meridiem-24h "23:45 p.m." is a 24-hour time with p.m.; read as 23:45.',
      `152:68 information editorial-correction The editors correct "8 [7] October 1950" (8 October 1950) to 7 October 1950; checks use the editors' reading.`,
      `164:75 information editorial-correction The editors correct "7 September" (7 September 1950) to 7 October 1950; checks use the editors' reading.`,
      `172:64 warning delivered-before-dated ${delivered13}`,
      '172:83 hint meridiem-24h "22:15 pm" is a 24-hour time with p.m.; read as 22:15.',
    ]);
  });

  test('Documents 8–12 and 14–17 have no warnings or errors', () => {
    const documentAt = (line: number) => {
      for (let l = line; l >= 0; l--) {
        const m = /^Document (\d+):/.exec(seed.lineAt(l).text);
        if (m) return Number(m[1]);
      }
      return undefined;
    };
    const serious = vscode.languages
      .getDiagnostics(seedUri())
      .filter((d) => d.source === 'marginalia' && d.severity <= vscode.DiagnosticSeverity.Warning)
      .map((d) => documentAt(d.range.start.line));
    assert.deepEqual(serious, [7, 13], 'warnings only in Document 7 (its repeated page title) and Document 13');
  });

  test('marginalia.rules raises the Document 13 finding to an error, and "off" removes it', async () => {
    const d13 = () => vscode.languages.getDiagnostics(seedUri()).find((d) => codeOf(d) === 'delivered-before-dated');
    try {
      await setting('rules', { 'delivered-before-dated': 'error' });
      await eventually('an error on line 172', () => (d13()?.severity === vscode.DiagnosticSeverity.Error ? true : undefined), 15_000);
      assert.equal(d13()!.message, delivered13);
      await setting('rules', { 'delivered-before-dated': 'off' });
      await eventually('no delivered-before-dated finding', () => (d13() === undefined ? true : undefined), 15_000);
    } finally {
      await setting('rules', undefined);
    }
    await eventually('the warning back', () => (d13()?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined), 15_000);
  });

  test('the Outline has one entry per document: eleven, Documents 7–17', async () => {
    const symbols = await eventuallyAsync('the outline', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', seedUri());
      return found?.length ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((s) => s.name),
      seedOutline,
    );
    assert.deepEqual(
      symbols.map((s) => `${s.range.start.line + 1}–${s.range.end.line + 1}`),
      ['9–26', '28–54', '56–82', '84–101', '103–118', '120–150', '152–173', '175–193', '195–217', '219–250', '252–266'],
      'each entry spans its document (the page title on line 3 is not one)',
    );
    const d13 = symbols[6];
    assert.deepEqual(
      d13.children.map((c) => c.name),
      ['Header', 'Body', 'Source'],
    );
    assert.equal(d13.children[0].detail, 'Letter, Fyn Si [Stalin] to Kim Il Sung (via Shtykov), 8 [7] October 1950');
    assert.deepEqual(
      d13.children[1].children.map((c) => `${c.name}: ${c.detail} (line ${c.range.start.line + 1})`),
      ['Note: delivered: October 7, 1950 22:15 pm (line 172)'],
    );
    assert.equal(d13.children[2].detail, 'APRF, fond 45, opis 1, delo 347, listy 65-67');
  });

  test('semantic tokens: cover names, people, places, dates and times at their places', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', seedUri());
    assert.deepEqual(legend.tokenTypes, ['person', 'coverName', 'place', 'organisation', 'date', 'time', 'referenceNumber', 'archiveReference', 'editorialBracket']);
    const tokens = await eventuallyAsync('semantic tokens', async () => {
      const found = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', seedUri());
      return found?.data.length ? found : undefined;
    });
    const decoded: Array<{ line: number; text: string; type: string }> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
      line += deltaLine;
      character = deltaLine ? deltaStart : character + deltaStart;
      decoded.push({ line: line + 1, text: seed.lineAt(line).text.slice(character, character + length), type: legend.tokenTypes[type] });
    }
    const on = (n: number) => decoded.filter((t) => t.line === n).map((t) => `${t.type} ${t.text}`);
    assert.deepEqual(on(9), ['coverName Filippov', 'person Stalin', 'place Beijing', 'person N.V. Roshchin', 'person Zhou Enlai', 'date 5 July 1950']);
    assert.deepEqual(on(3), on(9), 'the page-title copy of the header (line 3) is coloured like the header');
    assert.deepEqual(on(14), ['time 23:45 p.m.', 'date 07/05/50']);
    assert.deepEqual(on(28), ['coverName Chan Fu', 'person Stalin', 'coverName Matveyev', 'person Zakharov', 'date 30 September 1950']);
    assert.deepEqual(on(51), ['coverName Instantsia']);
    assert.deepEqual(on(108), ['coverName MATVEYEV', 'person ZAKHAROV']);
    assert.deepEqual(on(152).slice(0, 3), ['coverName Fyn Si', 'person Stalin', 'person Kim Il Sung']);
    assert.deepEqual(on(26), ['archiveReference [Source: ', 'organisation APRF', 'archiveReference , fond 45, opis 1, delo 331, list 79]']);
    assert.deepEqual(on(23), ['referenceNumber 373/sh']);
  });
});

suite('Inlay hints follow the marginalia.inlayHints settings', () => {
  /** Every hint of the seed as `line: <the word before it><label>`, e.g. `14: 07/05/50 ‹5 Jul 1950›`. */
  async function hints(): Promise<string[]> {
    const all = new vscode.Range(0, 0, seed.lineCount, 0);
    const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', seedUri(), all);
    return found.map((h) => {
      const label = typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
      const before = seed.lineAt(h.position.line).text.slice(0, h.position.character).split(' ').pop();
      return `${h.position.line + 1}: ${before}${label}`;
    });
  }
  async function hintsBecome(expected: string[], what: string): Promise<void> {
    let last: string[] = [];
    await eventuallyAsync(what, async () => {
      last = await hints();
      return JSON.stringify(last) === JSON.stringify(expected) ? true : undefined;
    }, 15_000).catch((error: Error) => {
      assert.deepEqual(last, expected, `${what}: ${error.message}`);
    });
  }

  const coverNameHints = ['35: Matveyev ‹Zakharov, disputed›', '37: Matveyev ‹Zakharov, disputed›', '51: Instantsia ‹Stalin›'];
  const dateHints = [
    '14: 07/05/50 ‹5 Jul 1950›',
    '25: 07/06/50 ‹6 Jul 1950›',
    '122: 3.10.1950 ‹3 Oct 1950›',
    '139: 2.10.50 ‹2 Oct 1950›',
    '146: 3.10 ‹3 Oct 1950›',
    // One hint for the stamp block of lines 225-228, whose four stamps give the same date.
    '225: 10/09/50 ‹9 Oct 1950›',
    '249: 10/09/50 ‹9 Oct 1950›',
  ];
  const byLine = (list: string[]) => [...list].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));

  suiteSetup(async () => {
    await activatedApi();
    await vscode.workspace.openTextDocument(seedUri());
    seed = await waitForLanguage(seedUri(), 'transcription');
  });
  teardown(async () => {
    await setting('inlayHints.coverNames', undefined);
    await setting('inlayHints.numericDates', undefined);
  });

  test('by default: whom a cover name stands for, and how each numeric date reads', async () => {
    await hintsBecome(byLine([...coverNameHints, ...dateHints]), 'the default hints');
  });

  test('marginalia.inlayHints.numericDates: false leaves the cover names only', async () => {
    await setting('inlayHints.numericDates', false);
    await hintsBecome(coverNameHints, 'cover-name hints only');
  });

  test('marginalia.inlayHints.coverNames: false leaves the dates only', async () => {
    await setting('inlayHints.coverNames', false);
    await hintsBecome(dateHints, 'date hints only');
  });

  test('both off: no hints; both back on: all of them', async () => {
    await setting('inlayHints.coverNames', false);
    await setting('inlayHints.numericDates', false);
    await hintsBecome([], 'no hints');
    await setting('inlayHints.coverNames', undefined);
    await setting('inlayHints.numericDates', undefined);
    await hintsBecome(byLine([...coverNameHints, ...dateHints]), 'the default hints again');
  });
});
