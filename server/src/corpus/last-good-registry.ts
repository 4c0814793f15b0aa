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
  /** What each held file holds now, to find an entry's line in it (see `whereNow`). */
  private readonly current = new Map<string, string>();

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
    this.current.clear();
    const used = files.map((f) => {
      const good = this.texts.get(f.file);
      if (!broken.has(f.file)) this.texts.set(f.file, f.text);
      else if (good !== undefined && good !== f.text) {
        this.held.add(f.file);
        this.current.set(f.file, f.text);
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
    return kept;
  }

  currentText(file: string): string | undefined {
    return this.current.get(file);
  }
}

/**
 * Where a place in a held file's last good text is in what the file holds now: the same line,
 * looked for outwards from where it was (an edit above it moves it), or the place as it was when
 * the line is gone. Go to definition lands on the entry in the buffer the user sees.
 */
export function whereNow(registry: LastGoodRegistry, location: SourceLocation): SourceLocation {
  const now = registry.held.has(location.file) ? registry.currentText(location.file) : undefined;
  const then = registry.texts.get(location.file);
  if (now === undefined || then === undefined) return location;
  const old = splitLines(then);
  const lines = splitLines(now);
  const wanted = old[location.range.start.line];
  if (wanted === undefined) return location;
  const at = location.range.start.line;
  for (let d = 0; d < Math.max(lines.length, at + 1); d++) {
    for (const line of d === 0 ? [at] : [at - d, at + d]) {
      if (lines[line] === wanted) {
        const shift = line - at;
        return { file: location.file, range: { start: { ...location.range.start, line: location.range.start.line + shift }, end: { ...location.range.end, line: location.range.end.line + shift } } };
      }
    }
  }
  return location;
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
