// The corpora of an editor's workspace, kept in step with the disk and with the editor's open
// buffers (an open buffer wins over the file on disk). Knows files and folders; knows nothing of
// LSP, so the server only forwards events here and asks which files to re-check.
//
// URIs: every URI this class takes or gives is canonical (`canonicalUri`), the form the corpus
// index uses. Editors spell file URIs in more than one way (VS Code writes `%28` where Node
// writes `(`); the server converts at the boundary.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Corpus } from './corpus/index.js';
import { findCorpusRoot, isTranscription, listTranscriptions, noteRegistryFile, noteSkippedFile, notesOnFiles, readRegistry, readSettings, readTextFile, readTranscription, uriOf } from './corpus/disk.js';
import { outsideCorpusSettings, parseSettings, settingsFileName } from './corpus/settings.js';
import type { CorpusSettings } from './model/types.js';

export type FileRole = 'transcription' | 'registry' | 'settings';

export interface CorpusHandle {
  root: string;
  corpus: Corpus;
  settingsUri: string;
}

/** What a change touched. The server re-checks the corpus and publishes what changed. */
export interface Affected {
  handle: CorpusHandle;
  /** The file that changed (canonical URI). */
  uri: string;
  role: FileRole;
  /** The corpus is gone (its marginalia.yaml was deleted, or a file outside any corpus was closed): clear everything it published. */
  removed?: boolean;
  /** Other files whose findings may change with it; 'all' after a registry or settings change. */
  dependents: string[] | 'all';
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** One spelling for every file URI: Node's, as the corpus index writes it. Others pass through. */
export function canonicalUri(uri: string): string {
  const file = pathOf(uri);
  if (!file) return uri;
  try {
    return uriOf(file);
  } catch {
    return uri;
  }
}

/** Called while a corpus is read: which corpus, how many of its files are read, of how many. */
export type LoadProgress = (root: string, done: number, total: number) => void;

export class Workspace {
  private readonly corpora = new Map<string, CorpusHandle>();
  private readonly openTexts = new Map<string, string>();
  /**
   * Each folder's nearest marginalia.yaml above it (null: none), found on disk once: every
   * keystroke and request asks which corpus its file is in. Forgotten when a marginalia.yaml
   * appears or goes.
   */
  private readonly rootOfFolder = new Map<string, string | null>();
  /** The registry texts each corpus was last read with: opening the registry unchanged costs nothing. */
  private readonly registryTexts = new Map<string, Array<{ file: string; text: string }>>();
  /**
   * Open transcriptions outside any corpus, each read on its own with the default settings and no
   * registry (`outsideCorpusSettings`, as `marginalia check file.txt` reads it), by their root
   * `outside:<uri>`. Not corpora: not counted, listed or checked as a whole.
   */
  private readonly outside = new Map<string, CorpusHandle>();
  /** Roots of outside files that a corpus has taken in since last asked (`takeReplaced`). */
  private replaced: string[] = [];
  /** Corpora that `corpusOf` loaded when a file of theirs was first asked about, until their first change. */
  private readonly loadedUnasked = new Set<string>();

  handles(): CorpusHandle[] {
    return [...this.corpora.values()];
  }

  handleOf(root: string): CorpusHandle | undefined {
    return this.corpora.get(root) ?? this.outside.get(root);
  }

  /** The corpus of a file, or, for an open transcription in none, its own outside-corpus handle. */
  handleFor(uri: string): CorpusHandle | undefined {
    return this.corpusOf(uri) ?? this.outside.get(outsideRoot(uri));
  }

  /** The outside files that a corpus (a new marginalia.yaml above them) took in: clear what they published. */
  takeReplaced(): string[] {
    const roots = this.replaced;
    this.replaced = [];
    return roots;
  }

  /** Loads every corpus (folder with marginalia.yaml) inside a workspace folder not loaded yet. */
  addFolder(folder: string, progress?: LoadProgress): CorpusHandle[] {
    return corpusRootsIn(folder).map((root) => this.corpora.get(root) ?? this.load(root, progress));
  }

  /**
   * The corpora inside a folder, each known (and asked about) at once with none of its
   * transcriptions read yet, for the caller to read them in its own time (`readFile`, then
   * `finishLoading`): the server answers requests meanwhile from what is read so far. Each file
   * stands in its corpus, empty, until it is read, so that the corpus holds its files in the
   * order a read at once gives (questions that span files answer in file order), whichever are
   * read out of turn (a buffer opened meanwhile).
   */
  beginFolder(folder: string): Array<{ handle: CorpusHandle; files: string[] }> {
    return corpusRootsIn(folder)
      .filter((root) => !this.corpora.has(root))
      .map((root) => {
        const begun = this.begin(root);
        for (const file of begun.files) begun.handle.corpus.setFile(uriOf(file), '');
        return begun;
      });
  }

  /** Forgets the corpora inside a folder that left the workspace; returns them. */
  removeFolder(folder: string): CorpusHandle[] {
    const gone: CorpusHandle[] = [];
    for (const [root, handle] of this.corpora) {
      const rel = path.relative(folder, root);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
        this.corpora.delete(root);
        this.registryTexts.delete(root);
        gone.push(handle);
      }
    }
    return gone;
  }

  private load(root: string, progress?: LoadProgress): CorpusHandle {
    const { handle, files } = this.begin(root);
    progress?.(root, 0, files.length);
    files.forEach((file, i) => {
      this.readFile(handle, file);
      progress?.(root, i + 1, files.length);
    });
    this.finishLoading(handle);
    return handle;
  }

  /** A corpus known with its settings and registry and no transcription read yet, and its files. */
  private begin(root: string): { handle: CorpusHandle; files: string[] } {
    const settingsUri = uriOf(path.join(root, settingsFileName));
    const openSettings = this.openTexts.get(settingsUri);
    const settings = openSettings !== undefined ? parseSettings(root, openSettings) : readSettings(root);
    const registry = readRegistry(settings).map((r) => ({ file: r.file, text: this.openTexts.get(r.file) ?? r.text }));
    // A registry file broken when marginalia.yaml changes keeps its last good entries still.
    const corpus = new Corpus(settings, registry, this.corpora.get(root)?.corpus.lastGoodRegistryTexts());
    this.registryTexts.set(root, registry);
    const handle = { root, corpus, settingsUri };
    this.corpora.set(root, handle);
    for (const key of [...this.outside.keys()]) {
      const file = pathOf(key.slice(outsidePrefix.length));
      if (file && isInside(root, file)) {
        this.outside.delete(key);
        this.replaced.push(key);
      }
    }
    return { handle, files: listTranscriptions(settings) };
  }

  /**
   * Reads one transcription of a corpus being loaded (its open buffer, else the disk), unless an
   * event (a buffer opened, a change on disk) has given it a text already. Returns its URI when
   * it read it.
   */
  readFile(handle: CorpusHandle, file: string): string | undefined {
    const uri = uriOf(file);
    const known = handle.corpus.text(uri);
    // Empty: not read yet (see beginFolder), or empty on disk, which reading again leaves so.
    if (known !== undefined && known !== '') return undefined;
    const text = this.openTexts.get(uri) ?? readTranscription(handle.corpus.settings, file);
    if (text === undefined) {
      if (known !== undefined) handle.corpus.deleteFile(uri);
      return undefined;
    }
    if (text !== known) handle.corpus.setFile(uri, text);
    return uri;
  }

  /**
   * Once every file is read: open buffers not yet saved to disk read too, and the date orders
   * settled.
   */
  finishLoading(handle: CorpusHandle): void {
    const { corpus, root } = handle;
    for (const [uri, text] of this.openTexts) {
      const file = pathOf(uri);
      if (file && !corpus.file(uri) && isTranscription(corpus.settings, file) && findCorpusRoot(path.dirname(file)) === root) corpus.setFile(uri, text);
    }
    corpus.settleDateOrders();
  }

  /** The corpus a file belongs to, loading it the first time a file of it is seen. */
  corpusOf(uri: string): CorpusHandle | undefined {
    const file = pathOf(uri);
    if (!file) return undefined;
    let best: CorpusHandle | undefined;
    for (const h of this.corpora.values()) {
      const rel = path.relative(h.root, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || h.root.length > best.root.length)) best = h;
    }
    const root = this.nearestRoot(path.dirname(file));
    // A corpus nested in a loaded one, with its own marginalia.yaml, is its own corpus.
    if (best && !(root && root.length > best.root.length)) return best;
    if (!root) return undefined;
    const known = this.corpora.get(root);
    if (known) return known;
    this.loadedUnasked.add(root);
    return this.load(root);
  }

  private nearestRoot(dir: string): string | undefined {
    let root = this.rootOfFolder.get(dir);
    if (root === undefined) this.rootOfFolder.set(dir, (root = findCorpusRoot(dir) ?? null));
    return root ?? undefined;
  }

  roleOf(uri: string, handle: CorpusHandle): FileRole | undefined {
    if (uri === handle.settingsUri) return 'settings';
    if (handle.corpus.settings.registry.some((r) => uriOf(path.resolve(handle.root, r)) === uri)) return 'registry';
    const file = pathOf(uri);
    return file && isTranscription(handle.corpus.settings, file) ? 'transcription' : undefined;
  }

  /** The text of a file as the editor sees it: the open buffer, else the disk. */
  textOf(uri: string): string | undefined {
    const open = this.openTexts.get(uri);
    if (open !== undefined) return open;
    const file = pathOf(uri);
    return file ? readText(file) : undefined;
  }

  /** An open buffer's text changed (or the buffer was opened). A transcription of no corpus is read on its own. */
  setText(uri: string, text: string): Affected | undefined {
    // A marginalia.yaml opened (one just written, say) may make a corpus of folders known to hold none.
    if (path.basename(pathOf(uri) ?? '') === settingsFileName) this.rootOfFolder.clear();
    const handle = this.corpusOf(uri);
    if (!handle) return this.setOutside(uri, text);
    const role = this.roleOf(uri, handle);
    if (!role) return undefined;
    // The buffer is the text now, whatever the file on disk could not give.
    const file = pathOf(uri);
    if (role === 'transcription' && file) noteSkippedFile(handle.corpus.settings, file, undefined);
    this.openTexts.set(uri, text);
    return this.update(handle, uri, text);
  }

  /** The buffer was closed: the file on disk is the truth again. */
  close(uri: string): Affected | undefined {
    if (!this.openTexts.delete(uri)) return undefined;
    const outside = this.outside.get(outsideRoot(uri));
    if (outside) {
      this.outside.delete(outside.root);
      return { handle: outside, uri, role: 'transcription', removed: true, dependents: 'all' };
    }
    const handle = this.corpusOf(uri);
    if (!handle) return undefined;
    const file = pathOf(uri);
    return this.update(handle, uri, file ? this.readFromDisk(handle, uri, file) : undefined);
  }

  /** A file of a corpus as read from disk: a transcription within the corpus's limit, saying why when it is skipped. */
  private readFromDisk(handle: CorpusHandle, uri: string, file: string): string | undefined {
    return this.roleOf(uri, handle) === 'transcription' ? readTranscription(handle.corpus.settings, file) : readText(file);
  }

  /** A file changed, appeared or disappeared on disk (a watcher event). */
  diskChanged(uri: string): Affected | undefined {
    const file = pathOf(uri);
    if (!file) return undefined;
    // A new marginalia.yaml may make a corpus of folders known to hold none.
    if (path.basename(file) === settingsFileName) this.rootOfFolder.clear();
    else this.rootOfFolder.delete(path.dirname(file));
    if (this.openTexts.has(uri)) return undefined;
    const handle = this.corpusOf(uri);
    if (!handle) return undefined;
    return this.update(handle, uri, this.readFromDisk(handle, uri, file));
  }

  /** A transcription outside every corpus: its own index, with no registry and the default settings. */
  private setOutside(uri: string, text: string): Affected | undefined {
    const root = outsideRoot(uri);
    let handle = this.outside.get(root);
    if (!handle) {
      const file = pathOf(uri);
      const settings = file && outsideCorpusSettings(path.dirname(file));
      if (!file || !settings || !isTranscription(settings, file)) return undefined;
      handle = { root, corpus: new Corpus(settings), settingsUri: uriOf(path.join(settings.root, settingsFileName)) };
      this.outside.set(root, handle);
    }
    this.openTexts.set(uri, text);
    if (handle.corpus.text(uri) !== text) handle.corpus.setFile(uri, text);
    return { handle, uri, role: 'transcription', dependents: [] };
  }

  private update(handle: CorpusHandle, uri: string, text: string | undefined): Affected | undefined {
    const role = this.roleOf(uri, handle);
    const fresh = this.loadedUnasked.delete(handle.root);
    switch (role) {
      case 'settings': {
        if (text === undefined) {
          // marginalia.yaml deleted: the folder is no corpus any more.
          this.corpora.delete(handle.root);
          this.registryTexts.delete(handle.root);
          this.rootOfFolder.clear();
          return { handle, uri, role, removed: true, dependents: 'all' };
        }
        // A comment or a blank line changes no reading: its findings move, and the corpus stays
        // (checked whole if it was loaded on the way here, from the text before this one or the disk's).
        const next = parseSettings(handle.root, text);
        if (this.corpora.get(handle.root) === handle && sameReading(handle.corpus.settings, next)) {
          Object.assign(handle.corpus.settings, { problems: [...next.problems, ...notesOnFiles(handle.corpus.settings)], ruleKeys: next.ruleKeys });
          return { handle, uri, role, dependents: fresh ? 'all' : [] };
        }
        return { handle: this.load(handle.root), uri, role, dependents: 'all' };
      }
      case 'registry': {
        // A registry file that appears (or goes) says so at once in marginalia.yaml's findings.
        noteRegistryFile(handle.corpus.settings, uri, text !== undefined);
        // The other registry files as last read: a keystroke in one does not re-read the rest from disk.
        const known = this.registryTexts.get(handle.root) ?? readRegistry(handle.corpus.settings);
        const registry = known.map((r) => ({ file: r.file, text: r.file === uri ? (text ?? '') : (this.openTexts.get(r.file) ?? r.text) }));
        // A new registry re-reads the transcriptions it finds other names in (registry-change.ts);
        // the same one (a registry opened or saved unchanged) reads nothing.
        if (registry.some((r, i) => r.text !== this.registryTexts.get(handle.root)?.[i]?.text)) {
          handle.corpus.setRegistry(registry);
          this.registryTexts.set(handle.root, registry);
          return { handle, uri, role, dependents: 'all' };
        }
        return { handle, uri, role, dependents: [] };
      }
      case 'transcription': {
        const before = handle.corpus.file(uri);
        if (text === undefined) handle.corpus.deleteFile(uri);
        else if (handle.corpus.text(uri) !== text) handle.corpus.setFile(uri, text);
        else return { handle, uri, role, dependents: [] };
        return { handle, uri, role, dependents: handle.corpus.dependentsOf(uri, before) };
      }
      default:
        return undefined;
    }
  }
}

/** Whether two readings of marginalia.yaml read the corpus alike: all but where its findings and rule codes stand. */
function sameReading(a: CorpusSettings, b: CorpusSettings): boolean {
  // Keys in order, so that `rules:` written in another order reads the same; lists keep theirs.
  const inOrder = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : value;
  const reading = ({ problems, ruleKeys, ...rest }: CorpusSettings) => JSON.stringify(rest, inOrder);
  return reading(a) === reading(b);
}

/** The folders with a marginalia.yaml inside `folder` (itself included), six levels deep at most. */
function corpusRootsIn(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === settingsFileName)) found.push(dir);
    if (depth >= 6) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'out' && e.name !== 'dist') walk(path.join(dir, e.name), depth + 1);
    }
  };
  walk(folder, 0);
  return found;
}

const outsidePrefix = 'outside:';
const outsideRoot = (uri: string) => outsidePrefix + uri;
const isInside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return !rel.startsWith('..') && !path.isAbsolute(rel);
};

/** A file's text, read as the corpus reads every file (only a regular file, never blocking, within the default size limit). */
function readText(file: string): string | undefined {
  const read = readTextFile(file);
  return 'text' in read ? read.text : undefined;
}
