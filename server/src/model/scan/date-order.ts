// Day and month in all-numeric dates, decided in this order: the corpus's declared convention;
// the document's own evidence (`10/14/50` can only be month/day; `10/09/50` in a document dated
// 9 October is month/day; `1.10.50` in a telegram closing `1 October 1950` is day.month); the
// order the corpus's other documents agree on; else the default, marked as a guess.

import type { DateConventions, DateMention, TranscribedDocument } from '../types.js';
import { isAllNumeric } from '../dates.js';
import type { ScanOptions } from '../scanner.js';

export type Orders = Partial<Pick<DateConventions, 'slashes' | 'dots'>>;

/** The orders of one document's numeric dates, from its own lines, else from `fallbackOrders`. */
export function inferConventions(
  lines: readonly string[],
  options: Pick<ScanOptions, 'conventions' | 'declared'>,
  fallbackOrders: Orders,
  first: number,
  last: number,
  dated: DateMention | undefined,
): { conventions: DateConventions; undetermined: Array<'slashes' | 'dots'>; byCorpus: Array<'slashes' | 'dots'> } {
  const declared = options.declared ?? { slashes: true, dots: true };
  const conventions: DateConventions = { ...options.conventions, basis: { ...options.conventions.basis } };
  const undetermined: Array<'slashes' | 'dots'> = [];
  const byCorpus: Array<'slashes' | 'dots'> = [];
  for (const what of ['slashes', 'dots'] as const) {
    if (declared[what]) continue;
    const pattern = what === 'slashes' ? /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?![\d/])/g : /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?![\d.])/g;
    let dayFirst: string | undefined;
    let monthFirst: string | undefined;
    const matchesDate: { dayFirst?: string; monthFirst?: string } = {};
    // A numeric heading date is read by the order in question: it cannot be evidence of it.
    const day = dated?.precision === 'day' && !isAllNumeric(dated) ? dated.value : undefined;
    for (let line = first; line <= last; line++) {
      for (const m of lines[line]!.matchAll(pattern)) {
        const a = Number(m[1]);
        const b = Number(m[2]);
        if (a > 12 && b <= 12) dayFirst ??= m[0];
        if (b > 12 && a <= 12) monthFirst ??= m[0];
        if (day && a !== b && a === day.day && b === day.month) matchesDate.dayFirst ??= m[0];
        if (day && a !== b && a === day.month && b === day.day) matchesDate.monthFirst ??= m[0];
      }
    }
    const orders = what === 'slashes' ? (['day/month/year', 'month/day/year'] as const) : (['day.month.year', 'month.day.year'] as const);
    const set = (order: 0 | 1, basis: string) => {
      if (what === 'slashes') conventions.slashes = orders[order] as DateConventions['slashes'];
      else conventions.dots = orders[order] as DateConventions['dots'];
      conventions.basis![what] = basis;
    };
    if (dayFirst && !monthFirst) set(0, `inferred for this document from ${dayFirst}`);
    else if (monthFirst && !dayFirst) set(1, `inferred for this document from ${monthFirst}`);
    else if (!dayFirst && !monthFirst && matchesDate.dayFirst && !matchesDate.monthFirst) set(0, `inferred: ${matchesDate.dayFirst} is the document's own date`);
    else if (!dayFirst && !monthFirst && matchesDate.monthFirst && !matchesDate.dayFirst) set(1, `inferred: ${matchesDate.monthFirst} is the document's own date`);
    else {
      const fromCorpus = fallbackOrders[what];
      if (fromCorpus) {
        set(orders.indexOf(fromCorpus as never) as 0 | 1, `inferred from the corpus: its other documents read ${what} so`);
        byCorpus.push(what);
      } else {
        conventions.basis![what] = `a guess: marginalia.yaml declares no order for ${what} and the document does not decide`;
        undetermined.push(what);
      }
    }
  }
  return { conventions, undetermined, byCorpus };
}

/**
 * Where the document's numeric dates did not decide the order of `what`, its written-out dates
 * may: `1.10.50` in a telegram that closes `1 October 1950` is day.month. Ambiguous dates are
 * read again by the order the document bears out; when it bears out none, they are marked
 * undetermined, or kept as read (`keep`: the corpus's order read them).
 */
export function settleByWrittenDates(doc: TranscribedDocument, what: 'slashes' | 'dots', otherwise: 'undetermined' | 'keep' = 'undetermined'): 'as read' | 'swapped' | undefined {
  const separator = what === 'slashes' ? '/' : '.';
  const numeric = doc.dates.filter((d) => d.reading.ambiguous && d.value?.day !== undefined && isAllNumeric(d) && d.text.includes(separator));
  if (numeric.length === 0) return undefined;
  const key = (v: { year: number; month?: number; day?: number }) => `${v.year}-${v.month}-${v.day}`;
  const written = new Map<string, DateMention>();
  for (const d of doc.dates) if (d.value?.day !== undefined && !isAllNumeric(d)) written.set(key(d.value), d);
  const swap = (v: { year: number; month?: number; day?: number }) => ({ year: v.year, month: v.day!, day: v.month! });
  const asRead = numeric.find((d) => written.has(key(d.value!)));
  const swapped = numeric.find((d) => written.has(key(swap(d.value!))));
  if (asRead && !swapped) {
    const basis = `inferred: ${asRead.text} is written out as ${written.get(key(asRead.value!))!.text} in the document`;
    for (const d of numeric) d.reading.convention = `${orderOf(d)} (${basis})`;
    return 'as read';
  }
  if (swapped && !asRead) {
    const basis = `inferred: ${swapped.text} is written out as ${written.get(key(swap(swapped.value!)))!.text} in the document`;
    for (const d of numeric) {
      d.value = swap(d.value!);
      d.reading.convention = `${swapOrder(orderOf(d))} (${basis})`;
    }
    return 'swapped';
  }
  if (otherwise === 'undetermined') for (const d of numeric) d.reading.undetermined = true;
  return undefined;
}

/** The order every document that decides for itself agrees on, per separator. */
export function agreedOrders(documents: Iterable<TranscribedDocument>): Partial<Pick<DateConventions, 'slashes' | 'dots'>> {
  // One pass for both separators: a file of 2,000 documents is walked at every keystroke.
  const seen = { slashes: new Set<string>(), dots: new Set<string>() };
  for (const doc of documents) {
    const orders = doc.dateOrders;
    if (orders?.slashes.by === 'document') seen.slashes.add(orders.slashes.order);
    if (orders?.dots.by === 'document') seen.dots.add(orders.dots.order);
  }
  const out: Partial<Pick<DateConventions, 'slashes' | 'dots'>> = {};
  for (const what of ['slashes', 'dots'] as const) if (seen[what].size === 1) Object.assign(out, { [what]: [...seen[what]][0] });
  return out;
}

/** Whether a document's undecided orders are those `fallback` gives (so it needs no new reading). */
export function readsByFallback(doc: TranscribedDocument, fallback: Partial<Pick<DateConventions, 'slashes' | 'dots'>>): boolean {
  const agrees = (what: 'slashes' | 'dots') => {
    const choice = doc.dateOrders?.[what];
    if (!choice || choice.by === 'declared' || choice.by === 'document') return true;
    return choice.by === 'corpus' ? fallback[what] === choice.order : fallback[what] === undefined;
  };
  return agrees('slashes') && agrees('dots');
}

/** `day.month.year` ↔ `month.day.year` (and the year-less `day.month`). */
export function swapOrder<T extends string>(order: T): T {
  return order.replace(/^(day|month)(.)(day|month)/, '$3$2$1') as T;
}

/** `day.month.year` from a reading's convention text. */
export function orderOf(d: DateMention): string {
  return d.reading.convention.split(' (')[0]!;
}
