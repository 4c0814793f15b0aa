// The language service's plain data as LSP's types. Every function here is a pure conversion: it
// takes the service's result (and `toClient`, the URI the editor knows a file by) and returns
// what the protocol sends. Nothing here decides anything.

import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type CreateFile,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ruleByCode } from './checks/rules/index.js';
import type { Finding, Range, Severity } from './model/types.js';
import type { CodeActionData, InlayHintData } from './service/editing.js';
import type { CompletionData, CompletionResult } from './service/completion.js';
import type { HoverResult } from './service/hover.js';
import type { DocumentLens } from './service/lenses.js';
import type { OutlineSymbol, SymbolRole, WorkspaceSymbolData } from './service/symbols.js';

/** The URI the editor uses for a file, from its canonical one. */
export type ToClient = (uri: string) => string;

const severity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const symbolKind: Record<SymbolRole, SymbolKind> = {
  document: SymbolKind.File,
  header: SymbolKind.String,
  stamp: SymbolKind.Event,
  body: SymbolKind.Namespace,
  source: SymbolKind.Key,
  distribution: SymbolKind.Array,
  person: SymbolKind.Constructor,
  'cover-name': SymbolKind.Interface,
  place: SymbolKind.Module,
  organisation: SymbolKind.Class,
  archive: SymbolKind.Package,
};

const completionKind: Record<string, CompletionItemKind> = {
  person: CompletionItemKind.Constructor,
  'cover-name': CompletionItemKind.Interface,
  archive: CompletionItemKind.Module,
  place: CompletionItemKind.Module,
  organisation: CompletionItemKind.Class,
  snippet: CompletionItemKind.Snippet,
};

/** A range of the diagnostic's own: the facts' ranges are moved in place when an edit above moves their document. */
const copy = (r: Range): Range => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

export function toDiagnostic(f: Finding, toClient: ToClient): Diagnostic {
  const d: Diagnostic = {
    range: copy(f.range),
    severity: severity[f.severity],
    code: f.code,
    source: 'marginalia',
    message: f.message,
  };
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: toClient(r.uri), range: copy(r.range) }, message: r.message }));
  if (ruleByCode(f.code)?.tags?.includes('unnecessary')) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}

export function toHover(result: HoverResult | null | undefined): Hover | null {
  return result ? { contents: { kind: MarkupKind.Markdown, value: result.contents }, range: result.range } : null;
}

export function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  const symbol: DocumentSymbol = { name: s.name, kind: symbolKind[s.role], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
  if (s.detail) symbol.detail = s.detail;
  return symbol;
}

export function toSymbolInformation(s: WorkspaceSymbolData, toClient: ToClient): SymbolInformation {
  return { name: s.name, kind: symbolKind[s.role], location: { uri: toClient(s.uri), range: s.range }, containerName: s.container };
}

export function toCompletionItem(c: CompletionData): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: completionKind[c.kind] ?? CompletionItemKind.Text,
    detail: c.detail,
    textEdit: { range: c.range, newText: c.insertText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (c.description) item.labelDetails = { description: c.description };
  if (c.documentation) item.documentation = c.documentation;
  return item;
}

export function toCompletionList(r: CompletionResult): CompletionList {
  return { isIncomplete: r.incomplete, items: r.items.map(toCompletionItem) };
}

/** A code action, with the diagnostics it answers among `findings`. */
export function toCodeAction(a: CodeActionData, findings: Finding[], toClient: ToClient): CodeAction {
  const action: CodeAction = {
    title: a.title,
    kind: a.kind,
    diagnostics: findings.filter((f) => a.fixes.includes(f.code)).map((f) => toDiagnostic(f, toClient)),
  };
  if (a.preferred) action.isPreferred = true;
  if (a.edits.length) action.edit = toWorkspaceEdit(a, toClient);
  if (a.command) action.command = { title: a.title, command: a.command.command, arguments: a.command.arguments };
  return action;
}

/** A document's lens: a click opens the Problems view, where its findings are. */
export function toCodeLens(l: DocumentLens): CodeLens {
  return { range: l.range, command: { title: l.title, command: 'workbench.actions.view.problems' } };
}

export function toInlayHint(h: InlayHintData): InlayHint {
  return { position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: false };
}

/** A code action's edits as LSP's: plain changes, or, when it creates a file (a registry not yet written), the creation first. */
export function toWorkspaceEdit(action: CodeActionData, toClient: ToClient): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of action.edits) (changes[toClient(e.uri)] ??= []).push({ range: e.range, newText: e.newText });
  if (!action.creates?.length) return { changes };
  const creates: CreateFile[] = action.creates.map((uri) => ({ kind: 'create', uri: toClient(uri), options: { ignoreIfExists: true } }));
  return { documentChanges: [...creates, ...Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits }))] };
}
