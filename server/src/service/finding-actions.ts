// What the editors can do about a finding without touching the transcription: accept it in
// marginalia.yaml with their reason, change its rule's severity for the corpus, or read what the
// rule checks. The code actions run client commands (the reason and the severity are asked
// there); the edits to marginalia.yaml are made here, from its text.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleByCode } from '../checks/rules/index.js';
import type { Corpus } from '../corpus/index.js';
import { acceptEdit, ruleSeverityEdit } from '../corpus/settings-edit.js';
import { comparePositions } from '../model/text.js';
import type { Finding, Range } from '../model/types.js';
import { findingCommands, type AcceptDiscrepancyParams, type CorpusFileEdit, type RuleDescription, type RuleSeverityParams } from '../protocol.js';
import type { CodeActionData } from './editing.js';

/** Kinds under `quickfix`, so that VS Code shows them beside the finding (its light bulb leaves out `source` actions). */
export const findingActionKinds = {
  accept: 'quickfix.marginalia.accept',
  severity: 'quickfix.marginalia.severity',
  describe: 'quickfix.marginalia.describe',
} as const;

/** The three actions for each rule's finding among `findings` that `range` touches, once per rule and document. */
export function findingActions(corpus: Corpus, uri: string, range: Range, findings: Finding[]): CodeActionData[] {
  const out: CodeActionData[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const rule = ruleByCode(f.code);
    if (!rule || comparePositions(f.range.end, range.start) < 0 || comparePositions(range.end, f.range.start) < 0) continue;
    const document = f.documentIndex === undefined ? undefined : corpus.file(uri)?.documents[f.documentIndex]?.header?.number;
    const key = `${f.code} ${document ?? f.documentIndex ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const accept: Omit<AcceptDiscrepancyParams, 'reason'> = { uri, code: f.code };
    // `accepted:` names a document by its number; a document without one can only be accepted with its whole file.
    const wholeFile = document === undefined && (corpus.file(uri)?.documents.length ?? 0) > 1;
    if (document !== undefined) accept.document = document;
    const severity: Omit<RuleSeverityParams, 'severity'> & { current: Finding['severity'] } = { uri, code: f.code, current: f.severity };
    const description: RuleDescription = { code: rule.code, description: rule.description, severity: f.severity };
    out.push(
      { title: wholeFile ? `Accept ${f.code} in every document of this file…` : 'Accept this discrepancy…', kind: findingActionKinds.accept, edits: [], fixes: [f.code], command: { command: findingCommands.accept, arguments: [accept] } },
      { title: `Change the severity of ${f.code} for the corpus…`, kind: findingActionKinds.severity, edits: [], fixes: [f.code], command: { command: findingCommands.severity, arguments: [severity] } },
      { title: `Show the description of ${f.code}`, kind: findingActionKinds.describe, edits: [], fixes: [f.code], command: { command: findingCommands.describe, arguments: [description] } },
    );
  }
  return out;
}

/** The `accepted:` entry for a finding, with the file named relative to the corpus's folder. */
export function acceptDiscrepancyEdit(corpus: Corpus, settingsUri: string, settingsText: string, params: AcceptDiscrepancyParams): CorpusFileEdit | null {
  const reason = params.reason.trim();
  if (!reason) return null;
  const file = params.uri.startsWith('file:') ? fileURLToPath(params.uri) : params.uri;
  const relative = path.relative(corpus.settings.root, file).split(path.sep).join('/');
  const entry = { code: params.code, file: relative, reason, ...(params.document !== undefined ? { document: params.document } : {}) };
  const edit = acceptEdit(settingsText, entry);
  return edit ? { uri: settingsUri, ...edit } : null;
}

export function ruleSeverityEditFor(settingsUri: string, settingsText: string, params: RuleSeverityParams): CorpusFileEdit | null {
  if (!ruleByCode(params.code)) return null;
  const edit = ruleSeverityEdit(settingsText, params.code, params.severity);
  return edit ? { uri: settingsUri, ...edit } : null;
}
