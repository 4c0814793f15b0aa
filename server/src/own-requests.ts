// Marginalia's own requests (protocol.ts), beside LSP's: the registry entry of a name, mentions by
// role, a registry proposed from the corpus, and the edits of marginalia.yaml that accept a
// discrepancy or set a rule's severity; and the whole-corpus check. Each forwards to the language
// service with the canonical URI, over what `RequestHost` gives of the server (lsp-server.ts).
// It knows nothing of LSP: the requests and their types are protocol.ts's.

import path from 'node:path';
import type { Corpus } from './corpus/index.js';
import type { AcceptDiscrepancyParams, CheckCorpusResult, CorpusFileEdit, ProposeRegistryParams, RegistryEntryParams, RegistryEntryResult, RuleSeverityParams } from './protocol.js';
import { acceptDiscrepancyEdit, ruleSeverityEditFor } from './service/finding-actions.js';
import { mentionsByRole } from './service/mentions.js';
import { definition } from './service/navigation.js';
import { proposeRegistry } from './service/setup.js';
import { canonicalUri, pathOf, type Workspace } from './workspace.js';

/** What the requests need of the server: its workspace, the file a request is about, URIs as the editor spells them. */
export interface RequestHost {
  readonly workspace: Workspace;
  /** The canonical URI and corpus of a file asked about, its waiting edits analysed (with `wholeCorpus`, every file's). */
  fileOf(textDocument: { uri: string }, wholeCorpus?: boolean): { uri: string; corpus: Corpus | undefined };
  corpusOf(uri: string): Corpus | undefined;
  located<T extends { uri: string }>(l: T): T;
  toClient(uri: string): string;
  /** A file's text as the editor sees it. */
  textOf(uri: string): string | undefined;
  /** Check Whole Corpus, every waiting edit analysed first. */
  checkAll(): CheckCorpusResult;
}

export class OwnRequests {
  constructor(private readonly host: RequestHost) {}

  registryEntry(params: RegistryEntryParams): RegistryEntryResult {
    const { uri, corpus } = this.host.fileOf({ uri: params.uri });
    if (!corpus) return null;
    const entry = definition(corpus, uri, params.position).find((l) => corpus.registry.files.includes(l.uri));
    return entry ? this.host.located(entry) : null;
  }

  mentionsByRole(params: RegistryEntryParams) {
    const { uri, corpus } = this.host.fileOf({ uri: params.uri }, true); // every mention, as references count them
    return corpus ? mentionsByRole(corpus, uri, params.position, this.host.toClient) : null;
  }

  proposeRegistry(params: ProposeRegistryParams): string | null {
    const corpus = this.host.corpusOf(canonicalUri(params.uri));
    if (!corpus) return null;
    const root = corpus.settings.root;
    return proposeRegistry(corpus, (uri) => {
      const file = pathOf(uri);
      return file ? path.relative(root, file) : uri;
    });
  }

  /** The settings file of the corpus of `uri` and its text as the editor sees it. */
  private settingsOf(uri: string) {
    const handle = this.host.workspace.handleFor(uri);
    if (!handle || !this.host.workspace.corpusOf(uri)) return undefined;
    return { corpus: handle.corpus, uri: handle.settingsUri, text: this.host.textOf(handle.settingsUri) ?? '' };
  }

  acceptDiscrepancy(params: AcceptDiscrepancyParams): CorpusFileEdit | null {
    const uri = canonicalUri(params.uri);
    const settings = this.settingsOf(uri);
    if (!settings) return null;
    const edit = acceptDiscrepancyEdit(settings.corpus, settings.uri, settings.text, { ...params, uri });
    return edit && this.host.located(edit);
  }

  ruleSeverity(params: RuleSeverityParams): CorpusFileEdit | null {
    const settings = this.settingsOf(canonicalUri(params.uri));
    const edit = settings ? ruleSeverityEditFor(settings.uri, settings.text, params) : null;
    return edit && this.host.located(edit);
  }

  checkCorpus(): CheckCorpusResult {
    return this.host.checkAll();
  }
}
