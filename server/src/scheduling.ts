// When the server's work runs, so that no request waits behind work it does not need: the first
// index of the workspace in slices that yield to the event loop (requests are answered meanwhile
// from what is read so far), long requests in slices that a cancellation stops, and edits whose
// analysis waits for the typist to pause (a keystroke replaces the one before it that was not
// analysed yet; the registry and marginalia.yaml, whose reloads reach every file, wait longer). Knows
// nothing of LSP: the server hands it what to publish and how to report progress.

import type { Publication } from './publication.js';
import { pathOf, type CorpusHandle, type Workspace } from './workspace.js';

/** How much transcription text one slice of indexing reads before it lets requests in. */
const sliceChars = 32 * 1024;
/**
 * How often, while indexing, the files read meanwhile are checked and their diagnostics sent: at
 * most every 300 ms, and never more than a fifth of the time (each publication re-links the
 * documents read so far, which costs more as the corpus grows).
 */
const publishEveryMs = 300;
const publishShare = 0.2;
/** How often the progress (`n/N files`) is reported while indexing. */
const reportEveryMs = 250;
/** How long a slice of a request (or of idle work) runs before it lets other messages (a cancellation) in. */
const requestSliceMs = 10;

/** Resolves on the event loop's next turn, after the messages that arrived meanwhile. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Thrown by `inSlices` when the work was cancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Runs `work` (a generator that yields where it may pause) to its result, letting the event loop
 * turn every few milliseconds; rejects with `Cancelled` as soon as the request is cancelled.
 */
export async function inSlices<T>(work: Generator<unknown, T>, request: { readonly isCancellationRequested: boolean }): Promise<T> {
  let deadline = performance.now() + requestSliceMs;
  for (;;) {
    if (request.isCancellationRequested) throw new Cancelled();
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() >= deadline) {
      await nextTurn();
      deadline = performance.now() + requestSliceMs;
    }
  }
}

/** `done` of `total` files read, `root` the corpus being read. */
export type IndexingProgress = (root: string, done: number, total: number) => void;

/** What indexing and edits need of publication: to check and publish, and the status it sends. */
type Publishing = Pick<Publication<unknown>, 'indexing' | 'publishCorpus' | 'sendStatus' | 'afterChange'>;

/**
 * The first index of the workspace's folders, in slices. Every corpus is known (and asked about)
 * from the start; its files are read a slice at a time, the files read are checked and published
 * every `publishEveryMs`, and once a corpus is read in full its date orders are settled and every
 * file is checked again, so that what a file read later changed in one published earlier (the
 * corpus's orders, a reply and its message) is published too: the end is what a fresh index gives.
 */
export class Indexing {
  private running = false;
  /** Per corpus root, the files read (by the slices or on demand) and not yet published. */
  private readonly unpublished = new Map<string, Set<string>>();
  private corpora: Array<{ handle: CorpusHandle; files: string[] }> = [];

  constructor(
    private readonly workspace: Workspace,
    private readonly publication: Publishing,
  ) {}

  get active(): boolean {
    return this.running;
  }

  /**
   * Makes the folders' corpora known, none of their files read: from now on a request about one
   * of their files reads that file (`readNow`) rather than the whole corpus at once.
   */
  begin(folders: string[]): void {
    this.running = true;
    this.publication.indexing = true;
    this.corpora = folders.flatMap((folder) => this.workspace.beginFolder(folder));
    for (const { handle } of this.corpora) this.unpublished.set(handle.root, new Set());
  }

  /** Reads the corpora `begin` made known, a slice at a time. */
  async run(progress: IndexingProgress): Promise<void> {
    this.publication.sendStatus();
    const handles = this.corpora.map((c) => c.handle);
    try {
      for (const { handle, files } of this.corpora) await this.readCorpus(handle, files, progress);
    } finally {
      this.corpora = [];
      this.running = false;
      this.unpublished.clear();
      this.publication.indexing = false;
      this.publication.sendStatus();
    }
    void this.gatherWords(handles);
  }

  /** Once indexed, while idle: the words of every file, which the first registry edit would otherwise gather at once. */
  private async gatherWords(handles: CorpusHandle[]): Promise<void> {
    for (const handle of handles) {
      while (this.workspace.handleOf(handle.root) === handle) {
        const deadline = performance.now() + requestSliceMs;
        if (handle.corpus.gatherWords(() => performance.now() >= deadline)) break;
        await nextTurn();
      }
    }
  }

  /** A request about a file not read yet: read it now, so that the answer knows it. */
  readNow(uri: string, handle: CorpusHandle | undefined): void {
    const pending = handle && this.unpublished.get(handle.root);
    const file = handle && this.workspace.roleOf(uri, handle) === 'transcription' ? pathOf(uri) : undefined;
    if (!pending || !file) return;
    if (this.workspace.readFile(handle, file)) pending.add(uri);
  }

  private async readCorpus(handle: CorpusHandle, files: string[], progress: IndexingProgress): Promise<void> {
    const { workspace } = this;
    const current = () => workspace.handleOf(handle.root) === handle;
    const pending = this.unpublished.get(handle.root)!;
    let nextPublication = performance.now() + publishEveryMs;
    let nextReport = 0;
    for (let i = 0; i < files.length && current(); ) {
      for (let chars = 0; i < files.length && chars < sliceChars; i++) {
        const uri = workspace.readFile(handle, files[i]!);
        if (uri) {
          pending.add(uri);
          chars += handle.corpus.text(uri)?.length ?? 0;
        }
      }
      if (performance.now() >= nextPublication) {
        const start = performance.now();
        this.publishRead(handle);
        const cost = performance.now() - start;
        nextPublication = start + cost + Math.max(publishEveryMs, cost / publishShare);
      }
      if (performance.now() >= nextReport) {
        progress(handle.root, i, files.length);
        nextReport = performance.now() + reportEveryMs;
      }
      await nextTurn();
    }
    // Reloaded meanwhile (marginalia.yaml changed): the new corpus was read in full and published.
    if (!current()) return;
    workspace.finishLoading(handle);
    pending.clear();
    progress(handle.root, files.length, files.length);
    this.publish(handle, new Set(), true);
  }

  private publishRead(handle: CorpusHandle): void {
    const pending = this.unpublished.get(handle.root)!;
    this.publish(handle, new Set(pending), false);
    pending.clear();
  }

  private publish(handle: CorpusHandle, files: Set<string>, all: boolean): void {
    this.publication.publishCorpus(handle, files, all);
    this.publication.sendStatus();
  }
}

/**
 * How long a file's analysis waits for the typist to pause. A transcription's waits only for the
 * messages that have already arrived (a burst sent together is one scan; keystrokes that arrive
 * while a scan runs are one scan after it); a registry's reload reads the whole registry and
 * re-checks every file; marginalia.yaml's reads the corpus again.
 */
const analysisDelayMs = { transcription: 0, registry: 250, settings: 500 } as const;

/**
 * Edits of open buffers whose analysis waits for a pause: the text of each is known at once
 * (`textOf`), the index learns it when its timer fires or when a request needs it. A newer text
 * of the same file replaces the one waiting, so a burst of keystrokes costs one scan. A request
 * about a transcription sees its file's last edit and the registry's (which change how it
 * reads), not other transcriptions' (a hover does not wait for another file's re-scan); a
 * request about the registry itself lets the registry's wait; a request whose answer points into
 * other files (`beforeCorpusRequest`) sees every edit.
 */
export class PendingEdits {
  private readonly waiting = new Map<string, { text: string; timer: NodeJS.Timeout }>();

  constructor(
    private readonly workspace: Workspace,
    private readonly publication: Publishing,
  ) {}

  private roleOf(uri: string) {
    const handle = this.workspace.handleFor(uri);
    return handle && this.workspace.roleOf(uri, handle);
  }

  private apply(uri: string, text: string): void {
    this.publication.afterChange(this.workspace.setText(uri, text));
  }

  /** `uri` now reads `text`; analysed after a pause unless a newer text or a request comes first. */
  set(uri: string, text: string): void {
    clearTimeout(this.waiting.get(uri)?.timer);
    const role = this.roleOf(uri);
    const delay = role === 'registry' || role === 'settings' ? analysisDelayMs[role] : analysisDelayMs.transcription;
    const timer = setTimeout(() => this.flush(uri), delay);
    this.waiting.set(uri, { text, timer });
  }

  /** Before a request about `uri`: what its answer depends on analysed. */
  beforeRequestOn(uri: string): void {
    if (this.waiting.size === 0) return;
    const role = this.roleOf(uri);
    if (role === 'registry') return;
    this.flushAll((other) => other !== uri && (role !== 'transcription' || this.roleOf(other) !== 'registry'));
  }

  /** Before a request whose answer spans the corpus (references, definition, symbols, the whole check). */
  beforeCorpusRequest(): void {
    this.flushAll();
  }

  /** The text waiting for `uri`, if any. */
  textOf(uri: string): string | undefined {
    return this.waiting.get(uri)?.text;
  }

  private flush(uri: string): void {
    const entry = this.waiting.get(uri);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(uri);
    this.apply(uri, entry.text);
  }

  /** Analyses every text waiting, except those `keep` says may wait (`keep` omitted: all). */
  private flushAll(keep: (uri: string) => boolean = () => false): void {
    for (const uri of [...this.waiting.keys()]) if (!keep(uri)) this.flush(uri);
  }

  /** Forgets what waits for `uri` (the buffer was closed: the disk is the truth again). */
  drop(uri: string): void {
    clearTimeout(this.waiting.get(uri)?.timer);
    this.waiting.delete(uri);
  }
}
