// What an edit of the registry changes in the transcriptions. A transcription depends on the
// registry only through the names the matcher finds in it and the archives its references cite;
// so after an edit only the documents holding a word at which the old and the new matcher read
// differently are read again (one person's new cover name re-reads the documents that write it),
// and every file when an archive changed. The words of each file are gathered once (by the
// server while idle after indexing, else at the first registry edit) and kept until it changes.

import { tokenizeName } from '../model/name-words.js';
import { wordsReadDifferently, type NameMatcher } from '../model/names.js';
import type { ScanOptions } from '../model/scanner.js';
import { splitLines } from '../model/text.js';
import type { Registry, TranscribedDocument, TranscriptionFile } from '../model/types.js';

export interface RegistryReading {
  registry: Registry;
  names: NameMatcher;
}

/** The words of each file, as the name matcher cuts them; dropped when the file changes. */
export class FileWords {
  private readonly byFile = new Map<string, ReadonlySet<string>>();
  /** The words of a file being gathered while idle, a few lines at a time (a file may be megabytes). */
  private partial?: { uri: string; text: string; lines: string[]; next: number; words: Set<string> };

  of(uri: string, text: string): ReadonlySet<string> {
    this.gather(uri, text, () => false);
    return this.byFile.get(uri)!;
  }

  /** Gathers the words of `uri` (line by line, letter-spaced runs joined, as the matcher reads it) until `enough()` (asked every 256 lines); true once known. */
  gather(uri: string, text: string, enough: () => boolean): boolean {
    if (this.byFile.has(uri)) return true;
    if (this.partial?.uri !== uri || this.partial.text !== text) this.partial = { uri, text, lines: splitLines(text), next: 0, words: new Set() };
    const p = this.partial;
    while (p.next < p.lines.length) {
      for (const t of tokenizeName(p.lines[p.next]!)) p.words.add(t.key);
      if ((++p.next & 255) === 0 && enough()) return false;
    }
    this.byFile.set(uri, p.words);
    this.partial = undefined;
    return true;
  }

  forget(uri: string): void {
    this.byFile.delete(uri);
    if (this.partial?.uri === uri) this.partial = undefined;
  }
}

/**
 * The files (of `texts`) that the change from `before` to `after` may read differently, each with
 * the reading whose documents that do not write a word read differently are taken over (none:
 * an archive changed, and every document is read again).
 */
export function filesToReadAgain(
  before: RegistryReading,
  after: RegistryReading,
  texts: ReadonlyMap<string, string>,
  words: FileWords,
  factsOf: (uri: string) => TranscriptionFile | undefined,
): Array<{ uri: string; previous?: ScanOptions['previous'] }> {
  if (archivesOf(before.registry) !== archivesOf(after.registry)) return [...texts.keys()].map((uri) => ({ uri }));
  const changed = wordsReadDifferently(before.names, after.names);
  if (changed.size === 0) return [];
  const out: Array<{ uri: string; previous?: ScanOptions['previous'] }> = [];
  for (const [uri, text] of texts) {
    if (![...changed].some((w) => words.of(uri, text).has(w))) continue;
    const facts = factsOf(uri);
    out.push({ uri, previous: facts && { text, facts, readAgain: documentsHolding(facts.documents, splitLines(text), changed) } });
  }
  return out;
}

/** The documents of a file that hold one of `words` (as the name matcher cuts them): the others read as they did. */
function documentsHolding(documents: readonly TranscribedDocument[], lines: readonly string[], words: ReadonlySet<string>): Set<TranscribedDocument> {
  const out = new Set<TranscribedDocument>();
  for (const doc of documents) {
    holds: for (let i = doc.range.start.line; i <= doc.range.end.line; i++) {
      for (const t of tokenizeName(lines[i] ?? '')) {
        if (words.has(t.key)) {
          out.add(doc);
          break holds;
        }
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
