// Where the registry gives one form to two entries, or one id to two, the text is linked to the
// first and the registry says so in a warning; the hover says so too, beside the name it chose, so
// that a reader does not take a guess for an identification.

import type { Corpus } from '../corpus/index.js';
import { baseName } from '../corpus/last-good-registry.js';
import { identifies, nameKey } from '../model/names.js';
import type { Registry, RegistryEntry, SourceLocation } from '../model/types.js';
import { plain } from './markdown.js';

const entriesByForm = new WeakMap<Registry, Map<string, RegistryEntry[]>>();

function byForm(registry: Registry): Map<string, RegistryEntry[]> {
  let index = entriesByForm.get(registry);
  if (index) return index;
  index = new Map();
  for (const entry of registry.entries) {
    for (const key of new Set(entry.forms.map((f) => nameKey(f.text)))) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  entriesByForm.set(registry, index);
  return index;
}

function where(location: SourceLocation | undefined): string {
  return location ? ` (${plain(baseName(location.file))}, line ${location.range.start.line + 1})` : '';
}

/** What the hover of `entry`, written as `writtenAs`, should add about rival claims; empty when there are none. */
export function rivalClaims(corpus: Corpus, entry: RegistryEntry, writtenAs: string): string[] {
  const out: string[] = [];
  const rivals = (byForm(corpus.registry).get(nameKey(writtenAs)) ?? []).filter((e) => e !== entry && !identifies(e, entry) && !identifies(entry, e));
  if (rivals.length) {
    const others = rivals.map((e) => `${plain(e.name)}${where(e.location)}`).join(', ');
    out.push(`⚠ The registry also gives the form *${plain(writtenAs)}* to ${others}; the text is linked to ${plain(entry.name)} (a cover name goes before the person it is identified as, else the entry written first).`);
  }
  for (const p of corpus.registry.problems) {
    if (p.code === 'registry-duplicate' && p.related && sameSpot(p.related, entry.location) && p.message.includes(`"${entry.id}"`)) {
      out.push(`⚠ A second entry with the id "${plain(entry.id)}"${where(p)} is ignored; this is the first.`);
    }
  }
  return out;
}

function sameSpot(a: SourceLocation, entry: SourceLocation | undefined): boolean {
  return !!entry && a.file === entry.file && a.range.start.line >= entry.range.start.line && a.range.start.line <= entry.range.end.line;
}
