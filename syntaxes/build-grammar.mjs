// Writes syntaxes/transcription.tmLanguage.json (scope `text.transcription`), the TextMate grammar
// of archival transcriptions. The grammar is generated so that the date, time, name and reference
// regexes are written once and shared by every rule that needs them (stamps, datelines, brackets).
//
//   npm run build:grammar                    write the JSON (builds the server first: the words
//                                            of the sources come from its vocabulary module)
//   node syntaxes/build-grammar.mjs --check  fail if the committed JSON is not what this writes
//
// Scope names are standard ones that the themes shipped with VS Code colour (checked against
// Dark+/Light+/Modern, High Contrast, Monokai, Solarized, Abyss, Kimbie, Quiet Light, Red and
// Tomorrow Night Blue): markup.heading, comment.block, constant.numeric, keyword.other,
// string.other, entity.name.function/type, markup.italic. `constant.other` and bare
// `entity.name` are avoided: Dark+ leaves them uncoloured. The grammar only shapes what a line
// looks like; what a name refers to is the language server's job (semantic tokens).

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The words of the sources are written once, in the model (run after `npm run build`).
import { ANY_STAMP_VERB, CITATION_PARTS, citationWord, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS_OF_OTHER_LANGUAGES } from '../server/out/model/vocabulary.js';

const R = String.raw;
const S = '.transcription';

// --- shared pieces --------------------------------------------------------------------------

const FOND = citationWord('fond');
const OPIS = citationWord('opis');
/** The words of every citation part but the folios (which take ranges) and a department's reference (read by shape). */
const UNITS = CITATION_PARTS.filter((p) => p.part !== 'folios' && p.words.length > 0).flatMap((p) => p.words).join('|');
const FOLIOS = citationWord('folios');

const longestFirst = (words) => [...words].sort((a, b) => b.length - a.length);
const ABBREVIATIONS = longestFirst(Object.keys(MONTH_ABBREVIATIONS)).map((a) => `${a[0].toUpperCase()}${a.slice(1)}\\.`);
// The other languages' months, any case (`octobre`, `Oktober`, `октября`), read as the server reads them.
const OTHER_MONTHS = `(?i:${longestFirst(new Set(Object.values(MONTHS_OF_OTHER_LANGUAGES).flat().map((m) => m.toLowerCase()))).join('|')})`;
const MONTH = `(?:(?:${MONTH_NAMES.join('|')}|${OTHER_MONTHS})(?![\\p{L}])|${ABBREVIATIONS.join('|')})`;
const YEAR = R`(?:1[5-9]\d\d|20\d\d)`;

/** `5 July 1950`, `8 [7] October 1950`, `13 October`. */
const DAY_MONTH = R`\b\d{1,2}(?:\s*\[\d{1,2}\])?\s+${MONTH}(?:,?\s+${YEAR}\b)?`;
/** `October 7, 1950`, `October 5`, `Sept. 16`, `January 27, 1949`. */
const MONTH_DAY = R`\b${MONTH}\s+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?\s+${YEAR}\b)?`;
/** `July 1950`. */
const MONTH_YEAR = R`\b${MONTH}\s+${YEAR}\b`;
/** `07/05/50`, `10/09/1950`. */
const SLASH_DATE = R`(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])`;
/** `5.7.50`, `3.10.1950`, `1.X.50`. */
const DOT_DATE = R`(?<![\d.])\d{1,2}\.(?:\d{1,2}|[IVX]{1,4})\.(?:\d{4}|\d{2})(?!\d|\.\d)`;
/** `1950-07-05`, as the inlay hints write dates. */
const ISO_DATE = R`\b${YEAR}-[01]\d-[0-3]\d\b`;
/** Any written date, for lookaheads. */
const ANY_DATE = `(?:${DAY_MONTH}|${MONTH_DAY}|${SLASH_DATE}|${DOT_DATE})`;

const MERIDIEM = R`(?:[apAP]\.\s?[mM]\.|[apAP][mM]\b)`;
/** `23:45 p.m.`, `9:38 a.m.`, `12:15`, `22:15 pm`, `3:21 a. m.` */
const CLOCK_TIME = R`(?<![\d.:])(?:[01]?\d|2[0-4]):[0-5]\d(?!\d)(?:\s*${MERIDIEM})?`;
/** `12.50 p.m.` */
const DOT_TIME = R`(?<![\d.:])\d{1,2}\.[0-5]\d\s*${MERIDIEM}`;
/** `2 p. m.`, `10 a.m.` */
const HOUR_TIME = R`(?<![\d.:])\b\d{1,2}\s*${MERIDIEM}`;
const ANY_TIME = `(?:${CLOCK_TIME}|${DOT_TIME}|${HOUR_TIME})`;

/** A personal name as stamps and lists give it: `Stepanova`, `STALIN I.V.`, `Kim Il Sung`. */
const PERSON = R`[A-Z][A-Za-z'’\-]+(?:\s+[A-Z]\.(?:\s?[A-Z]\.)?)?`;
/** `Comrade`, `Cmrds.`, `Com.` before a name. */
const TITLE = R`(?:Comrades?|Cmrds?\.?|Comr?\.)`;
/** A place in a stamp: `Moscow`, `BEIJING`, `the 8D/GS`. */
const PLACE = R`(?!\d{1,2}[:.]\d)[A-Z0-9][A-Za-z0-9/'’\-]*[A-Za-z]`;

/** The verbs that open a transmission or registry stamp. */
const STAMP_VERB = `(?:${ANY_STAMP_VERB})`;
/** What follows a stamp verb (so that `Received your telegram` in prose is not a stamp). */
const STAMP_CONTINUATION = R`(?=\s+(?:(?:by|at|in|on|to|from|only)\b|\d)|\s*[,:\[]|\s*$)`;
/** How a stamp line opens: `Received in Moscow`, `From BEIJING Received 12:15`, `Dec[iphered by] Araushkin`. */
const STAMP_OPENING = R`(?:(?:From\s+${PLACE}\s+)?${STAMP_VERB}${STAMP_CONTINUATION}|(?:Dec\[iphered\s+by\]|Typ\[ed\s+(?:by|in)\]))`;

const DOCUMENT_TYPE = R`(?:Telegram|Cable|Letter|Memorandum|Note|Report|Message|Decision|Resolution|Directive|Instruction|Order|Record\s+of\s+(?:a\s+)?Conversation|Minutes)`;
const TYPE_QUALIFIER = R`(?:Ciphered|Coded|Draft|Secret|Top\s+Secret|Urgent|Personal|Strictly\s+Secret)`;

// --- rules ----------------------------------------------------------------------------------

const repository = {
  // Lines the seed copied from the web page it came from (navigation, page counter, footer).
  'web-page-residue': {
    name: `comment.line.web-page${S}`,
    match: R`^\s*(?:Download\s+[\d.]+\s*[KMG]b\.|Size\s*[\d.]+\s*[KMG]b\.|1(?:\s+\d{1,3}){2,}|Share with your friends:|The database is protected by copyright ©.*|send message|Main page)\s*$`,
  },

  // `Document 12: Ciphered telegram from Roshchin in Beijing to Filippov [Stalin], 3 October 1950`
  'document-header': {
    name: `markup.heading.1.document${S}`,
    begin: R`^\s*((?:Document|DOCUMENT)\s+(?:No\.\s*|#\s*)?(\d+[A-Za-z]?))(?=\s*(?:[:.\-–—]|$))`,
    beginCaptures: {
      1: { name: `keyword.other.document${S}` },
      2: { name: `constant.numeric.document-number${S}` },
    },
    end: '$',
    patterns: [{ include: '#inline' }],
  },

  // `795.00/6–2550: Telegram` (the decimal file number of US editions).
  'file-number-title': {
    name: `markup.heading.2.title${S}`,
    match: R`^\s*(\d{3}[A-Z]?\.[0-9A-Z]+/\d+(?:[–-]\d+)*)(:)\s*(.*)$`,
    captures: {
      1: { name: `string.other.reference-number.file${S}` },
      2: { name: `punctuation.separator${S}` },
      3: { patterns: [{ include: '#inline' }] },
    },
  },

  // `Ciphered Telegram from Matveyev (Zakharov) to Feng Xi (Stalin)`, `Ciphered Telegram # 600382/sh`,
  // `Ciphered Note (by wire)`, `Extract Minutes from Protocol #78 of the Meeting of the Politburo`.
  'title-line': {
    name: `markup.heading.2.title${S}`,
    begin: R`^\s*(?=(?:${TYPE_QUALIFIER}\s+)*${DOCUMENT_TYPE}\b(?:\s*$|\s*\(|\s*(?:#|No\.)|\s+(?:from|of)\s+[A-Z]|\s*,\s*[A-Z])|Extract\s+(?:Minutes|from)\b)`,
    end: '$',
    patterns: [{ include: '#inline' }],
  },

  // `Submitted at 23:45 p.m. on 07/05/50`, `From BEIJING Received 12:15 3.10.1950`,
  // `Dec[iphered by] Araushkin 12.50 3.10 [12.50 p.m. 3 October]`, `Transmitted to Bulganin`.
  stamp: {
    name: `meta.stamp${S}`,
    // A stamp is short: with a date or time in it at most 120 characters, without one at most 40
    // (`Transmitted to Bulganin`), so that prose that happens to open with `Sent to` stays prose.
    begin: R`^\s*(?=${STAMP_OPENING}(?:.{0,40}$|(?=.*\d).{0,120}$))`,
    end: '$',
    patterns: [{ include: '#stamp-parts' }],
  },

  // `On 1.X.50 [1 October 1950] at 3:00 a.m.` on a line of its own, continuing a stamp.
  'stamp-continuation': {
    name: `meta.stamp${S}`,
    begin: R`^\s*(On)\s+(?=${ANY_DATE}(?:\s*\[[^\]]*\])?\s+at\s+${ANY_TIME}\.?\s*$)`,
    beginCaptures: { 1: { name: `keyword.other.stamp${S}` } },
    end: '$',
    patterns: [{ include: '#stamp-parts' }],
  },

  // `No. 2270 3.10`: an outgoing number with the day and month of registration.
  'registry-number-line': {
    name: `meta.stamp${S}`,
    match: R`^\s*((No\.)\s*(\d+(?:[/-][A-Za-z0-9]+)*))\s+(\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?)\s*$`,
    captures: {
      1: { name: `string.other.reference-number${S}` },
      2: { name: `punctuation.definition.reference-number${S}` },
      4: { name: `constant.numeric.date${S}` },
    },
  },

  'stamp-parts': {
    patterns: [
      { include: '#editorial-stamp-verb' },
      {
        // `Typed by Stepanova`, `Deciphered by Morozov`, `Transmitted to Bulganin`
        match: R`\b(${STAMP_VERB})\s+(by|to)\s+(?!wire\b|plane\b|courier\b|radio\b|telephone\b)(?:(${TITLE})\s+)?(${PERSON})`,
        captures: {
          1: { name: `keyword.other.stamp${S}` },
          2: { name: `keyword.other.stamp${S}` },
          3: { name: `keyword.other.title${S}` },
          4: { name: `entity.name.function.person${S}` },
        },
      },
      { match: R`\b${STAMP_VERB}(?=\W|$)`, name: `keyword.other.stamp${S}` },
      { match: R`\b(?:only\s+)?by\s+(?:wire|plane|courier|radio|telephone|pouch)\b`, name: `keyword.other.stamp.channel${S}` },
      {
        // `in Moscow`, `at the 8D/GS`, `From BEIJING`
        match: R`\b(in|at|from|From)\s+(?:(the)\s+)?(${PLACE})`,
        captures: {
          1: { name: `keyword.other.stamp${S}` },
          3: { name: `entity.name.type.place${S}` },
        },
      },
      {
        // `12.50 3.10`: time and day.month without a year, as registry stamps write them.
        match: R`(?<![\d.:])(\d{1,2}\.[0-5]\d)\s+(\d{1,2}\.\d{1,2}(?:\.(?:\d{4}|\d{2}))?)(?![\d.]|\s*${MERIDIEM})`,
        captures: {
          1: { name: `constant.numeric.time${S}` },
          2: { name: `constant.numeric.date${S}` },
        },
      },
      { match: R`\b(\d+)\s+(cop(?:y|ies))\b`, captures: { 1: { name: `constant.numeric.copies${S}` } } },
      { include: '#inline' },
    ],
  },

  // `Dec[iphered by] Araushkin`, `Typ[ed by] Doronchenkova`: a stamp verb the editors completed.
  'editorial-stamp-verb': {
    match: R`\b(Dec|Typ)((\[)(iphered\s+by|ed\s+by|ed\s+in)(\]))(?:\s+(?!\d)(${PERSON}))?`,
    captures: {
      1: { name: `keyword.other.stamp${S}` },
      2: { name: `keyword.other.stamp${S} comment.block.editorial.expansion${S}` },
      3: { name: `punctuation.definition.bracket.begin${S}` },
      5: { name: `punctuation.definition.bracket.end${S}` },
      6: { name: `entity.name.function.person${S}` },
    },
  },

  // `Seoul, January 27, 1949—2 p. m.`, `Moscow, 5 July 1950.`
  dateline: {
    name: `meta.dateline${S}`,
    match: R`^\s*([A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,3})(,)\s+(${DAY_MONTH}|${MONTH_DAY})(?:\s*([—–-])\s*(${ANY_TIME}))?\.?\s*$`,
    captures: {
      1: { name: `entity.name.type.place${S}` },
      3: { name: `constant.numeric.date${S}` },
      5: { name: `constant.numeric.time${S}` },
    },
  },

  // `Distribution List - 3 copies: Stalin - 2, Molotov -1`; `Distribution list:` continued on the
  // following lines while they end with a comma; `Copies: Stalin (2), Molotov, Malenkov`.
  'distribution-list': {
    name: `meta.distribution-list${S}`,
    begin: R`^\s*(?:(Distribution\s+[Ll]ist)\b|(Copies)(?=\s*:))`,
    beginCaptures: {
      1: { name: `keyword.other.distribution${S}` },
      2: { name: `keyword.other.distribution${S}` },
    },
    end: R`(?<![,:])(?<!,\s)(?<!:\s)$`,
    patterns: [
      { match: R`\b(\d+)\s+(cop(?:y|ies))\b`, captures: { 1: { name: `constant.numeric.copies${S}` } } },
      {
        match: R`\b([A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,2})(?:\s*(?:([-–])\s*(\d+)|(\()(\d+)(\))))?(?=\s*(?:[,.;]|$|[-–]\s*\d|\(\d))`,
        captures: {
          1: { name: `entity.name.function.person${S}` },
          3: { name: `constant.numeric.copies${S}` },
          5: { name: `constant.numeric.copies${S}` },
        },
      },
    ],
  },

  // `To: Cmrds. Malenkov, Bulganin, Vasilevsky`, `To Comrade STALIN I.V.`
  addressees: {
    name: `meta.addressees${S}`,
    begin: R`^\s*(To)(?::|\s+(?=Comrades?\b|Cmrds?\b|Com(?:r)?\.))`,
    beginCaptures: { 1: { name: `keyword.other.addressees${S}` } },
    end: '$',
    patterns: [
      { match: R`\b${TITLE}`, name: `keyword.other.title${S}` },
      { match: `\\b${PERSON}`, name: `entity.name.function.person${S}` },
    ],
  },

  // `[signature] G O L O V K O`, `A. G R O M Y K O`, `A. G r o m y k o`: a signature on its own line.
  'signature-line': {
    name: `meta.signature${S}`,
    match: R`^\s*(?:((\[)signature(\]))\s*)?((?:[A-Z]\.\s*){0,2}(?:[A-Za-z]\s){2,}[A-Za-z])\s*$`,
    captures: {
      1: { name: `comment.block.editorial.signature${S}` },
      2: { name: `punctuation.definition.bracket.begin${S}` },
      3: { name: `punctuation.definition.bracket.end${S}` },
      4: { name: `entity.name.function.person.signature${S}` },
    },
  },

  // `(A. Vasilevsky) (A. Gromyko)`: signatures in parentheses on their own line.
  'signature-parenthesised': {
    name: `meta.signature${S}`,
    match: R`^\s*(?:\((?:[A-Z]\.\s*){1,2}[A-Z][A-Za-z'’\-]+\)\s*)+$`,
    captures: { 0: { patterns: [{ match: R`(?<=\()[^()]+(?=\))`, name: `entity.name.function.person.signature${S}` }] } },
  },

  separator: { name: `meta.separator${S}`, match: R`^\s*(?:\*\s*){3,}$` },

  // --- inline -------------------------------------------------------------------------------

  inline: {
    patterns: [
      { include: '#archive-reference-bracket' },
      { include: '#archive-reference' },
      { include: '#bracket' },
      { include: '#reference-number' },
      { include: '#date' },
      { include: '#time' },
    ],
  },

  // `[Source: APRF, fond 45, opis 1, delo 331, list 79]`, `[APRF, fond 3, opis 65, delo 827,
  // listy 121-122]`, `[Source: …, listy 105-106; translation by Kathryn Weathersby …]`
  'archive-reference-bracket': {
    name: `meta.archive-reference${S}`,
    begin: R`(\[)(?=\s*(?:Source:\s*)?(?:[A-Z][A-Za-z]*\s?){1,3},\s*${FOND}\s*\d)`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [
      { match: R`(;)\s*([^\]]*)`, captures: { 2: { name: `comment.block.editorial.source-note${S}` } } },
      { include: '#archive-reference-parts' },
    ],
  },

  // `f. 45, op. 1, d. 331, l. 79`, `APRF, fond 45, opis 1, delo 331, list 79` in running text.
  'archive-reference': {
    name: `meta.archive-reference${S}`,
    begin: R`(?=\b(?:(?:Source:\s*)?[A-Z][A-Za-z]{1,9},\s*)?${FOND}\s*\d+[A-Za-z]?,\s*${OPIS}\s*\d)`,
    end: R`(?:(?<=\d)|(?<=\d[A-Za-z]))(?![\s,]*(?:${UNITS}|${FOLIOS}|\d))|$`,
    patterns: [{ include: '#archive-reference-parts' }],
  },

  'archive-reference-parts': {
    patterns: [
      { match: R`\bSource(?=:)`, name: `keyword.other.source${S}` },
      { match: R`\b[A-Z][A-Za-z]{1,9}(?=,\s*${FOND}\s*\d)`, name: `entity.name.type.archive${S}` },
      {
        match: R`(?<![\p{L}\d])(${UNITS})\s*(\d+[A-Za-z]?)`,
        captures: { 1: { name: `keyword.other.archive-unit${S}` }, 2: { name: `constant.numeric.archive-unit${S}` } },
      },
      {
        match: R`(?<![\p{L}\d])(${FOLIOS})\s*(\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?(?:\s*,\s*\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?)*)`,
        captures: { 1: { name: `keyword.other.archive-unit${S}` }, 2: { name: `constant.numeric.archive-unit${S}` } },
      },
    ],
  },

  // Editorial matter in square brackets, by kind. Each ends at `]` or, if unclosed, at the end
  // of the line, so that a missing bracket never colours the rest of the file.
  bracket: {
    patterns: [
      { include: '#bracket-handwritten' },
      { include: '#bracket-stamp' },
      { include: '#bracket-signature' },
      { include: '#bracket-sic' },
      { include: '#bracket-translator-note' },
      { include: '#bracket-transliteration' },
      { include: '#bracket-expansion' },
      { include: '#bracket-date-reading' },
      { include: '#bracket-insertion' },
    ],
  },

  // `[Handwritten: This letter was delivered to Comrade Bulganin on October 7, 1950 at 22:15 pm.]`
  'bracket-handwritten': {
    name: `meta.bracket.handwritten${S}`,
    begin: R`(\[)\s*((?:Handwritten|handwritten|Handwriting|Manuscript note|Marginal note|Notation)(?:\s+[a-z]+){0,3})(:?)`,
    beginCaptures: {
      1: { name: `punctuation.definition.bracket.begin${S}` },
      2: { name: `keyword.other.handwritten${S}` },
    },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    contentName: `markup.italic.handwritten${S}`,
    patterns: [
      { match: R`\b(?:delivered|received|sent|read|signed|approved)\b`, name: `keyword.other.stamp${S}` },
      { include: '#reference-number' },
      { include: '#date' },
      { include: '#time' },
    ],
  },

  // `[Received January 28—3:21 a. m.]`: a stamp the editors give in brackets.
  'bracket-stamp': {
    name: `meta.stamp.editorial${S}`,
    begin: R`(\[)(?=\s*(?:Received|Sent|Delivered|Dispatched|Transmitted|Arrived)\b)`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [{ include: '#stamp-parts' }],
  },

  // `[signature]`, `[seal]`, `[stamp]`
  'bracket-signature': {
    name: `comment.block.editorial.signature${S}`,
    match: R`(\[)(?:signature|signed|seal|stamp|illegible signature|initials)(\])`,
    captures: {
      1: { name: `punctuation.definition.bracket.begin${S}` },
      2: { name: `punctuation.definition.bracket.end${S}` },
    },
  },

  // `[sic-October]`, `[sic]`, `[sic!]`, `[sic: 7 October]`
  'bracket-sic': {
    name: `comment.block.editorial.sic${S}`,
    begin: R`(\[)\s*(sic)\b`,
    beginCaptures: {
      1: { name: `punctuation.definition.bracket.begin${S}` },
      2: { name: `keyword.other.sic${S}` },
    },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [{ include: '#date' }, { match: `(?<=[-–—:\\s])${MONTH}`, name: `constant.numeric.date${S}` }],
  },

  // `[cable to Shtykov - AM]`: a translator's note signed with initials.
  'bracket-translator-note': {
    name: `comment.block.editorial.translator-note${S}`,
    begin: R`(\[)(?=[^\[\]]*\s[-–—]\s?[A-Z]{1,3}\])`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [
      { match: R`(?<=\s[-–—]\s?|\s[-–—])[A-Z]{1,3}(?=\])`, name: `keyword.other.translator${S}` },
      { include: '#date' },
      { include: '#time' },
    ],
  },

  // `[kraine bol'shim]`, `[nedovol'stvo]`, `[k bol'shoi voine]`: the original's words, transliterated.
  'bracket-transliteration': {
    name: `comment.block.editorial.transliteration${S}`,
    match: R`(\[)([a-z][a-z ]*['’][a-z' ’]*)(\])`,
    captures: {
      1: { name: `punctuation.definition.bracket.begin${S}` },
      2: { name: `markup.italic.transliteration${S}` },
      3: { name: `punctuation.definition.bracket.end${S}` },
    },
  },

  // `M[inistry of]`, `F[oreign]`: letters the editors supplied inside a word.
  'bracket-expansion': {
    name: `comment.block.editorial.expansion${S}`,
    begin: R`(?<=[A-Za-z])(\[)(?=[a-z])`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
  },

  // `5.7.50 [5 July 1950]`, `[12.50 p.m. 3 October]`, `8 [7] October`: the editors' reading of a date.
  'bracket-date-reading': {
    name: `comment.block.editorial.date-reading${S}`,
    begin: R`(\[)(?=\s*(?:${ANY_DATE}|${ANY_TIME}|\d{1,2})\s*(?:${ANY_DATE}\s*)?\])`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [{ include: '#date' }, { include: '#time' }],
  },

  // Everything else the editors put in brackets: `[Republic of]`, `[telegram]`, `[Stalin]`,
  // `[Central Committee of the Communist Party of China]`, `[Attachment to the Decision …]`.
  'bracket-insertion': {
    name: `comment.block.editorial.insertion${S}`,
    begin: R`(\[)`,
    beginCaptures: { 1: { name: `punctuation.definition.bracket.begin${S}` } },
    end: R`(\])|$`,
    endCaptures: { 1: { name: `punctuation.definition.bracket.end${S}` } },
    patterns: [{ include: '#reference-number' }, { include: '#date' }, { include: '#time' }],
  },

  // `No. 2270`, `# P78/118`, `## 1112-1126`, `#1405/sh`, `No. 244cc`, `Protocol #78`, `_ 373/sh`,
  // `RE: 1405/sh`, `795.00/6–2550`.
  'reference-number': {
    patterns: [
      {
        name: `string.other.reference-number${S}`,
        match: R`(?:\b(Protocol|Decision|Resolution|Order)\s+)?(##?|№|\bNos?\.)\s*([A-Z]{0,2}\d+[A-Za-z]*(?:[-/–][A-Za-z0-9]+)*)`,
        captures: {
          1: { name: `keyword.other.reference-kind${S}` },
          2: { name: `punctuation.definition.reference-number${S}` },
        },
      },
      {
        name: `string.other.reference-number${S}`,
        match: R`(?:^(_)\s*)?\b\d+[/-](?:sh|ssh|ss|s|gi|cc|op|ok)\b`,
        captures: { 1: { name: `punctuation.definition.reference-number${S}` } },
      },
      { name: `string.other.reference-number.file${S}`, match: R`\b\d{3}[A-Z]?\.[0-9A-Z]+/\d+(?:[–-]\d+)*\b` },
    ],
  },

  date: {
    patterns: [
      {
        name: `constant.numeric.date${S}`,
        match: R`\b(\d{1,2})(?:\s*(\[)(\d{1,2})(\]))?\s+(${MONTH})(?:,?\s+(${YEAR})\b)?`,
        captures: {
          2: { name: `comment.block.editorial.date-reading${S} punctuation.definition.bracket.begin${S}` },
          3: { name: `comment.block.editorial.date-reading${S} constant.numeric.date${S}` },
          4: { name: `comment.block.editorial.date-reading${S} punctuation.definition.bracket.end${S}` },
        },
      },
      { name: `constant.numeric.date${S}`, match: MONTH_DAY },
      { name: `constant.numeric.date${S}`, match: MONTH_YEAR },
      { name: `constant.numeric.date${S}`, match: SLASH_DATE },
      { name: `constant.numeric.date${S}`, match: DOT_DATE },
      { name: `constant.numeric.date${S}`, match: ISO_DATE },
    ],
  },

  time: {
    patterns: [
      { name: `constant.numeric.time${S}`, match: CLOCK_TIME },
      { name: `constant.numeric.time${S}`, match: DOT_TIME },
      { name: `constant.numeric.time${S}`, match: HOUR_TIME },
    ],
  },
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Archival Transcription',
  scopeName: 'text.transcription',
  comment: 'Generated by syntaxes/build-grammar.mjs: edit that file, then run `npm run build:grammar`.',
  patterns: [
    { include: '#web-page-residue' },
    { include: '#document-header' },
    { include: '#file-number-title' },
    { include: '#registry-number-line' },
    { include: '#stamp' },
    { include: '#stamp-continuation' },
    { include: '#title-line' },
    { include: '#dateline' },
    { include: '#distribution-list' },
    { include: '#addressees' },
    { include: '#signature-line' },
    { include: '#signature-parenthesised' },
    { include: '#separator' },
    { include: '#inline' },
  ],
  repository,
};

const out = fileURLToPath(new URL('./transcription.tmLanguage.json', import.meta.url));
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('syntaxes/transcription.tmLanguage.json is out of date: run `npm run build:grammar`.');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
