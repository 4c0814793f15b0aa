// Setting up a corpus from a folder of transcriptions: the offer when a .txt that reads as a
// transcription opens outside any corpus (once per folder), the command "Make this Folder a
// Corpus", and what "Check Whole Corpus" says when no corpus is open. Whether a text reads as a
// transcription is the server's to say (marginalia/looksLikeTranscription); this file only writes
// the two editorial files, never overwriting one and never touching a transcription.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeWatchedFilesNotification, FileChangeType, State, type LanguageClient } from 'vscode-languageclient/node';
import { looksLikeTranscriptionRequest, settingsFileName, type CheckCorpusResult, type LooksLikeTranscriptionParams } from '../../server/src/protocol.js';

export const makeCorpusChoice = 'Make this folder a corpus';
export const notNowChoice = 'Not now';
export const registryFileName = 'registry.yaml';

/** Shows a message with buttons and resolves to the one chosen (replaced by the tests). */
export type Ask = (message: string, ...choices: string[]) => Thenable<string | undefined>;

/** What "Make this Folder a Corpus" did: the files it wrote, and those it found already there and left alone. */
export interface MadeCorpus {
  folder: string;
  written: string[];
  kept: string[];
}

/** The answers to the offer, per folder, in the workspace's state. */
const offersKey = 'marginalia.corpusOffers';

export const settingsTemplate = `# This folder is a Marginalia corpus: its transcriptions are read together, with the registry
# below. Every setting may be left out; the README ("A corpus") describes them all.

# Which files are transcriptions (globs, relative to this folder).
transcriptions: ["**/*.txt", "**/*.transcript"]

# The registry files: the people, places, organisations and archives the transcriptions name.
registry: [${registryFileName}]

# How this edition writes all-numeric dates. Left out, Marginalia reads the order document by
# document from each document's own evidence (10/14/50 can only be month/day), and says so with
# a hint where nothing decides. To declare it, remove the # before these three lines:
# dates:
#   slashes: month/day/year   # 07/05/50 = 5 July 1950 (or day/month/year)
#   dots: day.month.year      # 5.7.50 = 5 July 1950 (or month.day.year)

# Severity per rule code: error, warning, information, hint or off (e.g. meridiem-24h: off).
rules: {}

# Discrepancies the editors know of, each with the reason, e.g.
#   - code: delivered-before-dated
#     file: letters.txt
#     document: "13"
#     reason: The editors date the letter 7 October; see their note.
accepted: []
`;

export const registryTemplate = `# The registry of this corpus: who and what the transcriptions name. Each section is a list of
# entries, each with an id, a name and the other forms the sources write (see the README, "The
# registry"). "Add … to the registry" on an unknown name starts the people: section itself.

# people:
#   - id: roshchin
#     name: Nikolai Vasil'evich Roshchin
#     forms: [Roshchin, N.V. Roshchin]
#     role: Soviet ambassador in Beijing

# places:
#   - id: beijing
#     name: Beijing
#     zone: Asia/Shanghai

# organisations:
#   - id: mfa-ussr
#     name: Ministry of Foreign Affairs of the USSR
#     abbreviations: [MFA USSR]

# archives:
#   - id: aprf
#     name: Archive of the President of the Russian Federation
#     abbreviation: APRF
`;

/** What Check Whole Corpus says, and the buttons it offers. */
export function checkCorpusMessage(result: CheckCorpusResult): { message: string; choices: string[] } {
  if (result.corpora === 0) {
    return {
      message: `Marginalia: no corpus is open, so nothing was checked. A corpus is a folder with a ${settingsFileName}; its .txt files are read as transcriptions.`,
      choices: [makeCorpusChoice],
    };
  }
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const message =
    `Marginalia checked ${n(result.files, 'file')} (${n(result.documents, 'document')}): ` +
    `${n(result.errors, 'error')}, ${n(result.warnings, 'warning')}, ${result.information} information, ${n(result.hints, 'hint')}` +
    (result.accepted ? `; ${result.accepted} accepted in ${settingsFileName}` : '') +
    '.';
  return { message, choices: ['Show Problems'] };
}

export class CorpusSetup {
  ask: Ask = (message, ...choices) => vscode.window.showInformationMessage(message, ...choices);
  /** Folders being asked about now, so that two files opening at once ask once. */
  private readonly asking = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly client: () => LanguageClient | undefined,
    private readonly isInCorpus: (uri: vscode.Uri) => boolean,
    /** Called once a corpus is made: the open .txt files of it become transcriptions. */
    private readonly corpusMade: () => void,
    private readonly output: vscode.OutputChannel,
  ) {}

  /** The answer given for a folder, if it was asked about. */
  answerFor(folder: string): string | undefined {
    return this.state.get<Record<string, string>>(offersKey, {})[folder];
  }

  /**
   * Offers to make the folder of a plain-text .txt outside any corpus a corpus, when the server
   * says that the text reads as a transcription; once per folder, whatever the answer.
   */
  async offer(document: vscode.TextDocument): Promise<void> {
    const uri = document.uri;
    if (uri.scheme !== 'file' || document.languageId !== 'plaintext' || !uri.fsPath.toLowerCase().endsWith('.txt')) return;
    const folder = path.dirname(uri.fsPath);
    if (this.isInCorpus(uri) || this.answerFor(folder) !== undefined || this.asking.has(folder)) return;
    const client = this.client();
    if (client?.state !== State.Running) return;
    this.asking.add(folder);
    try {
      const params: LooksLikeTranscriptionParams = { text: document.getText() };
      if (!(await client.sendRequest(looksLikeTranscriptionRequest, params))) return;
      const choice = await this.ask(
        `Marginalia: ${path.basename(uri.fsPath)} looks like a transcription, but ${path.basename(folder)} is not a corpus (it has no ${settingsFileName}), so Marginalia does not read it.`,
        makeCorpusChoice,
        notNowChoice,
      );
      await this.state.update(offersKey, { ...this.state.get<Record<string, string>>(offersKey, {}), [folder]: choice ?? 'dismissed' });
      if (choice === makeCorpusChoice) await this.makeCorpus(vscode.Uri.file(folder));
    } catch (error) {
      this.output.appendLine(`Could not offer to make ${folder} a corpus: ${describe(error)}`);
    } finally {
      this.asking.delete(folder);
    }
  }

  /** Writes marginalia.yaml and registry.yaml into the folder (never over a file that exists), and tells the server. */
  async makeCorpus(target?: vscode.Uri): Promise<MadeCorpus | undefined> {
    const folder = await folderFor(target);
    if (!folder) return undefined;
    const made: MadeCorpus = { folder, written: [], kept: [] };
    if (fs.existsSync(path.join(folder, settingsFileName))) {
      made.kept.push(path.join(folder, settingsFileName));
      void vscode.window.showInformationMessage(`Marginalia: ${path.basename(folder)} is already a corpus (it has a ${settingsFileName}).`);
      return made;
    }
    for (const [name, text] of [[settingsFileName, settingsTemplate], [registryFileName, registryTemplate]] as const) {
      const file = path.join(folder, name);
      try {
        fs.writeFileSync(file, text, { flag: 'wx' }); // wx: fails rather than overwrite
        made.written.push(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          void vscode.window.showErrorMessage(`Marginalia: could not write ${file}: ${describe(error)}`);
          return made;
        }
        made.kept.push(file);
      }
    }
    // The server may not watch this folder (outside the workspace): say what was created.
    const client = this.client();
    if (client?.state === State.Running) {
      const changes = made.written.map((f) => ({ uri: client.code2ProtocolConverter.asUri(vscode.Uri.file(f)), type: FileChangeType.Created as FileChangeType }));
      await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    }
    this.corpusMade();
    const open = `Open ${settingsFileName}`;
    const wrote = made.written.map((f) => path.basename(f)).join(' and ');
    void this.ask(`Marginalia: ${path.basename(folder)} is now a corpus (${wrote} written); its .txt files are read as transcriptions.`, open).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, settingsFileName)));
    });
    return made;
  }
}

/** The folder given (a file's own folder), else the active file's, else the only workspace folder, else one the user picks. */
async function folderFor(target: vscode.Uri | undefined): Promise<string | undefined> {
  if (target?.scheme === 'file') return fs.existsSync(target.fsPath) && fs.statSync(target.fsPath).isDirectory() ? target.fsPath : path.dirname(target.fsPath);
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return path.dirname(active.fsPath);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1 && folders[0]!.uri.scheme === 'file') return folders[0]!.uri.fsPath;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Make a Corpus' });
  return picked?.[0]?.fsPath;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
