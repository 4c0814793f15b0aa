// Senders and recipients from a heading: `<type>[ from] A[ and B] to C[ (via D)]`, with the
// editors' identifications (`Filippov (Stalin)`, `Soviet Ambassador in Beijing (N.V. Roshchin)`)
// and offices that name no person (`the Secretary of State`).

import { range, within } from '../text.js';
import type { Correspondent, NameMention, Range } from '../types.js';
import { documentTypes } from './header.js';
import type { NameMatch } from '../names.js';

/** Words that describe an office, not a person, in a header (`Soviet Ambassador in Beijing`). */
export const roleWords = new Set(
  'state department ministry office consul legation mission headquarters command army navy fleet soviet ambassador comrade comrades com cmrd cmrds minister chairman chinese korean government embassy the of in at for and deputy foreign affairs defense general staff central committee politburo party communist people\'s republic president premier secretary envoy military adviser advisers chief commander'.split(
    ' ',
  ),
);

export function readCorrespondents(parties: string, offset: number, line: number, names: NameMention[]): { from: Correspondent[]; to: Correspondent[] } {
  // Cut the type words and what follows the recipients (`with message for …`, `Approved by …`).
  let text = parties;
  let typeMatch: RegExpExecArray | null = null;
  for (const [p] of documentTypes) if ((typeMatch = p.exec(text))) break;
  let start = 0;
  if (typeMatch) start = typeMatch[0].length;
  // `… to Mr. Bevin (Received 7 March, 9.30 a.m.)`: a received line printed in the heading ends the parties.
  const rest = text.slice(start);
  const tail = /,?\s+(?:with\s+(?:message|draft|a\s+message)|approved\s+by|attaching|conveying|regarding|concerning|on\s+the|[([]\s*received)\b|,\s*$/i.exec(rest);
  // In lower case only: `… to the Transmitting Station` is a recipient.
  const describing = /,?\s+(?:containing|transmitting|enclosing|forwarding)\b/.exec(rest);
  const end = start + Math.min(tail?.index ?? rest.length, describing?.index ?? rest.length);
  text = text.slice(0, end);
  const body = text.slice(start);
  // `Telegram from A to B`; `Memorandum of Conversation, by the Secretary of State`; the
  // telegram's own number is no party (`Ciphered Telegram No. 709, Filippov to Krasovsky`).
  const fromMatch = /^[\s,:]*(?:(?:Special\s+)?(?:No|Nr)\.?\s*\d[\w/.-]*[\s,:]*)?(?:(?:from|by)\s+)?/i.exec(body)!;
  const bodyStart = start + fromMatch[0].length;
  const split = (a: number, b: number) => partiesIn(parties, a, b, offset, line, names);
  // `To John Jay`: a papers edition names only the other party; the heading's `To` is the recipient's,
  // and `To George Washington from John Adams` names the sender after it.
  if (/^\s*\*?To\s/i.test(body)) {
    const to = start + body.search(/To\s/i) + 3;
    const from = topLevelWord(text, 'from', to);
    return from < 0 ? { from: [], to: split(to, text.length) } : { from: split(from + 5, text.length), to: split(to, from) };
  }
  const toMatch = topLevelWord(text, 'to', bodyStart);
  // `Silas Deane's Diary`: the diarist writes it.
  const diarist = toMatch < 0 ? /^(.+?)['’]s\s+(?:Diary|Journal|Notes)\b/i.exec(body.slice(fromMatch[0].length)) : null;
  const fromText = toMatch >= 0 ? [bodyStart, toMatch] : [bodyStart, diarist ? bodyStart + diarist[1]!.length : text.length];
  const toText = toMatch >= 0 ? [toMatch + 3, text.length] : undefined;
  return { from: split(fromText[0]!, fromText[1]!), to: toText ? split(toText[0]!, toText[1]!) : [] };
}

/** `Gromyko and Vasilevsky`, `Kim Il Sung (via Shtykov)`, `Soviet Ambassador in Beijing (N.V. Roshchin)`. */
export function partiesIn(text: string, a: number, b: number, offset: number, line: number, names: NameMention[]): Correspondent[] {
  const out: Correspondent[] = [];
  for (const [s, e] of officeTitles(text, splitTopLevel(text, a, b))) {
    let piece = text.slice(s, e);
    const lead = piece.length - piece.trimStart().length;
    piece = piece.trim().replace(/\s*[,.:;]$/, '');
    if (piece === '') continue;
    const pieceRange = range(line, offset + s + lead, offset + s + lead + piece.length);
    const via = /^\(?\s*via\s+/i.exec(piece);
    const inPiece = names.filter((n) => within(n.range, pieceRange) && (n.entryKind === 'person' || n.entryKind === 'cover-name'));
    const bracketOf = (n: NameMention) => bracketDepthAt(text, n.range.start.character - offset) > 0;
    const outside = inPiece.filter((n) => !bracketOf(n) && !inPiece.some((o) => o.identification?.range && within(n.range, o.identification.range)));
    const viaPieces = /\(\s*via\s+([^)]*)\)/i.exec(piece);
    const main = outside[0] ?? inPiece.find((n) => !(viaPieces && within(n.range, rangeOfSub(pieceRange, viaPieces.index, viaPieces[0].length))));
    if (main) {
      const c: Correspondent = { text: main.text, range: main.range };
      c.entryId = main.entryId;
      if (main.identification) c.identification = main.identification;
      if (!outside.includes(main)) {
        // `Soviet Ambassador in Beijing (N.V. Roshchin)`: the office is described, the editors name the person.
        const description = piece.slice(0, piece.search(/[([]/)).trim();
        c.text = description || main.text;
        c.range = description ? rangeOfSub(pieceRange, 0, description.length) : main.range;
        c.identification = { text: main.text, range: main.range, entryId: main.entryId };
      }
      if (via) c.via = true;
      out.push(c);
    } else if (!via) {
      // No one the registry knows: a name is still a name (`Smirnov`), and an office with the
      // editors' identification (`The Ambassador in Korea (Muccio)`) names a person too.
      const bracket = /[([]\s*([^)\]]+?)\s*[)\]]/.exec(piece);
      const description = bracket ? piece.slice(0, bracket.index).trim() : piece;
      if (bracket && isNameLike(bracket[1]!, [])) {
        const idRange = rangeOfSub(pieceRange, bracket.index + bracket[0].indexOf(bracket[1]!), bracket[1]!.length);
        out.push({ text: description || bracket[1]!, range: description ? rangeOfSub(pieceRange, 0, description.length) : idRange, identification: { text: bracket[1]!, range: idRange } });
      } else if (isNameLike(description, names.filter((n) => within(n.range, pieceRange)).map((n) => n.text))) {
        out.push({ text: piece, range: pieceRange });
      } else if (!names.some((n) => within(n.range, pieceRange))) {
        out.push({ text: piece, range: pieceRange, office: true });
      }
    }
    if (viaPieces && !via) {
      const viaRange = rangeOfSub(pieceRange, viaPieces.index + viaPieces[0].indexOf(viaPieces[1]!), viaPieces[1]!.trim().length);
      const viaName = inPiece.find((n) => within(n.range, viaRange));
      out.push({ text: viaPieces[1]!.trim(), range: viaRange, entryId: viaName?.entryId, via: true });
    }
  }
  return out;
}

/** A person's name rather than an office: a capitalised word that is no office word or known name. */
export function isNameLike(text: string, knownNames: string[]): boolean {
  if (/^the\s/i.test(text)) return false;
  return text
    .split(/\s+/)
    .filter(Boolean)
    .some((w) => /^[A-Z]/.test(w) && !roleWords.has(w.toLowerCase().replace(/[.,]$/, '')) && !knownNames.some((n) => n.includes(w)));
}

/**
 * The matcher's names as mentions. Written out field by field rather than spread: a spread
 * gives each of the corpus's many names a second block of memory for its fields.
 */
export function nameMentions(found: NameMatch[]): NameMention[] {
  return found.map((n) => ({ kind: 'name', range: n.range, text: n.text, entryId: n.entryId, entryKind: n.entryKind }));
}
// A field added to NameMatch must be added above: this fails to compile until it is.
const everyField: Exclude<keyof NameMatch, 'range' | 'text' | 'entryId' | 'entryKind'> extends never ? true : never = true;
void everyField;

/** `Filippov (Stalin)`, `MATVEYEV [ZAKHAROV]`, `Fyn Si [Stalin]`: a name the editors identify. */
export function linkIdentifications(text: string, names: NameMention[]): void {
  for (let i = 0; i < names.length - 1; i++) {
    const name = names[i]!;
    const next = names[i + 1]!;
    const between = text.slice(name.range.end.character, next.range.start.character);
    if (!/^\s*[([]\s*$/.test(between)) continue;
    const close = text.slice(next.range.end.character).match(/^\s*[)\]]/);
    if (!close) continue;
    // A person identifies a person or a cover name; a place, a place (`Chemulp'o [Inchon]`):
    // `Beijing (N.V. Roshchin)` is a place followed by someone else.
    const bearer = name.entryKind === 'cover-name' ? 'person' : name.entryKind;
    if (next.entryKind !== bearer) continue;
    const open = name.range.end.character + between.indexOf(between.trim());
    name.identification = {
      range: range(name.range.start.line, open, next.range.end.character + close[0].length),
      text: next.text,
      entryId: next.entryId,
    };
  }
}

export function rangeOfSub(pieceRange: Range, start: number, length: number): Range {
  const s = pieceRange.start.character + start;
  return range(pieceRange.start.line, s, s + length);
}

export function bracketDepthAt(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  return depth;
}

/** Index of ` word ` outside brackets, searching from `from`; -1 if none. */
export function topLevelWord(text: string, word: string, from: number): number {
  const re = new RegExp(`\\s${word}\\s`, 'gi');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (bracketDepthAt(text, m.index) === 0) return m.index + 1;
  }
  return -1;
}

/** Splits `A and B, C` at top level (outside brackets). */
export function splitTopLevel(text: string, a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = a;
  let depth = 0;
  for (let i = a; i < b; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === ',') {
      out.push([start, i]);
      start = i + 1;
    } else if (depth === 0 && /\sand\s/i.test(text.slice(i - 1, i + 4)) && c === 'a') {
      out.push([start, i - 1]);
      start = i + 3;
    }
  }
  out.push([start, b]);
  return out;
}

/**
 * `The Commander in Chief, Far East`: a comma inside an office's title, not between two parties.
 * A piece after an office (`The …`) that is a short run of capitalised words with no brackets
 * and no name of its own continues the office's title.
 */
function officeTitles(text: string, pieces: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [s, e] of pieces) {
    const previous = out[out.length - 1];
    const piece = text.slice(s, e).trim();
    const continues = previous && /^the\s/i.test(text.slice(previous[0], previous[1]).trim()) && text[s - 1] === ',' && /^(?:[A-Z][\w.'’-]*\s?){1,3}$/.test(piece) && !/^the\s/i.test(piece);
    if (continues) previous[1] = e;
    else out.push([s, e]);
  }
  return out;
}
