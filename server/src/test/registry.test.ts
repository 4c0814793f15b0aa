// Registry loading: the real corpus/registry.yaml, then one small fixture per problem, each with a
// case that must fire and one that must not. Lines in ranges are 0-based; lines in messages are
// 1-based, as a historian reads them in the editor's gutter.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { loadRegistry, parseRegistryDate, parseUtcOffset } from '../model/registry.js';
import { buildNameMatcher } from '../model/names.js';
import type { CoverName, Organisation, Person, Place, Archive, Registry, RegistryProblem } from '../model/types.js';

const ROOT = join(__dirname, '..', '..', '..');
const REGISTRY_TEXT = readFileSync(join(ROOT, 'corpus', 'registry.yaml'), 'utf8');

function load(text: string, file = 'fixture.yaml'): Registry {
  return loadRegistry([{ file, text }]);
}

/** Lines joined with \n: fixtures are written one line per array item so that line numbers show. */
function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

function brief(p: RegistryProblem): string {
  return `${p.code}/${p.severity}@${p.range.start.line}:${p.range.start.character}`;
}

function only(r: Registry, code: RegistryProblem['code']): RegistryProblem[] {
  return r.problems.filter((p) => p.code === code);
}

describe('corpus/registry.yaml', () => {
  const registry = load(REGISTRY_TEXT, 'registry.yaml');
  const matcher = buildNameMatcher(registry);
  const resolve = (text: string): string | undefined => {
    const found = matcher.find(text, 0);
    return found.length === 1 && found[0]!.text === text ? found[0]!.entryId : undefined;
  };
  /** The person a name means: itself, or the first identification of a cover name. */
  const person = (text: string): string | undefined => {
    const id = resolve(text);
    const entry = id === undefined ? undefined : registry.byId.get(id);
    if (entry?.kind === 'cover-name') return entry.identifications[0]?.person;
    return entry?.kind === 'person' ? entry.id : undefined;
  };

  test('loads with no problems at all', () => {
    assert.deepEqual(registry.problems.map((p) => `${brief(p)} ${p.message}`), []);
    assert.deepEqual(registry.files, ['registry.yaml']);
  });

  test('has every person of the seed', () => {
    const people = [
      'stalin', 'roshchin', 'zhou-enlai', 'mao-zedong', 'molotov', 'malenkov', 'bulganin', 'vasilevsky',
      'zakharov', 'kim-il-sung', 'gromyko', 'shtykov', 'beria', 'mikoyan', 'kaganovich', 'khrushchev',
      'lin-biao', 'liu-shaoqi', 'yudin', 'kotov', 'konnov', 'nehru', 'chiang-kai-shek', 'syngman-rhee',
      'golovko', 'fokin', 'stepanova', 'araushkin', 'doronchenkova', 'morozov', 'kravchuk', 'mansourov',
      'weathersby',
    ];
    for (const id of people) assert.equal(registry.byId.get(id)?.kind, 'person', id);
    for (const id of ['filippov', 'chan-fu', 'fyn-si', 'instantsia', 'matveyev']) {
      assert.equal(registry.byId.get(id)?.kind, 'cover-name', id);
    }
    for (const id of ['moscow', 'beijing', 'pyongyang', 'seoul', 'inchon', 'chongjin', 'taiwan', 'manchuria', 'korea', 'china', 'japan', 'usa']) {
      assert.equal(registry.byId.get(id)?.kind, 'place', id);
    }
    for (const id of ['cc-vkpb', 'politburo', 'mfa-ussr', 'ministry-of-defense', 'cc-cpc', 'pla', 'dprk', 'un', 'eighth-department-gs', 'seventh-fleet', 'kpa', 'us-air-force']) {
      assert.equal(registry.byId.get(id)?.kind, 'organisation', id);
    }
    assert.equal(registry.byId.get('aprf')?.kind, 'archive');
  });

  test('resolves the seed\'s spellings to the right entries', () => {
    assert.equal(resolve('Fyn Si'), 'fyn-si');
    assert.equal(person('Fyn Si'), 'stalin');
    assert.equal(person('Feng Xi'), 'stalin');
    assert.equal(person('Fyn-Si'), 'stalin');
    assert.equal(person('Filippov'), 'stalin');
    assert.equal(person('Chan Fu'), 'stalin');
    assert.equal(person('Instantsia'), 'stalin');
    assert.equal(resolve('Matveyev'), 'matveyev');
    assert.equal(person('Matveyev'), 'zakharov');
    assert.equal(person('MATVEYEV'), 'zakharov');
    assert.equal(resolve('A. G R O M Y K O'), 'gromyko');
    assert.equal(resolve('A. G r o m y k o'), 'gromyko');
    assert.equal(resolve('G O L O V K O'), 'golovko');
    assert.equal(resolve('N.V. Roshchin'), 'roshchin');
    assert.equal(resolve('STALIN I.V.'), 'stalin');
    assert.equal(resolve('I.V. Stalin'), 'stalin');
    assert.equal(resolve('Iosif Vissarionovich'), 'stalin');
    assert.equal(resolve('MAO ZEDONG'), 'mao-zedong');
    assert.equal(resolve('Jiang Jieshi'), 'chiang-kai-shek');
    assert.equal(resolve('Chiang Kai-shek'), 'chiang-kai-shek');
    assert.equal(resolve("Chemulp'o"), 'inchon');
    assert.equal(resolve('Inchon'), 'inchon');
    assert.equal(resolve("Ch'óngjin"), 'chongjin');
    assert.equal(resolve('Peking'), 'beijing');
    assert.equal(resolve('CC VKP(b)'), 'cc-vkpb');
    assert.equal(resolve('8D/GS'), 'eighth-department-gs');
    assert.equal(resolve('U.S. Air Force'), 'us-air-force');
    assert.equal(resolve('APRF'), 'aprf');
  });

  test('records where editions disagree about a cover name', () => {
    const matveyev = registry.byId.get('matveyev') as CoverName;
    assert.deepEqual(matveyev.identifications.map((i) => i.person), ['zakharov', 'razuvaev']);
    assert.deepEqual(matveyev.identifications[0]!.from, { year: 1950, month: 9 });
    assert.deepEqual(matveyev.identifications[0]!.to, { year: 1950 });
    assert.match(matveyev.identifications[0]!.authority, /Mansourov/);
    const chanFu = registry.byId.get('chan-fu') as CoverName;
    assert.deepEqual(chanFu.identifications.map((i) => i.person), ['stalin', 'bulganin']);
    const filippov = registry.byId.get('filippov') as CoverName;
    assert.deepEqual(filippov.identifications[0], {
      person: 'stalin',
      from: { year: 1948 },
      to: { year: 1953, month: 3 },
      authority: "A.Y. Mansourov, CWIHP Bulletin 6-7 (1995/96); K. Weathersby's CWIHP translations",
    });
  });

  test('keeps the fields a historian relies on', () => {
    const stalin = registry.byId.get('stalin') as Person;
    assert.equal(stalin.wikidata, 'Q855');
    assert.equal(stalin.born, '1878-12-18');
    assert.equal(stalin.died, '1953-03-05');
    assert.equal((registry.byId.get('mao-zedong') as Person).wikidata, 'Q5816');
    assert.equal((registry.byId.get('stepanova') as Person).born, undefined);
    assert.equal((registry.byId.get('moscow') as Place).utcOffsetMinutes, 180);
    assert.equal((registry.byId.get('beijing') as Place).utcOffsetMinutes, 480);
    assert.equal((registry.byId.get('pyongyang') as Place).utcOffsetMinutes, 540);
    // Summer time in 1948–51: both offsets are kept, and checks allow each.
    assert.deepEqual((registry.byId.get('seoul') as Place).utcOffsetsMinutes, [540, 600]);
    assert.deepEqual((registry.byId.get('washington') as Place).utcOffsetsMinutes, [-300, -240]);
    assert.deepEqual((registry.byId.get('mfa-ussr') as Organisation).abbreviations, ['MFA']);
    const aprf = registry.byId.get('aprf') as Archive;
    assert.equal(aprf.abbreviation, 'APRF');
    assert.deepEqual(aprf.collections.map((c) => c.fond), ['45', '3']);
  });

  test('every entry and form points at its own text in the file', () => {
    const fileLines = REGISTRY_TEXT.split('\n');
    for (const entry of registry.entries) {
      const r = entry.location.range;
      assert.match(fileLines[r.start.line]!.slice(r.start.character), /^id: /, entry.id);
      for (const form of entry.forms) {
        const fr = form.location!.range;
        assert.equal(fr.start.line, fr.end.line);
        assert.equal(fileLines[fr.start.line]!.slice(fr.start.character, fr.end.character), form.text, `${entry.id}: ${form.text}`);
      }
    }
    const stalin = registry.byId.get('stalin')!;
    assert.deepEqual(stalin.location.range, { start: { line: 5, character: 4 }, end: { line: 12, character: 118 } });
    assert.deepEqual(stalin.forms.slice(0, 3).map((f) => [f.text, f.location!.range.start.line, f.location!.range.start.character]), [
      ['Iosif Vissarionovich Stalin', 6, 10],
      ['Stalin', 7, 12],
      ['STALIN I.V.', 7, 20],
    ]);
  });
});

describe('registry format', () => {
  const PERSON = lines(
    'people:', //                                   0
    '  - id: molotov', //                           1
    '    name: Viacheslav Mikhailovich Molotov', // 2
    '    forms: [Molotov, "V.M. Molotov"]', //      3
    '    role: First Deputy Chairman', //          4
    '    born: 1890-03-09', //                      5
    '    died: 1986', //                            6
    '    wikidata: Q12345', //                      7
    '    note: |', //                               8
    '      Two lines', //                           9
    '      of note.', //                           10
    '    # a comment after the entry', //         11
    '', //                                         12
    'places:', //                                  13
    '  - {id: moscow, name: Moscow, utc-offset: "+03:00"}', // 14
  );

  test('reads a person with exact ranges for the entry and each form', () => {
    const r = load(PERSON);
    assert.deepEqual(r.problems, []);
    const molotov = r.byId.get('molotov') as Person;
    assert.equal(molotov.kind, 'person');
    assert.equal(molotov.name, 'Viacheslav Mikhailovich Molotov');
    assert.equal(molotov.role, 'First Deputy Chairman');
    assert.equal(molotov.born, '1890-03-09');
    assert.equal(molotov.died, '1986');
    assert.equal(molotov.wikidata, 'Q12345');
    assert.equal(molotov.note, 'Two lines\nof note.');
    assert.deepEqual(molotov.location, { file: 'fixture.yaml', range: { start: { line: 1, character: 4 }, end: { line: 10, character: 14 } } });
    assert.deepEqual(
      molotov.forms.map((f) => [f.text, f.location!.range]),
      [
        ['Viacheslav Mikhailovich Molotov', { start: { line: 2, character: 10 }, end: { line: 2, character: 41 } }],
        ['Molotov', { start: { line: 3, character: 12 }, end: { line: 3, character: 19 } }],
        // Inside the quotes.
        ['V.M. Molotov', { start: { line: 3, character: 22 }, end: { line: 3, character: 34 } }],
      ],
    );
  });

  test('reads flow-style entries and utc offsets', () => {
    const r = load(PERSON);
    const moscow = r.byId.get('moscow') as Place;
    assert.equal(moscow.utcOffsetMinutes, 180);
    assert.deepEqual(moscow.location.range, { start: { line: 14, character: 4 }, end: { line: 14, character: 52 } });
    assert.deepEqual(moscow.forms[0]!.location!.range, { start: { line: 14, character: 23 }, end: { line: 14, character: 29 } });
  });

  test('keeps ranges with CRLF line ends, a byte-order mark and non-Latin text', () => {
    const text = '\ufeffpeople:\r\n  - id: kim-il-sung\r\n    name: Kim Il Sung\r\n    forms: [김일성, Ким Ир Сен]\r\n';
    const r = load(text);
    assert.deepEqual(r.problems, []);
    const kim = r.byId.get('kim-il-sung')!;
    assert.deepEqual(kim.forms.map((f) => [f.text, f.location!.range.start.line, f.location!.range.start.character, f.location!.range.end.character]), [
      ['Kim Il Sung', 2, 10, 21],
      ['김일성', 3, 12, 15],
      ['Ким Ир Сен', 3, 17, 27],
    ]);
  });

  test('reads cover names, organisations and archives', () => {
    const r = load(
      lines(
        'people:',
        '  - {id: stalin, name: Stalin}',
        'cover-names:',
        '  - id: filippov',
        '    name: Filippov',
        '    identifications:',
        '      - person: stalin',
        '        from: 1950',
        '        to: 1953-03',
        '        authority: A.Y. Mansourov, CWIHP Bulletin 6-7',
        '  - id: fyn-si',
        '    name: Fyn Si',
        '    identifications: {person: stalin, from: 1950-08-31, authority: K. Weathersby}',
        'organisations:',
        '  - id: mfa',
        '    name: Ministry of Foreign Affairs of the USSR',
        '    abbreviations: MFA',
        'archives:',
        '  - id: aprf',
        '    name: Archive of the President of the Russian Federation',
        '    abbreviation: APRF',
        '    collections:',
        '      - fond: 45',
        '        description: Stalin',
      ),
    );
    assert.deepEqual(r.problems, []);
    const filippov = r.byId.get('filippov') as CoverName;
    assert.deepEqual(filippov.identifications, [
      { person: 'stalin', from: { year: 1950 }, to: { year: 1953, month: 3 }, authority: 'A.Y. Mansourov, CWIHP Bulletin 6-7' },
    ]);
    assert.deepEqual((r.byId.get('fyn-si') as CoverName).identifications[0]!.from, { year: 1950, month: 8, day: 31 });
    const mfa = r.byId.get('mfa') as Organisation;
    assert.deepEqual(mfa.abbreviations, ['MFA']);
    assert.deepEqual(mfa.forms.map((f) => f.text), ['Ministry of Foreign Affairs of the USSR', 'MFA']);
    const aprf = r.byId.get('aprf') as Archive;
    assert.deepEqual(aprf.collections, [{ fond: '45', description: 'Stalin' }]);
    assert.deepEqual(aprf.forms.map((f) => f.text), ['Archive of the President of the Russian Federation', 'APRF']);
  });

  test('follows YAML anchors and aliases', () => {
    const r = load(
      lines(
        'people:',
        '  - id: stalin',
        '    name: Stalin',
        '    forms: &stalin-forms [STALIN I.V., I.V. Stalin]',
        '  - id: stalin-copy',
        '    name: Stalin (copy)',
        '    forms: *stalin-forms',
      ),
    );
    assert.deepEqual(r.byId.get('stalin-copy')!.forms.map((f) => f.text), ['Stalin (copy)', 'STALIN I.V.', 'I.V. Stalin']);
    // Shared forms are a clash, reported at the second claimant.
    assert.deepEqual(only(r, 'registry-ambiguous-alias').map(brief), ['registry-ambiguous-alias/warning@3:26', 'registry-ambiguous-alias/warning@3:39']);
  });

  test('an empty file or an empty section is an empty registry', () => {
    assert.deepEqual(load('').problems, []);
    assert.deepEqual(load('# only a comment\n').problems, []);
    assert.deepEqual(load('people:\nplaces: []\n').problems, []);
    assert.equal(load('people:\n').entries.length, 0);
  });

  test('loads several files into one registry', () => {
    const r = loadRegistry([
      { file: 'people.yaml', text: 'people:\n  - {id: stalin, name: Stalin}\n' },
      { file: 'covers.yaml', text: 'cover-names:\n  - {id: filippov, name: Filippov, identifications: [{person: stalin, authority: Mansourov}]}\n' },
    ]);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.files, ['people.yaml', 'covers.yaml']);
    assert.equal(r.byId.get('filippov')!.location.file, 'covers.yaml');
  });
});

describe('registry problems', () => {
  test('registry-syntax: an unclosed list in the middle, and the entries around it survive', () => {
    const text = lines(
      'people:', //                          0
      '  - id: stalin', //                   1
      '    name: Stalin', //                 2
      '  - id: molotov', //                  3
      '    name: Molotov', //                4
      '    forms: [Molotov, V.M. Molotov', // 5   the ] is missing
      '  - id: malenkov', //                 6
      '    name: Malenkov', //               7
      'places:', //                          8
      '  - id: moscow', //                   9
      '    name: Moscow', //                10
    );
    const r = load(text);
    const syntax = only(r, 'registry-syntax');
    assert.ok(syntax.length >= 1);
    assert.equal(syntax[0]!.severity, 'error');
    // At the bracket to close, not where the parser gave up (line 6).
    assert.deepEqual(syntax[0]!.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 12 } });
    assert.match(syntax[0]!.message, /^YAML: This "\[" is not closed: Flow sequence in block collection must be sufficiently indented and end with a \]/);
    assert.ok(r.byId.has('stalin'), 'the entry before the error');
    assert.ok(r.byId.has('moscow'), 'the entry after the error');
  });

  test('registry-syntax: a colon inside a value keeps that entry and the next', () => {
    const text = lines(
      'people:', //                                    0
      '  - id: stalin', //                             1
      '    name: Stalin', //                           2
      '    role: Chairman: Council of Ministers', //   3   a second ": " on one line
      '  - id: molotov', //                            4
      '    name: Molotov', //                          5
      'places:', //                                    6
      '  - {id: moscow, name: Moscow}', //             7
    );
    const r = load(text);
    assert.deepEqual(r.problems.map((p) => `${brief(p)} ${p.message}`), [
      'registry-syntax/error@3:10 YAML: Nested mappings are not allowed in compact mappings',
    ]);
    assert.deepEqual(r.entries.map((e) => e.id), ['stalin', 'molotov', 'moscow']);
    assert.equal((r.byId.get('stalin') as Person).role, undefined);
  });

  test('registry-syntax: an unclosed quote swallows the rest of the file, but not what came before', () => {
    const r = load(lines('people:', '  - id: stalin', '    name: Stalin', '  - id: molotov', '    name: "Molotov', '  - id: beria', '    name: Beria'));
    assert.equal(only(r, 'registry-syntax')[0]!.message, 'YAML: Missing closing "quote');
    assert.ok(r.byId.has('stalin'));
  });

  test('registry-syntax: does not fire on valid YAML in other styles', () => {
    const r = load(
      lines(
        '---',
        '"people":',
        '- "id": stalin',
        "  'name': 'Stalin'",
        '  forms:',
        '    - STALIN I.V.',
        '    - >-',
        '      Iosif',
        '      Vissarionovich',
        '...',
      ),
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.byId.get('stalin')!.forms.map((f) => f.text), ['Stalin', 'STALIN I.V.', 'Iosif Vissarionovich']);
  });

  test('registry-malformed: a file that is a list, not a map of sections', () => {
    const r = load('- id: stalin\n  name: Stalin\n');
    assert.deepEqual(r.problems.map(brief), ['registry-malformed/error@0:0']);
    assert.equal(r.problems[0]!.message, 'A registry file is a map of sections (people, cover-names, places, organisations, archives); this file holds a list.');
  });

  test('registry-malformed: a section that is a map, not a list', () => {
    const r = load(lines('people:', '  stalin:', '    name: Stalin', 'places:', '  - {id: moscow, name: Moscow}'));
    assert.deepEqual(r.problems.map(brief), ['registry-malformed/error@1:2']);
    assert.equal(r.problems[0]!.message, 'The section "people" should be a list of entries, each beginning with "- id:"; it holds a map.');
    assert.ok(r.byId.has('moscow'));
  });

  test('registry-malformed: an entry without an id is ignored, the rest loads', () => {
    const r = load(lines('people:', '  - name: Iosif Stalin', '    forms: [Stalin]', '  - {id: molotov, name: Molotov}'));
    assert.deepEqual(r.problems.map(brief), ['registry-malformed/error@1:4']);
    assert.equal(r.problems[0]!.message, 'This entry in "people" has no id, and is ignored. Add "id: iosif-stalin".');
    assert.deepEqual(r.entries.map((e) => e.id), ['molotov']);
  });

  test('registry-malformed: an entry that is a text or a list', () => {
    const r = load(lines('people:', '  - Stalin', '  - [id, molotov]', '  - {id: beria, name: Beria}'));
    assert.deepEqual(r.problems.map(brief), ['registry-malformed/error@1:4', 'registry-malformed/error@2:4']);
    assert.equal(r.problems[0]!.message, 'An entry in "people" should be a map of fields (id, name, forms, …); this one is the text "Stalin", and is ignored.');
    assert.equal(r.problems[1]!.message, 'An entry in "people" should be a map of fields (id, name, forms, …); this one is a list, and is ignored.');
    assert.deepEqual(r.entries.map((e) => e.id), ['beria']);
  });

  test('registry-malformed: an id that is not text', () => {
    const r = load(lines('people:', '  - id: [stalin]', '    name: Stalin'));
    assert.deepEqual(r.problems.map(brief), ['registry-malformed/error@1:8']);
    assert.equal(r.entries.length, 0);
  });

  test('registry-malformed: warnings for bad fields, which keep the entry', () => {
    const r = load(
      lines(
        'people:', //                      0
        '  - id: Stalin I', //             1
        '    name: Stalin', //             2
        '    brn: 1878', //                3
        '    wikidata: 855', //            4
        '    url: www.example.org', //     5
        '    forms: [Stalin, [x], ""]', // 6
        '    note: [a, b]', //             7
        'places:', //                      8
        '  - id: moscow', //               9
        '    name: Moscow', //            10
        '    utc-offset: "+3 hours"', //  11
        '    country: soviet-union', //   12
        'sections:', //                   13
        '  - {id: x, name: X}', //        14
      ),
    );
    assert.deepEqual(r.problems.map((p) => `${brief(p)} ${p.message}`), [
      'registry-malformed/warning@3:4 Unknown field "brn" in an entry of "people"; did you mean "born"? It is ignored.',
      'registry-malformed/warning@1:8 The id "Stalin I" should be kebab-case: lower-case letters and digits joined by hyphens, such as "stalin-i".',
      'registry-malformed/warning@6:20 Each of the forms of Stalin I should be a name; this one is a list, and is ignored.',
      'registry-malformed/warning@6:25 An empty name in the forms of Stalin I is ignored.',
      'registry-malformed/warning@7:10 The field "note" of Stalin I should be text; it holds a list, and is ignored.',
      'registry-malformed/warning@5:9 The url of Stalin I should begin with http:// or https://; "www.example.org" is ignored.',
      'registry-malformed/warning@4:14 The wikidata identifier of Stalin I should be an item such as Q855; "855" is ignored.',
      'registry-malformed/warning@11:16 The utc-offset of moscow should read like "+03:00"; "+3 hours" is ignored.',
      'registry-malformed/warning@13:0 Unknown section "sections"; the sections are people, cover-names, places, organisations, archives. Its entries are ignored.',
      'registry-malformed/warning@12:13 The country of moscow should be the id of a place in the registry; "soviet-union" is not an id in the registry.',
    ]);
    assert.deepEqual(r.entries.map((e) => e.id), ['Stalin I', 'moscow']);
    assert.equal((r.byId.get('moscow') as Place).utcOffsetMinutes, undefined);
  });

  test('zone: an IANA time zone is kept; anything else is reported at its line and ignored', () => {
    const r = load(lines('places:', '  - {id: seoul, name: Seoul, zone: Asia/Seoul}', '  - {id: base, name: Base, zone: Mars/Olympus}', '  - {id: nine, name: Nine, zone: "+09:00"}'));
    assert.deepEqual(r.problems.map((p) => `${brief(p)} ${p.message}`), [
      'registry-malformed/warning@2:33 The zone of base should be an IANA time zone such as "Asia/Seoul"; "Mars/Olympus" is not one and is ignored.',
      'registry-malformed/warning@3:33 The zone of nine should be an IANA time zone such as "Asia/Seoul"; "+09:00" is not one and is ignored.',
    ]);
    assert.equal((r.byId.get('seoul') as Place).zone, 'Asia/Seoul');
    assert.equal((r.byId.get('base') as Place).zone, undefined);
  });

  test('registry-malformed: cover-name identifications', () => {
    const r = load(
      lines(
        'people:', //                                0
        '  - {id: stalin, name: Stalin}', //         1
        'places:', //                                2
        '  - {id: moscow, name: Moscow}', //         3
        'cover-names:', //                           4
        '  - id: filippov', //                       5
        '    name: Filippov', //                     6
        '    identifications:', //                   7
        '      - person: stallin', //                8   no such id
        '        authority: Mansourov', //           9
        '      - person: moscow', //                10   not a person
        '        authority: Mansourov', //          11
        '      - person: stalin', //                12   no authority, bad date, ends before it begins
        '        from: 1953-13', //                 13
        '        to: 1950', //                      14
        '      - person: stalin', //                15
        '        from: 1953', //                    16
        '        to: 1950-07', //                   17
        '        authority: Weathersby', //         18
        '      - authority: Weathersby', //         19   no person
        '  - id: chan-fu', //                       20   no identifications
        '    name: Chan Fu', //                     21
      ),
    );
    assert.deepEqual(r.problems.map((p) => `${brief(p)} ${p.message}`), [
      'registry-malformed/warning@12:16 The identification of filippov as stalin cites no authority: name the edition or study that makes it.',
      'registry-malformed/warning@13:14 The date "1953-13" (from) of the identification of filippov as stalin should read 1950, 1950-07 or 1950-07-05; it is ignored.',
      'registry-malformed/warning@17:12 The identification of filippov as stalin ends (1950-07) before it begins (1953).',
      'registry-malformed/warning@19:8 An identification of filippov names no person, and is ignored.',
      'registry-malformed/warning@20:8 The cover name chan-fu has no identifications: say whom it stands for, from when to when, on whose authority.',
      'registry-malformed/warning@8:16 The cover name filippov is identified as "stallin", which is no id in the registry.',
      'registry-malformed/warning@10:16 The cover name filippov is identified as moscow, which is a place, not a person.',
    ]);
    assert.equal((r.byId.get('filippov') as CoverName).identifications.length, 4);
  });

  test('registry-malformed: does not fire on a well-formed registry', () => {
    const r = load(
      lines(
        'people:',
        '  - {id: zakharov, name: Matvei Vasil\'evich Zakharov, born: 1898-08-17, url: "https://example.org/z"}',
        'cover-names:',
        '  - id: matveyev',
        '    name: Matveyev',
        '    identifications:',
        '      - {person: zakharov, from: 1950-09, to: 1950, authority: "A.Y. Mansourov, CWIHP Bulletin 6-7"}',
        'places:',
        '  - {id: korea, name: Korea}',
        '  - {id: pyongyang, name: Pyongyang, country: korea, utc-offset: +09:00}',
      ),
    );
    assert.deepEqual(r.problems, []);
    assert.equal((r.byId.get('pyongyang') as Place).utcOffsetMinutes, 540);
  });

  test('registry-duplicate: the same id twice, with the first definition as related', () => {
    const r = load(
      lines(
        'people:', //                     0
        '  - id: stalin', //              1
        '    name: Stalin', //            2
        '  - id: molotov', //             3
        '    name: Molotov', //           4
        '  - id: stalin', //              5
        '    name: Iosif Stalin', //      6
      ),
    );
    assert.deepEqual(r.problems.map(brief), ['registry-duplicate/error@5:8']);
    assert.equal(r.problems[0]!.message, 'The id "stalin" is already used by the entry at line 2; this second entry is ignored.');
    assert.deepEqual(r.problems[0]!.related, {
      file: 'fixture.yaml',
      range: { start: { line: 1, character: 8 }, end: { line: 1, character: 14 } },
      message: 'First definition of "stalin"',
    });
    assert.equal(r.byId.get('stalin')!.name, 'Stalin');
    assert.equal(r.entries.length, 2);
  });

  test('registry-duplicate: across files and across sections', () => {
    const r = loadRegistry([
      { file: 'a.yaml', text: 'people:\n  - {id: korea, name: Korea}\n' },
      { file: 'b.yaml', text: 'places:\n  - {id: korea, name: Korea}\n' },
    ]);
    assert.deepEqual(r.problems.map((p) => `${p.file} ${brief(p)} ${p.message}`), [
      'b.yaml registry-duplicate/error@1:9 The id "korea" is already used by the entry at a.yaml, line 2; this second entry is ignored.',
    ]);
    assert.equal(r.problems[0]!.related!.file, 'a.yaml');
  });

  test('registry-duplicate: does not fire on distinct ids that share a name', () => {
    const r = load(lines('people:', '  - {id: kim-il-sung, name: Kim}', 'places:', '  - {id: kim-river, name: Kim River}'));
    assert.deepEqual(r.problems, []);
  });

  test('registry-ambiguous-alias: one form under two entries', () => {
    const r = load(
      lines(
        'people:', //                                           0
        '  - id: molotov', //                                   1
        '    name: Viacheslav Molotov', //                      2
        '    forms: [Molotov]', //                              3
        '  - id: molotov-polina', //                            4
        '    name: Polina Zhemchuzhina', //                     5
        '    forms: [MOLOTOV, Zhemchuzhina]', //                6
      ),
    );
    assert.deepEqual(r.problems.map(brief), ['registry-ambiguous-alias/warning@6:12']);
    assert.equal(
      r.problems[0]!.message,
      'The form "MOLOTOV" is claimed by both molotov (line 4, as "Molotov") and molotov-polina (line 7); transcriptions will link it to molotov. Keep it under one entry, or make one a cover name identified as the other.',
    );
    assert.deepEqual(r.problems[0]!.related, {
      file: 'fixture.yaml',
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 19 } },
      message: '"Molotov" is a form of molotov',
    });
  });

  test('registry-ambiguous-alias: spellings that only differ in diacritics or apostrophes still clash', () => {
    const r = load(lines('places:', "  - {id: chongjin, name: Ch'ŏngjin}", '  - {id: chongjin-port, name: Chongjin}'));
    assert.deepEqual(r.problems.map(brief), ['registry-ambiguous-alias/warning@2:30']);
  });

  test('registry-ambiguous-alias: two cover names with one form clash', () => {
    const r = load(
      lines(
        'people:',
        '  - {id: stalin, name: Stalin}',
        'cover-names:',
        '  - {id: fyn-si, name: Fyn Si, identifications: [{person: stalin, authority: Mansourov}]}',
        '  - {id: feng-xi, name: Feng Xi, forms: [Fyn-Si], identifications: [{person: stalin, authority: Weathersby}]}',
      ),
    );
    assert.deepEqual(r.problems.map(brief), ['registry-ambiguous-alias/warning@4:41']);
  });

  test('registry-ambiguous-alias: does not fire between a cover name and the person it is identified as', () => {
    const r = load(
      lines(
        'people:',
        '  - {id: stalin, name: Stalin, forms: [Filippov]}',
        'cover-names:',
        '  - {id: filippov, name: Filippov, identifications: [{person: stalin, authority: Mansourov}]}',
      ),
    );
    assert.deepEqual(r.problems, []);
    // And the text's "Filippov" is the cover name.
    assert.equal(buildNameMatcher(r).find('Filippov (Stalin)', 0)[0]!.entryId, 'filippov');
  });

  test('editions that disagree: two identifications, both kept, in order', () => {
    // Invented for the test: two editions reading one cover name differently.
    const r = load(
      lines(
        'people:',
        '  - {id: zakharov, name: Zakharov}',
        '  - {id: razuvaev, name: Razuvaev}',
        'cover-names:',
        '  - id: matveyev',
        '    name: Matveyev',
        '    identifications:',
        '      - {person: zakharov, from: 1950-09, to: 1950-11, authority: "Edition A (1995)"}',
        '      - {person: razuvaev, from: 1950-09, to: 1950-11, authority: "Edition B (2011)"}',
      ),
    );
    assert.deepEqual(r.problems, []);
    const m = r.byId.get('matveyev') as CoverName;
    assert.deepEqual(m.identifications.map((i) => [i.person, i.authority]), [
      ['zakharov', 'Edition A (1995)'],
      ['razuvaev', 'Edition B (2011)'],
    ]);
  });
});

describe('registry robustness', () => {
  test('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        const r = loadRegistry([{ file: 'random.yaml', text }]);
        for (const p of r.problems) assert.ok(p.range.start.line >= 0 && p.range.start.character >= 0);
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on random text built from YAML punctuation', () => {
    const pieces = ['people:', 'places:', 'cover-names:', '\n', '  ', '- ', 'id: ', 'name: ', 'forms: ', '[', ']', '{', '}', ',', ':', '"', "'", '&a ', '*a', '!tag ', '|', '>', '#', 'x', '1950', '?', '%', '@', '`', '\t', '\r'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        loadRegistry([{ file: 'r.yaml', text: parts.join('') }]);
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on any YAML value in any place', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        loadRegistry([{ file: 'r.yaml', text: stringify({ people: [a, { id: 'x', name: b, forms: a }], 'cover-names': [{ id: 'c', identifications: b }], places: a }) }]);
      }),
      { numRuns: 300 },
    );
  });

  test('never throws on odd arguments', () => {
    assert.doesNotThrow(() => loadRegistry([]));
    assert.doesNotThrow(() => loadRegistry([{ file: 'x', text: undefined as unknown as string }]));
    assert.doesNotThrow(() => loadRegistry(undefined as unknown as []));
  });
});

describe('registry values', () => {
  test('dates in the registry\'s three forms', () => {
    assert.deepEqual(parseRegistryDate('1950'), { year: 1950 });
    assert.deepEqual(parseRegistryDate('1950-07'), { year: 1950, month: 7 });
    assert.deepEqual(parseRegistryDate('1950-07-05'), { year: 1950, month: 7, day: 5 });
    assert.deepEqual(parseRegistryDate('1952-02-29'), { year: 1952, month: 2, day: 29 });
    assert.equal(parseRegistryDate('1950-02-29'), undefined);
    assert.equal(parseRegistryDate('1950-09-31'), undefined);
    assert.equal(parseRegistryDate('5 July 1950'), undefined);
    assert.equal(parseRegistryDate('1950-13'), undefined);
  });

  test('utc offsets', () => {
    assert.equal(parseUtcOffset('+03:00'), 180);
    assert.equal(parseUtcOffset('+0800'), 480);
    assert.equal(parseUtcOffset('UTC+9'), 540);
    assert.equal(parseUtcOffset('-05:30'), -330);
    assert.equal(parseUtcOffset('0'), 0);
    assert.equal(parseUtcOffset('UTC'), 0);
    assert.equal(parseUtcOffset('3'), 180);
    assert.equal(parseUtcOffset('+25:00'), undefined);
    assert.equal(parseUtcOffset('+03:75'), undefined);
    assert.equal(parseUtcOffset('Moscow time'), undefined);
  });
});
