// Hovers are Markdown; the registry and the transcriptions are the user's text. Whatever they
// hold shows as written: no emphasis, link, image, HTML or command from data.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../corpus/index.js';
import { defaultSettings } from '../corpus/settings.js';
import { hover } from '../service/hover.js';

const letterUri = 'file:///edition/a%20(copy).txt';

function corpusOf(registry: string, letter: string): Corpus {
  const corpus = new Corpus(defaultSettings('/edition'), [{ file: 'file:///edition/registry.yaml', text: registry }]);
  corpus.setFile(letterUri, letter);
  return corpus;
}
const hoverAt = (corpus: Corpus, line: number, character: number) => hover(corpus, letterUri, { line, character })?.contents;

const hostile = `people:
  - id: stalin
    name: "**Stalin** <img src=x>"
    forms: [Stalin]
    role: "[click](command:workbench.action.terminal.new)"
    note: |-
      ![](https://example.com/track.png) *said* \`so\` _here_ &lt;b&gt; a|b ~~c~~
      # not a heading
      - not a list
      1. not a list either
          four spaces are no code block
cover-names:
  - id: filippov
    name: "Filippov_[x]"
    forms: [Filippov]
    identifications:
      - person: stalin
        authority: "<script>alert(1)</script> edition"
`;
const letter = `Document 1: Ciphered telegram from Filippov to Mao Zedong, 5 July 1950
Comrade Stalin agrees.
`;

test('a hostile registry entry: every character of its name, role and note shows as written', () => {
  assert.equal(
    hoverAt(corpusOf(hostile, letter), 1, 10),
    [
      '**\\*\\*Stalin\\*\\* \\<img src=x\\>** — person',
      [
        '!\\[\\](https://example.com/track.png) \\*said\\* \\`so\\` \\_here\\_ \\&lt;b\\&gt; a\\|b \\~\\~c\\~\\~',
        '\\# not a heading',
        '\\- not a list',
        '1\\. not a list either',
        'four spaces are no code block',
      ].join('\n'),
      'Role in 1950: \\[click\\](command:workbench.action.terminal.new)',
      'Also named in the corpus: cover name Filippov',
      // The link's target is ours, and cannot be ended early by a parenthesis in a folder's name.
      'Appears in 1 document: [Document 1](file:///edition/a%20%28copy%29.txt#L1)',
    ].join('\n\n'),
  );
});

test('a hostile cover name and authority show as written in the cover name hover', () => {
  assert.equal(
    hoverAt(corpusOf(hostile, letter), 0, 36),
    [
      '**Filippov\\_\\[x\\]** — cover name of **\\*\\*Stalin\\*\\* \\<img src=x\\>**',
      '*Filippov\\_\\[x\\]* is the cover name of **\\*\\*Stalin\\*\\* \\<img src=x\\>** on the authority of \\<script\\>alert(1)\\</script\\> edition.',
      'Role in 1950: \\[click\\](command:workbench.action.terminal.new)',
      'Also named in the corpus: Stalin',
      'Appears in 1 document: [Document 1](file:///edition/a%20%28copy%29.txt#L1)',
    ].join('\n\n'),
  );
});

test("the transcription's own words in a header hover: an underscore and a star stay characters", () => {
  const corpus = corpusOf(hostile, `Document 1: Ciphered telegram from *Roshchin* to Mao_Zedong, 5 July 1950\nText.\n`);
  assert.equal(hoverAt(corpus, 0, 3)?.split('\n\n').slice(0, 2).join('\n\n'), '**Document 1 — Ciphered telegram, \\*Roshchin\\* to Mao\\_Zedong, 5 July 1950**\n\nCiphered telegram from \\*Roshchin\\* to Mao\\_Zedong');
});

test('ordinary text is untouched: names, notes, initials, dates and apostrophes as written', () => {
  const registry = `people:
  - id: roshchin
    name: Nikolai Vasil'evich Roshchin
    forms: [Roshchin, N.V. Roshchin]
    role: Soviet ambassador to the PRC (1948–1952), in Beijing
    note: Ambassador from 1948; see Document 12. The editors' reading, 1995/96.
`;
  const corpus = corpusOf(registry, `Document 1: Ciphered telegram from N.V. Roshchin to Mao Zedong, 5 July 1950\nText.\n`);
  assert.equal(
    hoverAt(corpus, 0, 36),
    [
      "**Nikolai Vasil'evich Roshchin** — person",
      "Ambassador from 1948; see Document 12. The editors' reading, 1995/96.",
      'Role in 1950: Soviet ambassador to the PRC (1948–1952), in Beijing',
      'Appears in 1 document: [Document 1](file:///edition/a%20%28copy%29.txt#L1)',
    ].join('\n\n'),
  );
});
