import { documentDay } from '../../corpus/index.js';
import { editorsReading, firstDay, formatDate, lastDay } from '../../model/dates.js';
import { at, docName, line } from './evidence.js';
import type { Rule, RuleFinding } from './rule.js';

export const replyBeforeMessage: Rule = {
  code: 'reply-before-message',
  defaultSeverity: 'warning',
  description: 'a reply dated before the message it answers: `your telegram of 1.10.50` in a document dated before 1 October 1950',
  // The finding points at the message answered, wherever in the corpus it is.
  reads: 'corpus',
  check({ corpus, uri, doc }) {
    if (!doc.crossReferences.some((x) => x.target.kind === 'message-of-date')) return [];
    const day = documentDay(doc);
    if (!day) return [];
    const { mention: dated, value } = day;
    const out: RuleFinding[] = [];
    for (const x of doc.crossReferences) {
      if (x.target.kind !== 'message-of-date') continue;
      const answered = editorsReading(x.target.date);
      if (!answered || firstDay(answered) <= lastDay(value)) continue;
      const targets = corpus.resolve(x, { uri, document: doc });
      out.push({
        range: x.range,
        message: `${docName(doc)} is dated ${formatDate(value)} (${line(dated.range)}) but answers a ${x.target.what} of ${formatDate(answered)} (${line(x.range)}).`,
        related: [
          at(uri, dated.range, `${docName(doc)} is dated ${formatDate(value)} here`),
          ...targets.map((t) => at(t.uri, t.document.header?.range ?? t.document.range, `the ${x.target.kind === 'message-of-date' ? x.target.what : 'message'} of ${formatDate(answered)}`)),
        ],
      });
    }
    return out;
  },
};
