import type { TransmissionStamp } from '../../model/types.js';
import { certainlyBefore, stampReading, type Reading } from '../chronology.js';
import { at, describeStamp, line } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

/** sent/submitted ≤ received ≤ arrived ≤ deciphered ≤ typed */
const stampRank: Partial<Record<TransmissionStamp['action'], number>> = {
  submitted: 0,
  sent: 0,
  transmitted: 0,
  received: 1,
  arrived: 2,
  deciphered: 3,
  typed: 4,
};

export const stampOrder: Rule = {
  code: 'stamp-order',
  defaultSeverity: 'warning',
  description: 'stamps out of order: sent/submitted ≤ received ≤ arrived ≤ deciphered ≤ typed (forwarding inside an institution is not ranked)',
  reads: 'document',
  check({ corpus, uri, doc }) {
    const ranked = doc.stamps
      .map((stamp) => ({ stamp, rank: stampRank[stamp.action], reading: stampReading(stamp, doc, corpus.registry, corpus.settings.receivedAt) }))
      .filter((s): s is { stamp: TransmissionStamp; rank: number; reading: Reading } => s.rank !== undefined && s.reading !== undefined);
    const out: RuleFinding[] = [];
    for (const later of ranked) {
      const earlier = ranked.find((e) => e.rank < later.rank && certainlyBefore(later.reading, e.reading));
      if (!earlier) continue;
      out.push({
        range: later.stamp.range,
        message: `Stamps out of order: ${describeStamp(later.stamp)} (${line(later.stamp.range)}) comes before ${describeStamp(earlier.stamp)} (${line(earlier.stamp.range)}).`,
        related: [at(uri, earlier.stamp.range, `${describeStamp(earlier.stamp)}`)],
      });
    }
    return out;
  },
};
