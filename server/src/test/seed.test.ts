// The seed transcription (Mansourov's Documents 7–17) read whole: every document with its number,
// type, date, correspondents and source; every stamp and archive reference; and the exact set of
// findings a historian should see — the Document 13 discrepancy and the repeated Document 7
// header as warnings, and nothing else at warning level.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile } from '../checks/index.js';
import { toIso } from '../model/dates.js';
import type { Correspondent } from '../model/types.js';
import { readFileSync } from 'node:fs';
import { fixtureCorpus, fixtureUri, seedCorpus, seedPath, seedUri } from './helpers.js';
import { seedFindings } from './seed-expectations.js';

const corpus = seedCorpus();
const file = corpus.file(seedUri)!;

const who = (list: Correspondent[]) =>
  list.map((c) => `${c.via ? 'via ' : ''}${c.entryId ?? '?'}${c.identification ? `=${c.identification.entryId ?? '?'}` : ''}`).join(', ');

test('the seed holds eleven documents, 7 to 17, with their types, dates, correspondents and lines', () => {
  const rows = file.documents.map((d) => [
    d.header?.number,
    d.header?.type,
    d.header?.date?.value && toIso(d.header.date.value),
    who(d.header?.from ?? []),
    who(d.header?.to ?? []),
    d.range.start.line + 1,
    d.range.end.line + 1,
  ]);
  assert.deepEqual(rows, [
    ['7', 'ciphered telegram', '1950-07-05', 'filippov=stalin', 'roshchin=roshchin', 9, 26],
    ['8', 'draft telegram', '1950-09-30', 'chan-fu=stalin', 'matveyev=zakharov', 28, 54],
    ['9', 'memorandum', '1950-09-30', 'gromyko', 'stalin', 56, 82],
    ['10', 'ciphered telegram', '1950-10-01', 'filippov=stalin', 'mao-zedong, zhou-enlai', 84, 101],
    ['11', 'ciphered telegram', '1950-10-02', 'chan-fu=stalin', 'matveyev=zakharov', 103, 118],
    ['12', 'ciphered telegram', '1950-10-03', 'roshchin', 'filippov=stalin', 120, 150],
    ['13', 'letter', '1950-10-08', 'fyn-si=stalin', 'kim-il-sung, via shtykov', 152, 173],
    ['14', 'telegram', '1950-10-05', 'gromyko', 'shtykov', 175, 193],
    ['15', 'document', '1950-10-06', 'gromyko, vasilevsky', 'stalin', 195, 217],
    ['16', 'ciphered telegram', '1950-10-09', 'kim-il-sung', 'stalin, via shtykov', 219, 250],
    ['17', 'memorandum', '1950-10-13', 'golovko, fokin', 'stalin', 252, 266],
  ]);
});

test('Document 7: the page title repeats its header and the web page lines are no document', () => {
  const doc7 = file.documents[0]!;
  assert.deepEqual(doc7.repeatedHeaders, [{ start: { line: 2, character: 0 }, end: { line: 2, character: 137 } }]);
  assert.equal(doc7.header!.to[0]!.text, 'Soviet Ambassador in Beijing');
  assert.equal(doc7.header!.to[0]!.identification!.text, 'N.V. Roshchin');
  const last = file.documents[file.documents.length - 1]!;
  assert.equal(last.range.end.line + 1, 266, 'the page footer after the source note of Document 17 is not part of it');
});

test('Document 13: header date 8 [7] October kept as both readings; closing date 8 October', () => {
  const doc13 = file.documents.find((d) => d.header?.number === '13')!;
  const date = doc13.header!.date!;
  assert.equal(date.text, '8 [7] October 1950');
  assert.deepEqual(date.value, { year: 1950, month: 10, day: 8 });
  assert.equal(date.editorial?.kind, 'correction');
  assert.deepEqual(date.editorial?.value, { year: 1950, month: 10, day: 7 });
  assert.deepEqual(doc13.closingDate!.range, { start: { line: 165, character: 72 }, end: { line: 165, character: 86 } });
  assert.deepEqual(doc13.closingDate!.value, { year: 1950, month: 10, day: 8 });
});

test('Document 12: the secondary date, the quotation of Mao, and the reply resolved to Document 10', () => {
  const doc12 = file.documents.find((d) => d.header?.number === '12')!;
  assert.deepEqual(doc12.header!.secondaryDate!.value, { year: 1950, month: 10, day: 2 });
  assert.deepEqual(doc12.quotations.map((q) => [q.start.line + 1, q.end.line + 1]), [[128, 139]]);
  assert.equal(doc12.closingDate, undefined, 'MAO ZEDONG 2.10.50 closes the quoted message, not the telegram');
  const reply = doc12.crossReferences.find((x) => x.target.kind === 'message-of-date')!;
  assert.equal(reply.text, 'your telegram of 1.10.50');
  assert.deepEqual(reply.range, { start: { line: 127, character: 12 }, end: { line: 127, character: 36 } });
  const targets = corpus.resolve(reply, { uri: seedUri, document: doc12 });
  assert.deepEqual(targets.map((t) => t.document.header?.number), ['10']);
  assert.equal(doc12.origin?.text, 'BEIJING');
});

test('every transmission stamp with its action, person, place, date and time', () => {
  const rows = file.documents.flatMap((d) =>
    d.stamps.map((s) =>
      [d.header?.number, s.range.start.line + 1, s.action, s.by?.entryId ?? s.by?.text ?? '', s.to?.entryId ?? '', s.place?.text ?? '', s.date?.value ? toIso(s.date.value) : '', s.time?.text ?? '', s.handwritten ? 'handwritten' : ''].join(' | '),
    ),
  );
  assert.deepEqual(rows, [
    '7 | 14 | submitted |  |  |  | 1950-07-05 | 23:45 p.m. | ',
    '7 | 25 | typed | stepanova |  |  | 1950-07-06 | 0:55 a.m. | ',
    '10 | 86 | transmitted |  | bulganin |  | 1950-10-01 | 3:00 a.m. | ',
    '12 | 122 | received |  |  |  | 1950-10-03 | 12:15 | ',
    '12 | 147 | deciphered | araushkin |  |  | 1950-10-03 | 12.50 | ',
    '12 | 148 | typed | doronchenkova |  |  | 1950-10-03 | 13.20 | ',
    '13 | 172 | delivered |  | bulganin |  | 1950-10-07 | 22:15 pm | handwritten',
    '16 | 225 | sent |  |  |  | 1950-10-09 | 7:05 a.m. | ',
    '16 | 226 | received |  |  | Moscow | 1950-10-09 | 9:38 a.m. | ',
    '16 | 227 | arrived |  |  | 8D/GS | 1950-10-09 | 9:45 a.m. | ',
    '16 | 228 | deciphered | morozov |  |  | 1950-10-09 | 10:45 a.m. | ',
    '16 | 249 | typed | kravchuk |  |  | 1950-10-09 | 11:20 a.m. | ',
  ]);
});

test('every archive reference parsed into archive, fond, opis, delo and folios', () => {
  const rows = file.documents.flatMap((d) =>
    d.archiveReferences.map((r) => [d.header?.number, r.archive?.entryId, r.fond, r.opis, r.delo, r.folios, r.note ?? '', r.missing.join(',')].join(' | ')),
  );
  assert.deepEqual(rows, [
    '7 | aprf | 45 | 1 | 331 | 79 |  | ',
    '8 | aprf | 3 | 65 | 827 | 100-101 |  | ',
    '9 | aprf | 3 | 65 | 827 | 123, 125 |  | ',
    '10 | aprf | 45 | 1 | 334 | 97-98 |  | ',
    '11 | aprf | 45 | 1 | 347 | 64 |  | ',
    '12 | aprf | 45 | 1 | 334 | 105-106 | translation by Kathryn Weathersby and Alexandre Mansourov | ',
    '13 | aprf | 45 | 1 | 347 | 65-67 |  | ',
    '14 | aprf | 3 | 65 | 827 | 121-122 |  | ',
    '15 | aprf | 3 | 65 | 827 | 126-127 |  | ',
    '16 | aprf | 45 | 1 | 347 | 72-73 |  | ',
    '17 | aprf | 3 | 65 | 827 | 139 |  | ',
  ]);
  const doc7 = file.documents[0]!.archiveReferences[0]!;
  assert.deepEqual(doc7.range, { start: { line: 25, character: 0 }, end: { line: 25, character: 50 } });
});

test('reference numbers, with the Politburo protocol they belong to', () => {
  const rows = file.documents.map((d) => `${d.header?.number}: ${d.referenceNumbers.map((r) => (r.protocol ? `${r.text}→P${r.protocol.number}${r.protocol.item ? `/${r.protocol.item}` : ''}` : r.text)).join(', ')}`);
  assert.deepEqual(rows, [
    '7: 1112-1126, 373/sh',
    '8: P78/118→P78/118, 78→P78, 1298, 1298, 78→P78, 118→P78/118, 1298',
    '9: 182-sh',
    '10: ',
    '11: ',
    '12: 4581, 2270',
    '13: ',
    '14: P78/168→P78/168, 78→P78, 78→P78, 168→P78/168, 1304/sh',
    '15: 1405/sh, 201-gi, 1405/sh, 18909',
    '16: 600382/sh, 1447/sh',
    '17: 244cc',
  ]);
  const doc8 = file.documents.find((d) => d.header?.number === '8')!;
  assert.deepEqual(corpus.documentsOfProtocol('78').map((d) => d.document.header?.number), ['8', '14']);
  assert.equal(doc8.referenceNumbers[0]!.range.start.line + 1, 29);
});

test('distribution lists with their copies', () => {
  const rows = file.documents.flatMap((d) => d.distributionLists.map((l) => `${d.header?.number} (${l.copies ?? '-'}): ${l.recipients.map((r) => `${r.entryId}${r.copies ? `×${r.copies}` : ''}`).join(' ')}`));
  assert.deepEqual(rows, [
    '7 (3): stalin×2 molotov×1',
    '12 (-): stalin×2 molotov malenkov beria mikoyan kaganovich bulganin',
    '15 (-): stalin×1 molotov×1 malenkov×1 beria×1 mikoyan×1 kaganovich×1 bulganin×1 khrushchev×1',
    '16 (11): stalin×2 molotov×1 malenkov×1 beria×1 mikoyan×1 kaganovich×1 bulganin×1',
  ]);
});

test('editorial brackets are told apart', () => {
  const kinds = (n: string) => file.documents.find((d) => d.header?.number === n)!.brackets.map((b) => `${b.bracketKind} ${b.text}`);
  assert.deepEqual(kinds('9').slice(0, 5), ['expansion [inistry of]', 'expansion [oreign]', 'expansion [ffairs of the]', 'insertion [of the]', 'translator-note [cable to Shtykov - AM]']);
  assert.ok(kinds('12').includes("transliteration [kraine bol'shim]"));
  assert.ok(kinds('12').includes('identification [Stalin]'));
  assert.ok(kinds('13').includes('sic [sic-October]'));
  assert.ok(kinds('13').some((k) => k.startsWith('handwritten [Handwritten: This letter')));
  assert.deepEqual(kinds('17').slice(0, 2), ['signature [signature]', 'signature [signature]']);
});

test('the exact set of findings on the seed', () => {
  const result = checkFile(corpus, seedUri);
  const rows = result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}: ${f.message}`);
  assert.deepEqual(rows, seedFindings);
  const delivered = result.findings.find((f) => f.code === 'delivered-before-dated')!;
  assert.deepEqual(delivered.range, { start: { line: 171, character: 63 }, end: { line: 171, character: 78 } });
  assert.deepEqual(delivered.related.map((r) => [r.range.start.line + 1, r.message]), [[166, 'Document 13 is dated 8 October 1950 here']]);
  assert.equal(corpus.registry.problems.length, 0, corpus.registry.problems.map((p) => p.message).join('\n'));
});

test('without declared conventions the seed reads the same: every numeric date is inferred from its document', () => {
  const undeclared = fixtureCorpus(readFileSync(seedPath, 'utf8'), { settings: { datesDeclared: { slashes: false, dots: false } } });
  const rows = (c: typeof corpus, uri: string) =>
    c.file(uri)!.documents.flatMap((d) => d.dates.map((x) => `${x.text} ${x.value ? toIso(x.value) : '-'}${x.reading.undetermined ? ' undetermined' : ''}`));
  assert.deepEqual(rows(undeclared, fixtureUri), rows(corpus, seedUri));
  const seventh = undeclared.file(fixtureUri)!.documents[0]!.dates.find((d) => d.text === '07/05/50')!;
  assert.equal(seventh.reading.convention, "month/day/year (inferred: 07/05/50 is the document's own date)");
  assert.deepEqual(
    checkFile(undeclared, fixtureUri).findings.map((f) => `${f.range.start.line + 1} ${f.code}`),
    checkFile(corpus, seedUri).findings.map((f) => `${f.range.start.line + 1} ${f.code}`),
  );
});

test("the editors' identifications link a name to the person or place they mean, and nothing else", () => {
  const links = file.documents.flatMap((d) => d.names.filter((n) => n.identification).map((n) => `${n.range.start.line + 1} ${n.text} → ${n.identification!.text}`));
  assert.deepEqual(links, [
    '9 Filippov → Stalin',
    '28 Chan Fu → Stalin',
    '28 Matveyev → Zakharov',
    '84 Filippov → Stalin',
    "94 Chemulp'o → Inchon",
    '103 Chan Fu → Stalin',
    '103 Matveyev → Zakharov',
    '108 MATVEYEV → ZAKHAROV',
    '120 Filippov → Stalin',
    '132 CC CPC → Central Committee of the Communist Party of China',
    "141 PLA → People's Liberation Army",
    '152 Fyn Si → Stalin',
    '161 Jiang Jieshi → Chiang Kai-shek',
  ]);
});
