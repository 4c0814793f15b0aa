// What the client and the server say to each other beyond standard LSP: the settings and the few
// custom requests and notifications, each a typed `RequestType`/`NotificationType` that both sides
// pass to `sendRequest`/`onRequest` (so the method name and the types of its parameters and result
// are written once). The client imports this file (type-only or bundled), so it must not import
// anything of the server's. It imports only `vscode-jsonrpc`'s message types (its common entry,
// without transports), the same copy that vscode-languageclient and vscode-languageserver use.

import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Severity } from './model/types.js';

/** The file that marks a folder as a corpus (the client watches for it; the server reads it). */
export const settingsFileName = 'marginalia.yaml';

/** Settings under `marginalia.*`, as the client sends them. */
export interface MarginaliaSettings {
  /** Severity per rule code, overriding marginalia.yaml; 'off' disables the rule. */
  rules: Record<string, Severity | 'off'>;
  inlayHints: {
    /** `Instantsia ‹Stalin›` after a cover name with no identification beside it. */
    coverNames: boolean;
    /** `07/05/50 ‹1950-07-05›` after an all-numeric date. */
    numericDates: boolean;
  };
}

export const defaultSettings: MarginaliaSettings = {
  rules: {},
  inlayHints: { coverNames: true, numericDates: true },
};

/** Server → client, whenever the corpus index changes: what the status bar shows. */
export interface CorpusStatus {
  corpora: number;
  documents: number;
  people: number;
  errors: number;
  warnings: number;
  /** True while the corpus is being indexed. */
  indexing: boolean;
}
export const corpusStatusNotification = new NotificationType<CorpusStatus>('marginalia/corpusStatus');

/** Client → server: the registry entry of the name at a position (Open Registry Entry command). */
export interface RegistryEntryParams {
  uri: string;
  position: { line: number; character: number };
}
export type RegistryEntryResult = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null;
export const registryEntryRequest = new RequestType<RegistryEntryParams, RegistryEntryResult, void>('marginalia/registryEntry');

/** Client → server: check every transcription of every corpus now (Check Whole Corpus command). */
export interface CheckCorpusResult {
  /** How many corpora were checked: 0 when no corpus is open (files outside any corpus are not counted). */
  corpora: number;
  files: number;
  documents: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  accepted: number;
}
export const checkCorpusRequest = new RequestType0<CheckCorpusResult, void>('marginalia/checkCorpus');

/** Where a person (or place, organisation, archive) stands in a document. */
export type MentionRole = 'sender' | 'recipient' | 'via' | 'distribution' | 'mentioned';

/** One document's mentions of the entry, by role: what *Show Mentions by Role* lists. */
export interface DocumentMentions {
  uri: string;
  /** `Document 13 — Letter, Fyn Si to Kim Il Sung, 7 October 1950`. */
  title: string;
  /** The header, or the document's first line. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  roles: Array<{
    role: MentionRole;
    mentions: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string; line: string }>;
  }>;
}
export interface MentionsByRole {
  /** The entry's name: `Iosif Vissarionovich Stalin`. */
  subject: string;
  mentions: number;
  documents: DocumentMentions[];
}
/** Client → server: the mentions of the entry named at a position, by document and role; null where nothing is named. */
export const mentionsByRoleRequest = new RequestType<RegistryEntryParams, MentionsByRole | null, void>('marginalia/mentionsByRole');

/**
 * Client → server: whether a text outside any corpus reads as a transcription (it has a
 * `Document N:` line, a dateline, or a heading that names sender and recipient), so that the
 * client can offer to make its folder a corpus.
 */
export interface LooksLikeTranscriptionParams {
  text: string;
}
export const looksLikeTranscriptionRequest = new RequestType<LooksLikeTranscriptionParams, boolean, void>('marginalia/looksLikeTranscription');

/**
 * Client → server: "Start the Registry from this Corpus": registry YAML that proposes the people,
 * places and archives the corpus of `uri` names and its registry lacks, for the editors to review;
 * null when `uri` is in no corpus.
 */
export interface ProposeRegistryParams {
  uri: string;
}
export const proposeRegistryRequest = new RequestType<ProposeRegistryParams, string | null, void>('marginalia/proposeRegistry');

type Pos = { line: number; character: number };

/** One edit to a corpus file, as the client applies it. */
export interface CorpusFileEdit {
  uri: string;
  range: { start: Pos; end: Pos };
  newText: string;
}

/** The client's commands that code actions on a finding run (the server names them, the client registers them). */
export const findingCommands = {
  accept: 'marginalia.acceptDiscrepancy',
  severity: 'marginalia.changeRuleSeverity',
  describe: 'marginalia.showRuleDescription',
} as const;

/** "Accept this discrepancy…": the finding the editors accept; the client asks for the reason. */
export interface AcceptDiscrepancyParams {
  /** The transcription the finding is in. */
  uri: string;
  code: string;
  /** The document's number, when it has one (`13`). */
  document?: string;
  reason: string;
}
/** Client → server: the entry under `accepted:` in marginalia.yaml; null when the file cannot be edited (it does not parse). */
export const acceptDiscrepancyRequest = new RequestType<AcceptDiscrepancyParams, CorpusFileEdit | null, void>('marginalia/acceptDiscrepancy');

/** "Change the severity of this rule for the corpus…": the client asks for the severity. */
export interface RuleSeverityParams {
  uri: string;
  code: string;
  severity: Severity | 'off';
}
/** Client → server: the line under `rules:` in marginalia.yaml; null when the file cannot be edited. */
export const ruleSeverityRequest = new RequestType<RuleSeverityParams, CorpusFileEdit | null, void>('marginalia/ruleSeverity');

/** "Show the rule's description": what the client shows. */
export interface RuleDescription {
  code: string;
  description: string;
  /** The severity it has in this corpus. */
  severity: Severity;
}

/** The client's `marginalia.*` settings, nested or dotted, with anything malformed ignored. */
export function readClientSettings(value: unknown): MarginaliaSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const hints = (v.inlayHints && typeof v.inlayHints === 'object' ? v.inlayHints : {}) as Record<string, unknown>;
  const flag = (nested: unknown, dotted: unknown, fallback: boolean) => (typeof nested === 'boolean' ? nested : typeof dotted === 'boolean' ? dotted : fallback);
  const rules: MarginaliaSettings['rules'] = {};
  if (v.rules && typeof v.rules === 'object') {
    for (const [code, level] of Object.entries(v.rules as Record<string, unknown>)) {
      if (level === 'error' || level === 'warning' || level === 'information' || level === 'hint' || level === 'off') rules[code] = level;
    }
  }
  return {
    rules,
    inlayHints: {
      coverNames: flag(hints.coverNames, v['inlayHints.coverNames'], defaultSettings.inlayHints.coverNames),
      numericDates: flag(hints.numericDates, v['inlayHints.numericDates'], defaultSettings.inlayHints.numericDates),
    },
  };
}
