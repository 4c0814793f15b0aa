// Runs the rules over a corpus and turns what they find into findings: the severity the corpus
// (marginalia.yaml) or the user (settings) chose, and discrepancies the editors accepted removed
// and counted.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../corpus/index.js';
import type { AcceptedFinding, Finding, Severity, TranscribedDocument } from '../model/types.js';
import { rules } from './rules/index.js';
import type { Rule } from './rules/rule.js';
import { skippedTranscriptionCode } from '../corpus/settings.js';
import { hint, REGISTRY_PROBLEM_CODES } from '../model/registry-values.js';

export { rules };

export interface CheckResult {
  findings: Finding[];
  /** Findings that marginalia.yaml accepts, with the reason given there. */
  accepted: Array<Finding & { reason: string }>;
}

export type SeverityOverrides = Record<string, Severity | 'off'>;

export const settingsRuleCode = 'corpus-settings';

function severityFor(code: string, fallback: Severity, corpus: Corpus, overrides: SeverityOverrides): Severity | 'off' {
  return overrides[code] ?? corpus.settings.rules[code] ?? fallback;
}

/**
 * What the rules that read only their document found there, together, kept while the document is
 * the same reading on the same lines (a document's findings name their lines).
 */
export type KeptFindings = WeakMap<TranscribedDocument, { line: number; index: number; own: CheckResult }>;

/** Each rule's place in the list: findings at one position are listed in the rules' order. */
const ruleOrder = new Map(rules.map((r, i) => [r.code, i]));

/** The findings of one transcription file; with `kept`, a document unchanged since is not checked again by the rules that read only it. */
export function checkFile(corpus: Corpus, uri: string, overrides: SeverityOverrides = {}, kept?: KeptFindings): CheckResult {
  const file = corpus.file(uri);
  const result: CheckResult = { findings: [], accepted: [] };
  if (!file) return result;
  for (const p of file.problems) {
    result.findings.push({ uri, range: p.range, severity: 'error', code: 'unreadable', message: p.message, related: [] });
  }
  const readsDocument = (rule: Rule) => (typeof rule.reads === 'function' ? rule.reads(corpus.registry) : rule.reads) === 'document';
  const own = rules.filter(readsDocument);
  const others = rules.filter((r) => !readsDocument(r));
  const add = (found: CheckResult) => {
    if (found === nothing) return;
    for (const f of found.findings) result.findings.push(f);
    for (const f of found.accepted) result.accepted.push(f);
  };
  for (const doc of file.documents) {
    const before = kept?.get(doc);
    let mine = before && before.line === doc.range.start.line && before.index === doc.index ? before.own : undefined;
    if (!mine) {
      mine = { findings: [], accepted: [] };
      for (const rule of own) {
        const found = checkDocument(corpus, uri, doc, rule, overrides);
        mine.findings.push(...found.findings);
        mine.accepted.push(...found.accepted);
      }
      kept?.set(doc, { line: doc.range.start.line, index: doc.index, own: mine });
    }
    add(mine);
    for (const rule of others) add(checkDocument(corpus, uri, doc, rule, overrides));
  }
  const order = (f: Finding) => ruleOrder.get(f.code) ?? -1;
  result.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || order(a) - order(b));
  result.accepted.sort((a, b) => (a.documentIndex ?? 0) - (b.documentIndex ?? 0) || order(a) - order(b));
  return result;
}

/** What a rule found nowhere: one shared value, since most rules find nothing in most documents. */
const nothing: CheckResult = Object.freeze({ findings: Object.freeze([]) as unknown as Finding[], accepted: Object.freeze([]) as unknown as CheckResult['accepted'] });

function checkDocument(corpus: Corpus, uri: string, doc: TranscribedDocument, rule: Rule, overrides: SeverityOverrides): CheckResult {
  const severity = severityFor(rule.code, rule.defaultSeverity, corpus, overrides);
  if (severity === 'off') return nothing;
  let found;
  try {
    found = rule.check({ corpus, uri, doc });
  } catch (error) {
    found = [{ range: doc.range, message: `The rule ${rule.code} failed on this document (${String(error)}); please report it.`, related: [] }];
  }
  if (found.length === 0) return nothing;
  const result: CheckResult = { findings: [], accepted: [] };
  const chosen = overrides[rule.code] ?? corpus.settings.rules[rule.code];
  for (const { severity: own, ...f } of found) {
    const finding: Finding = { uri, severity: chosen === undefined && own ? own : severity, code: rule.code, documentIndex: doc.index, ...f };
    const acceptance = accepting(corpus, finding, uri, doc);
    if (acceptance) result.accepted.push({ ...finding, reason: acceptance.reason });
    else result.findings.push(finding);
  }
  return result;
}

/** The findings about the registry files and marginalia.yaml. */
export function checkRegistry(corpus: Corpus, settingsUri: string, overrides: SeverityOverrides = {}): Finding[] {
  const out: Finding[] = [];
  for (const p of corpus.registry.problems) {
    const severity = severityFor(p.code, p.severity, corpus, overrides);
    if (severity === 'off') continue;
    out.push({
      uri: p.file,
      range: p.range,
      severity,
      code: p.code,
      message: p.message,
      related: p.related ? [{ uri: p.related.file, range: p.related.range, message: p.related.message }] : [],
    });
  }
  for (const p of corpus.settings.problems) {
    const severity = p.code ? severityFor(p.code, p.severity ?? 'warning', corpus, overrides) : (p.severity ?? 'error');
    if (severity === 'off') continue;
    out.push({ uri: settingsUri, range: p.range, severity, code: p.code ?? settingsRuleCode, message: p.message, related: [] });
  }
  const known = findingCodes();
  for (const { code, range } of corpus.settings.ruleKeys ?? []) {
    if (!known.includes(code)) out.push({ uri: settingsUri, range, severity: 'warning', code: settingsRuleCode, message: `rules: there is no rule "${code}"${hint(code, known, 'codes')} Its severity is not used.`, related: [] });
  }
  return out;
}

/** Every code a finding can have whose severity `rules:` may set. */
function findingCodes(): string[] {
  return [...rules.map((r) => r.code), ...REGISTRY_PROBLEM_CODES, skippedTranscriptionCode];
}

function accepting(corpus: Corpus, finding: Finding, uri: string, doc: TranscribedDocument): AcceptedFinding | undefined {
  return corpus.settings.accepted.find((a) => {
    if (a.code !== finding.code) return false;
    if (a.document !== undefined && a.document !== doc.header?.number) return false;
    if (a.file !== undefined && !sameFile(corpus.settings.root, a.file, uri)) return false;
    return true;
  });
}

function sameFile(root: string, relative: string, uri: string): boolean {
  const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return path.resolve(root, relative) === path.resolve(file);
}

/**
 * The findings of every file of a corpus, kept until the file or what it depends on changes, so
 * that an edit re-checks its own file and its dependents, not the corpus.
 */
export class CorpusFindings {
  private readonly results = new Map<string, CheckResult>();
  /** Kept for one registry and one set of severities: a document's own findings depend on nothing else. */
  private kept: KeptFindings = new WeakMap();
  private keptFor?: Corpus['registry'];

  constructor(
    readonly corpus: Corpus,
    private overrides: SeverityOverrides = {},
  ) {}

  of(uri: string): CheckResult {
    let result = this.results.get(uri);
    if (!result) {
      if (this.keptFor !== this.corpus.registry) {
        this.kept = new WeakMap();
        this.keptFor = this.corpus.registry;
      }
      result = checkFile(this.corpus, uri, this.overrides, this.kept);
      this.results.set(uri, result);
    }
    return result;
  }

  /** Forget the findings of these files ('all' after a registry, settings or rules change, or once a corpus is read). */
  invalidate(uris: Iterable<string> | 'all', overrides?: SeverityOverrides): void {
    if (overrides && JSON.stringify(overrides) !== JSON.stringify(this.overrides)) {
      uris = 'all';
      this.kept = new WeakMap();
    }
    if (overrides) this.overrides = overrides;
    if (uris === 'all') this.results.clear();
    else for (const uri of uris) this.results.delete(uri);
  }

  /** Every file's findings, checking those not yet known. */
  *all(): Generator<[string, CheckResult]> {
    for (const file of this.corpus.allFiles()) yield [file.uri, this.of(file.uri)];
  }
}
