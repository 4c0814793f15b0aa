// The corpus on disk: finding the folder a path belongs to (the nearest marginalia.yaml above
// it), listing its transcriptions and reading its registry. The only part of the index that
// touches the file system; the CLI and the language server both start here.

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import { defaultFileSizeLimit, defaultSettings, fileSizeLimit, formatSize, parseSettings, settingsFileName, skippedTranscriptionCode } from './settings.js';
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

// ---------------------------------------------------------------------------------------------
// Reading a file safely

/** A file's text, or why it was not read (in words for the user). */
export type FileRead = { text: string } | { skipped: string };

/**
 * The text of `file` when it is a regular file no larger than `limit` bytes; otherwise why not.
 * Every read of the corpus from disk goes through here (settings, registry, transcriptions, the
 * CLI), so that nothing can block or exhaust memory: the file is opened non-blocking (a FIFO
 * nobody writes opens at once instead of hanging), what was opened is checked with fstat (a
 * device such as /dev/zero, a FIFO or a socket is skipped, and the check is of the file opened,
 * not of a name that may have changed since), and never more than `limit` + 1 bytes are read,
 * even if the file grows while it is read. The text is as written: a byte-order mark is dropped
 * where every text enters the corpus (`Corpus.setFile`), for buffers and files alike. Never throws.
 */
export function readTextFile(file: string, limit: number = defaultFileSizeLimit): FileRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { skipped: openError(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { skipped: `it is ${kindOf(stats)}, not a regular file` };
    if (stats.size > limit) return { skipped: tooLarge(stats.size, limit) };
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit) return { skipped: tooLarge(length, limit) };
    // A NUL byte is in no text a person typed: an image, a PDF or a word processor's file named
    // by a wide glob, read as text, would be a flood of nonsense documents.
    const nul = buffer.indexOf(0);
    if (nul >= 0 && nul < length) {
      const utf16 = length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));
      return { skipped: utf16 ? 'it is text in UTF-16; save it as UTF-8 to have it read' : 'it is not text (it holds NUL bytes, as images, PDFs and word-processor files do)' };
    }
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { skipped: openError(error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a file only read cannot lose anything.
    }
  }
}

function tooLarge(size: number, limit: number): string {
  return `it is ${formatSize(size)}, over the limit of ${formatSize(limit)} (set limits: file-size in ${settingsFileName} to read larger files)`;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

/** Why a file could not be opened. `ENOENT` stays the code alone, as the editor tests expect it. */
function openError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'ENOENT';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (EACCES)';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENXIO':
      return 'it is a socket or a device with nothing behind it, not a regular file';
    case 'ELOOP':
      return 'it is a symbolic link that leads in a loop';
    default:
      return code ? `the system says ${code}` : 'an unknown error';
  }
}

// ---------------------------------------------------------------------------------------------

export function readSettings(root: string): CorpusSettings {
  const file = path.join(root, settingsFileName);
  const read = readTextFile(file);
  if ('text' in read) return parseSettings(root, read.text);
  const settings = defaultSettings(root);
  settings.problems.push({ range: zeroRange, message: `${settingsFileName} could not be read: ${read.skipped}; the default settings are used.` });
  return settings;
}

const zeroRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function uriOf(file: string): string {
  return pathToFileURL(file).toString();
}

/** Registry files as the loader wants them; a missing file is reported by the loader as empty. */
export function readRegistry(settings: CorpusSettings): Array<{ file: string; text: string }> {
  return settings.registry.map((relative) => {
    const file = path.resolve(settings.root, relative);
    const read = readTextFile(file, fileSizeLimit(settings));
    if ('text' in read) noteRegistryFile(settings, uriOf(file), true);
    else noteRegistryFile(settings, uriOf(file), false, read.skipped);
    return { file: uriOf(file), text: 'text' in read ? read.text : '' };
  });
}

const registryFileNote = 'The registry file ';
const skippedFileNote = 'The transcription ';

/** What noteRegistryFile and noteSkippedFile said on marginalia.yaml: about the files, not its text. */
export function notesOnFiles(settings: CorpusSettings): CorpusSettings['problems'] {
  return settings.problems.filter((p) => p.code === skippedTranscriptionCode || (p.message.startsWith(registryFileNote) && p.message.includes(' could not be read: ')));
}

/**
 * Says (once) that a registry file could not be read, or, now that it can, stops saying so: a
 * registry file that appears after the corpus was loaded clears its error.
 */
export function noteRegistryFile(settings: CorpusSettings, uri: string, readable: boolean, why = 'ENOENT'): void {
  const relative = settings.registry.find((r) => uriOf(path.resolve(settings.root, r)) === uri);
  if (relative === undefined) return;
  const prefix = `${registryFileNote}${relative} could not be read: `;
  const known = settings.problems.findIndex((p) => p.message.startsWith(prefix));
  if (readable) {
    if (known >= 0) settings.problems.splice(known, 1);
  } else if (known < 0) {
    settings.problems.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: prefix + why });
  }
}

/**
 * A transcription's text, read within the corpus's size limit. One that is skipped (too large,
 * a FIFO, a device, a symbolic link to nothing or to a folder) is said once, as a warning on
 * marginalia.yaml, until it reads again; a file that is simply gone is no news.
 */
export function readTranscription(settings: CorpusSettings, file: string): string | undefined {
  const read = readTextFile(file, fileSizeLimit(settings));
  noteSkippedFile(settings, file, 'text' in read ? undefined : whySkipped(file, read.skipped));
  return 'text' in read ? read.text : undefined;
}

/** Says on marginalia.yaml that the transcription `file` is not checked and why, or (no `why`) stops saying so. */
export function noteSkippedFile(settings: CorpusSettings, file: string, why: string | undefined): void {
  const relative = path.relative(settings.root, file).split(path.sep).join('/') || file;
  const prefix = `${skippedFileNote}${relative} is not checked: `;
  const known = settings.problems.findIndex((p) => p.message.startsWith(prefix));
  const message = why && prefix + why;
  if (known >= 0 && settings.problems[known]!.message === message) return;
  if (known >= 0) settings.problems.splice(known, 1);
  if (message) settings.problems.push({ range: zeroRange, message, severity: 'warning', code: skippedTranscriptionCode });
}

/** Why a transcription was not read, in words; undefined when it is simply not there. */
function whySkipped(file: string, skipped: string): string | undefined {
  let link = false;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch {
    return undefined; // gone: deleted or renamed, which the editor shows itself
  }
  if (link && skipped === 'ENOENT') return 'it is a symbolic link to a file that is not there.';
  if (link && skipped.startsWith('it is a folder')) return 'it is a symbolic link to a folder; folders are read only where they are, not through links.';
  if (skipped === 'ENOENT') return undefined;
  return `${skipped}.`;
}

/** True when `file` is one of the corpus's transcriptions by its `transcriptions` globs. */
export function isTranscription(settings: CorpusSettings, file: string): boolean {
  const relative = path.relative(settings.root, path.resolve(file)).split(path.sep).join('/');
  if (relative.startsWith('..') || path.basename(file) === settingsFileName) return false;
  if (settings.registry.some((r) => path.resolve(settings.root, r) === path.resolve(file))) return false;
  return settings.transcriptions.some((glob) => minimatch(relative, glob, { dot: false, matchBase: !glob.includes('/') }));
}

/** Every transcription file of the corpus, sorted for stable output; a folder with its own marginalia.yaml is another corpus. */
export function listTranscriptions(settings: CorpusSettings): string[] {
  const out: string[] = [];
  walkFolders(settings.root, (dir, entries) => {
    if (dir !== settings.root && entries.some((e) => e.name === settingsFileName)) return false;
    // Not only regular files: a symbolic link is read where it leads, and a FIFO, socket or
    // device named as a transcription is reported when it is not read, never dropped unsaid.
    for (const entry of entries) if (!entry.isDirectory() && isTranscription(settings, path.join(dir, entry.name))) out.push(path.join(dir, entry.name));
    return true;
  });
  return out.sort();
}

/** Walks the folders below `root` (not hidden ones, nor node_modules); `visit` returns false to leave a folder's subfolders out. */
function walkFolders(root: string, visit: (dir: string, entries: Dirent[]) => boolean): void {
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (!visit(dir, entries)) return;
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(dir, e.name));
  };
  walk(root);
}

/** The corpora nested below `folder` (not `folder` itself): the folders holding a marginalia.yaml. */
export function corporaBelow(folder: string): string[] {
  const out: string[] = [];
  walkFolders(folder, (dir, entries) => {
    if (dir !== folder && entries.some((e) => e.name === settingsFileName)) out.push(dir);
    return true;
  });
  return out.sort();
}

/** A corpus read whole from disk. */
export function loadCorpus(root: string): Corpus {
  const settings = readSettings(root);
  const corpus = new Corpus(settings, readRegistry(settings));
  for (const file of listTranscriptions(settings)) readInto(corpus, file);
  corpus.settleDateOrders();
  return corpus;
}

/** Reads one transcription into the corpus, or says on marginalia.yaml why it was not read. */
export function readInto(corpus: Corpus, file: string): void {
  const text = readTranscription(corpus.settings, file);
  if (text !== undefined) corpus.setFile(uriOf(file), text);
}
