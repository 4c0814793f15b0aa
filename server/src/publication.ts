// Keeping the findings in step with the workspace, and publishing them: when to re-check after an
// edit (debouncing), which files' diagnostics to send (diffing against what was sent), and the
// totals per corpus that the status bar and Check Whole Corpus report. It knows nothing of LSP:
// the server hands it the conversion of a finding to a diagnostic and the ways to send.
//
// The index is updated at once on every change (by the workspace), so requests always see the
// latest text. A changed transcription is checked and published at once (the typist sees their
// own file's findings without waiting); the files whose findings depend on it (a reply and the
// message it answers, two dates of one telegram number) and the corpus's totals wait for the
// typist to pause, and a registry or settings change re-checks the corpus then. One timer per
// corpus collects every change meanwhile.

import { checkFile, checkRegistry, CorpusFindings, type CheckResult } from './checks/index.js';
import type { Finding } from './model/types.js';
import type { CheckCorpusResult, CorpusStatus, MarginaliaSettings } from './protocol.js';
import type { Affected, CorpusHandle, Workspace } from './workspace.js';

/** How long the server waits after an edit before it re-checks: typing makes a change per key. */
const checkDelayMs = 150;

/** Wraps a callback so that a bug of ours is reported (and `fallback` answered) instead of thrown. */
export type Guard = <P, R>(name: string, fallback: R, handler: (params: P) => R) => (params: P) => R;

/** What publication needs of the server: the settings, the conversion to diagnostics `D`, and the ways to send. */
export interface PublicationHost<D> {
  readonly workspace: Workspace;
  /** The user's severities per rule, as they stand now. */
  rules(): MarginaliaSettings['rules'];
  /** A diagnostic that owns its ranges (the facts' are moved in place by later edits), kept per finding. */
  toDiagnostic(finding: Finding): D;
  /** Replaces the diagnostics of a file (by its canonical URI). */
  sendDiagnostics(uri: string, diagnostics: D[]): void;
  sendStatus(status: CorpusStatus): void;
  guard: Guard;
}

export const noFindings = (corpora: number): CheckCorpusResult => ({ corpora, files: 0, documents: 0, errors: 0, warnings: 0, information: 0, hints: 0, accepted: 0 });

export class Publication<D> {
  /** Until the workspace's corpora are read, the status says so (rather than "0 documents"). */
  indexing = true;
  /** Per corpus root, the changes waiting for the typist to pause. */
  private readonly pending = new Map<string, { timer?: NodeJS.Timeout; changed: Set<string>; all: boolean }>();
  /** The diagnostics last sent per file, and the files of each corpus that have some. */
  private readonly sent = new Map<string, D[]>();
  /**
   * Each finding's diagnostic, made once: a document's own findings are kept between edits (see
   * CorpusFindings), so a keystroke converts only the findings of its document and of the rules
   * that read more than it. Forgotten when the client's names for files change.
   */
  private diagnosticOf = new WeakMap<Finding, D>();
  private readonly published = new Map<string, Set<string>>();
  private readonly summaries = new Map<string, CheckCorpusResult>();
  /** Findings per corpus, kept between edits (see CorpusFindings). */
  private readonly findingsOf = new Map<string, CorpusFindings>();

  constructor(private readonly host: PublicationHost<D>) {}

  /** After an edit, a close or a change on disk: re-check what it affects once the typist pauses. */
  afterChange(affected: Affected | undefined): void {
    for (const root of this.host.workspace.takeReplaced()) this.clearCorpus(root); // outside files a new corpus took in
    if (!affected) return;
    const root = affected.handle.root;
    if (affected.removed) {
      clearTimeout(this.pending.get(root)?.timer);
      this.pending.delete(root);
      this.clearCorpus(root);
      this.sendStatus();
      return;
    }
    const entry = this.pending.get(root) ?? { changed: new Set<string>(), all: false };
    if (affected.dependents === 'all') entry.all = true;
    else for (const uri of affected.dependents) entry.changed.add(uri);
    // An edited transcription is published now, unless a change that re-checks every file waits.
    if (affected.role === 'transcription' && !entry.all) this.publishFile(affected.handle, affected.uri);
    else entry.changed.add(affected.uri);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(
      this.host.guard('checking', undefined, () => {
        this.pending.delete(root);
        const handle = this.host.workspace.handleOf(root);
        if (handle) this.publishCorpus(handle, entry.changed, entry.all);
        else this.clearCorpus(root);
        this.sendStatus();
      }),
      checkDelayMs,
    );
    this.pending.set(root, entry);
  }

  /** Re-checks one transcription and publishes its findings now; the totals follow with the debounced check. */
  private publishFile(handle: CorpusHandle, uri: string): void {
    const findings = this.findingsFor(handle);
    findings.invalidate([uri], this.host.rules());
    const published = this.published.get(handle.root) ?? new Set<string>();
    this.published.set(handle.root, published);
    this.sendFile(uri, handle.corpus.file(uri) ? findings.of(uri).findings : [], published, true);
  }

  /** Sends a file's diagnostics if they differ from what was sent (or `always`), and notes them in `published`. */
  private sendFile(uri: string, list: Finding[], published: Set<string>, always: boolean): void {
    const diagnostics = list.map((f) => {
      let d = this.diagnosticOf.get(f);
      if (!d) this.diagnosticOf.set(f, (d = this.host.toDiagnostic(f)));
      return d;
    });
    if (always || !sameDiagnostics(diagnostics, this.sent.get(uri) ?? [])) this.host.sendDiagnostics(uri, diagnostics);
    if (diagnostics.length) {
      this.sent.set(uri, diagnostics);
      published.add(uri);
    } else {
      this.sent.delete(uri);
      published.delete(uri);
    }
  }

  /** Re-checks and publishes every corpus (at start, after a settings change). */
  publishAll(): void {
    for (const handle of this.host.workspace.handles()) this.publishCorpus(handle, new Set(), true);
  }

  /** Check Whole Corpus: re-checks and publishes every corpus now, and returns the totals. */
  checkAll(): CheckCorpusResult {
    const result = noFindings(0);
    for (const handle of this.host.workspace.handles()) {
      const summary = this.publishCorpus(handle, new Set(), true);
      for (const key of Object.keys(result) as Array<keyof CheckCorpusResult>) result[key] += summary[key];
    }
    this.sendStatus();
    return result;
  }

  /** A file's findings as they stand: the kept ones, unless an edit awaiting its check touches this file (it, or what it depends on). */
  current(handle: CorpusHandle, uri: string): CheckResult {
    const waiting = this.pending.get(handle.root);
    return waiting && (waiting.all || waiting.changed.has(uri)) ? checkFile(handle.corpus, uri, this.host.rules()) : this.findingsFor(handle).of(uri);
  }

  private findingsFor(handle: CorpusHandle): CorpusFindings {
    let findings = this.findingsOf.get(handle.root);
    if (!findings || findings.corpus !== handle.corpus) {
      // A reloaded corpus (marginalia.yaml changed) is a new index: start afresh.
      findings = new CorpusFindings(handle.corpus, this.host.rules());
      this.findingsOf.set(handle.root, findings);
    }
    return findings;
  }

  /**
   * Re-checks the `changed` files (or all) and publishes their findings (the changed files' even
   * when unchanged, so the editor knows they were checked), and those of the registry
   * and marginalia.yaml; other files keep what they were sent. Returns the corpus's totals.
   */
  publishCorpus(handle: CorpusHandle, changed: Set<string>, all = false): CheckCorpusResult {
    const findings = this.findingsFor(handle);
    findings.invalidate(all ? 'all' : changed, this.host.rules());
    const byUri = new Map<string, Finding[]>();
    const add = (f: Finding) => byUri.set(f.uri, [...(byUri.get(f.uri) ?? []), f]);
    for (const f of checkRegistry(handle.corpus, handle.settingsUri, this.host.rules())) add(f);
    const summary = noFindings(1);
    for (const list of byUri.values()) countSeverities(summary, list);
    const files = new Set<string>();
    for (const [uri, result] of findings.all()) {
      files.add(uri);
      summary.files++;
      summary.documents += handle.corpus.file(uri)?.documents.length ?? 0;
      summary.accepted += result.accepted.length;
      countSeverities(summary, result.findings);
      if (all || changed.has(uri) || byUri.has(uri)) byUri.set(uri, [...(byUri.get(uri) ?? []), ...result.findings]);
    }
    this.send(handle.root, byUri, changed, files);
    this.summaries.set(handle.root, summary);
    return summary;
  }

  /** Sends the diagnostics of `byUri` that differ from what was sent, and clears the files that left. */
  private send(root: string, byUri: Map<string, Finding[]>, changed: Set<string>, files: Set<string>): void {
    const before = this.published.get(root) ?? new Set<string>();
    const now = new Set([...before].filter((uri) => files.has(uri) && !byUri.has(uri)));
    for (const [uri, list] of byUri) this.sendFile(uri, list, now, changed.has(uri));
    // Files that had diagnostics and are gone from the corpus, and changed files of no role now.
    for (const uri of new Set([...before, ...changed])) {
      if (byUri.has(uri) || files.has(uri)) continue;
      this.host.sendDiagnostics(uri, []);
      this.sent.delete(uri);
    }
    this.published.set(root, now);
  }

  /** A corpus left the workspace: take back everything it published. */
  clearCorpus(root: string): void {
    for (const uri of this.published.get(root) ?? []) {
      this.host.sendDiagnostics(uri, []);
      this.sent.delete(uri);
    }
    this.published.delete(root);
    this.summaries.delete(root);
  }

  /** What the status bar shows: the corpora, their documents and people, and the last totals. */
  status(): CorpusStatus {
    const s: CorpusStatus = { corpora: 0, documents: 0, people: 0, errors: 0, warnings: 0, indexing: this.indexing };
    for (const h of this.host.workspace.handles()) {
      s.corpora++;
      const summary = this.summaries.get(h.root);
      if (summary) {
        s.errors += summary.errors;
        s.warnings += summary.warnings;
      }
      for (const file of h.corpus.allFiles()) s.documents += file.documents.length;
      s.people += h.corpus.registry.entries.filter((e) => e.kind === 'person').length;
    }
    return s;
  }

  sendStatus(): void {
    this.host.sendStatus(this.status());
  }

  /** The client now names a file otherwise (opened or closed under another spelling): diagnostics pointing at it are made again. */
  clientNamesChanged(): void {
    this.diagnosticOf = new WeakMap();
  }
}

/** Kept diagnostics are the same objects; others are compared by what they say. */
function sameDiagnostics<D>(a: readonly D[], b: readonly D[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || JSON.stringify(d) === JSON.stringify(b[i]));
}

function countSeverities(summary: CheckCorpusResult, list: Finding[]): void {
  for (const f of list) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else if (f.severity === 'information') summary.information++;
    else summary.hints++;
  }
}
