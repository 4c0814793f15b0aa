// Show Mentions by Role: an entry's mentions grouped by document and, within each, by the part the
// entry plays there (sender, recipient, through whom, on the distribution list, mentioned), which
// LSP's flat list of references cannot say.

import type { Corpus } from '../corpus/index.js';
import { containsRange } from '../model/text.js';
import type { Correspondent, NameMention, Position, TranscribedDocument } from '../model/types.js';
import type { DocumentMentions, MentionRole, MentionsByRole } from '../protocol.js';
import { factsAt } from './facts.js';
import { documentTitle } from './hover-documents.js';
import { mentionsOf, type MentionAt } from './identity.js';
import { countedOnce, subjectAt } from './navigation.js';

const roleOrder: readonly MentionRole[] = ['sender', 'recipient', 'via', 'distribution', 'mentioned'];

/** `toClient` writes a URI as the editor knows it. */
export function mentionsByRole(corpus: Corpus, uri: string, position: Position, toClient = (u: string) => u): MentionsByRole | null {
  for (const fact of factsAt(corpus, uri, position)) {
    const subject = subjectAt(corpus, fact);
    if (!subject) continue;
    // The copy of a header in a page title is no mention in a document of its own.
    const mentions = countedOnce(mentionsOf(corpus, subject)).filter((m) => m.range === m.mention.range);
    const documents: DocumentMentions[] = [];
    let current: { doc: TranscribedDocument; out: DocumentMentions } | undefined;
    for (const m of mentions) {
      if (current?.doc !== m.doc) {
        current = { doc: m.doc, out: { uri: toClient(m.uri), title: documentTitle(m.doc), range: m.doc.header?.range ?? m.doc.range, roles: [] } };
        documents.push(current.out);
      }
      addMention(current.out, roleOf(m.doc, m.mention), m, corpus.lines(m.uri));
    }
    for (const d of documents) d.roles.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
    return { subject: subject.name, mentions: mentions.length, documents };
  }
  return null;
}

function addMention(doc: DocumentMentions, role: MentionRole, m: MentionAt, lines: string[]): void {
  let group = doc.roles.find((g) => g.role === role);
  if (!group) doc.roles.push((group = { role, mentions: [] }));
  group.mentions.push({ range: m.range, text: m.mention.text, line: (lines[m.range.start.line] ?? '').trim() });
}

/** The part a name plays where it stands: in the header's (or an enclosure's) parties, a distribution list, or the text. */
function roleOf(doc: TranscribedDocument, mention: NameMention): MentionRole {
  const holds = (c: Correspondent) => containsRange(c.range, mention.range) || (c.identification !== undefined && containsRange(c.identification.range, mention.range));
  const parties = [doc.header, ...doc.enclosures].filter((p) => p !== undefined);
  for (const p of parties) {
    if (p.from.some(holds)) return 'sender';
    const to = p.to.find(holds);
    if (to) return to.via ? 'via' : 'recipient';
  }
  if (doc.distributionLists.some((l) => l.recipients.some((r) => containsRange(r.range, mention.range)))) return 'distribution';
  return 'mentioned';
}
