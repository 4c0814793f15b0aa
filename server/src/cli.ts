#!/usr/bin/env node
// marginalia: the same corpus index and checks as the language server, for batch use and CI.
//
//   marginalia check [paths…] [--format text|json] [--no-summary] [--threads N]
//   marginalia documents [paths…] [--format text|json] [--threads N]
//
// Exit status: 0 when no errors were found, 1 when some were, 2 on bad usage.

import { dateEvidence, documentDate, editorsCorrection } from './model/scan/document-date.js';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile, checkRegistry, type CheckResult } from './checks/index.js';
import { Corpus, documentDay } from './corpus/index.js';
import { corporaBelow, findCorpusRoot, listTranscriptions, readTextFile, uriOf } from './corpus/disk.js';
import { loadCorpusInParallel } from './corpus/parallel.js';
import { fileSizeLimit, outsideCorpusSettings, settingsFileName } from './corpus/settings.js';
import { formatDate, toIso } from './model/dates.js';
import { formatPosition } from './model/text.js';
import type { Correspondent, Finding, Severity, TranscribedDocument } from './model/types.js';

const usage = `usage: marginalia check [paths…] [--format text|json] [--summary|--no-summary] [--threads N]
       marginalia documents [paths…] [--format text|json] [--threads N]

A path is a transcription file or a folder; the corpus it belongs to is the nearest folder
above it with a ${settingsFileName}. --threads N reads the files on N worker threads (the result
is the same); one thread is the default, as it is the faster today.`;

interface Options {
  command: 'check' | 'documents';
  paths: string[];
  format: 'text' | 'json';
  summary: boolean;
  /** Threads to read a corpus with; one unless asked (see `threadsFor`). */
  threads?: number;
}

function parseArguments(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return usage;
  if (command !== 'check' && command !== 'documents') return `marginalia: unknown command "${command ?? ''}"\n${usage}`;
  const options: Options = { command, paths: [], format: 'text', summary: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--format') {
      const value = rest[++i];
      if (value !== 'text' && value !== 'json') return `marginalia: --format takes text or json, not "${value ?? ''}"`;
      options.format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return `marginalia: --format takes text or json, not "${value}"`;
      options.format = value;
    } else if (arg === '--threads' || arg.startsWith('--threads=')) {
      const value = arg === '--threads' ? rest[++i] : arg.slice('--threads='.length);
      if (!/^[1-9]\d{0,1}$/.test(value ?? '')) return `marginalia: --threads takes a number from 1 to 99, not "${value ?? ''}"`;
      options.threads = Number(value);
    } else if (arg === '--no-summary') options.summary = false;
    else if (arg === '--summary') options.summary = true;
    else if (arg.startsWith('-')) return `marginalia: unknown option "${arg}"\n${usage}`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) options.paths.push('.');
  for (const p of options.paths) if (!existsSync(p)) return `marginalia: no such file or folder: ${p}`;
  return options;
}

/** Files outside any corpus that were asked for and could not be read: each counts as an error. */
let unreadable = 0;

/** The corpora the paths belong to, each with the files of it that were asked for. */
async function corporaFor(paths: string[], threads: number | undefined): Promise<Array<{ corpus: Corpus; uris: string[]; settingsUri: string }>> {
  const byRoot = new Map<string, { corpus: Corpus; uris: Set<string>; settingsUri: string }>();
  // A folder asked for holds its corpus's files and those of the corpora nested in it, each checked against its own registry.
  const expanded = paths.flatMap((p) => (statSync(p).isDirectory() ? [p, ...corporaBelow(path.resolve(p))] : [p]));
  for (const p of expanded) {
    const absolute = path.resolve(p);
    const root = findCorpusRoot(absolute);
    const key = root ?? `standalone:${absolute}`;
    let entry = byRoot.get(key);
    if (!entry) {
      let corpus: Corpus;
      if (root) corpus = await loadCorpusInParallel(root, threads);
      else {
        process.stderr.write(`marginalia: ${p} is in no corpus (no ${settingsFileName} above it); checking it with default settings and no registry.\n`);
        const folder = statSync(absolute).isDirectory();
        const settings = outsideCorpusSettings(folder ? absolute : path.dirname(absolute));
        corpus = new Corpus(settings);
        for (const file of folder ? listTranscriptions(settings) : [absolute]) {
          const read = readTextFile(file, fileSizeLimit(settings));
          if ('text' in read) corpus.setFile(uriOf(file), read.text);
          else {
            // A file asked for by name is an error; one found in a folder is skipped with a word.
            if (file === absolute) unreadable += 1;
            process.stderr.write(`marginalia: ${file === absolute ? p : path.relative(process.cwd(), file)} could not be read: ${read.skipped}.\n`);
          }
        }
      }
      entry = { corpus, uris: new Set(), settingsUri: uriOf(path.join(root ?? path.dirname(absolute), settingsFileName)) };
      byRoot.set(key, entry);
    }
    const isFolder = statSync(absolute).isDirectory();
    for (const file of entry.corpus.allFiles()) {
      const filePath = fileURLToPath(file.uri);
      if (isFolder ? !path.relative(absolute, filePath).startsWith('..') : filePath === absolute) entry.uris.add(file.uri);
    }
  }
  return [...byRoot.values()].map((e) => ({ corpus: e.corpus, uris: [...e.uris].sort(), settingsUri: e.settingsUri }));
}

/** Each file's path as printed, worked out once: a corpus's findings name the same files many times. */
const displayPaths = new Map<string, string>();
function displayPath(uri: string): string {
  let shown = displayPaths.get(uri);
  if (shown === undefined) displayPaths.set(uri, (shown = path.relative(process.cwd(), uri.startsWith('file:') ? fileURLToPath(uri) : uri) || '.'));
  return shown;
}

function correspondentsText(list: Correspondent[]): string {
  return list.map((c) => `${c.via ? 'via ' : ''}${c.text}${c.identification ? ` (${c.identification.text})` : ''}`).join(', ') || '?';
}

function documentLabel(doc: TranscribedDocument): string {
  return doc.header?.number ? `Document ${doc.header.number}` : `"${doc.header?.title ?? 'Untitled document'}"`;
}

async function runCheck(options: Options): Promise<number> {
  const findings: Finding[] = [];
  const summaries: string[] = [];
  let accepted = 0;
  let documents = 0;
  let files = 0;
  for (const { corpus, uris, settingsUri } of await corporaFor(options.paths, options.threads)) {
    findings.push(...checkRegistry(corpus, settingsUri));
    for (const uri of uris) {
      files++;
      const result: CheckResult = checkFile(corpus, uri);
      findings.push(...result.findings);
      accepted += result.accepted.length;
      const file = corpus.file(uri)!;
      documents += file.documents.length;
      summaries.push(displayPath(uri));
      for (const doc of file.documents) summaries.push(`  ${summaryLine(doc, result)}`);
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  // One write for the whole report: a write per line costs a system call each.
  const out: string[] = [];
  if (options.format === 'json') {
    out.push(
      JSON.stringify(
        findings.map((f) => ({ file: displayPath(f.uri), range: f.range, severity: f.severity, code: f.code, message: f.message, related: f.related.map((r) => ({ ...r, file: displayPath(r.uri), uri: undefined })) })),
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const f of findings) out.push(`${displayPath(f.uri)}:${formatPosition(f.range.start)} ${f.severity} ${f.code} ${f.message}\n`);
    if (options.summary) {
      if (findings.length > 0) out.push('\n');
      for (const s of summaries) out.push(`${s}\n`);
      out.push(
        `\n${plural(documents, 'document')} in ${plural(files, 'file')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} information, ${plural(count('hint'), 'hint')}` +
          `${accepted ? `; ${accepted} accepted in ${settingsFileName}` : ''}\n`,
      );
    }
  }
  process.stdout.write(out.join(''));
  return count('error') > 0 || unreadable > 0 ? 1 : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summaryLine(doc: TranscribedDocument, result: CheckResult): string {
  const mine = result.findings.filter((f) => f.documentIndex === doc.index);
  const day = documentDay(doc);
  const date = day ? formatDate(day.value) : 'undated';
  const counts = (['error', 'warning', 'information', 'hint'] as const)
    .map((s) => [s, mine.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s === 'information' ? 'info' : s}${n > 1 && s !== 'information' ? 's' : ''}`);
  const from = correspondentsText(doc.header?.from ?? []);
  const to = correspondentsText(doc.header?.to ?? []);
  const lines = `lines ${doc.range.start.line + 1}–${doc.range.end.line + 1}`;
  return `${documentLabel(doc)}, ${date}, ${doc.header?.type ?? 'document'}, ${from} → ${to} (${lines}): ${counts.length ? counts.join(', ') : 'no findings'}`;
}

async function runDocuments(options: Options): Promise<number> {
  const out: unknown[] = [];
  const textLines: string[] = [];
  for (const { corpus, uris } of await corporaFor(options.paths, options.threads)) {
    const person = (c: Correspondent) => {
      const behind = [...corpus.peopleBehind(c.identification?.entryId), ...corpus.peopleBehind(c.entryId)];
      const id = behind[0] ?? c.entryId ?? null;
      const entry = id ? corpus.registry.byId.get(id) : undefined;
      return { id, name: entry?.name ?? c.text, asWritten: c.text, identification: c.identification?.text ?? null, via: c.via ?? false };
    };
    for (const uri of uris) {
      for (const doc of corpus.file(uri)!.documents) {
        const date = documentDate(doc);
        const corrected = editorsCorrection(doc)?.editorial?.value;
        out.push({
          file: displayPath(uri),
          number: doc.header?.number ?? null,
          title: doc.header?.title ?? null,
          type: doc.header?.type ?? 'document',
          date: date?.value ? toIso(date.value) : null,
          dateAsWritten: date?.text ?? null,
          correctedDate: corrected ? toIso(corrected) : null,
          closingDate: doc.closingDate?.value ? toIso(doc.closingDate.value) : null,
          undated: doc.dateline?.undated ?? false,
          evidence: dateEvidence(doc).map((e) => ({ kind: e.kind, date: e.date.value ? toIso(e.date.value) : null, asWritten: e.date.text, line: e.date.range.start.line + 1 })),
          from: (doc.header?.from ?? []).map(person),
          to: (doc.header?.to ?? []).map(person),
          enclosures: doc.enclosures.map((e) => ({
            heading: e.heading?.text ?? null,
            from: e.from.map((c) => c.identification?.text ?? c.text),
            to: e.to.map((c) => c.identification?.text ?? c.text),
            date: e.dateline?.date?.value ? toIso(e.dateline.date.value) : null,
            lines: [e.range.start.line + 1, e.range.end.line + 1],
          })),
          sources: doc.archiveReferences.map((r) => ({
            archive: r.archive?.text ?? null,
            fond: r.fond ?? null,
            opis: r.opis ?? null,
            delo: r.delo ?? null,
            folios: r.folios ?? null,
            parts: r.parts,
          })),
          range: doc.range,
        });
        textLines.push(`${displayPath(uri)}:${formatPosition(doc.range.start)} ${documentLabel(doc)}: ${doc.header?.title ?? '(no header)'}`);
      }
    }
  }
  process.stdout.write(options.format === 'json' ? JSON.stringify(out, null, 2) + '\n' : textLines.join('\n') + (textLines.length ? '\n' : ''));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    const isHelp = options === usage;
    (isHelp ? process.stdout : process.stderr).write(options + '\n');
    return isHelp ? 0 : 2;
  }
  return options.command === 'check' ? runCheck(options) : runDocuments(options);
}

void main(process.argv.slice(2)).then((status) => (process.exitCode = status));
