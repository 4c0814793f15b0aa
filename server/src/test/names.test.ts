// Finding registry names in transcriptions: small registries written for each rule, then the
// seed with the real registry, then a measurement on a large registry and a large text.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { loadRegistry } from '../model/registry.js';
import { buildNameMatcher, nameKey, tokenizeName } from '../model/names.js';
import type { NameMatcher } from '../model/names.js';

const ROOT = join(__dirname, '..', '..', '..');

function matcher(yaml: string): NameMatcher {
  const registry = loadRegistry([{ file: 'fixture.yaml', text: yaml }]);
  assert.deepEqual(registry.problems.map((p) => p.message), []);
  return buildNameMatcher(registry);
}

/** `text=>id@start-end` for each name found on one line: compact and easy to compare. */
function found(m: NameMatcher, text: string): string[] {
  return m.find(text, 0).map((n) => `${n.text}=>${n.entryId}@${n.range.start.character}-${n.range.end.character}`);
}

const SMALL = matcher(`
people:
  - {id: stalin, name: Stalin, forms: [STALIN I.V., I.V. Stalin, Iosif Vissarionovich]}
  - {id: roshchin, name: N.V. Roshchin, forms: [Roshchin]}
  - {id: gromyko, name: A. Gromyko, forms: [Gromyko]}
  - {id: golovko, name: Golovko}
  - {id: shtykov, name: Shtykov}
  - {id: kim-il-sung, name: Kim Il Sung, forms: [Kim Il-sung]}
  - {id: mao-zedong, name: Mao Zedong, forms: [Mao]}
  - {id: nehru, name: Jawaharlal Nehru, forms: [Nehru]}
cover-names:
  - {id: fyn-si, name: Fyn Si, forms: [Feng Xi], identifications: [{person: stalin, authority: Mansourov}]}
places:
  - {id: chongjin, name: "Ch'ŏngjin"}
  - {id: inchon, name: Inchon, forms: ["Chemulp'o"]}
  - {id: ussr, name: USSR, forms: [Soviet Union]}
  - {id: usa, name: USA, forms: [U.S.]}
organisations:
  - {id: mfa, name: Ministry of Foreign Affairs of the USSR, abbreviations: [MFA], forms: [MFA of the USSR]}
  - {id: un, name: United Nations, abbreviations: [UN]}
  - {id: cc-vkpb, name: Central Committee, abbreviations: [CC VKP(b)]}
  - {id: usaf, name: U.S. Air Force}
  - {id: kpa, name: Korean People's Army}
  - {id: prc, name: People's Republic of China}
`);

describe('name matching rules', () => {
  test('case does not matter', () => {
    assert.deepEqual(found(SMALL, 'answer of MAO ZEDONG to'), ['MAO ZEDONG=>mao-zedong@10-20']);
    assert.deepEqual(found(SMALL, 'mao zedong'), ['mao zedong=>mao-zedong@0-10']);
  });

  test('a possessive is not part of the name', () => {
    assert.deepEqual(found(SMALL, "Comr. Shtykov's suggestion"), ['Shtykov=>shtykov@6-13']);
    assert.deepEqual(found(SMALL, "I support KIM IL SUNG'S request."), ['KIM IL SUNG=>kim-il-sung@10-21']);
    assert.deepEqual(found(SMALL, 'MAO ZEDONG’s answer'), ['MAO ZEDONG=>mao-zedong@0-10']);
    // Inside a name the possessive stays: it is part of the form.
    assert.deepEqual(found(SMALL, "of the Korean People's Army coming"), ["Korean People's Army=>kpa@7-27"]);
  });

  test('letter-spaced signatures', () => {
    assert.deepEqual(found(SMALL, 'A. G R O M Y K O'), ['A. G R O M Y K O=>gromyko@0-16']);
    assert.deepEqual(found(SMALL, 'A. G r o m y k o'), ['A. G r o m y k o=>gromyko@0-16']);
    assert.deepEqual(found(SMALL, '[signature] G O L O V K O'), ['G O L O V K O=>golovko@12-25']);
    // Words separated by wider gaps, and a name spaced throughout.
    assert.deepEqual(found(SMALL, 'K I M   I L   S U N G'), ['K I M   I L   S U N G=>kim-il-sung@0-21']);
    assert.deepEqual(found(SMALL, 'K I M I L S U N G'), ['K I M I L S U N G=>kim-il-sung@0-17']);
    assert.deepEqual(found(SMALL, 'G R O M Y K O.'), ['G R O M Y K O=>gromyko@0-13']);
  });

  test('initials before or after the surname', () => {
    assert.deepEqual(found(SMALL, 'Comrade STALIN I.V.:'), ['STALIN I.V.=>stalin@8-19']);
    assert.deepEqual(found(SMALL, 'I.V. Stalin'), ['I.V. Stalin=>stalin@0-11']);
    assert.deepEqual(found(SMALL, 'Ambassador (N.V. Roshchin) with'), ['N.V. Roshchin=>roshchin@12-25']);
    assert.deepEqual(found(SMALL, 'N. V. Roshchin'), ['N. V. Roshchin=>roshchin@0-14']);
    assert.deepEqual(found(SMALL, 'dear Iosif Vissarionovich,'), ['Iosif Vissarionovich=>stalin@5-25']);
  });

  test('whole words only', () => {
    assert.deepEqual(found(SMALL, 'a Stalinist regime'), []);
    assert.deepEqual(found(SMALL, 'Maoism and Mao'), ['Mao=>mao-zedong@11-14']);
    assert.deepEqual(found(SMALL, 'the USSRs'), []);
  });

  test('Kim alone is not Kim Il Sung unless the registry says so', () => {
    assert.deepEqual(found(SMALL, 'Stalin, Mao, Kim, and China'), ['Stalin=>stalin@0-6', 'Mao=>mao-zedong@8-11']);
    const withKim = matcher('people:\n  - {id: kim-il-sung, name: Kim Il Sung, forms: [Kim]}\n');
    assert.deepEqual(found(withKim, 'Stalin, Mao, Kim, and China'), ['Kim=>kim-il-sung@13-16']);
    assert.deepEqual(found(withKim, 'Kim Il Sung'), ['Kim Il Sung=>kim-il-sung@0-11']);
  });

  test('the longest form wins', () => {
    assert.deepEqual(found(SMALL, 'by the U.S. Air Force many'), ['U.S. Air Force=>usaf@7-21']);
    assert.deepEqual(found(SMALL, 'the U.S. troops'), ['U.S.=>usa@4-8']);
    assert.deepEqual(found(SMALL, 'via the MFA of the USSR upon'), ['MFA of the USSR=>mfa@8-23']);
    assert.deepEqual(found(SMALL, 'the MFA USSR proposes'), ['MFA=>mfa@4-7', 'USSR=>ussr@8-12']);
  });

  test('editorial insertions inside a name keep it whole; brackets that cut across it do not', () => {
    assert.deepEqual(found(SMALL, 'the MFA [of the] USSR proposes'), ['MFA [of the] USSR=>mfa@4-21']);
    assert.deepEqual(found(SMALL, 'The M[inistry of] F[oreign] A[ffairs of the] USSR considers'), [
      'M[inistry of] F[oreign] A[ffairs of the] USSR=>mfa@4-49',
    ]);
    assert.deepEqual(found(SMALL, "admitting the People's [Republic of] China into the UN"), [
      "People's [Republic of] China=>prc@14-42",
      'UN=>un@52-54',
    ]);
    assert.deepEqual(found(SMALL, 'through [Indian Prime Minister Jawaharlal] NEHRU, who'), ['NEHRU=>nehru@43-48']);
    assert.deepEqual(found(SMALL, 'Filippov [Stalin]'), ['Stalin=>stalin@10-16']);
  });

  test('abbreviations count only in capitals', () => {
    assert.deepEqual(found(SMALL, 'into the UN membership'), ['UN=>un@9-11']);
    assert.deepEqual(found(SMALL, 'an un-American act'), []);
    assert.deepEqual(found(SMALL, 'the mfa'), []);
    assert.deepEqual(found(SMALL, 'of the CC VKP(b)'), ['CC VKP(b)=>cc-vkpb@7-16']);
  });

  test('diacritics and apostrophes do not matter', () => {
    for (const spelling of ["Ch'ŏngjin", "Ch'óngjin", 'Chongjin', 'Ch’ŏngjin', 'Ch‘ongjin', 'CH’ÓNGJIN']) {
      assert.deepEqual(found(SMALL, `near ${spelling}:`), [`${spelling}=>chongjin@5-${5 + spelling.length}`], spelling);
    }
    // Decomposed accents (o + combining acute) as well as precomposed.
    assert.deepEqual(found(SMALL, "Ch'o\u0301ngjin"), ["Ch'o\u0301ngjin=>chongjin@0-10"]);
    assert.deepEqual(found(SMALL, "at Chemulp'o [Inchon] had"), ["Chemulp'o=>inchon@3-12", 'Inchon=>inchon@14-20']);
    assert.deepEqual(found(SMALL, 'at Chemulpo'), ['Chemulpo=>inchon@3-11']);
  });

  test('hyphens and spaces are the same', () => {
    assert.deepEqual(found(SMALL, 'Kim Il-sung'), ['Kim Il-sung=>kim-il-sung@0-11']);
    assert.deepEqual(found(SMALL, 'Fyn-Si [Stalin]'), ['Fyn-Si=>fyn-si@0-6', 'Stalin=>stalin@8-14']);
  });

  test('a comma or a line break ends a name', () => {
    assert.deepEqual(found(SMALL, 'Kim, Il Sung'), []);
    assert.deepEqual(SMALL.find('Mao\nZedong and Kim Il Sung', 4).map((n) => [n.text, n.range.start.line, n.range.start.character]), [
      ['Mao', 4, 0],
      ['Kim Il Sung', 5, 11],
    ]);
  });

  test('a cover name listed under its person too is still the cover name', () => {
    const m = matcher(
      [
        'people:',
        '  - {id: stalin, name: Stalin, forms: [Fyn Si]}',
        'cover-names:',
        '  - {id: fyn-si, name: Fyn Si, identifications: [{person: stalin, authority: Mansourov}]}',
      ].join('\n'),
    );
    assert.deepEqual(found(m, 'Letter, Fyn Si [Stalin] to Kim'), ['Fyn Si=>fyn-si@8-14', 'Stalin=>stalin@16-22']);
  });

  test('ranges carry the line given', () => {
    const [n] = SMALL.find('To Comrade STALIN I.V.', 221);
    assert.deepEqual(n, {
      range: { start: { line: 221, character: 11 }, end: { line: 221, character: 22 } },
      text: 'STALIN I.V.',
      entryId: 'stalin',
      entryKind: 'person',
    });
  });

  test('tokens and keys', () => {
    assert.equal(nameKey("Ch'óngjin"), 'chongjin');
    assert.equal(nameKey('STALIN I.V.'), 'stalin i v');
    assert.equal(nameKey('A. G R O M Y K O'), 'a gromyko');
    assert.equal(nameKey('Fyn-Si'), 'fyn si');
    assert.equal(nameKey('Łódź'), 'lodz');
    assert.equal(nameKey('—'), '');
    assert.deepEqual(tokenizeName("Shtykov's").map((t) => [t.key, t.start, t.end, t.rawEnd]), [['shtykov', 0, 7, 9]]);
  });

  test('never throws, and every range lies within the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        for (const n of SMALL.find(text, 3)) {
          assert.ok(n.range.start.character <= n.range.end.character);
          assert.ok(n.range.end.character <= text.length);
        }
      }),
      { numRuns: 1000 },
    );
    const pieces = ['Stalin', 'I.V.', ' ', '  ', '.', "'s", '[', ']', 'G', 'R', 'K I M', 'Il', 'Sung', ',', '\n', 'UN', 'un', 'MFA', 'of the', 'USSR', "Ch'", 'ŏngjin'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const n of SMALL.find(text, 0)) assert.ok(n.text.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the seed with corpus/registry.yaml', () => {
  const registry = loadRegistry([{ file: 'registry.yaml', text: readFileSync(join(ROOT, 'corpus', 'registry.yaml'), 'utf8') }]);
  const m = buildNameMatcher(registry);
  const seed = readFileSync(join(ROOT, 'corpus', '000_bae709cea1c958ec.txt'), 'utf8').split(/\r?\n/);
  const line = (prefix: string): number => {
    const i = seed.findIndex((l) => l.startsWith(prefix));
    assert.ok(i >= 0, prefix);
    return i;
  };
  const at = (prefix: string): string[] => {
    const i = line(prefix);
    return m.find(seed[i]!, i).map((n) => `${n.text}=>${n.entryId}`);
  };

  test('document headers', () => {
    assert.deepEqual(at('Document 7: '), ['Filippov=>filippov', 'Stalin=>stalin', 'Beijing=>beijing', 'N.V. Roshchin=>roshchin', 'Zhou Enlai=>zhou-enlai']);
    assert.deepEqual(at('Document 8: '), ['Chan Fu=>chan-fu', 'Stalin=>stalin', 'Matveyev=>matveyev', 'Zakharov=>zakharov']);
    assert.deepEqual(at('Document 13: '), ['Fyn Si=>fyn-si', 'Stalin=>stalin', 'Kim Il Sung=>kim-il-sung', 'Shtykov=>shtykov']);
    assert.deepEqual(at('Document 17: '), ['Golovko=>golovko', 'Fokin=>fokin', 'Stalin=>stalin']);
  });

  test('signatures, stamps and distribution lists', () => {
    assert.deepEqual(at('A. G R O M Y K O'), ['A. G R O M Y K O=>gromyko']);
    assert.deepEqual(at('[signature] G O L O V K O'), ['G O L O V K O=>golovko']);
    assert.deepEqual(at('MATVEYEV [ZAKHAROV]'), ['MATVEYEV=>matveyev', 'ZAKHAROV=>zakharov']);
    assert.deepEqual(at('Typed by Stepanova'), ['Stepanova=>stepanova']);
    assert.deepEqual(at('Dec[iphered by] Araushkin'), ['Araushkin=>araushkin']);
    assert.deepEqual(at('Arrived at the 8D/GS'), ['8D/GS=>eighth-department-gs']);
    assert.deepEqual(at('Upon the directive of Instantsia'), ['Instantsia=>instantsia']);
    assert.deepEqual(at('Copies: Stalin (2)'), [
      'Stalin=>stalin', 'Molotov=>molotov', 'Malenkov=>malenkov', 'Beria=>beria', 'Mikoyan=>mikoyan', 'Kaganovich=>kaganovich', 'Bulganin=>bulganin',
    ]);
    assert.deepEqual(at('"Comrade STALIN Iosif Vissarionovich,'), ['STALIN Iosif Vissarionovich=>stalin']);
    assert.deepEqual(at('(A. Vasilevsky) (A. Gromyko)'), ['A. Vasilevsky=>vasilevsky', 'A. Gromyko=>gromyko']);
  });

  test('running text', () => {
    assert.deepEqual(at('The M[inistry of] F[oreign]').slice(0, 1), ['M[inistry of] F[oreign] A[ffairs of the] USSR=>mfa-ussr']);
    assert.deepEqual(at('In the first place').length, 0);
    assert.ok(at('1. In our view MAO ZEDONG').includes('LIU SHAOQI=>liu-shaoqi'));
    assert.ok(at('Ch\'óngjin was heavily').includes("Ch'óngjin=>chongjin"));
    const nehru = at('The reasons for the changes');
    assert.ok(nehru.includes('NEHRU=>nehru'));
  });

  test('every name in the seed resolves to an entry that exists', () => {
    let count = 0;
    seed.forEach((text, i) => {
      for (const n of m.find(text, i)) {
        assert.ok(registry.byId.has(n.entryId));
        assert.equal(seed[n.range.start.line]!.slice(n.range.start.character, n.range.end.character), n.text);
        count += 1;
      }
    });
    assert.equal(count, 301);
  });
});

describe('speed', () => {
  test('10,000 forms against 1 MB of text', () => {
    // Repeatable pseudo-random names (mulberry32): a surname unique to each form, written in
    // syllables, after zero to two given names.
    let state = 7;
    const rand = (n: number): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const syllables = ['ko', 'va', 'lev', 'shin', 'rov', 'mi', 'ta', 'zhen', 'dun', 'li', 'po', 'sa', 'nov', 'yan', 'gu', 'bek'];
    const word = (): string => Array.from({ length: 2 + rand(2) }, () => syllables[rand(syllables.length)]).join('');
    const surname = (n: number): string => [12, 8, 4, 0].map((shift) => syllables[(n >> shift) & 15]).join('');
    const lines = ['people:'];
    for (let i = 0; i < 2500; i++) {
      const forms = Array.from({ length: 4 }, (_, k) => [...Array.from({ length: rand(3) }, word), surname(i * 4 + k)].join(' '));
      lines.push(`  - {id: p${i}, name: "${forms[0]}", forms: [${forms.slice(1).map((f) => `"${f}"`).join(', ')}]}`);
    }
    const t0 = performance.now();
    const registry = loadRegistry([{ file: 'big.yaml', text: lines.join('\n') }]);
    const t1 = performance.now();
    const m = buildNameMatcher(registry);
    const t2 = performance.now();
    const forms = registry.entries.reduce((n, e) => n + e.forms.length, 0);
    assert.equal(forms, 10_000);
    assert.equal(registry.problems.length, 0);

    const seedText = readFileSync(join(ROOT, 'corpus', '000_bae709cea1c958ec.txt'), 'utf8');
    const textLines: string[] = [];
    let size = 0;
    for (const l of seedText.split('\n')) textLines.push(l);
    while (size < 1_000_000) {
      const l = Array.from({ length: 12 }, () => (rand(4) === 0 ? registry.entries[rand(registry.entries.length)]!.name : word())).join(' ');
      textLines.push(l);
      size += l.length + 1;
    }
    const t3 = performance.now();
    let names = 0;
    textLines.forEach((l, i) => (names += m.find(l, i).length));
    const t4 = performance.now();
    console.log(
      `names: ${forms} forms loaded in ${(t1 - t0).toFixed(0)} ms, trie built in ${(t2 - t1).toFixed(0)} ms; ` +
        `${(size / 1e6).toFixed(2)} MB in ${textLines.length} lines scanned in ${(t4 - t3).toFixed(0)} ms, ${names} names found`,
    );
    assert.ok(names > 10_000);
  });
});
