// A worker thread of parallel.ts: it reads and scans the files it is handed with its own copy of
// the corpus's registry and settings, one file at a time and with no corpus orders, and sends
// back each file's text and facts.

import { parentPort, workerData } from 'node:worker_threads';
import { fileSizeLimit } from './settings.js';
import { readTextFile } from './disk.js';
import { Corpus } from './index.js';
import { readsCorpusOrders, type ScanReply, type ScanRequest, type WorkerSetup } from './parallel.js';

const { settings, registryFiles } = workerData as WorkerSetup;
// An empty corpus of the same registry and settings: each file is set and deleted again, so
// every file is read as the first of its corpus.
const corpus = new Corpus(settings, registryFiles);

function scan({ uri, file }: ScanRequest): ScanReply {
  const read = readTextFile(file, fileSizeLimit(settings));
  if (!('text' in read)) return { uri, file, skipped: read.skipped };
  const facts = corpus.setFile(uri, read.text);
  corpus.deleteFile(uri);
  return { uri, file, written: read.text, facts, readsCorpusOrders: readsCorpusOrders(settings, facts) };
}

parentPort?.on('message', (m: { from: number; requests: ScanRequest[] }) => {
  parentPort!.postMessage({ from: m.from, replies: m.requests.map(scan) });
});
