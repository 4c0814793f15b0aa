// Documents by what other documents use to point at them: the day they bear, their number, their
// protocol, the numbered messages the text dates. Built on the first question after a change.

import { documentDate } from '../model/scan/document-date.js';
import { firstDay, lastDay } from '../model/dates.js';
import type { ReferenceNumber, TranscribedDocument } from '../model/types.js';

export interface DocumentRef {
  uri: string;
  document: TranscribedDocument;
}

export interface Links {
  /** By the day they bear (a day number of `firstDay`). */
  byDay: Map<number, DocumentRef[]>;
  byNumber: Map<string, DocumentRef[]>;
  byProtocol: Map<string, DocumentRef[]>;
  /** Numbered messages that the text dates (`#1405/sh dated 5 October`), by number. */
  datedNumbers: Map<string, Array<DocumentRef & { ref: ReferenceNumber }>>;
  /** Who refers to each document; built on the first question. */
  referrers?: Map<TranscribedDocument, DocumentRef[]>;
}

export function buildLinks(documents: Iterable<DocumentRef>): Links {
  const links: Links = { byDay: new Map(), byNumber: new Map(), byProtocol: new Map(), datedNumbers: new Map() };
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const ref of documents) {
    const own = documentDate(ref.document)?.value;
    if (own && firstDay(own) === lastDay(own)) add(links.byDay, firstDay(own), ref);
    if (ref.document.header?.number) add(links.byNumber, ref.document.header.number, ref);
    const protocols = new Set(ref.document.referenceNumbers.flatMap((r) => (r.protocol ? [r.protocol.number] : [])));
    for (const p of protocols) add(links.byProtocol, p, ref);
    for (const r of ref.document.referenceNumbers) if (r.date?.value) add(links.datedNumbers, r.key, { ...ref, ref: r });
  }
  return links;
}
