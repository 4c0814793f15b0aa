// What an edit of the registry changes in the transcriptions. A transcription depends on the
// registry only through the names the matcher finds in it and the archives its references cite;
// so after an edit only the files holding a word at which the old and the new matcher read
// differently are read again (one person's new cover name re-reads the files that write it), and
// every file when an archive changed. The words of each file are gathered once, at the first
// registry edit, and kept until the file changes.

import { wordKeys } from '../model/name-words.js';
import { wordsReadDifferently, type NameMatcher } from '../model/names.js';
import type { Registry } from '../model/types.js';

export interface RegistryReading {
  registry: Registry;
  names: NameMatcher;
}

/** The words of each file, as the name matcher cuts them; dropped when the file changes. */
export class FileWords {
  private readonly byFile = new Map<string, ReadonlySet<string>>();

  of(uri: string, text: string): ReadonlySet<string> {
    let words = this.byFile.get(uri);
    if (!words) this.byFile.set(uri, (words = wordKeys(text)));
    return words;
  }

  forget(uri: string): void {
    this.byFile.delete(uri);
  }
}

/** The files (of `texts`) that the change from `before` to `after` may read differently. */
export function filesToReadAgain(before: RegistryReading, after: RegistryReading, texts: ReadonlyMap<string, string>, words: FileWords): string[] {
  if (archivesOf(before.registry) !== archivesOf(after.registry)) return [...texts.keys()];
  const changed = wordsReadDifferently(before.names, after.names);
  if (changed.size === 0) return [];
  const out: string[] = [];
  for (const [uri, text] of texts) {
    const own = words.of(uri, text);
    for (const w of changed) {
      if (own.has(w)) {
        out.push(uri);
        break;
      }
    }
  }
  return out;
}

/** What the archive references read from the registry: each archive's names and citation. */
function archivesOf(registry: Registry): string {
  return JSON.stringify(
    registry.entries.flatMap((e) =>
      e.kind === 'archive' ? [[e.id, e.forms.map((f) => f.text), e.abbreviation, e.collections.map((c) => c.fond), e.citation ?? null]] : [],
    ),
  );
}
