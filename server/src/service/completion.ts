// Completion while transcribing: one item per person, whichever of their names (own forms, cover
// names) is being typed, and the parts of an archive citation inside `[Source: `.

import type { Corpus } from '../corpus/index.js';
import { nameKey, tokenizeName } from '../model/name-words.js';
import type { Archive, CoverName, EntryKind, Position, Range, Registry, RegistryEntry } from '../model/types.js';
import { citationPart, citationWord, RUSSIAN_CITATION, STAMP_VERB, type CitationPart } from '../model/vocabulary.js';

export interface CompletionData {
  /** The form inserted: the one that matches what was typed, else the entry's name. */
  label: string;
  kind: EntryKind | 'snippet';
  detail?: string;
  /** Beside the label, greyed: whom the form stands for when it is not the name (`Fyn Si` → Iosif Vissarionovich Stalin). */
  description?: string;
  /** The other names that find the same item. */
  documentation?: string;
  /** Plain text, or a snippet with `${1:…}` placeholders when `snippet` is true. */
  insertText: string;
  snippet?: boolean;
  /** Range the completion replaces: the word typed so far. */
  range: Range;
}

export interface CompletionResult {
  items: CompletionData[];
  /** True when the items depend on the letters typed (the editor asks again as they change). */
  incomplete: boolean;
}

/** At most this many names are offered at once. */
const maxItems = 200;

/** In running text, a capitalised word of at least this many letters before anything is offered. */
const runningTextMinimum = 2;

/**
 * Where a name is expected (after `Comrade`, in a header, in a distribution list, after `by` in
 * a stamp), the registry's people, whatever is typed; in running text, the people, places and
 * organisations one of whose names begins as the capitalised word being typed does; inside
 * `[Source: ` the archives, the citation pattern, and the parts of it not yet written.
 */
export function completion(corpus: Corpus, lineText: string, position: Position): CompletionResult {
  const before = lineText.slice(0, position.character);
  const word = /[\p{L}\p{N}'’.-]*$/u.exec(before)![0];
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };

  const source = /\[\s*Source:\s*([^\]]*)$/i.exec(before) ?? /^\s*\[\s*((?:[A-Z][\w ]*,\s*)?(?:fond|f\.)\s[^\]]*)$/i.exec(before);
  if (source) return { items: citationCompletion(corpus, source[1]!, word, range), incomplete: false };

  const header = /^\s*\[?\s*(?:Document|Doc\.)\s*(?:No\.?\s*)?\d+[A-Za-z]?\s*[:.—–-]/i.test(lineText);
  const list = /^\s*(?:Distribution\s+list|Copies|Copy\s+to|Distributed\s+to|To)\b[^:]*:/i.test(lineText);
  const comrade = /\b(?:Comrades?|Comr\.|Com\.|Cmrds?\.?)\s+(?:[\p{L}'’.-]+,\s*)*[\p{L}'’.-]*$/iu.test(before);
  const stampBy = stampByPattern.test(before);
  const expected = header || list || comrade || stampBy;
  // Running text: only a capitalised word, typed at its end (not inside a word), is a name being typed.
  const capitalised = /^\p{Lu}/u.test(word) && word.replace(/[^\p{L}]/gu, '').length >= runningTextMinimum && !/^[\p{L}\p{N}]/u.test(lineText.slice(position.character));
  if (!expected && !capitalised) return { items: [], incomplete: false };
  // Stamps and lists name clerks and officials, not cover names; running text names places too.
  const kinds: ReadonlySet<EntryKind> = new Set(expected ? ['person'] : ['person', 'place', 'organisation']);
  const items: CompletionData[] = [];
  for (const candidate of candidates(corpus, kinds, !(list || stampBy))) {
    const form = bestForm(candidate, word);
    if (form === undefined) continue;
    items.push(toItem(candidate, form, range));
    // The editor asks again at the next letter (incomplete): a list it can show, not an edition's whole cast.
    if (items.length === maxItems) break;
  }
  return { items, incomplete: true };
}

/** An entry offered once, with every name that finds it. */
interface Candidate {
  entry: RegistryEntry;
  /** Its own name first, then its forms, then the cover names that stand for it. */
  forms: string[];
  /** Each form folded as the name matcher folds it (`nameKey`), and its words. */
  keys: Array<{ key: string; words: string[] }>;
  covers: string[];
  detail: string;
}

/** The candidates of a registry, made once per registry and kind of question: completion is asked at every letter. */
const candidatesOf = new WeakMap<Registry, Map<string, Candidate[]>>();

function candidates(corpus: Corpus, kinds: ReadonlySet<EntryKind>, withCovers: boolean): Candidate[] {
  let asked = candidatesOf.get(corpus.registry);
  if (!asked) candidatesOf.set(corpus.registry, (asked = new Map()));
  const question = `${[...kinds].join(' ')} ${withCovers}`;
  let found = asked.get(question);
  if (!found) asked.set(question, (found = candidatesIn(corpus.registry, kinds, withCovers)));
  return found;
}

function candidatesIn(registry: Registry, kinds: ReadonlySet<EntryKind>, withCovers: boolean): Candidate[] {
  const out: Candidate[] = [];
  const coversOf = new Map<string, CoverName[]>();
  for (const e of withCovers ? registry.entries : []) {
    if (e.kind !== 'cover-name') continue;
    for (const person of new Set(e.identifications.map((i) => i.person))) coversOf.set(person, [...(coversOf.get(person) ?? []), e]);
  }
  const borne = new Set<string>();
  const candidate = (entry: RegistryEntry, forms: string[], covers: string[], detail: string): Candidate => ({
    entry,
    forms,
    keys: forms.map((f) => ({ key: nameKey(f), words: tokenizeName(f).map((t) => t.key) })),
    covers,
    detail,
  });
  for (const e of registry.entries) {
    if (!kinds.has(e.kind)) continue;
    const own = [...new Set([e.name, ...e.forms.map((f) => f.text)])];
    const coverEntries = e.kind === 'person' ? (coversOf.get(e.id) ?? []) : [];
    for (const c of coverEntries) borne.add(c.id);
    const covers = coverEntries.flatMap((c) => [c.name, ...c.forms.map((f) => f.text)]);
    const detail = e.kind === 'person' ? (e.role ?? 'person') : e.kind;
    out.push(candidate(e, [...new Set([...own, ...covers])], [...new Set(covers)], detail));
  }
  // A cover name the registry attributes to no one is offered on its own.
  for (const e of withCovers && kinds.has('person') ? registry.entries : []) {
    if (e.kind !== 'cover-name' || borne.has(e.id)) continue;
    out.push(candidate(e, [...new Set([e.name, ...e.forms.map((f) => f.text)])], [], 'cover name, attributed to no one in the registry'));
  }
  return out;
}

/**
 * The name to offer for what is typed: nothing typed, the entry's name; else the first name that
 * begins as typed, else the first with a word that does (`Viss` → `Iosif Vissarionovich`). Folded
 * as the name matcher folds (`zh` finds `Zhou`, `MOL` Molotov, `s` `Š`, `l` `Ł`).
 */
function bestForm(c: Candidate, typed: string): string | undefined {
  if (!typed) return c.entry.name;
  const key = nameKey(typed);
  if (!key) return undefined;
  const starts = c.keys.findIndex((k) => k.key.startsWith(key));
  if (starts >= 0) return c.forms[starts];
  const word = c.keys.findIndex((k) => k.words.some((w) => w.startsWith(key)));
  return word >= 0 ? c.forms[word] : undefined;
}

function toItem(c: Candidate, form: string, range: Range): CompletionData {
  const item: CompletionData = { label: form, kind: c.entry.kind, detail: c.detail, insertText: form, range };
  if (form !== c.entry.name) item.description = c.entry.name;
  const own = c.forms.filter((f) => f !== form && !c.covers.includes(f));
  const covers = c.covers.filter((f) => f !== form);
  const also = [own.length ? `Also written ${own.join(', ')}` : '', covers.length ? `cover name${covers.length > 1 ? 's' : ''} ${covers.join(', ')}` : ''].filter(Boolean).join('; ');
  if (also) item.documentation = `${also}.`;
  return item;
}

/** `Typed by Stepanova`, `Dec[iphered by] Ar…`: a clerk's name is being typed. */
const stampByPattern = new RegExp(`^\\s*(?:\\[\\s*)?(?:${STAMP_VERB})(?![\\p{L}]).*\\bby\\s+[\\p{L}'’.-]*$|^\\s*(?:\\[\\s*)?(?:Dec|Typ)\\[[^\\]]*\\]\\s*[\\p{L}'’.-]*$`, 'iu');

/** How a citation part is written in a completed citation: its first word (`fond`, `opis`, `Record Group`), a folio as `list`. */
function partWord(part: CitationPart): string {
  return part === 'folios' ? 'list' : citationPart(part).words[0]!.replace(/\\/g, '');
}

/** Whether `typed` already gives `part`, written out or abbreviated (`f. 45`, `RG 59`), with a value after it. */
function gives(typed: string, part: CitationPart): boolean {
  let pattern = givenPatterns.get(part);
  if (!pattern) givenPatterns.set(part, (pattern = new RegExp(`(?<![\\p{L}])${citationWord(part)}\\s*\\w`, 'iu')));
  return pattern.test(typed);
}

const givenPatterns = new Map<CitationPart, RegExp>();

function citationCompletion(corpus: Corpus, typed: string, word: string, range: Range): CompletionData[] {
  const out: CompletionData[] = [];
  const archives = corpus.registry.entries.filter((e): e is Archive => e.kind === 'archive');
  const pattern = (parts: readonly CitationPart[]) => parts.map((p, i) => `${partWord(p)} \${${i + 1}}`).join(', ');
  const label = (parts: readonly CitationPart[]) => parts.map((p) => `${partWord(p)} …`).join(', ');
  // What the archive's references give: as its registry entry says, else a Russian archive's four.
  const partsOf = (a: Archive | undefined) => a?.citation ?? RUSSIAN_CITATION;
  if (!typed.includes(',') && !/\b(?:fond|f\.)\s/i.test(typed)) {
    for (const e of archives) {
      out.push({ label: e.abbreviation, kind: 'archive', detail: e.name, insertText: e.abbreviation, range });
      out.push({
        label: `${e.abbreviation}, ${label(partsOf(e))}`,
        kind: 'snippet',
        detail: `citation in ${e.name}`,
        insertText: `${e.abbreviation}, ${pattern(partsOf(e))}`,
        snippet: true,
        range,
      });
    }
    return out;
  }
  // `fond ` typed: the fonds the registry describes for this archive.
  const abbreviation = /^\s*([^,]+?)\s*,/.exec(typed)?.[1];
  const archive = archives.find((a) => a.abbreviation === abbreviation || a.forms.some((f) => f.text === abbreviation)) ?? (archives.length === 1 ? archives[0] : undefined);
  const fond = /\b(?:fond|f\.)\s*(\w*)$/i.exec(typed);
  if (fond && fond[1] === word) {
    for (const c of archive?.collections ?? []) out.push({ label: c.fond, kind: 'archive', detail: c.description, insertText: c.fond, range });
    return out;
  }
  const remaining = partsOf(archive).filter((p) => !gives(typed, p));
  if (remaining.length && /(?:^|,)\s*[\p{L}.]*$/u.test(typed)) {
    out.push({ label: label(remaining), kind: 'snippet', detail: 'the rest of the citation', insertText: pattern(remaining), snippet: true, range });
  }
  return out;
}
