// The `Document N:` line: the editors' header, with the document's number and title; and the
// words that name a kind of document at the head of a title.

import type { DocumentType } from '../types.js';

/** `Document 12: …`, `DOCUMENT No. 12. …`, `Doc. 12 — …`. */
// Neither pattern puts two runs of spaces side by side with nothing required between them, and
// the title's closing `]` and spaces are cut in code (`headerTitle`): a line of 64,000 spaces and
// tabs took seconds when they did.
export const headerPattern = /^(\s*(?:\[\s*)?(?:Document|Doc\.)\s*(?:No\.?\s*)?)(\d+[A-Za-z]?)\s*[:.—–-]\s*(\S.*)$/i;
/** The title of a `headerPattern` match: without the spaces and the one `]` that close the line. */
export function headerTitle(m: RegExpExecArray): string {
  const t = m[3]!.trimEnd();
  return t.length > 1 && t.endsWith(']') ? t.slice(0, -1) : t;
}
/** `Document 1:` or `Document 12` alone on its line, its title on the next line. */
/**
 * Whether a line may be a header at all, by its first character: a header's first letter, after
 * spaces and a `[`, is a D; most lines begin otherwise, and are not tried against the patterns.
 */
export function mayBeHeader(text: string): boolean {
  const c = text.charCodeAt(0);
  // Every space `\s` matches is at most U+0020, U+00A0 or from U+1680 on.
  return c === 0x44 || c === 0x64 || c <= 0x20 || c === 0x5b || c === 0xa0 || c >= 0x1680;
}

export const bareHeaderPattern = /^\s*(?:\[\s*)?(?:Document|Doc\.)\s*(?:No\.?\s*)?(\d+[A-Za-z]?)\s*(?:[:.—–-]\s*)?(?:\]\s*)?$/i;

export const documentTypes: Array<[RegExp, DocumentType]> = [
  [/^ciphered\s+(?:telegram|cable|note)\b/i, 'ciphered telegram'],
  [/^(?:шифр(?:ованная\s+)?телеграмма|télégramme\s+chiffré)/iu, 'ciphered telegram'],
  [/^(?:télégramme|telegramm|telegrama|telegramma|телеграмма)(?![\p{L}])/iu, 'telegram'],
  [/^(?:lettre|lettera|письмо)(?![\p{L}])/iu, 'letter'],
  [/^coded\s+telegram\b/i, 'ciphered telegram'],
  [/^draft\s+(?:telegram|cable)\b/i, 'draft telegram'],
  [/^(?:telegram|cablegram|cable)\b/i, 'telegram'],
  [/^letter\b/i, 'letter'],
  [/^memorand(?:um|a)(?:\s+of\s+(?:a\s+)?conversation)?\b/i, 'memorandum'],
  [/^(?:decision|resolution|extract)\b/i, 'decision'],
  [/^(?:note|notes)\b/i, 'note'],
  [/^report\b/i, 'report'],
  [/^editorial\s+note\b/i, 'editorial note'],
];

/**
 * A line of a document's head that names only its kind: `Telegram`, `[Telegram.]`, a file
 * number's `601.4193/3–651: Telegram`, a British `No. 1234 Telegraphic [AN 123/1/50]`.
 */
export function kindNamedInHead(text: string): DocumentType | undefined {
  const t = text.trim();
  // A head's label is short; a long line is text, and is not searched (a run of spaces stays linear).
  if (t.length > 120) return undefined;
  if (/^No\.\s*\d+\s+Telegraphic\b/i.test(t)) return 'telegram';
  let bare = t.slice(t.indexOf(':') + 1).trim();
  if (bare.startsWith('[')) bare = bare.slice(1);
  if (bare.endsWith(']')) bare = bare.slice(0, -1);
  bare = bare.trim().replace(/\.$/, '');
  if (bare === '' || bare.split(/\s+/).length > 3) return undefined;
  return documentTypes.find(([p]) => p.test(bare))?.[1];
}
