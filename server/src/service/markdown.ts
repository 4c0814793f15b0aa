// Markdown for hovers. Text from the workspace (a transcription's words, the registry's names and
// notes) is shown as written: a `*`, `_`, `[`, `<` or backtick in it is no emphasis, link,
// image, HTML or code, so that a registry note cannot make the editor fetch an image or run a
// command on hover. Everything from the workspace enters a hover through `plain` (and a link's
// target through `target`); the hover's own words and formatting are written around it.

import type { DocumentRef } from '../corpus/index.js';
import type { Range, TranscribedDocument } from '../model/types.js';

/** Characters that Markdown or HTML can read anywhere in a line: each gets a backslash. */
const inline = /[\\`*_[\]<>#&|~]/g;

/** Text from the workspace as Markdown that shows it exactly as written, inside a line. */
export function plain(text: string): string {
  return escapeLineStarts(text.replace(inline, (c) => `\\${c}`), /\n/.source);
}

/** The same for text that opens a paragraph of the hover (a note): its first line too. */
export function paragraph(text: string): string {
  return escapeLineStarts(text.replace(inline, (c) => `\\${c}`), '^|\\n');
}

/**
 * What opens a block only at the start of a line (a list, a heading's underline, an indented
 * code block, in which backslashes would show): after `start`, leading blanks dropped, the
 * marker escaped.
 */
function escapeLineStarts(text: string, start: string): string {
  return text
    .replace(new RegExp(`(${start})[ \\t]+`, 'g'), '$1')
    .replace(new RegExp(`(${start})([-+=])`, 'g'), '$1\\$2')
    .replace(new RegExp(`(${start})(\\d+)([.)])`, 'g'), '$1$2\\$3');
}

/** A link's target as Markdown reads it whole: no bracket, parenthesis or space ends it early. */
export function target(url: string): string {
  return url.replace(/[\s()<>[\]\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[text](target)`, the text escaped. */
export function markdownLink(text: string, url: string): string {
  return `[${plain(text)}](${target(url)})`;
}

/** How many documents a hover lists before it says "and N more". */
const listed = 5;

export function documentLabel(doc: TranscribedDocument): string {
  return doc.header?.number ? `Document ${doc.header.number}` : (doc.header?.title ?? 'an untitled document');
}

/** A link to a document's first line, by its number or title. */
export function documentLink(ref: DocumentRef, label = documentLabel(ref.document)): string {
  return markdownLink(label, `${ref.uri}#L${ref.document.range.start.line + 1}`);
}

export function documentLinks(refs: DocumentRef[]): string {
  const shown = refs.slice(0, listed).map((r) => documentLink(r)).join(', ');
  return refs.length > listed ? `${shown} and ${refs.length - listed} more` : shown;
}

/** `Document 8 (lines 37, 45)`, per document, with links to the first line. */
export function occurrenceList(occurrences: Array<{ uri: string; document: TranscribedDocument; range: Range }>): string {
  const groups: Array<{ uri: string; document: TranscribedDocument; lines: number[] }> = [];
  for (const o of occurrences) {
    let group = groups.find((g) => g.document === o.document);
    if (!group) groups.push((group = { uri: o.uri, document: o.document, lines: [] }));
    if (!group.lines.includes(o.range.start.line + 1)) group.lines.push(o.range.start.line + 1);
  }
  const shown = groups
    .slice(0, listed)
    .map((g) => `${markdownLink(documentLabel(g.document), `${g.uri}#L${g.lines[0]}`)} (line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')})`);
  return groups.length > listed ? `${shown.join(', ')} and ${groups.length - listed} more` : shown.join(', ');
}
