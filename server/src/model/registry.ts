// Loading the registry: the editors' list of people, cover names, places, organisations and
// archives, written in YAML (see README, "The registry").
//
// The registry is edited by hand, so it is often half-written. Loading is pure (the caller reads
// the files), never throws, and keeps whatever it can: a bad field drops that field, a bad entry
// drops that entry, a YAML syntax error keeps what the yaml package could still read. Every entry
// and every name form keeps its place in its file (0-based lines and UTF-16 characters, as in
// LSP), so that hovers can point to the definition and problems to the line to fix.

import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Pair, Scalar, YAMLMap } from 'yaml';
import { firstDay, lastDay } from './dates.js';
import { identifies, nameKey } from './names.js';
import { readPlainYaml } from './registry-yaml.js';
import { CITATION_PARTS, type CitationPart } from './vocabulary.js';
import { article, at, describe, hint, isIanaZone, kebab, parseRegistryDate, parseUtcOffset, unclosedBefore } from './registry-values.js';

export { parseRegistryDate, parseUtcOffset };
import type {
  Archive,
  ArchiveCollection,
  CoverName,
  CoverNameIdentification,
  EntryKind,
  NameForm,
  Organisation,
  Person,
  Place,
  Range,
  Registry,
  RegistryEntry,
  RegistryProblem,
  Severity,
  SourceLocation,
} from './types.js';

/** The sections of a registry file and the kind of entry each holds. */
const SECTIONS: Record<string, EntryKind> = {
  people: 'person',
  'cover-names': 'cover-name',
  places: 'place',
  organisations: 'organisation',
  organizations: 'organisation',
  archives: 'archive',
};
const SECTION_NAMES = ['people', 'cover-names', 'places', 'organisations', 'archives'];

const COMMON_FIELDS = ['id', 'name', 'forms', 'note', 'url', 'wikidata'];
const FIELDS: Record<EntryKind, string[]> = {
  person: [...COMMON_FIELDS, 'role', 'born', 'died'],
  'cover-name': [...COMMON_FIELDS, 'identifications'],
  place: [...COMMON_FIELDS, 'zone', 'utc-offset', 'country'],
  organisation: [...COMMON_FIELDS, 'abbreviations'],
  archive: [...COMMON_FIELDS, 'abbreviation', 'collections', 'citation'],
};
const IDENTIFICATION_FIELDS = ['person', 'from', 'to', 'authority'];
const COLLECTION_FIELDS = ['fond', 'description'];

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WIKIDATA = /^Q[1-9][0-9]*$/;
const HTTP_URL = /^https?:\/\/\S+$/;

/** The registry in `files` (each already read by the caller). Never throws. */
export function loadRegistry(files: Array<{ file: string; text: string }>): Registry {
  const loader = new Loader();
  for (const f of files ?? []) {
    const file = typeof f?.file === 'string' ? f.file : String(f?.file);
    loader.files.push(file);
    try {
      loader.loadFile(file, typeof f?.text === 'string' ? f.text : '');
    } catch {
      loader.problems.push({
        file,
        code: 'registry-syntax',
        severity: 'error',
        range: at(0, 0),
        message: 'The registry file could not be read to the end: Marginalia failed on something in it. The entries read so far are kept; please report this file.',
      });
    }
  }
  try {
    loader.checkReferences();
    loader.checkAmbiguousForms();
  } catch {
    // The cross-checks are advice; the entries stand without them.
  }
  return { entries: loader.entries, byId: loader.byId, problems: loader.problems, files: loader.files };
}

// ---------------------------------------------------------------------------------------------

/** Where a cover name's identification names a person, checked once all files are read. */
interface PendingReference {
  from: RegistryEntry;
  id: string;
  location: SourceLocation;
  what: 'identification' | 'country';
}

class Loader {
  entries: RegistryEntry[] = [];
  byId = new Map<string, RegistryEntry>();
  problems: RegistryProblem[] = [];
  files: string[] = [];
  private idLocations = new Map<string, SourceLocation>();
  private references: PendingReference[] = [];

  // Per-file state.
  private file = '';
  private lines = new LineCounter();
  private text = '';
  private doc: Document.Parsed | undefined;

  loadFile(file: string, text: string): void {
    const before = this.problems.length;
    try {
      this.readFile(file, text);
    } finally {
      // A node the YAML parser already complained about needs no second message at the same spot.
      const mine = this.problems.slice(before);
      const syntax = new Set(mine.filter((p) => p.code === 'registry-syntax').map((p) => `${p.range.start.line}:${p.range.start.character}`));
      if (syntax.size > 0) {
        this.problems.splice(before, mine.length, ...mine.filter((p) => p.code === 'registry-syntax' || !syntax.has(`${p.range.start.line}:${p.range.start.character}`)));
      }
    }
  }

  private readFile(file: string, text: string): void {
    this.file = file;
    this.text = text;
    this.lines = new LineCounter();
    const plain = readPlainYaml(text, this.lines); // the plain YAML of most registries, read quickly
    const doc = (this.doc = plain === undefined ? parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true }) : undefined);
    for (const e of doc?.errors ?? []) {
      // An unclosed `[` or `{` is noticed where the parser gives up, often lines later: point at
      // the bracket the editor must close.
      const closer = /end with a ([\]}])/.exec(e.message)?.[1];
      const opener = closer ? unclosedBefore(text, e.pos[0], closer === ']' ? '[' : '{', closer) : undefined;
      if (opener !== undefined) this.syntax([opener, opener + 1], `This "${closer === ']' ? '[' : '{'}" is not closed: ${e.message.split(' at line')[0]}`, 'error');
      else this.syntax(e.pos, e.message, 'error');
    }
    for (const w of doc?.warnings ?? []) this.syntax(w.pos, w.message, 'warning');

    const top = doc ? doc.contents : plain;
    if (top === null || (isScalar(top) && top.value === null)) return; // an empty file
    if (!isMap(top)) {
      this.report('registry-malformed', 'error', top, `A registry file is a map of sections (${SECTION_NAMES.join(', ')}); this file holds ${describe(top)}.`);
      return;
    }
    for (const pair of top.items) {
      const name = this.keyText(pair);
      if (name === undefined) {
        this.report('registry-malformed', 'warning', pair.key ?? pair.value, `A section name should be text, such as "people"; this one is ignored.`);
        continue;
      }
      const kind = Object.hasOwn(SECTIONS, name) ? SECTIONS[name] : undefined;
      if (!kind) {
        this.report('registry-malformed', 'warning', pair.key, `Unknown section "${name}"${hint(name, SECTION_NAMES, 'sections')} Its entries are ignored.`);
        continue;
      }
      const value = this.resolve(pair.value);
      if (value === null || value === undefined || (isScalar(value) && value.value === null)) continue;
      if (!isSeq(value)) {
        this.report('registry-malformed', 'error', value ?? pair.key, `The section "${name}" should be a list of entries, each beginning with "- id:"; it holds ${describe(value)}.`);
        continue;
      }
      for (const item of value.items) {
        try {
          this.loadEntry(kind, name, this.resolve(item), item);
        } catch {
          this.report('registry-malformed', 'error', item, 'This entry could not be read, and is ignored: Marginalia failed on something in it (please report the entry). The other entries are read.');
        }
      }
    }
  }

  // ----- one entry

  private loadEntry(kind: EntryKind, section: string, node: unknown, original: unknown): void {
    if (!isMap(node)) {
      this.report('registry-malformed', 'error', original, `An entry in "${section}" should be a map of fields (id, name, forms, …); this one is ${describe(node)}, and is ignored.`);
      return;
    }
    const fields = new Map<string, Pair>();
    for (const pair of node.items) {
      const key = this.keyText(pair);
      if (key === undefined) {
        this.report('registry-malformed', 'warning', pair.key ?? pair.value, `A field name should be text; this field is ignored.`);
      } else if (!FIELDS[kind].includes(key)) {
        this.report('registry-malformed', 'warning', pair.key, `Unknown field "${key}" in an entry of "${section}"${hint(key, FIELDS[kind], 'fields')} It is ignored.`);
      } else {
        fields.set(key, pair);
      }
    }
    const firstKey = node.items[0]?.key ?? node;

    // id: the handle by which transcriptions, cover names and other entries refer to the entry.
    const idPair = fields.get('id');
    const nameText = this.text_(fields.get('name'), 'name', '');
    const idNode = idPair ? this.resolve(idPair.value) : undefined;
    if (!idPair || (isScalar(idNode) && idNode.value === null)) {
      const hint = nameText ? ` Add "id: ${kebab(nameText.value)}".` : '';
      this.report('registry-malformed', 'error', idPair?.key ?? firstKey, `This entry in "${section}" has no id, and is ignored.${hint}`);
      return;
    }
    if (!isScalar(idNode) || typeof idNode.value === 'object') {
      this.report('registry-malformed', 'error', idNode ?? idPair.key, `The id should be a word such as "stalin"; this one is ${describe(idNode)}. The entry is ignored.`);
      return;
    }
    const id = this.scalarText(idNode);
    const idLocation = this.location(idNode);
    if (!KEBAB.test(id)) {
      this.report('registry-malformed', 'warning', idNode, `The id "${id}" should be kebab-case: lower-case letters and digits joined by hyphens, such as "${kebab(id) || 'stalin'}".`);
    }
    const first = this.idLocations.get(id);
    if (first) {
      const where = first.file === this.file ? `line ${first.range.start.line + 1}` : `${first.file}, line ${first.range.start.line + 1}`;
      this.report('registry-duplicate', 'error', idNode, `The id "${id}" is already used by the entry at ${where}; this second entry is ignored.`, {
        ...first,
        message: `First definition of "${id}"`,
      });
      return;
    }

    // name and forms: every way the sources write the entry, the canonical name first.
    const forms: NameForm[] = [];
    const addForm = (text: string, location: SourceLocation | undefined, node: unknown): void => {
      if (forms.some((f) => f.text === text)) return;
      if (nameKey(text) === '') {
        this.report('registry-malformed', 'warning', node, `The form "${text}" of ${id} has no letters or digits, and would never be found in a transcription.`);
        return;
      }
      forms.push(location ? { text, location } : { text });
    };
    const formList = this.textList(fields.get('forms'), 'forms', id);
    let name = nameText?.value;
    if (nameText) addForm(nameText.value, nameText.location, this.resolve(fields.get('name')?.value));
    if (name === undefined) {
      if (formList.length === 0) {
        this.report('registry-malformed', 'error', idNode, `${id} has neither a name nor forms, and is ignored.`);
        return;
      }
      name = formList[0]!.value;
      this.report('registry-malformed', 'warning', idNode, `${id} has no name; its first form "${name}" is used.`);
    }
    for (const f of formList) addForm(f.value, f.location, f.node);

    const location: SourceLocation = { file: this.file, range: this.entryRange(node) };
    const base = { id, name, forms, location };
    const note = this.text_(fields.get('note'), 'note', id)?.value;
    const url = this.text_(fields.get('url'), 'url', id);
    const wikidata = this.text_(fields.get('wikidata'), 'wikidata', id);
    const common: Partial<Pick<RegistryEntry, 'note' | 'url' | 'wikidata'>> = {};
    if (note !== undefined) common.note = note;
    if (url) {
      if (HTTP_URL.test(url.value)) common.url = url.value;
      else this.report('registry-malformed', 'warning', url.node, `The url of ${id} should begin with http:// or https://; "${url.value}" is ignored.`);
    }
    if (wikidata) {
      if (WIKIDATA.test(wikidata.value)) common.wikidata = wikidata.value;
      else this.report('registry-malformed', 'warning', wikidata.node, `The wikidata identifier of ${id} should be an item such as Q855; "${wikidata.value}" is ignored.`);
    }

    let entry: RegistryEntry;
    switch (kind) {
      case 'person': {
        const p: Person = { kind, ...base, ...common };
        const role = this.text_(fields.get('role'), 'role', id);
        const born = this.text_(fields.get('born'), 'born', id);
        const died = this.text_(fields.get('died'), 'died', id);
        if (role) p.role = role.value;
        if (born) p.born = born.value;
        if (died) p.died = died.value;
        entry = p;
        break;
      }
      case 'place': {
        const p: Place = { kind, ...base, ...common };
        // One offset, or a list where the period's clocks changed (summer time): checks allow each.
        const offsets: number[] = [];
        for (const offset of this.textList(fields.get('utc-offset'), 'utc-offset', id)) {
          const minutes = parseUtcOffset(offset.value);
          if (minutes === undefined) {
            this.report('registry-malformed', 'warning', offset.node, `The utc-offset of ${id} should read like "+03:00"; "${offset.value}" is ignored.`);
          } else {
            offsets.push(minutes);
          }
        }
        if (offsets.length > 0) {
          p.utcOffsetMinutes = offsets[0]!;
          p.utcOffsetsMinutes = offsets;
        }
        // `zone: Asia/Seoul`: the offset in force on each date comes from the IANA database.
        const zone = this.text_(fields.get('zone'), 'zone', id);
        if (zone && isIanaZone(zone.value)) p.zone = zone.value;
        else if (zone) this.report('registry-malformed', 'warning', zone.node, `The zone of ${id} should be an IANA time zone such as "Asia/Seoul"; "${zone.value}" is not one and is ignored.`);
        const country = this.text_(fields.get('country'), 'country', id);
        if (country) {
          p.country = country.value;
          this.references.push({ from: p, id: country.value, location: country.location, what: 'country' });
        }
        entry = p;
        break;
      }
      case 'organisation': {
        const abbreviations = this.textList(fields.get('abbreviations'), 'abbreviations', id);
        for (const a of abbreviations) addForm(a.value, a.location, a.node);
        const o: Organisation = { kind, ...base, ...common, abbreviations: abbreviations.map((a) => a.value) };
        entry = o;
        break;
      }
      case 'archive': {
        const abbreviation = this.text_(fields.get('abbreviation'), 'abbreviation', id);
        if (abbreviation) addForm(abbreviation.value, abbreviation.location, abbreviation.node);
        const collections = this.collections(fields.get('collections'), id);
        const a: Archive = { kind, ...base, ...common, abbreviation: abbreviation?.value ?? '', collections, ...this.citation(fields.get('citation'), id) };
        entry = a;
        break;
      }
      case 'cover-name': {
        const c: CoverName = { kind, ...base, ...common, identifications: [] };
        c.identifications = this.identifications(fields.get('identifications'), c, idNode);
        entry = c;
        break;
      }
    }
    this.entries.push(entry);
    this.byId.set(id, entry);
    this.idLocations.set(id, idLocation);
  }

  private identifications(pair: Pair | undefined, cover: CoverName, idNode: unknown): CoverNameIdentification[] {
    const value = this.resolve(pair?.value);
    if (!pair || value === null || value === undefined || (isScalar(value) && value.value === null)) {
      this.report('registry-malformed', 'warning', pair?.key ?? idNode, `The cover name ${cover.id} has no identifications: say whom it stands for, from when to when, on whose authority.`);
      return [];
    }
    // One identification may be written without the list.
    const items = isSeq(value) ? value.items : isMap(value) ? [value] : undefined;
    if (!items) {
      this.report('registry-malformed', 'warning', value, `The identifications of ${cover.id} should be a list of maps (person, from, to, authority); they hold ${describe(value)}.`);
      return [];
    }
    const out: CoverNameIdentification[] = [];
    for (const raw of items) {
      const item = this.resolve(raw);
      if (!isMap(item)) {
        this.report('registry-malformed', 'warning', raw, `An identification of ${cover.id} should be a map (person, from, to, authority); this one is ${describe(item)}, and is ignored.`);
        continue;
      }
      const fields = this.knownFields(item, IDENTIFICATION_FIELDS, `an identification of ${cover.id}`);
      const person = this.text_(fields.get('person'), 'person', cover.id);
      if (!person) {
        this.report('registry-malformed', 'warning', item.items[0]?.key ?? item, `An identification of ${cover.id} names no person, and is ignored.`);
        continue;
      }
      const identification: CoverNameIdentification = { person: person.value, authority: '' };
      const authority = this.text_(fields.get('authority'), 'authority', cover.id);
      if (authority) identification.authority = authority.value;
      else this.report('registry-malformed', 'warning', person.node, `The identification of ${cover.id} as ${person.value} cites no authority: name the edition or study that makes it.`);
      for (const end of ['from', 'to'] as const) {
        const d = this.text_(fields.get(end), end, cover.id);
        if (!d) continue;
        const date = parseRegistryDate(d.value);
        if (date) identification[end] = date;
        else this.report('registry-malformed', 'warning', d.node, `The date "${d.value}" (${end}) of the identification of ${cover.id} as ${person.value} should read 1950, 1950-07 or 1950-07-05; it is ignored.`);
      }
      if (identification.from && identification.to && firstDay(identification.from) > lastDay(identification.to)) {
        this.report('registry-malformed', 'warning', fields.get('to')?.value, `The identification of ${cover.id} as ${person.value} ends (${this.text_(fields.get('to'), 'to', cover.id)?.value}) before it begins (${this.text_(fields.get('from'), 'from', cover.id)?.value}).`);
      }
      this.references.push({ from: cover, id: person.value, location: person.location, what: 'identification' });
      out.push(identification);
    }
    return out;
  }

  private collections(pair: Pair | undefined, id: string): ArchiveCollection[] {
    const value = this.resolve(pair?.value);
    if (!pair || value === null || value === undefined || (isScalar(value) && value.value === null)) return [];
    if (!isSeq(value)) {
      this.report('registry-malformed', 'warning', value, `The collections of ${id} should be a list of maps (fond, description); they hold ${describe(value)}.`);
      return [];
    }
    const out: ArchiveCollection[] = [];
    for (const raw of value.items) {
      const item = this.resolve(raw);
      if (!isMap(item)) {
        this.report('registry-malformed', 'warning', raw, `A collection of ${id} should be a map (fond, description); this one is ${describe(item)}, and is ignored.`);
        continue;
      }
      const fields = this.knownFields(item, COLLECTION_FIELDS, `a collection of ${id}`);
      const fond = this.text_(fields.get('fond'), 'fond', id);
      if (!fond) {
        this.report('registry-malformed', 'warning', item.items[0]?.key ?? item, `A collection of ${id} names no fond, and is ignored.`);
        continue;
      }
      out.push({ fond: fond.value, description: this.text_(fields.get('description'), 'description', id)?.value ?? '' });
    }
    return out;
  }

  /** `citation: [fond, opis, papka, delo, folios]`: the parts this archive's references give. */
  private citation(pair: Pair | undefined, id: string): { citation?: CitationPart[] } {
    if (!pair) return {};
    const known = CITATION_PARTS.map((p) => p.part as string);
    const parts: CitationPart[] = [];
    for (const item of this.textList(pair, 'citation', id)) {
      const part = item.value.trim().toLowerCase();
      if (known.includes(part)) parts.push(part as CitationPart);
      else this.report('registry-malformed', 'warning', item.node, `"${item.value}" is not a part of a citation Marginalia reads${hint(part, known, 'parts')}`);
    }
    return { citation: parts };
  }

  private knownFields(map: YAMLMap, known: string[], what: string): Map<string, Pair> {
    const fields = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = this.keyText(pair);
      if (key !== undefined && known.includes(key)) fields.set(key, pair);
      else this.report('registry-malformed', 'warning', pair.key ?? pair.value, `Unknown field${key === undefined ? '' : ` "${key}"`} in ${what}${hint(key ?? '', known, 'fields')} It is ignored.`);
    }
    return fields;
  }

  // ----- after all files

  checkReferences(): void {
    for (const ref of this.references) {
      const target = this.byId.get(ref.id);
      if (ref.what === 'identification') {
        if (!target) {
          this.problem('registry-malformed', 'warning', ref.location, `The cover name ${ref.from.id} is identified as "${ref.id}", which is no id in the registry.`);
        } else if (target.kind !== 'person') {
          this.problem('registry-malformed', 'warning', ref.location, `The cover name ${ref.from.id} is identified as ${ref.id}, which is ${article(target.kind)}, not a person.`);
        }
      } else if (!target || target.kind !== 'place') {
        this.problem('registry-malformed', 'warning', ref.location, `The country of ${ref.from.id} should be the id of a place in the registry; "${ref.id}" is ${target ? article(target.kind) : 'not an id in the registry'}.`);
      }
    }
  }

  /**
   * One form claimed by two entries makes every mention of it a guess. A cover name and the
   * person it is identified as may share a form (`Filippov` listed under Stalin too): that is
   * the identification, not a clash.
   */
  checkAmbiguousForms(): void {
    const claimants = new Map<string, Array<{ entry: RegistryEntry; form: NameForm }>>();
    for (const entry of this.entries) {
      const seen = new Set<string>();
      for (const form of entry.forms) {
        const key = nameKey(form.text);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        const earlier = claimants.get(key) ?? [];
        const rival = earlier.find((c) => !identifies(c.entry, entry) && !identifies(entry, c.entry));
        if (rival) {
          const here = form.location;
          const there = rival.form.location;
          const as = rival.form.text !== form.text ? `, as "${rival.form.text}"` : '';
          const where = there ? `${there.file === here?.file ? '' : `${there.file}, `}line ${there.range.start.line + 1}${as}` : `no line${as}`;
          const mine = here ? ` (line ${here.range.start.line + 1})` : '';
          const message = `The form "${form.text}" is claimed by both ${rival.entry.id} (${where}) and ${entry.id}${mine}; transcriptions will link it to ${rival.entry.id}. Keep it under one entry, or make one a cover name identified as the other.`;
          if (here) {
            this.problems.push({
              file: here.file,
              code: 'registry-ambiguous-alias',
              severity: 'warning',
              range: here.range,
              message,
              ...(there ? { related: { ...there, message: `"${rival.form.text}" is a form of ${rival.entry.id}` } } : {}),
            });
          }
        }
        earlier.push({ entry, form });
        claimants.set(key, earlier);
      }
    }
  }

  // ----- helpers over YAML nodes

  private resolve(node: unknown): unknown {
    if (isAlias(node) && this.doc) {
      try {
        return node.resolve(this.doc) ?? null;
      } catch {
        return null;
      }
    }
    return node;
  }

  private keyText(pair: Pair): string | undefined {
    const key = this.resolve(pair.key);
    if (isScalar(key) && key.value !== null && typeof key.value !== 'object') return this.scalarText(key).trim();
    return undefined;
  }

  /** A scalar's value as text: numbers as written (`1950`, `03`), not as JavaScript prints them. */
  private scalarText(node: Scalar): string {
    if (typeof node.value === 'string') return node.value;
    if (typeof node.source === 'string' && node.type === 'PLAIN') return node.source;
    return String(node.value);
  }

  /** A field that should hold text. Lists and maps are reported and ignored; empty is absent. */
  private text_(pair: Pair | undefined, field: string, owner: string):
    | { value: string; location: SourceLocation; node: unknown }
    | undefined {
    if (!pair) return undefined;
    const node = this.resolve(pair.value);
    if (node === null || node === undefined) return undefined;
    if (!isScalar(node) || (node.value !== null && typeof node.value === 'object')) {
      this.report('registry-malformed', 'warning', node, `The field "${field}"${owner ? ` of ${owner}` : ''} should be text; it holds ${describe(node)}, and is ignored.`);
      return undefined;
    }
    if (node.value === null) return undefined;
    const value = this.scalarText(node).trim();
    if (value === '') return undefined;
    return { value, location: this.location(node), node };
  }

  /** A field that should hold a list of texts; one text alone is taken as a list of one. */
  private textList(pair: Pair | undefined, field: string, owner: string): Array<{ value: string; location: SourceLocation; node: unknown }> {
    if (!pair) return [];
    const node = this.resolve(pair.value);
    if (node === null || node === undefined || (isScalar(node) && node.value === null)) return [];
    if (isScalar(node)) {
      const t = this.text_(pair, field, owner);
      return t ? [t] : [];
    }
    if (!isSeq(node)) {
      this.report('registry-malformed', 'warning', node, `The field "${field}" of ${owner} should be a list of names; it holds ${describe(node)}, and is ignored.`);
      return [];
    }
    const out: Array<{ value: string; location: SourceLocation; node: unknown }> = [];
    for (const raw of node.items) {
      const item = this.resolve(raw);
      if (!isScalar(item) || (item.value !== null && typeof item.value === 'object')) {
        this.report('registry-malformed', 'warning', raw, `Each of the ${field} of ${owner} should be a name; this one is ${describe(item)}, and is ignored.`);
        continue;
      }
      if (item.value === null) continue;
      const value = this.scalarText(item).trim();
      if (value === '') {
        this.report('registry-malformed', 'warning', raw, `An empty name in the ${field} of ${owner} is ignored.`);
        continue;
      }
      out.push({ value, location: this.location(item), node: item });
    }
    return out;
  }

  /** The range of a scalar's text, inside its quotes when it has them. */
  private location(node: unknown): SourceLocation {
    return { file: this.file, range: this.rangeOf(node, true) };
  }

  private rangeOf(node: unknown, insideQuotes = false): Range {
    const r = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
    if (!r) return at(0, 0);
    let [start, end] = r;
    if (insideQuotes && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      const q = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      if (this.text[start] === q && this.text[end - 1] === q && end - start >= 2) {
        start += 1;
        end -= 1;
      }
    }
    return this.range(start, end);
  }

  /** An entry's range, from its first field to the end of its last, without trailing comments. */
  private entryRange(node: YAMLMap): Range {
    const r = node.range;
    if (!r) return at(0, 0);
    let end = r[1];
    for (;;) {
      while (end > r[0] && /\s/.test(this.text[end - 1] ?? '')) end -= 1;
      const lineStart = this.text.lastIndexOf('\n', end - 1) + 1;
      if (lineStart > r[0] && /^\s*#/.test(this.text.slice(lineStart, end))) end = lineStart;
      else break;
    }
    return this.range(r[0], end);
  }

  private range(start: number, end: number): Range {
    const a = this.lines.linePos(Math.max(0, Math.min(start, this.text.length)));
    const b = this.lines.linePos(Math.max(0, Math.min(end, this.text.length)));
    return { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } };
  }

  private syntax(pos: [number, number], message: string, severity: Severity): void {
    const [start, end] = pos;
    this.problems.push({
      file: this.file,
      code: 'registry-syntax',
      severity,
      range: this.range(start, Math.max(start, end)),
      message: `YAML: ${message.replace(/\s+at line \d+, column \d+.*$/s, '')}`,
    });
  }

  private report(code: RegistryProblem['code'], severity: Severity, node: unknown, message: string, related?: RegistryProblem['related']): void {
    this.problem(code, severity, { file: this.file, range: this.rangeOf(node) }, message, related);
  }

  private problem(code: RegistryProblem['code'], severity: Severity, where: SourceLocation, message: string, related?: RegistryProblem['related']): void {
    this.problems.push({ file: where.file, code, severity, range: where.range, message, ...(related ? { related } : {}) });
  }
}
