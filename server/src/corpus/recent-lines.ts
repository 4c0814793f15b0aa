// The lines of the transcriptions last asked about: hovers, symbols and previews ask for a file's
// lines again and again, and splitting a file of a few megabytes costs milliseconds each time.
// Kept per reading of a file (a new reading is split anew), for a few files only.

import { splitLines } from '../model/text.js';
import type { TranscriptionFile } from '../model/types.js';

const kept = 32;

export class RecentLines {
  private readonly byUri = new Map<string, { reading: TranscriptionFile | undefined; lines: string[] }>();

  /** The lines of `uri`'s `text`, as read by `reading`. */
  of(uri: string, reading: TranscriptionFile | undefined, text: () => string): string[] {
    const known = this.byUri.get(uri);
    this.byUri.delete(uri); // the last asked about stands last: the oldest goes first
    const lines = known && known.reading === reading ? known.lines : splitLines(text());
    this.byUri.set(uri, { reading, lines });
    if (this.byUri.size > kept) this.byUri.delete(this.byUri.keys().next().value!);
    return lines;
  }
}
