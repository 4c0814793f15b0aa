// The commands behind a finding's code actions: ask the editors for the reason or the severity,
// have the server write the line of marginalia.yaml, apply it and save, so that the server reads
// the new settings and the finding goes (or changes). The client decides nothing about the text.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  acceptDiscrepancyRequest,
  findingCommands,
  ruleSeverityRequest,
  settingsFileName,
  type AcceptDiscrepancyParams,
  type CorpusFileEdit,
  type RuleDescription,
  type RuleSeverityParams,
} from '../../server/src/protocol.js';

type Severity = RuleSeverityParams['severity'];
const severities: Severity[] = ['error', 'warning', 'information', 'hint', 'off'];

export class FindingActions {
  /** Asks the reason; the tests replace it. */
  askReason = (code: string): Thenable<string | undefined> =>
    vscode.window.showInputBox({
      title: `Accept this discrepancy (${code})`,
      prompt: `Why the editors accept it: written under accepted: in ${settingsFileName}, for the next reader.`,
      placeHolder: 'The editors date the letter 7 October; see their note.',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'A reason is needed: it is what the next reader of the edition sees.'),
    });

  /** Asks the severity; the tests replace it. */
  pickSeverity = async (code: string, current: string): Promise<Severity | undefined> => {
    const items = severities.map((s) => ({ label: s, description: s === current ? 'now' : s === 'off' ? 'the rule does not run' : undefined }));
    const picked = await vscode.window.showQuickPick(items, { title: `Severity of ${code} in this corpus (${settingsFileName}, rules:)`, placeHolder: current });
    return picked?.label;
  };

  /** Shows a rule's description; the tests replace it. */
  show = (message: string, detail: string): Thenable<unknown> => vscode.window.showInformationMessage(message, { modal: true, detail });

  /** Registers the commands, disposed with `subscriptions`. */
  constructor(
    private readonly client: () => LanguageClient | undefined,
    subscriptions: vscode.Disposable[],
  ) {
    subscriptions.push(
      vscode.commands.registerCommand(findingCommands.accept, (args: Omit<AcceptDiscrepancyParams, 'reason'>) => this.accept(args)),
      vscode.commands.registerCommand(findingCommands.severity, (args: Omit<RuleSeverityParams, 'severity'> & { current: string }) => this.changeSeverity(args)),
      vscode.commands.registerCommand(findingCommands.describe, (args: RuleDescription) => this.describe(args)),
    );
  }

  async accept(args: Omit<AcceptDiscrepancyParams, 'reason'>): Promise<boolean> {
    const reason = await this.askReason(args.code);
    const client = this.client();
    if (!reason?.trim() || !client) return false;
    return this.write(await client.sendRequest(acceptDiscrepancyRequest, { ...args, reason: reason.trim() }));
  }

  async changeSeverity(args: Omit<RuleSeverityParams, 'severity'> & { current: string }): Promise<boolean> {
    const severity = await this.pickSeverity(args.code, args.current);
    const client = this.client();
    if (!severity || !client) return false;
    return this.write(await client.sendRequest(ruleSeverityRequest, { uri: args.uri, code: args.code, severity }));
  }

  describe(args: RuleDescription): Thenable<unknown> {
    // The description is a line of Markdown; a message box shows it as text.
    return this.show(`Marginalia rule ${args.code} (${args.severity} in this corpus)`, args.description.replace(/`/g, ''));
  }

  /** Applies the server's edit to marginalia.yaml and saves it. */
  private async write(edit: CorpusFileEdit | null): Promise<boolean> {
    if (!edit) {
      void vscode.window.showWarningMessage(`Marginalia: nothing was written to ${settingsFileName}: it could not be read as YAML, or the corpus or the finding is no longer there.`);
      return false;
    }
    const uri = vscode.Uri.parse(edit.uri);
    const change = new vscode.WorkspaceEdit();
    const { start, end } = edit.range;
    change.replace(uri, new vscode.Range(start.line, start.character, end.line, end.character), edit.newText);
    if (!(await vscode.workspace.applyEdit(change))) return false;
    const document = await vscode.workspace.openTextDocument(uri);
    return document.save();
  }
}
