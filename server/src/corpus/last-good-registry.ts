// The last good registry: while a registry file does not parse as YAML (a tab, an unclosed
// bracket: one keystroke in the middle of an edit), the corpus keeps the entries of its last text
// that did, so that the transcriptions do not flood with unknown names, and says so at the error.

import { loadRegistry } from '../model/registry.js';
import { splitLines } from '../model/text.js';
import type { Registry, RegistryProblem, SourceLocation } from '../model/types.js';

export class LastGoodRegistry {
  /** Each registry file's text as it last loaded without a YAML error. */
  readonly texts: Map<string, string>;
  /** The files whose entries are those of their last good text, not of what they hold now. */
  readonly held = new Set<string>();

  constructor(texts?: ReadonlyMap<string, string>) {
    this.texts = new Map(texts);
  }

  /**
   * The registry of `files`, a file that does not parse taking its last good text. Its problems
   * are then the first syntax error of what it holds now, where the parser met it: those after
   * it (one tab gives eight) follow from it, and go when it goes. A file that never parsed keeps
   * what the parser could read of it, as before.
   */
  load(files: Array<{ file: string; text: string }>): Registry {
    const fresh = loadRegistry(files);
    const broken = new Set(fresh.problems.filter((p) => p.code === 'registry-syntax' && p.severity === 'error').map((p) => p.file));
    this.held.clear();
    const used = files.map((f) => {
      const good = this.texts.get(f.file);
      if (!broken.has(f.file)) this.texts.set(f.file, f.text);
      else if (good !== undefined && good !== f.text) {
        this.held.add(f.file);
        return { file: f.file, text: good };
      }
      return f;
    });
    if (this.held.size === 0) return fresh;
    const kept = loadRegistry(used);
    const syntax: RegistryProblem[] = [];
    for (const file of this.held) {
      const first = fresh.problems.find((p) => p.file === file && p.code === 'registry-syntax' && p.severity === 'error')!;
      syntax.push({ ...first, message: `${first.message.replace(/\.?$/, '.')} Until this is fixed, Marginalia keeps using ${baseName(file)} as it last loaded.` });
    }
    // The held files' own problems are those of the old text, at its lines.
    kept.problems = [...syntax, ...kept.problems.filter((p) => !this.held.has(p.file))];
    // Their entries stand where the buffer has them now: go to definition, symbols and hovers land there.
    for (const f of files) if (this.held.has(f.file)) moveToText(kept, f.file, this.texts.get(f.file)!, f.text);
    return kept;
  }
}

/**
 * Moves every place in `file` (entries, their forms, what problems point at) from the lines of
 * `then` to the same lines in `now`, looked for outwards from where they were (an edit above
 * moves them); a place whose line is gone stays where it was.
 */
function moveToText(registry: Registry, file: string, then: string, now: string): void {
  const old = splitLines(then);
  const lines = splitLines(now);
  // Where each line of `now` stands, in order: the nearest to an old line is found by halving.
  const at = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const list = at.get(l);
    if (list) list.push(i);
    else at.set(l, [i]);
  });
  const shiftOf = new Map<number, number>();
  const shift = (line: number): number => {
    let known = shiftOf.get(line);
    if (known === undefined) {
      const found = old[line] === undefined ? undefined : at.get(old[line]!);
      shiftOf.set(line, (known = found ? nearest(found, line) - line : 0));
    }
    return known;
  };
  const move = (l: SourceLocation | undefined) => {
    if (l?.file !== file) return;
    const d = shift(l.range.start.line);
    l.range = { start: { ...l.range.start, line: l.range.start.line + d }, end: { ...l.range.end, line: l.range.end.line + d } };
  };
  for (const e of registry.entries) {
    move(e.location);
    for (const f of e.forms) move(f.location);
  }
  for (const p of registry.problems) move(p.related);
}

/** Of `sorted` (not empty), the number nearest to `line` (the earlier of two as near). */
function nearest(sorted: number[], line: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < line) lo = mid + 1;
    else hi = mid;
  }
  const above = sorted[lo - 1];
  return above !== undefined && line - above <= sorted[lo]! - line ? above : sorted[lo]!;
}

/** The file name of a URI (or path) as the user knows it: `registry.yaml`, `%20` as a space. */
export function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}
