// The corpus on disk: finding the folder a path belongs to (the nearest marginalia.yaml above
// it), listing its transcriptions and reading its registry. The only part of the index that
// touches the file system; the CLI and the language server both start here.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { defaultSettings, parseSettings, settingsFileName } from './settings.js';
import { Corpus } from './index.js';
import type { CorpusSettings } from '../model/types.js';

/** The folder holding the nearest marginalia.yaml at or above `start`, if any. */
export function findCorpusRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    if (existsSync(path.join(dir, settingsFileName))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function readSettings(root: string): CorpusSettings {
  const file = path.join(root, settingsFileName);
  try {
    return parseSettings(root, readFileSync(file, 'utf8'));
  } catch (error) {
    const settings = defaultSettings(root);
    settings.problems.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `${file} could not be read: ${String(error)}` });
    return settings;
  }
}

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

/** Registry files as the loader wants them; a missing file is reported by the loader as empty. */
export function readRegistry(settings: CorpusSettings): Array<{ file: string; text: string }> {
  return settings.registry.map((relative) => {
    const file = path.resolve(settings.root, relative);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
      noteRegistryFile(settings, uriOf(file), true);
    } catch (error) {
      noteRegistryFile(settings, uriOf(file), false, (error as NodeJS.ErrnoException).code ?? String(error));
    }
    return { file: uriOf(file), text };
  });
}

/**
 * Says (once) that a registry file could not be read, or, now that it can, stops saying so: a
 * registry file that appears after the corpus was loaded clears its error.
 */
export function noteRegistryFile(settings: CorpusSettings, uri: string, readable: boolean, why = 'ENOENT'): void {
  const relative = settings.registry.find((r) => uriOf(path.resolve(settings.root, r)) === uri);
  if (relative === undefined) return;
  const prefix = `The registry file ${relative} could not be read: `;
  const known = settings.problems.findIndex((p) => p.message.startsWith(prefix));
  if (readable) {
    if (known >= 0) settings.problems.splice(known, 1);
  } else if (known < 0) {
    settings.problems.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: prefix + why });
  }
}

/** True when `file` is one of the corpus's transcriptions by its `transcriptions` globs. */
export function isTranscription(settings: CorpusSettings, file: string): boolean {
  const relative = path.relative(settings.root, path.resolve(file)).split(path.sep).join('/');
  if (relative.startsWith('..')) return false;
  if (settings.registry.some((r) => path.resolve(settings.root, r) === path.resolve(file))) return false;
  return settings.transcriptions.some((glob) => minimatch(relative, glob, { dot: false, matchBase: !glob.includes('/') }));
}

/** Every transcription file of the corpus, sorted for stable output. */
export function listTranscriptions(settings: CorpusSettings): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isTranscription(settings, full)) out.push(full);
    }
  };
  walk(settings.root);
  return out.sort();
}

/** A corpus read whole from disk. */
export function loadCorpus(root: string): Corpus {
  const settings = readSettings(root);
  const corpus = new Corpus(settings, readRegistry(settings));
  for (const file of listTranscriptions(settings)) {
    try {
      corpus.setFile(uriOf(file), readFileSync(file, 'utf8'));
    } catch (error) {
      settings.problems.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `${file} could not be read: ${String(error)}` });
    }
  }
  corpus.settleDateOrders();
  return corpus;
}
