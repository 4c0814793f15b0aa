// Reads marginalia.yaml, the file that marks a folder as a corpus. Pure: text in, settings and
// problems out. A broken file still yields usable defaults, so the corpus keeps being checked.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { DEFAULT_CONVENTIONS } from '../model/dates.js';
import type { AcceptedFinding, CorpusSettings, Range, Severity } from '../model/types.js';

export { settingsFileName } from '../protocol.js';


const severities = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** The largest file read when marginalia.yaml sets no `limits: file-size`: 16 MB. */
export const defaultFileSizeLimit = 16 * 1024 * 1024;
/** The largest `file-size` accepted: a JavaScript string holds a little under 512 MB of text. */
const maxFileSizeLimit = 512 * 1024 * 1024;

/** The size limit of the corpus's files, in bytes. */
export function fileSizeLimit(settings: CorpusSettings): number {
  return settings.fileSizeLimit ?? defaultFileSizeLimit;
}

/** `16 MB`, `512 KB`, `1.5 GB`, `2048 bytes`: the sizes a user writes and reads (1 KB = 1,024 bytes). */
export function formatSize(bytes: number): string {
  const units: Array<[string, number]> = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** `16 MB`, `16MB`, `512 kB`, `1.5 GiB`, `1000000` (bytes): a size in bytes, or undefined. */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,12}(?:\.\d{1,6})?)\s*(b|bytes?|[kmg]i?b)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase().replace('i', '');
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const bytes = Math.round(Number(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

export function defaultSettings(root: string): CorpusSettings {
  return {
    root,
    transcriptions: ['**/*.txt', '**/*.transcript'],
    registry: ['registry.yaml'],
    dates: { ...DEFAULT_CONVENTIONS },
    datesDeclared: { slashes: false, dots: false },
    // Keys are the user's: no prototype, so `__proto__` or `constructor` is only a key.
    rules: Object.create(null) as CorpusSettings['rules'],
    accepted: [],
    problems: [],
  };
}

/** The code of the warning that a transcription is not read (too large, a FIFO, a broken link): `rules:` may change it. */
export const skippedTranscriptionCode = 'skipped-transcription';

/**
 * What a transcription in no corpus (no marginalia.yaml at or above its folder) is read with, by
 * the language server and the command line alike: the default settings and no registry.
 */
export function outsideCorpusSettings(folder: string): CorpusSettings {
  return { ...defaultSettings(folder), registry: [] };
}

export function parseSettings(root: string, text: string): CorpusSettings {
  const settings = defaultSettings(root);
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false });
  } catch (e) {
    settings.problems.push({ range: zeroRange, message: 'marginalia.yaml could not be read as YAML; the default settings are used' });
    return settings;
  }
  const rangeOf = (node: Node | null | undefined): Range => {
    const r = node?.range;
    if (!r) return zeroRange;
    const s = lineCounter.linePos(r[0]);
    const e = lineCounter.linePos(r[1]);
    return { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } };
  };
  const problem = (node: Node | null | undefined, message: string) => settings.problems.push({ range: rangeOf(node), message });

  for (const error of doc.errors) {
    const s = lineCounter.linePos(error.pos[0]);
    const e = lineCounter.linePos(error.pos[1]);
    settings.problems.push({
      range: { start: { line: s.line - 1, character: s.col - 1 }, end: { line: e.line - 1, character: e.col - 1 } },
      message: `marginalia.yaml: ${error.message.split('\n')[0]}`,
    });
  }
  if (doc.errors.length > 0) return settings;
  const top = doc.contents;
  if (top === null || top === undefined) return settings;
  if (!isMap(top)) {
    problem(top, 'marginalia.yaml should be a map of settings (transcriptions, registry, dates, rules, accepted)');
    return settings;
  }

  const stringList = (node: unknown, what: string): string[] | undefined => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return [node.value];
    if (!isSeq(node)) {
      problem(node as Node, `${what} should be a list of paths; it holds ${describe(node)}`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') out.push(item.value);
      else problem(item as Node, `${what}: each item should be a path; this one is ${describe(item)}, and is ignored`);
    }
    return out;
  };

  for (const pair of top.items) {
    const key = textOf(pair.key);
    const value = pair.value as Node | null;
    if (key === undefined) {
      problem(pair.key as Node, `a setting's name should be text (transcriptions, registry, dates, received-at, rules, accepted, limits); this one is ${describe(pair.key)}, and is ignored`);
      continue;
    }
    switch (key) {
      case 'transcriptions':
        settings.transcriptions = stringList(value, 'transcriptions') ?? settings.transcriptions;
        break;
      case 'registry':
        settings.registry = stringList(value, 'registry') ?? settings.registry;
        break;
      case 'dates':
        if (!isMap(value)) {
          problem(value, 'dates should give `slashes` and `dots`');
          break;
        }
        for (const p of value.items) {
          const k = isScalar(p.key) ? String(p.key.value) : '';
          const v = isScalar(p.value) ? String(p.value.value) : '';
          if (k === 'slashes' && (v === 'month/day/year' || v === 'day/month/year')) {
            settings.dates.slashes = v;
            settings.datesDeclared.slashes = true;
          } else if (k === 'dots' && (v === 'day.month.year' || v === 'month.day.year')) {
            settings.dates.dots = v;
            settings.datesDeclared.dots = true;
          } else if (k === 'slashes') problem(p.value as Node, 'dates.slashes should be month/day/year or day/month/year');
          else if (k === 'dots') problem(p.value as Node, 'dates.dots should be day.month.year or month.day.year');
          else problem(p.key as Node, `dates: unknown setting "${k}" (slashes, dots)`);
        }
        break;
      case 'received-at':
        if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') settings.receivedAt = value.value.trim();
        else problem(value, 'received-at should name a place of the registry, such as washington');
        break;
      case 'rules':
        readRules(value, settings, problem, rangeOf);
        break;
      case 'accepted':
        readAccepted(value, settings.accepted, problem);
        break;
      case 'limits':
        readLimits(value, settings, problem);
        break;
      default:
        problem(pair.key as Node, `unknown setting "${key}" (transcriptions, registry, dates, received-at, rules, accepted, limits)`);
    }
  }
  return settings;
}

const zeroRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `accepted:`: the discrepancies the editors know of, each with its code and reason. */
function readAccepted(value: Node | null, into: AcceptedFinding[], problem: (node: Node | null | undefined, message: string) => void): void {
  if (!isSeq(value)) {
    if (!(isScalar(value) && value.value === null)) problem(value, 'accepted should be a list');
    return;
  }
  for (const item of value.items) {
    if (isMap(item)) {
      for (const p of item.items) {
        const field = textOf(p.key);
        if (field === undefined || !acceptedFields.includes(field)) problem(p.key as Node, `accepted: unknown field${field === undefined ? '' : ` "${field}"`} (code, reason, file, document); it is ignored`);
      }
    }
    const entry = isMap(item) ? (item.toJSON() as Record<string, unknown>) : undefined;
    if (!entry || typeof entry.code !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') {
      problem(item as Node, 'each accepted discrepancy needs a `code` and a `reason` (and usually `file` and `document`)');
      continue;
    }
    const accepted: AcceptedFinding = { code: entry.code, reason: entry.reason };
    const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number';
    if ((entry.file !== undefined && !scalar(entry.file)) || (entry.document !== undefined && !scalar(entry.document))) {
      problem(item as Node, 'an accepted discrepancy\'s `file` should be a path and its `document` a number, such as "13"; this one is ignored');
      continue;
    }
    if (entry.file !== undefined) accepted.file = String(entry.file);
    if (entry.document !== undefined) accepted.document = String(entry.document);
    into.push(accepted);
  }
}

/** `rules:`: a severity per rule code. */
function readRules(value: Node | null, settings: CorpusSettings, problem: (node: Node | null | undefined, message: string) => void, rangeOf: (node: Node) => Range): void {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    problem(value, 'rules should map rule codes to error, warning, information, hint or off');
    return;
  }
  for (const p of value.items) {
    const code = textOf(p.key);
    const v = isScalar(p.value) && typeof p.value.value === 'string' ? p.value.value : undefined;
    if (code !== undefined) (settings.ruleKeys ??= []).push({ code, range: rangeOf(p.key as Node) });
    if (code === undefined) problem(p.key as Node, `rules: a rule code should be text, such as stamp-order; this one is ${describe(p.key)}, and is ignored`);
    else if (v !== undefined && severities.has(v)) settings.rules[code] = v as Severity | 'off';
    else problem(p.value as Node, `rules.${code}: ${v !== undefined ? `"${v}"` : describe(p.value)} is not one of error, warning, information, hint, off`);
  }
}

/** `limits: { file-size: "16 MB" }`: how large a file Marginalia reads. */
function readLimits(value: Node | null, settings: CorpusSettings, problem: (node: Node | null | undefined, message: string) => void): void {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    problem(value, 'limits should be a map, such as { file-size: "16 MB" }');
    return;
  }
  for (const p of value.items) {
    const key = isScalar(p.key) ? String(p.key.value) : '';
    if (key !== 'file-size') {
      problem(p.key as Node, `limits: unknown setting "${key}" (file-size)`);
      continue;
    }
    const size = isScalar(p.value) ? parseSize(p.value.value) : undefined;
    if (size === undefined) problem(p.value as Node, 'limits.file-size should be a size such as "16 MB", "512 KB" or "1 GB"');
    else if (size > maxFileSizeLimit) problem(p.value as Node, `limits.file-size can be at most ${formatSize(maxFileSizeLimit)}`);
    else settings.fileSizeLimit = size;
  }
}

const acceptedFields = ['code', 'reason', 'file', 'document'];

/** A key or value that is text (a plain word or number as written), else undefined. */
function textOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean') return typeof node.source === 'string' ? node.source : String(node.value);
  return undefined;
}

/** What a YAML node holds, in words for a message. */
function describe(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node) || node.value === null || node.value === undefined) return 'nothing';
  if (typeof node.value === 'string') return node.value.trim() === '' ? 'an empty text' : `the text "${node.value.length > 40 ? node.value.slice(0, 40) + '…' : node.value}"`;
  if (typeof node.value === 'number') return `the number ${typeof node.source === 'string' ? node.source : node.value}`;
  if (typeof node.value === 'boolean') return `the value ${String(node.value)}`;
  return 'a value of another kind';
}
