// A large corpus read on every core: its files are scanned in worker threads (scan-worker.ts),
// each with its own registry and name matcher, and taken into one Corpus in the order a single
// thread reads them, so that the facts are the same. The one thing a file's reading takes from
// the files before it is the order of day and month that the corpus bears out
// (`Corpus.dateOrders`): a worker reads each file with none, and a file with a document that
// decides no order itself is read again here, in its turn, when the corpus by then bears one out.

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CorpusSettings, TranscriptionFile } from '../model/types.js';
import { listTranscriptions, loadCorpus, noteSkippedFile, readInto, readRegistry, readSettings, uriOf } from './disk.js';
import { Corpus } from './index.js';

export interface ScanRequest {
  uri: string;
  file: string;
}

export type ScanReply = ScanRequest & ({ written: string; facts: TranscriptionFile; readsCorpusOrders: boolean } | { skipped: string });

export interface WorkerSetup {
  settings: CorpusSettings;
  registryFiles: Array<{ file: string; text: string }>;
}

/** Files handed to a worker at a time: few messages, and the work still evens out. */
const batchSize = 8;

/**
 * How many threads to read a corpus with: one unless asked. Measured on 10,000 generated
 * documents (8.8 MB), two threads took 1.6 times the wall time and CPU time of one on a shared
 * two-core machine: the facts that cross are 99 MB when serialised (eleven times the text), and
 * copying them costs, in one process, about 40% of the scan's time to serialise (in the workers)
 * and 30% to deserialise (here, one file after another, while the workers compete for the same
 * two cores). Threads will pay once the facts that cross are smaller (names resolved in a second
 * pass, positions relative to a document) or the per-file checks run in the workers too.
 */
export function threadsFor(asked?: number): number {
  return asked === undefined ? 1 : Math.max(1, Math.min(16, Math.floor(asked)));
}

/**
 * Whether the facts of `text` may depend on the orders the rest of the corpus bears out: some
 * document decides the order of a separator that marginalia.yaml does not declare by nothing of
 * its own (see date-order.ts). Such a file is read with the corpus's orders, in its turn.
 */
export function readsCorpusOrders(settings: CorpusSettings, facts: TranscriptionFile): boolean {
  const declared = settings.datesDeclared;
  if (declared.slashes && declared.dots) return false;
  // The scanner has recorded it: a separator the document neither declares nor decides itself.
  return facts.documents.some((doc) => (['slashes', 'dots'] as const).some((what) => !['declared', 'document'].includes(doc.dateOrders?.[what].by ?? 'declared')));
}

/** `loadCorpus`, with the files scanned on `threads` threads (by default, as `threadsFor` says). */
export async function loadCorpusInParallel(root: string, threads?: number): Promise<Corpus> {
  const n = threadsFor(threads);
  if (n <= 1) return loadCorpus(root);
  const settings = readSettings(root);
  const registryFiles = readRegistry(settings);
  const corpus = new Corpus(settings, registryFiles);
  const files = listTranscriptions(settings);
  const replies = await scanInWorkers(n, { settings, registryFiles }, files, (reply) => take(corpus, reply));
  // A worker that failed left its files unread: they are read here, in their turn.
  for (let i = replies.next; i < files.length; i++) {
    const reply = replies.got[i];
    if (reply) take(corpus, reply);
    else readInto(corpus, files[i]!);
  }
  corpus.settleDateOrders();
  return corpus;
}

function take(corpus: Corpus, reply: ScanReply): void {
  // A file the worker could not read is tried here, which says why on marginalia.yaml.
  if ('skipped' in reply) return readInto(corpus, reply.file);
  noteSkippedFile(corpus.settings, reply.file, undefined);
  if (reply.readsCorpusOrders && Object.keys(corpus.dateOrders(reply.uri)).length > 0) corpus.setFile(reply.uri, reply.written);
  else corpus.adoptFile(reply.uri, reply.written, reply.facts);
}

/**
 * Scans `files` on `n` workers and hands each reply to `take` in the files' order, as soon as
 * every reply before it has come. Resolves when the workers have ended, with what was not yet
 * taken (`next` onwards) if one of them failed.
 */
function scanInWorkers(n: number, setup: WorkerSetup, files: readonly string[], take: (reply: ScanReply) => void): Promise<{ next: number; got: Array<ScanReply | undefined> }> {
  const requests: ScanRequest[] = files.map((file) => ({ uri: uriOf(file), file }));
  const got: Array<ScanReply | undefined> = new Array(requests.length);
  let next = 0;
  let sent = 0;
  let running = n;
  return new Promise((resolve) => {
    for (let w = 0; w < n; w++) {
      const worker = new Worker(path.join(__dirname, 'scan-worker.js'), { workerData: setup });
      const give = () => {
        if (sent >= requests.length) {
          void worker.terminate();
          return;
        }
        const from = sent;
        sent = Math.min(sent + batchSize, requests.length);
        worker.postMessage({ from, requests: requests.slice(from, sent) });
      };
      worker.on('message', (m: { from: number; replies: ScanReply[] }) => {
        m.replies.forEach((r, k) => (got[m.from + k] = r));
        give();
        for (; next < got.length && got[next]; next++) {
          take(got[next]!);
          got[next] = undefined;
        }
      });
      worker.on('error', () => {
        // Its files are read on this thread instead (see loadCorpusInParallel).
      });
      worker.on('exit', () => {
        if (--running === 0) resolve({ next, got });
      });
      give();
    }
  });
}
