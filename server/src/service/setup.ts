// Setting up a corpus: whether a text outside any corpus reads as a transcription, so that the
// editor can offer to make its folder a corpus. Read by the scanner itself (default settings, no
// registry), not by a pattern of its own.

import { Corpus } from '../corpus/index.js';
import { outsideCorpusSettings } from '../corpus/settings.js';

const probeUri = 'untitled:marginalia-probe';
/** Enough of a long file to decide: its first documents. */
const probeLength = 100_000;

/**
 * True when the text has a `Document N:` line, a dateline (`London, March 6, 1951—7 p. m.`), or a
 * heading that names a sender and a recipient (`John Hancock to the New York Committee of
 * Safety`): what a transcription of archival documents has and a shopping list has not.
 */
export function looksLikeTranscription(text: string): boolean {
  const corpus = new Corpus(outsideCorpusSettings('/'));
  corpus.setFile(probeUri, text.slice(0, probeLength));
  return (corpus.file(probeUri)?.documents ?? []).some(
    (doc) => doc.header?.number !== undefined || doc.dateline !== undefined || ((doc.header?.from.length ?? 0) > 0 && (doc.header?.to.length ?? 0) > 0),
  );
}
