// The corpora of an editor's workspace, kept in step with the disk and with the editor's open
// buffers (an open buffer wins over the file on disk). Knows files and folders; knows nothing of
// LSP, so the server only forwards events here and asks which files to re-check.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Corpus } from './corpus/index.js';
import { findCorpusRoot, isTranscription, listTranscriptions, readRegistry, readSettings, uriOf } from './corpus/disk.js';
import { settingsFileName } from './corpus/settings.js';

export type FileRole = 'transcription' | 'registry' | 'settings';

export interface CorpusHandle {
  root: string;
  corpus: Corpus;
  settingsUri: string;
}

/** What a change touched: the files whose findings must be published again. */
export interface Affected {
  handle: CorpusHandle;
  /** Transcriptions to re-check; 'all' after a registry or settings change. */
  transcriptions: string[] | 'all';
  registryChanged: boolean;
}

export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class Workspace {
  private readonly corpora = new Map<string, CorpusHandle>();
  private readonly openTexts = new Map<string, string>();
  /** Folders known to hold no corpus, so that files outside any corpus cost nothing twice. */
  private readonly noCorpus = new Set<string>();

  handles(): CorpusHandle[] {
    return [...this.corpora.values()];
  }

  /** Loads every corpus (folder with marginalia.yaml) inside a workspace folder. */
  addFolder(folder: string, onCorpus?: (root: string) => void): void {
    const walk = (dir: string, depth: number) => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      if (entries.some((e) => e.isFile() && e.name === settingsFileName)) {
        onCorpus?.(dir);
        this.load(dir);
      }
      if (depth >= 6) return;
      for (const e of entries) {
        if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && e.name !== 'out' && e.name !== 'dist') walk(path.join(dir, e.name), depth + 1);
      }
    };
    walk(folder, 0);
  }

  private load(root: string): CorpusHandle {
    const settings = readSettings(root);
    const settingsUri = uriOf(path.join(root, settingsFileName));
    const registry = readRegistry(settings).map((r) => ({ file: r.file, text: this.openTexts.get(r.file) ?? r.text }));
    const corpus = new Corpus(settings, registry);
    for (const file of listTranscriptions(settings)) {
      const uri = uriOf(file);
      const text = this.openTexts.get(uri) ?? readText(file);
      if (text !== undefined) corpus.setFile(uri, text);
    }
    const handle = { root, corpus, settingsUri };
    this.corpora.set(root, handle);
    return handle;
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
    if (best) return best;
    const dir = path.dirname(file);
    if (this.noCorpus.has(dir)) return undefined;
    const root = findCorpusRoot(dir);
    if (!root) {
      this.noCorpus.add(dir);
      return undefined;
    }
    return this.load(root);
  }

  roleOf(uri: string, handle: CorpusHandle): FileRole | undefined {
    if (uri === handle.settingsUri) return 'settings';
    if (handle.corpus.settings.registry.some((r) => uriOf(path.resolve(handle.root, r)) === uri)) return 'registry';
    const file = pathOf(uri);
    return file && isTranscription(handle.corpus.settings, file) ? 'transcription' : undefined;
  }

  /** An open buffer's text changed (or the buffer was opened). */
  setText(uri: string, text: string): Affected | undefined {
    this.openTexts.set(uri, text);
    return this.update(uri, text);
  }

  /** The buffer was closed: the file on disk is the truth again. */
  close(uri: string): Affected | undefined {
    this.openTexts.delete(uri);
    const file = pathOf(uri);
    return this.update(uri, file ? readText(file) : undefined);
  }

  /** A file changed, appeared or disappeared on disk (a watcher event). */
  diskChanged(uri: string): Affected | undefined {
    if (this.openTexts.has(uri)) return undefined;
    const file = pathOf(uri);
    if (file) this.noCorpus.delete(path.dirname(file));
    return this.update(uri, file ? readText(file) : undefined);
  }

  private update(uri: string, text: string | undefined): Affected | undefined {
    const handle = this.corpusOf(uri);
    if (!handle) return undefined;
    switch (this.roleOf(uri, handle)) {
      case 'settings': {
        const reloaded = this.load(handle.root);
        return { handle: reloaded, transcriptions: 'all', registryChanged: true };
      }
      case 'registry': {
        const registry = readRegistry(handle.corpus.settings).map((r) => ({ file: r.file, text: r.file === uri && text !== undefined ? text : (this.openTexts.get(r.file) ?? r.text) }));
        handle.corpus.setRegistry(registry);
        return { handle, transcriptions: 'all', registryChanged: true };
      }
      case 'transcription':
        if (text === undefined) handle.corpus.deleteFile(uri);
        else handle.corpus.setFile(uri, text);
        return { handle, transcriptions: [uri], registryChanged: false };
      default:
        return undefined;
    }
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
