// The last good registry: while a registry file does not parse as YAML (a tab, an unclosed
// bracket: one keystroke in the middle of an edit), the corpus keeps the entries of its last text
// that did, so that the transcriptions do not flood with unknown names, and says so at the error.

import { loadRegistry } from '../model/registry.js';
import type { Registry, RegistryProblem } from '../model/types.js';

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
    return kept;
  }
}

function baseName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}
