// "Show Mentions by Role": the mentions of the person under the cursor in a tree, by document and
// then by role (sender, recipient, via, distribution, mentioned). A tree rather than a quick pick:
// like the References view, it stays open while the editor goes from one mention to the next, and
// it nests the groups that a flat list cannot. The server does the grouping; this only shows it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { mentionsByRoleRequest, type DocumentMentions, type MentionRole, type MentionsByRole } from '../../server/src/protocol.js';

export const mentionsViewId = 'marginalia.mentions';

const roleLabels: Record<MentionRole, string> = {
  sender: 'sender',
  recipient: 'recipient',
  via: 'through whom it went (via)',
  distribution: 'on the distribution list',
  mentioned: 'mentioned',
};

type Group = DocumentMentions['roles'][number];
type Node =
  | { kind: 'document'; doc: DocumentMentions }
  | { kind: 'role'; doc: DocumentMentions; group: Group }
  | { kind: 'mention'; doc: DocumentMentions; mention: Group['mentions'][number] };

export class MentionsView implements vscode.TreeDataProvider<Node> {
  private shown: MentionsByRole | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;

  constructor(
    private readonly client: () => LanguageClient | undefined,
    subscriptions: vscode.Disposable[],
  ) {
    this.view = vscode.window.createTreeView(mentionsViewId, { treeDataProvider: this, showCollapseAll: true });
    subscriptions.push(this.view, this.changed, vscode.commands.registerCommand('marginalia.showMentionsByRole', () => this.showAtCursor()));
  }

  /** What the view shows now, for the tests. */
  get current(): MentionsByRole | undefined {
    return this.shown;
  }

  async showAtCursor(): Promise<MentionsByRole | undefined> {
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    if (!editor || !client) return undefined;
    const params = { uri: editor.document.uri.toString(), position: editor.selection.active };
    const found = await client.sendRequest(mentionsByRoleRequest, params);
    if (!found) {
      void vscode.window.showInformationMessage('Marginalia: no person, place or organisation of the registry is named here.');
      return undefined;
    }
    this.shown = found;
    this.view.title = `Mentions of ${found.subject}`;
    this.view.message = `${found.mentions} mention${found.mentions === 1 ? '' : 's'} in ${found.documents.length} document${found.documents.length === 1 ? '' : 's'}`;
    await vscode.commands.executeCommand('setContext', 'marginalia.mentionsShown', true);
    this.changed.fire(undefined);
    await vscode.commands.executeCommand(`${mentionsViewId}.focus`);
    return found;
  }

  getChildren(node?: Node): Node[] {
    if (!this.shown) return [];
    if (!node) return this.shown.documents.map((doc) => ({ kind: 'document', doc }));
    if (node.kind === 'document') return node.doc.roles.map((group) => ({ kind: 'role', doc: node.doc, group }));
    if (node.kind === 'role') return node.group.mentions.map((mention) => ({ kind: 'mention', doc: node.doc, mention }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const open = (range: DocumentMentions['range']): vscode.Command => ({
      title: 'Open',
      command: 'vscode.open',
      arguments: [vscode.Uri.parse(node.doc.uri), { selection: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) }],
    });
    const count = (n: number) => `${n} mention${n === 1 ? '' : 's'}`;
    switch (node.kind) {
      case 'document': {
        const item = new vscode.TreeItem(node.doc.title, vscode.TreeItemCollapsibleState.Expanded);
        item.description = count(node.doc.roles.reduce((n, g) => n + g.mentions.length, 0));
        item.command = open(node.doc.range);
        item.iconPath = new vscode.ThemeIcon('file-text');
        return item;
      }
      case 'role': {
        const item = new vscode.TreeItem(roleLabels[node.group.role], vscode.TreeItemCollapsibleState.Expanded);
        item.description = count(node.group.mentions.length);
        return item;
      }
      case 'mention': {
        const m = node.mention;
        const item = new vscode.TreeItem(`line ${m.range.start.line + 1}: ${m.text}`, vscode.TreeItemCollapsibleState.None);
        item.description = m.line;
        item.tooltip = m.line;
        item.command = open(m.range);
        return item;
      }
    }
  }
}
