// A generated edition for the benchmark: documents in the seed's style (ciphered telegrams,
// memoranda, Politburo extracts) with people, cover names, stamps, every date form and some
// injected faults (a stamp out of order, a heading that disagrees with the closing date, an
// impossible day). Deterministic: the same seed and size give the same bytes.
//
//   node server/out/bench/corpus.js <folder> <documents> [seed]

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { random } from '../test/edit-soak.js';


const senders = ['Filippov (Stalin)', 'Chan Fu (Stalin)', 'Gromyko', 'Roshchin', 'Kim Il Sung', 'Fyn Si [Stalin]', 'Matveyev (Zakharov)', 'Zhou Enlai', 'Shtykov'];
const recipients = ['Mao Zedong and Zhou Enlai', 'Shtykov', 'Stalin', 'Matveyev (Zakharov)', 'Kim Il Sung (via Shtykov)', 'Soviet Ambassador in Beijing (N.V. Roshchin)', 'Vyshinsky'];
const kinds = ['Ciphered Telegram', 'Ciphered Telegram', 'Draft Telegram', 'Memorandum', 'Letter'];
const clerks = ['Morozov', 'Stepanova', 'Araushkin', 'Shevchenko', 'Kuznetsov'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const abbr = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const bodies = [
  'Comrade Shtykov reports that the divisions of Kim Il Sung have moved north of the 38th parallel, and that MAO ZEDONG\'s representatives will arrive from Beijing.',
  'Tell Zhou Enlai the following: we agree with the opinion of the Chinese comrades regarding the Indian intermediation in the matter of admitting the People\'s [Republic of] China into the UN.',
  'We consider it correct to concentrate immediately 9 Chinese divisions on the Chinese-Korean border for volunteers\' actions in North Korea. The M[inistry of] F[oreign] A[ffairs] agrees.',
  'Your report about the flights of the Soviet aircraft over the Manchurian territory has not been confirmed. Comrade Vyshinsky and Comrade Molotov were informed.',
  'The formation of six divisions must be accelerated. Necessary armaments will be supplied by Comrade Bulganin. Instantsia approves the draft.',
  'A. G R O M Y K O has seen the draft; Comrade STALIN I.V. asks that Kim Il Sung be told at once, and that Roshchin report on the talks with Mao Zedong.',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** One document; `n` is its number, `rnd` the shared random source. */
function documentText(n: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const month = 7 + Math.floor(rnd() * 6); // July to December 1950, the cover names' period
  const day = 1 + Math.floor(rnd() * 28);
  const fault = rnd();
  const written = `${day} ${months[month - 1]} 1950`;
  const headerDay = fault < 0.03 ? ((day % 28) + 1) : day; // a heading that disagrees with the closing date
  const heading = rnd() < 0.5 ? `${headerDay} ${months[month - 1]} 1950` : `${months[month - 1]} ${headerDay}, 1950`;
  const slash = `${pad(month)}/${pad(day)}/50`;
  const sentHour = 1 + Math.floor(rnd() * 9);
  const receivedHour = fault > 0.97 ? sentHour - 1 : sentHour + 2; // received before it was sent
  const lines = [
    `Document ${n}: ${pick(kinds)}, ${pick(senders)} to ${pick(recipients)}, ${heading}`,
    `Copies: Stalin (2), Molotov, Malenkov, Beria, Mikoyan, Kaganovich, Bulganin`,
    `Sent by wire on ${slash} at ${sentHour}:05 a.m.`,
    `Received in Moscow on ${slash} at ${receivedHour}:38 a.m.`,
    `Deciphered by ${pick(clerks)} on ${slash} at ${receivedHour + 1}:45 a.m.`,
    '',
    `Re your telegram # ${10000 + n}/sh of ${day}.${roman[month - 1]}.50. ${pick(bodies)}`,
    `${pick(bodies)} The meeting is set for ${abbr[month - 1]} ${day}, 1950, or for 1950-${pad(month)}-${pad(day)} at the latest; ${day}.${month}.50 [${written}].`,
  ];
  if (rnd() < 0.5) lines.push(`Between 5 and 20 ${months[month - 1]} the units move; the report of ${pad(day)}/${pad(month)} follows.`);
  if (fault > 0.985) lines.push(`The order of 31 September 1950 stands.`);
  lines.push('', `No. ${2000 + n}`, written, `[Source: APRF, fond 45, opis 1, delo ${300 + (n % 60)}, listy ${n % 200}-${(n % 200) + 1}]`, '');
  return lines.join('\n');
}

export interface GeneratedCorpus {
  folder: string;
  files: string[];
  documents: number;
  bytes: number;
}

/** Writes `documents` documents, ten a file, with the seed corpus's settings and registry. */
export function writeCorpus(folder: string, documents: number, seed = 1950, perFile = 10): GeneratedCorpus {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const seedCorpus = path.resolve(__dirname, '../../../corpus');
  for (const name of ['marginalia.yaml', 'registry.yaml']) writeFileSync(path.join(folder, name), readFileSync(path.join(seedCorpus, name)));
  const rnd = random(seed);
  const files: string[] = [];
  let bytes = 0;
  for (let first = 1; first <= documents; first += perFile) {
    const parts: string[] = [];
    for (let n = first; n < first + perFile && n <= documents; n++) parts.push(documentText(n, rnd));
    const text = parts.join('\n');
    const file = path.join(folder, `f${String(files.length).padStart(6, '0')}.txt`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { folder, files, documents, bytes };
}

const people = ['Stalin', 'Gromyko', 'Roshchin', 'Kim Il Sung', 'Shtykov', 'Zhou Enlai', 'Mao Zedong', 'Molotov', 'Malenkov', 'Beria', 'Mikoyan', 'Kaganovich', 'Bulganin', 'Vyshinsky', 'Zakharov'];
const personPattern = new RegExp(`\\b(${people.join('|')})\\b`, 'g');

/**
 * The same documents as linked notes, for the peer (`foam lint`): one note per document, a
 * note per person, and each person's name in a document as a wikilink to it.
 */
export function writeNotes(corpus: GeneratedCorpus, folder: string): number {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const person of people) writeFileSync(path.join(folder, `${person}.md`), `# ${person}\n\nA person of the edition.\n`);
  let notes = 0;
  for (const file of corpus.files) {
    for (const doc of readFileSync(file, 'utf8').split(/\n(?=Document \d+:)/)) {
      const n = /^Document (\d+)/.exec(doc)?.[1];
      if (!n) continue;
      const [title, ...body] = doc.split('\n');
      writeFileSync(path.join(folder, `document-${n}.md`), `# ${title}\n\n${body.join('\n').replace(personPattern, '[[$1]]')}`);
      notes++;
    }
  }
  return notes;
}

if (require.main === module) {
  const [folder, count, seed] = process.argv.slice(2);
  if (!folder || !count) {
    process.stderr.write('usage: node server/out/bench/corpus.js <folder> <documents> [seed]\n');
    process.exitCode = 2;
  } else {
    const c = writeCorpus(folder, Number(count), seed ? Number(seed) : undefined);
    process.stdout.write(`${c.documents} documents in ${c.files.length} files, ${(c.bytes / 1e6).toFixed(1)} MB, in ${c.folder}\n`);
  }
}
