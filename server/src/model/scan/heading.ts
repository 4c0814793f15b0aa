// A heading that opens a document where the file has no `Document N` lines: the editors' or the
// transcriber's title, which names the parties or the kind of document, as a line of its own.
//
//   John Hancock to the New York Committee of Safety      Silas Deane's Diary
//   Ciphered Telegram, Molotov to Vyshinsky                Mr. Adams to Mr. Seward.
//   The Ambassador in India (Henderson) to the Secretary of State
//   ORDERS, No. 12.                                        Proposed Articles of Confederation
//
// A heading is short and is not a sentence: its words are capitalised but for the small words of
// names and titles. Whether it opens a document is decided with what follows it (a dateline), by
// the segmenter, not here.

import { CONNECTIVES, HEADING_WORDS } from '../vocabulary.js';

const small = new Set([...CONNECTIVES, 'and', 'by', "'s", 'et', 'al', 'sr', 'jr']);
/** A kind of document among a heading's first words: `Telegram`, `General Orders`, `Secret Memorandum`. */
const kindWords = HEADING_WORDS.flatMap((w) => [w, w.toUpperCase(), w.toLowerCase()]).join('|');
const headingWord = new RegExp(`^(?:[\\p{Lu}][\\p{L}'’.-]*\\s+){0,3}(?:${kindWords})(?![\\p{L}])`, 'u');

/**
 * A heading as an edition numbers and notes it: `12. Telegram From the Embassy … to the Department
 * of State1` is document 12, titled without the footnote mark run into its last word.
 */
export function numberedHeading(text: string): { number?: string; title: string; titleStart: number } {
  const lead = /^\s*(?:(?<n>\d{1,4}[A-Z]?)\.\s+(?=[\p{Lu}[(]))?/u.exec(text)!;
  const rest = text.slice(lead[0].length).trimEnd();
  const title = rest.replace(/(?<=[\p{Ll})\]])\d{1,3}$/u, '');
  const n = lead.groups?.['n'];
  return n === undefined ? { title, titleStart: lead[0].length } : { number: n, title, titleStart: lead[0].length };
}

export function isHeading(text: string): boolean {
  const t = numberedHeading(text).title;
  if (t.length < 3 || t.length > 200 || /[:;?!]$/.test(t)) return false;
  const words = t.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 24) return false;
  if (!/^\*?[\p{Lu}[(]/u.test(t)) return false;
  // `Home / Collections / Korean War`, `Search | Browse`: a page's navigation.
  if (/\s[/|>»›]\s/.test(t)) return false;
  // A title that opens with the kind of document and names the parties may say more of it after
  // a comma (`Ciphered Telegram No. 20772, Roshchin to Filippov, containing a Message from the
  // Chinese side`); `Message to Ambassador Kennan went out today` is a sentence.
  const described = headingWord.test(t) && namesParties(text) && !t.endsWith('.');
  const titled = described ? t.replace(/(?:,\s+\p{Ll}[^,]*)+$/u, '') : t;
  // A sentence has lower-case words that are not the small words of a title.
  const lower = titled.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !small.has(w.replace(/[.,]$/, '').toLowerCase()));
  if (lower.length > 1) return false;
  // A full stop ends a heading only after a name or a number (`Mr. Seward.`, `No. 12.`), not after prose.
  return isStrongHeading(text) || lower.length === 0;
}

const filedAs = new RegExp(`^(?<where>[^:]{3,120}):\\s*(?:[\\p{Lu}][\\p{L}'’.-]*\\s+){0,2}(?:${kindWords})\\.?\\s*$`, 'u');
/** Where a document is filed: a decimal file (`795.00/4–1753`, `123 Kirk`), a lot or a named series of files. */
const fileLocation = /\d[\d.]*[A-Z]{0,2}(?:\.\S*)?\/\S|^\s*\d{3}[A-Z]{0,2}[.\s]|\b(?:[Ff]iles?|Lot|Papers|Records|Archives?|Memoranda|Dossiers?|Collections?|Microfilm)\b/;

/**
 * A modern edition's line over a heading: where the document is filed, and its kind
 * (`795.00/4–1753: Telegram`, `Microfilm telegram files, “Moscow FY 53”: Telegram`). Not a label
 * with a kind after it (`Enclosure: Note`, `Subject: Draft Directive`, `Paris, 5 May: Telegram`).
 */
export function isFiledAs(text: string): boolean {
  if (text.length > 160) return false;
  const where = filedAs.exec(text.trim())?.groups?.['where'];
  return where !== undefined && fileLocation.test(where);
}

/** A heading by what it says: the parties, or the kind of document (`Ciphered Telegram`, `… 's Diary`). */
export function isStrongHeading(text: string): boolean {
  const t = numberedHeading(text).title;
  return headingWord.test(t) || namesParties(text) || diary.test(t);
}

/** `A to B`, `A to the Secretary of State`: a heading that names sender and recipient. */
export function namesParties(text: string): boolean {
  if (/\sto\s+(?:the\s+)?\p{Lu}/u.test(text)) return true;
  // In capitals only under the edition's number (`1. BEASLEY TO CHIFLEY`): a cable's body is in
  // capitals too (`PLEASE SHOW TO AMBASSADOR DULLES`).
  const { number, title } = numberedHeading(text);
  return number !== undefined && namesPartiesInCapitals(title);
}

/** `BEASLEY TO CHIFLEY`: a heading in capitals, where a separator or the edition's number says it is one. */
export function namesPartiesInCapitals(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\sTO\s+\p{Lu}/u.test(text);
}

/**
 * A papers edition's `To John Jay`, `From George Mason`: the other party of the edition's subject.
 * It is a heading only as a paragraph of its own; in a telegram's head `From Pyongyang` says where
 * it came from.
 */
export function addressesParty(text: string): boolean {
  // `*To WILLIAM TILGHMAN`: an edition's mark before the heading.
  return /^\s*\*?(?:To|From)\s+(?:the\s+)?\p{Lu}/u.test(text) && isHeading(text);
}

/** A title that names at least one party: `A to B`, `Telegram from A`, `Memorandum by the Secretary`, `Memorandum of the Secretary of State`, `Silas Deane's Diary`. */
export function namesAParty(text: string): boolean {
  return namesParties(text) || addressesParty(text) || /\s(?:from|by)\s+(?:the\s+)?\p{Lu}/u.test(text) || /^\S+\s+of\s+the\s+\p{Lu}/u.test(text) || diary.test(text);
}

const diary = /['’]s\s+(?:Diary|Journal|Notes)\b/i;

/** `* * *`, `***`, `———`, `⁂`: a line that separates documents (or marks an omission in one). */
export function isSeparator(text: string): boolean {
  return /^\s*(?:(?:[*⁂•·~=_—–-]\s*){3,}|[*⁂§❦]\s*)$/.test(text);
}

const connectives = new Set(CONNECTIVES);

/**
 * A line of running text: the head of a document (its numbers, classification, labels, dateline,
 * heading) and a signature have no sentence in them; `I request Your consideration.` has (two
 * lower-case words of three letters or more that are not the small words of names: `p. m.` is none).
 */
export function isProse(text: string): boolean {
  if (text.length > 160) return true;
  const lower = (text.match(/(?<![\p{L}'’])\p{Ll}[\p{L}'’]{2,}/gu) ?? []).filter((w) => !connectives.has(w));
  return lower.length >= 2;
}
