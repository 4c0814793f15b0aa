// What the editors can do about a finding: accept it in marginalia.yaml with a reason, change its
// rule's severity for the corpus, read the rule's description. Exact actions and exact edits.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFile } from '../checks/index.js';
import { ruleByCode } from '../checks/rules/index.js';
import { Corpus } from '../corpus/index.js';
import { uriOf } from '../corpus/disk.js';
import { defaultSettings, parseSettings } from '../corpus/settings.js';
import { acceptEdit, ruleSeverityEdit, type SettingsTextEdit } from '../corpus/settings-edit.js';
import { codeActions } from '../service/editing.js';
import { acceptDiscrepancyEdit, ruleSeverityEditFor } from '../service/finding-actions.js';
import { corpusRoot, seedCorpus, seedPath, seedUri } from './helpers.js';

const settingsPath = path.join(corpusRoot, 'marginalia.yaml');
const settingsUri = uriOf(settingsPath);
const settingsText = readFileSync(settingsPath, 'utf8');
const seedText = readFileSync(seedPath, 'utf8');

/** The text after an edit, as the editor applies it. */
function apply(text: string, edit: SettingsTextEdit | null | undefined): string {
  assert.ok(edit, 'no edit');
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const line = (n: number, from = 0, to = 200) => ({ start: { line: n, character: from }, end: { line: n, character: to } });

describe('accepting in a file of documents without numbers', () => {
  const text = `To Samuel Adams

Dear Sir, I write in haste to say that the powder has arrived in good order at the camp today.

John Adams

Philadelphia, July 5, 1775.

To James Warren

Dear Sir, The Congress sits every day from nine until four, and I have no time to write more.

John Adams

Philadelphia, July 6, 1775.
[Received July 2.]
`;
  const uri = 'file:///letters/letters.txt';
  const corpus = new Corpus({ ...defaultSettings('/letters'), registry: [] });
  corpus.setFile(uri, text);
  const findings = checkFile(corpus, uri).findings.filter((f) => f.code === 'delivered-before-dated');

  test('says that it accepts the rule for every document of the file, and names no document', () => {
    assert.equal(findings.length, 1);
    const actions = codeActions(corpus, uri, findings[0]!.range, findings, text);
    assert.deepEqual(actions[0]!.title, 'Accept delivered-before-dated in every document of this file…');
    assert.deepEqual(actions[0]!.command?.arguments, [{ uri, code: 'delivered-before-dated' }]);
  });
});

describe("a finding's actions", () => {
  const corpus = seedCorpus();
  const warning = checkFile(corpus, seedUri).findings.find((f) => f.code === 'delivered-before-dated')!;

  test('on the Document 13 warning: accept it, change the severity of its rule, show its description', () => {
    const onLine = checkFile(corpus, seedUri).findings.filter((f) => f.range.start.line === 171 && f.code === 'delivered-before-dated');
    const actions = codeActions(corpus, seedUri, line(171, 63, 63), onLine, seedText);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.edits, a.fixes, a.command]),
      [
        ['Accept this discrepancy…', 'quickfix.marginalia.accept', [], ['delivered-before-dated'], { command: 'marginalia.acceptDiscrepancy', arguments: [{ uri: seedUri, code: 'delivered-before-dated', document: '13' }] }],
        [
          'Change the severity of delivered-before-dated for the corpus…',
          'quickfix.marginalia.severity',
          [],
          ['delivered-before-dated'],
          { command: 'marginalia.changeRuleSeverity', arguments: [{ uri: seedUri, code: 'delivered-before-dated', current: 'warning' }] },
        ],
        [
          'Show the description of delivered-before-dated',
          'quickfix.marginalia.describe',
          [],
          ['delivered-before-dated'],
          { command: 'marginalia.showRuleDescription', arguments: [{ code: 'delivered-before-dated', description: ruleByCode('delivered-before-dated')!.description, severity: 'warning' }] },
        ],
      ],
    );
  });

  test('a line with no finding offers none of them', () => {
    assert.deepEqual(codeActions(corpus, seedUri, line(160), [], seedText), []);
  });

  test("accepting writes the entry in place of the seed's `accepted: []`, and the warning goes", () => {
    const edit = acceptDiscrepancyEdit(corpus, settingsUri, settingsText, { uri: seedUri, code: 'delivered-before-dated', document: '13', reason: 'The editors date the letter 7 October; see their note.' });
    assert.deepEqual(edit, {
      uri: settingsUri,
      range: { start: { line: 26, character: 9 }, end: { line: 26, character: 12 } },
      newText: '\n  - code: delivered-before-dated\n    file: 000_bae709cea1c958ec.txt\n    document: "13"\n    reason: The editors date the letter 7 October; see their note.',
    });
    const after = new Corpus(parseSettings(corpusRoot, apply(settingsText, edit)));
    assert.deepEqual(after.settings.problems, []);
    after.setFile(seedUri, seedText);
    const result = checkFile(after, seedUri);
    assert.ok(!result.findings.some((f) => f.code === 'delivered-before-dated'));
    assert.deepEqual(result.accepted.map((f) => [f.code, f.range.start.line, f.reason]), [['delivered-before-dated', warning.range.start.line, 'The editors date the letter 7 October; see their note.']]);
  });

  test('no reason, no entry; a marginalia.yaml that does not parse is not edited', () => {
    assert.equal(acceptDiscrepancyEdit(corpus, settingsUri, settingsText, { uri: seedUri, code: 'delivered-before-dated', document: '13', reason: '  ' }), null);
    assert.equal(acceptDiscrepancyEdit(corpus, settingsUri, 'accepted: [\n', { uri: seedUri, code: 'delivered-before-dated', reason: 'x' }), null);
  });

  test("the severity goes in place of the seed's `rules: {}`; a code that is no rule's gets no line", () => {
    assert.deepEqual(ruleSeverityEditFor(settingsUri, settingsText, { uri: seedUri, code: 'delivered-before-dated', severity: 'information' }), {
      uri: settingsUri,
      range: { start: { line: 18, character: 6 }, end: { line: 18, character: 9 } },
      newText: '\n  delivered-before-dated: information',
    });
    assert.equal(ruleSeverityEditFor(settingsUri, settingsText, { uri: seedUri, code: 'no-such-rule', severity: 'off' }), null);
  });
});

describe('edits to marginalia.yaml', () => {
  const entry = { code: 'stamp-order', file: 'a.txt', document: '7', reason: 'Sent "twice": see the note.' };

  test('an entry after the last of `accepted:`, at its indentation; a new section at the end when there is none', () => {
    assert.equal(apply('accepted:\n  - code: x\n    reason: y\n# later\nrules: {}\n', acceptEdit('accepted:\n  - code: x\n    reason: y\n# later\nrules: {}\n', entry)),
      'accepted:\n  - code: x\n    reason: y\n  - code: stamp-order\n    file: a.txt\n    document: "7"\n    reason: \'Sent "twice": see the note.\'\n# later\nrules: {}\n');
    assert.equal(apply('accepted:\n- code: x\n  reason: y', acceptEdit('accepted:\n- code: x\n  reason: y', entry)),
      'accepted:\n- code: x\n  reason: y\n- code: stamp-order\n  file: a.txt\n  document: "7"\n  reason: \'Sent "twice": see the note.\'\n');
    assert.equal(apply('rules: {}', acceptEdit('rules: {}', entry)), 'rules: {}\naccepted:\n  - code: stamp-order\n    file: a.txt\n    document: "7"\n    reason: \'Sent "twice": see the note.\'\n');
    assert.equal(apply('accepted:\n', acceptEdit('accepted:\n', entry)), 'accepted:\n  - code: stamp-order\n    file: a.txt\n    document: "7"\n    reason: \'Sent "twice": see the note.\'\n');
    assert.equal(apply('accepted: [{code: x, reason: y}]\n', acceptEdit('accepted: [{code: x, reason: y}]\n', entry)),
      'accepted: [{code: x, reason: y}, { code: "stamp-order", file: "a.txt", document: "7", reason: "Sent \\"twice\\": see the note." }]\n');
  });

  test("a rule's severity changed where it is written, or added after the others", () => {
    assert.equal(apply('rules:\n  stamp-order: off\n  x: hint\n', ruleSeverityEdit('rules:\n  stamp-order: off\n  x: hint\n', 'stamp-order', 'error')), 'rules:\n  stamp-order: error\n  x: hint\n');
    assert.equal(apply('rules:\n  x: hint\n', ruleSeverityEdit('rules:\n  x: hint\n', 'stamp-order', 'error')), 'rules:\n  x: hint\n  stamp-order: error\n');
    assert.equal(apply('rules: {x: off}\n', ruleSeverityEdit('rules: {x: off}\n', 'stamp-order', 'hint')), 'rules: {x: off, stamp-order: hint}\n');
    assert.equal(apply('rules:\n  stamp-order:\n', ruleSeverityEdit('rules:\n  stamp-order:\n', 'stamp-order', 'hint')), 'rules:\n  stamp-order: hint\n');
    assert.equal(apply('dates: {}\n', ruleSeverityEdit('dates: {}\n', 'stamp-order', 'off')), 'dates: {}\nrules:\n  stamp-order: off\n');
  });
});
