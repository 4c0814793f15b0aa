import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../extension';

export const extensionId = 'marginalia.marginalia';

/** The corpus folder the tests run on: the first workspace folder (corpus/ of the repository). */
export function corpusFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The integration tests need a workspace folder: open corpus/.');
  return folder.uri.fsPath;
}

export function seedUri(): vscode.Uri {
  return vscode.Uri.file(path.join(corpusFolder(), '000_bae709cea1c958ec.txt'));
}

export async function activatedApi(): Promise<MarginaliaApi> {
  const extension = vscode.extensions.getExtension<MarginaliaApi>(extensionId);
  if (!extension) throw new Error(`Extension ${extensionId} is not installed`);
  return extension.activate();
}

/** Polls until `probe` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Like eventually(), for a probe that asks VS Code something (a provider command): polls until the answer is not undefined. */
export async function eventuallyAsync<T>(what: string, probe: () => Thenable<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The open document for `uri` as it stands now (setTextDocumentLanguage replaces the object). */
export function documentFor(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

export async function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = 10_000): Promise<vscode.TextDocument> {
  return eventually(`${path.basename(uri.fsPath)} to have language ${languageId}`, () => {
    const d = documentFor(uri);
    return d?.languageId === languageId ? d : undefined;
  }, timeoutMs);
}

/** A scratch folder outside the corpus, removed by the caller. */
export function scratchFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-test-'));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
