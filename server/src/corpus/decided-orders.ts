// How many of a file's documents decide the order of day and month for themselves: the counts
// the corpus keeps, file by file, to say which order its documents bear out (see Corpus.dateOrders).

import type { TranscriptionFile } from '../model/types.js';

/** How many of a file's documents decide each order for themselves, by `slashes month/day/year`. */
export function decidedOrders(facts: TranscriptionFile | undefined): ReadonlyMap<string, number> {
  if (!facts) return new Map();
  let out = decidedBy.get(facts);
  if (out) return out;
  const slashes = new Map<string, number>();
  const dots = new Map<string, number>();
  for (const doc of facts.documents) {
    const orders = doc.dateOrders;
    if (orders?.slashes.by === 'document') slashes.set(orders.slashes.order, (slashes.get(orders.slashes.order) ?? 0) + 1);
    if (orders?.dots.by === 'document') dots.set(orders.dots.order, (dots.get(orders.dots.order) ?? 0) + 1);
  }
  out = new Map([...[...slashes].map(([order, n]) => [`slashes ${order}`, n] as const), ...[...dots].map(([order, n]) => [`dots ${order}`, n] as const)]);
  decidedBy.set(facts, out);
  return out;
}

/** Each reading's counts, made once: an edit asks them of the file before and after it several times. */
const decidedBy = new WeakMap<TranscriptionFile, ReadonlyMap<string, number>>();

/** `slashes month/day/year` → the separator and the order. */
export function splitOrderKey(key: string): ['slashes' | 'dots', string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space) as 'slashes' | 'dots', key.slice(space + 1)];
}
