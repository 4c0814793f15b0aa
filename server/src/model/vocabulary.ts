// The words of the sources that more than one recogniser needs, written once. Each list says what
// its words mean to a historian. The recognisers, completion (service/editing.ts) and the
// grammar generator (syntaxes/build-grammar.mjs, which reads the built module) all read them here.

import type { StampAction } from './types.js';

/** Words that make a dateline's place an office rather than a town: `Legation of the United States`, `Congress Chamber`. */
export const INSTITUTION_WORDS = [
  'Legation', 'Embassy', 'Consulate', 'Consulate General', 'Department', 'Ministry', 'Ministère', 'Office', 'Chamber',
  'Headquarters', 'Head Quarters', 'Mission', 'Residence', 'House', 'Palace', 'Hall', 'Camp', 'Court', 'Committee', 'Congress', 'Foreign Office',
];

/** Offices inside an institution (`the 8th Department`, `the Directorate`): a stamp made there keeps the institution's clock. */
export const OFFICE_WORDS = ['Department', 'Directorate', 'Section', 'Division', 'Office', 'Bureau', 'Registry', 'Secretariat'];

/** Small words a place or heading may hold in lower case: `Legation of the United States`, `le 25 Juillet`. */
export const CONNECTIVES = ['of', 'the', 'and', 'at', 'in', 'near', 'on', 'upon', 'de', 'du', 'des', 'la', 'le', 'les', 'au', 'aux', 'am', 'an', 'der', 'zu', 'von', 'for', 'to', 'by', 'from', 'with', 'via', 'a', 'sur'];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A dateline that says there is no date: `American Legation, Stockholm, undated.`, `[Undated]`, `n.d.` */
export const UNDATED = /(?<![\p{L}])(?:undated|not\s+dated|n\.\s?d\.)(?![\p{L}])/iu;

/** Words that open a heading which names a kind of document rather than its parties. */
export const HEADING_WORDS = [
  'Ciphered', 'Coded', 'Telegram', 'Cablegram', 'Cable', 'Letter', 'Memorandum', 'Note', 'Notes', 'Report', 'Decision', 'Resolution',
  'Diary', 'Orders', 'Order', 'Circular', 'Despatch', 'Dispatch', 'Instruction', 'Minutes', 'Record', 'Extract', 'Editorial',
  'Proclamation', 'Address', 'Message', 'Statement', 'Communiqué', 'Directive', 'Protocol', 'Draft',
];

/**
 * The verbs of transmission and registry stamps, each with what it records (`Sent on 26.9.50 at
 * 8:10 a.m.`, `Dec[iphered by] Araushkin`). Those with an action open a stamp the checks read; the
 * others (`Registered`, `Enciphered`, `Copied`) are highlighted as stamps but put in no order.
 */
export const STAMP_VERBS: ReadonlyArray<{ pattern: string; action?: StampAction }> = [
  { pattern: 'Submitted', action: 'submitted' },
  { pattern: 'Sent', action: 'sent' },
  { pattern: 'Received', action: 'received' },
  { pattern: 'Arrived', action: 'arrived' },
  { pattern: 'Transmitted', action: 'transmitted' },
  { pattern: 'Delivered', action: 'delivered' },
  { pattern: 'Dispatched', action: 'sent' },
  { pattern: 'Registered' },
  { pattern: 'Deciphered', action: 'deciphered' },
  { pattern: 'Decoded', action: 'deciphered' },
  { pattern: 'Enciphered' },
  { pattern: 'Encoded' },
  { pattern: 'Coded' },
  { pattern: 'Ciphered' },
  { pattern: 'Typed', action: 'typed' },
  { pattern: 'Copied' },
  { pattern: 'Printed' },
  { pattern: 'Dec\\[iphered(?:\\s+by)?\\]', action: 'deciphered' },
  { pattern: 'Typ\\[ed(?:\\s+by|\\s+in)?\\]', action: 'typed' },
  // The same stamps in the sources' own languages: Russian, French, German.
  { pattern: 'Отправлен[аоы]?', action: 'sent' },
  { pattern: 'Получен[аоы]?', action: 'received' },
  { pattern: 'Поступил[аоы]?', action: 'arrived' },
  { pattern: 'Расшифрован[аоы]?', action: 'deciphered' },
  { pattern: 'Расшифровал[аи]?', action: 'deciphered' },
  { pattern: 'Отпечатан[аоы]?', action: 'typed' },
  { pattern: 'Expédiée?', action: 'sent' },
  { pattern: 'Reçue?', action: 'received' },
  { pattern: 'Déchiffrée?', action: 'deciphered' },
  { pattern: 'Abgesandt', action: 'sent' },
  { pattern: 'Abgegangen', action: 'sent' },
  { pattern: 'Eingegangen', action: 'received' },
  { pattern: 'Angekommen', action: 'arrived' },
];

/** The stamp verbs that open a stamp the checks read, as a regular expression's source. */
export const STAMP_VERB = STAMP_VERBS.filter((v) => v.action).map((v) => v.pattern).join('|');
/** Every stamp verb, for highlighting. */
export const ANY_STAMP_VERB = STAMP_VERBS.map((v) => v.pattern).join('|');

/**
 * The parts of an archive citation, written out or abbreviated, each with what it is in English.
 * A Russian archive's `fond 45, opis 1, delo 331, list 79` is `f. 45, op. 1, d. 331, l. 79` (and
 * `ф. 45, оп. 1, д. 331, л. 79`), with a `papka` (folder) between opis and delo in the foreign
 * ministry's archive; the U.S. National Archives cite record group, entry, box and folder. Which
 * parts an archive's references must give its registry entry may say (`citation:`); a
 * department's reference (`FO 371/84053`) is read by its shape, as `reference`. A volume or a
 * series is a published book's, not an archive's, and is not among them.
 */
export const CITATION_PARTS = [
  { part: 'fond', words: ['fond', 'f\\.', 'ф\\.'], meaning: 'fond', missing: 'fond' },
  { part: 'opis', words: ['opis', 'op\\.', 'оп\\.'], meaning: 'inventory', missing: 'opis' },
  // `p.` is a papka only inside a citation that has a fond or an opis; elsewhere it is a page.
  { part: 'papka', words: ['papka', 'pap\\.', 'p\\.', 'п\\.'], meaning: 'folder (papka)', missing: 'papka' },
  { part: 'delo', words: ['delo', 'd\\.', 'д\\.'], meaning: 'file', missing: 'delo' },
  { part: 'folios', words: ['listy', 'list', 'll\\.', 'l\\.', 'лл\\.', 'л\\.'], meaning: 'folio', missing: 'list(y)' },
  { part: 'record group', words: ['Record Group', 'RG'], meaning: 'record group', missing: 'record group' },
  { part: 'entry', words: ['Entry'], meaning: 'entry', missing: 'entry' },
  { part: 'box', words: ['Box'], meaning: 'box', missing: 'box' },
  { part: 'folder', words: ['Folder'], meaning: 'folder', missing: 'folder' },
  { part: 'reference', words: [], meaning: 'reference', missing: 'reference' },
] as const;

export type CitationPart = (typeof CITATION_PARTS)[number]['part'];

/** The label of a source note, in the languages of the editions: `Source:`, `Источник:`, `Quelle:`. */
export const SOURCE_LABEL = '(?:Sources?|Источник|Quelle|Fuente|Fonte)\\s*:';

/** The parts a Russian archive's reference gives when its registry entry does not say. */
export const RUSSIAN_CITATION: readonly CitationPart[] = ['fond', 'opis', 'delo', 'folios'];

export function citationPart(part: CitationPart): (typeof CITATION_PARTS)[number] {
  return CITATION_PARTS.find((p) => p.part === part)!;
}

/** A citation part's words as a regular expression's source: `(?:fond|f\.)`. */
export function citationWord(part: CitationPart): string {
  return `(?:${(citationPart(part).words as readonly string[]).join('|')})`;
}

/** English month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The abbreviations of English month names the sources write (`Sept.`, `Febr.`), without their full stop. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = { jan: 1, feb: 2, febr: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/**
 * Month names of the sources' other languages, January first: French, German, Spanish, Italian,
 * Portuguese, and Russian in the genitive that follows a day (Cyrillic, and transliterated).
 */
export const MONTHS_OF_OTHER_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  french: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  german: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  spanish: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  italian: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  portuguese: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  russian: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  russianTransliterated: ['yanvarya', 'fevralya', 'marta', 'aprelya', 'maya', 'iyunya', 'iyulya', 'avgusta', 'sentyabrya', 'oktyabrya', 'noyabrya', 'dekabrya'],
};

/** The label over a document printed inside another: `Enclosure:`, `[Inclosure.]`, `Annex`. */
export const ENCLOSURE_LABEL = /^\s*(?:\[\s*)?(?:Enclosures?|Inclosures?|Annex|Appendix)\b/i;

/** How a letter opens: `Dear Sir`, `Sir:`, `Gentlemen`, `Your Excellency`. */
export const SALUTATION = /^\s*(?:(?:My\s+[Dd]|D)ear(?:est)?\s|Sir\b|Sirs\b|Gentlemen\b|Madam\b|Monsieur\b|Excellency\b|Your\s+Excellency\b|Honoured\s|Honored\s)/;

/** `I have the honor to be, Sir, your obedient servant,`: the foot of a letter, not its opening. */
export const COMPLIMENTARY_CLOSE = /^\s*(?:I\s+have\s+the\s+hono(?:u)?r\s+to\s+be|I\s+am\b|Yours|Your\s+(?:most\s+)?(?:obedient|humble)|With\s+(?:respect|regards|great\s+respect))/i;
