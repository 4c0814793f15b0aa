// The years a corpus's documents cover, for the label of a person's role (`Role in 1950`), kept
// for each reading of a file so that a hover does not walk every document.

import { documentDay, type Corpus } from '../corpus/index.js';
import type { TranscriptionFile } from '../model/types.js';

export function roleLabel(corpus: Corpus): string {
  let min = Infinity;
  let max = -Infinity;
  for (const file of corpus.allFiles()) {
    const years = yearsOf(file);
    min = Math.min(min, years.min);
    max = Math.max(max, years.max);
  }
  if (!Number.isFinite(min)) return 'Role';
  return min === max ? `Role in ${min}` : `Role in ${min}–${max}`;
}

/** The first and last year a file's documents are dated, once for each reading of the file. */
const yearsOfFile = new WeakMap<TranscriptionFile, { min: number; max: number }>();

function yearsOf(file: TranscriptionFile): { min: number; max: number } {
  let years = yearsOfFile.get(file);
  if (years) return years;
  years = { min: Infinity, max: -Infinity };
  for (const document of file.documents) {
    const value = documentDay(document)?.value;
    if (!value) continue;
    years.min = Math.min(years.min, value.year);
    years.max = Math.max(years.max, value.year);
  }
  yearsOfFile.set(file, years);
  return years;
}
