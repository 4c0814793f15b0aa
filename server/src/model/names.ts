// Finding the registry's names in transcribed text.
//
// Transcriptions spell the same person many ways: `Stalin`, `STALIN I.V.`, `I.V. Stalin`,
// `A. G R O M Y K O` (letter-spaced, as typed under a signature), `MAO ZEDONG's`, `Ch'óngjin`
// beside `Ch'ŏngjin`. Rather than listing every spelling, both the registry's forms and the text
// are cut into the same normalised words (lower case, no diacritics, no apostrophes, initials as
// separate words), and the forms are kept in a word trie. Scanning a line is then one pass over
// its words, trying at each word the longest form that starts there: linear in the length of the
// line and independent of the size of the registry. Pure: no I/O, never throws.

import { APOSTROPHES, type NameToken, tokenizeName } from './name-words.js';
import type { CoverName, EntryKind, Range, Registry, RegistryEntry } from './types.js';

export { nameKey, type NameToken, tokenizeName } from './name-words.js';

/** One registry name found in the text. */
export interface NameMatch {
  range: Range;
  /** The name as written, without a possessive `'s`. */
  text: string;
  entryId: string;
  entryKind: EntryKind;
}

export interface NameMatcher {
  /**
   * Every registry name in `text`, which is one line of a transcription (`line` is its 0-based
   * line number, used for the ranges). If `text` holds several lines, they are scanned one by one
   * and numbered from `line`; a name never runs across a line break.
   */
  find(text: string, line: number): NameMatch[];
  /**
   * Each form's claims, as the matcher holds them (by the form's words, `~` and the words run
   * together for letter-spaced text): what entries, in what precedence, with what capitals and
   * closing punctuation. Two registries whose signatures agree on a form read it alike.
   */
  signatures(): ReadonlyMap<string, string>;
}

// ---------------------------------------------------------------------------------------------

/** One entry's claim on a form, as stored at the form's last word in the trie. */
interface Claim {
  entry: RegistryEntry;
  /** For abbreviations: the words with their capitals, which the text must match exactly. */
  exact?: string[];
  /** Closing punctuation that belongs to the form (`I.V.`, `VKP(b)`), taken in when present. */
  trailing: string[];
}

interface TrieNode {
  next?: Map<string, TrieNode>;
  /** In order of precedence: the first claim the text satisfies wins. */
  claims?: Claim[];
}

/** Whether `cover` is a cover name that an edition identifies as `person`. */
export function identifies(cover: RegistryEntry, person: RegistryEntry): boolean {
  return cover.kind === 'cover-name' && (cover as CoverName).identifications.some((i) => i.person === person.id);
}

function addClaim(node: TrieNode, claim: Claim): void {
  const claims = (node.claims ??= []);
  const same = claims.find((c) => c.entry === claim.entry && sameExact(c.exact, claim.exact));
  if (same) {
    for (const t of claim.trailing) if (!same.trailing.includes(t)) same.trailing.push(t);
    return;
  }
  // Where a person's entry also lists a cover name, the text's word is the cover name.
  const before = claims.findIndex((c) => identifies(claim.entry, c.entry));
  if (before >= 0) claims.splice(before, 0, claim);
  else claims.push(claim);
}

function child(nodes: Map<string, TrieNode>, key: string): TrieNode {
  let node = nodes.get(key);
  if (!node) nodes.set(key, (node = {}));
  return node;
}

function sameExact(a: string[] | undefined, b: string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.join(' ') === b.join(' '));
}

function abbreviationsOf(entry: RegistryEntry): Set<string> {
  if (entry.kind === 'organisation') return new Set(entry.abbreviations);
  if (entry.kind === 'archive' && entry.abbreviation) return new Set([entry.abbreviation]);
  return new Set();
}

const TRAILING = /^[.)\]]{1,3}$/;

/** Where a match ends: after the form's own closing punctuation if the text has it too. */
function withTrailing(text: string, last: NameToken, claim: Claim): number {
  if (last.end !== last.rawEnd) return last.end; // a possessive ends the name
  let end = last.end;
  for (const t of claim.trailing) if (text.startsWith(t, last.end)) end = Math.max(end, last.end + t.length);
  return end;
}

/**
 * Whether the editorial brackets within a match are closed within it: `MFA [of the] USSR` is one
 * name, but `[Indian Prime Minister Jawaharlal] NEHRU` is the editors' words and the text's.
 */
function balanced(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 91 /* [ */) depth += 1;
    else if (c === 93 /* ] */ && --depth < 0) return false;
  }
  return depth === 0;
}

const GAP_INSIDE_NAME = new RegExp(`^[ \\t\\u00a0.\\-‐‑\\[\\]()/${APOSTROPHES}]{0,8}$`, 'u');

/**
 * A matcher for every form of every entry. Rules, in the historian's terms:
 * - case, diacritics and apostrophes do not matter (`MAO ZEDONG`, `Ch'óngjin` = `Chongjin`),
 *   except that an organisation's or archive's `abbreviations` count only with their capitals,
 *   so that `un` or `am` in running text are not read as the UN;
 * - whole words only: `Stalinist` is not a mention of Stalin, and `Kim` alone is not Kim Il Sung
 *   unless the registry lists `Kim` as a form;
 * - the longest form wins: `Kim Il Sung` over `Kim`, `U.S. Air Force` over `U.S.`;
 * - a possessive `'s` is not part of the name; initials count as words, so `N.V. Roshchin` in
 *   the registry also finds `N. V. Roshchin`;
 * - letter-spaced names (`G O L O V K O`) are read as words;
 * - a name's words are separated only by spaces, `.`, `-`, `/`, brackets or parentheses, never by
 *   a comma or a line break (`Kim, Il` is not a name).
 */
export function buildNameMatcher(registry: Registry): NameMatcher {
  const root: TrieNode = {};
  /** Forms keyed by all their words run together, for uniformly letter-spaced text. */
  const compact = new Map<string, TrieNode>();
  for (const entry of registry.entries) {
    const abbreviations = abbreviationsOf(entry);
    for (const form of entry.forms) {
      const tokens = tokenizeName(form.text);
      if (tokens.length === 0) continue;
      const after = form.text.slice(tokens[tokens.length - 1]!.rawEnd).trim();
      const claim: Claim = { entry, trailing: TRAILING.test(after) ? [after] : [] };
      if (abbreviations.has(form.text)) claim.exact = tokens.map((t) => t.cased);
      let node = root;
      for (const t of tokens) node = child(node.next ??= new Map(), t.key);
      addClaim(node, claim);
      addClaim(child(compact, tokens.map((t) => t.key).join('')), claim.exact ? { ...claim, exact: [claim.exact.join('')] } : claim);
    }
  }

  function pick(node: TrieNode, tokens: NameToken[], from: number): Claim | undefined {
    for (const claim of node.claims ?? []) {
      if (!claim.exact) return claim;
      if (claim.exact.every((w, k) => tokens[from + k]?.cased === w)) return claim;
    }
    return undefined;
  }

  function scanLine(text: string, line: number, out: NameMatch[]): void {
    const tokens = tokenizeName(text);
    let i = 0;
    while (i < tokens.length) {
      let node: TrieNode | undefined = root;
      let best: { last: number; claim: Claim; end: number } | undefined;
      const start = tokens[i]!.start;
      for (let j = i; j < tokens.length; j++) {
        const t = tokens[j]!;
        if (j > i && !GAP_INSIDE_NAME.test(text.slice(tokens[j - 1]!.rawEnd, t.start))) break;
        node = node.next?.get(t.key);
        if (!node) break;
        const claim = pick(node, tokens, i);
        if (!claim) continue;
        const end = withTrailing(text, t, claim);
        if (balanced(text, start, end)) best = { last: j, claim, end };
      }
      if (!best && tokens[i]!.letterSpaced) {
        const c = compact.get(tokens[i]!.key);
        const claim = c && pick(c, tokens, i);
        if (claim) best = { last: i, claim, end: withTrailing(text, tokens[i]!, claim) };
      }
      if (!best) {
        i += 1;
        continue;
      }
      const end = best.end;
      out.push({
        range: { start: { line, character: start }, end: { line, character: end } },
        text: text.slice(start, end),
        entryId: best.claim.entry.id,
        entryKind: best.claim.entry.kind,
      });
      i = best.last + 1;
    }
  }

  let signatures: Map<string, string> | undefined;
  return {
    signatures: () => (signatures ??= claimSignatures(root, compact)),
    find(text: string, line: number): NameMatch[] {
      const out: NameMatch[] = [];
      // A corpus with no registry yet names no one: its lines need not be cut into words.
      if (!root.next) return out;
      try {
        if (!/[\r\n]/.test(text)) {
          scanLine(text, line, out);
        } else {
          text.split(/\r\n|\r|\n/).forEach((l, k) => scanLine(l, line + k, out));
        }
      } catch {
        // A matcher bug must not take the editor down; the names found so far stand.
      }
      return out;
    },
  };
}

function claimSignature(claims: Claim[] | undefined): string {
  return (claims ?? []).map((c) => `${c.entry.id} ${c.entry.kind} ${c.exact?.join(' ') ?? ''} ${c.trailing.join(' ')}`).join('; ');
}

function claimSignatures(root: TrieNode, compact: ReadonlyMap<string, TrieNode>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: TrieNode, path: string): void => {
    if (node.claims) out.set(path, claimSignature(node.claims));
    for (const [key, child] of node.next ?? []) walk(child, path === '' ? key : `${path} ${key}`);
  };
  walk(root, '');
  for (const [joined, node] of compact) out.set(`~${joined}`, claimSignature(node.claims));
  return out;
}

/**
 * The words at which `before` and `after` may read a text differently: the first word of every
 * form whose claims differ (a name can only begin there), and the run-together words of the
 * letter-spaced forms that differ. A line holding none of them is read alike by both.
 */
export function wordsReadDifferently(before: NameMatcher, after: NameMatcher): Set<string> {
  const a = before.signatures();
  const b = after.signatures();
  const out = new Set<string>();
  const note = (form: string) => out.add(form.startsWith('~') ? form.slice(1) : form.split(' ')[0]!);
  for (const [form, claims] of a) if (b.get(form) !== claims) note(form);
  for (const form of b.keys()) if (!a.has(form)) note(form);
  return out;
}
