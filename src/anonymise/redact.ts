/**
 * `--redact KEY`: the key of `qda anonymise` applied on the fly, so that an export of the original
 * project says what the same export of its pseudonymised copy says. Each text is pseudonymised as it
 * is read, before it is cut into segments; hand-made codings get the anchors of the pseudonymised
 * paragraphs (as `qda anonymise` carries them), and memos are pseudonymised as they are read.
 */
import { readDocument } from '../ingest/document.js';
import { rowText, type ManualRow } from '../manual/sidecar.js';
import { decode } from '../io/decode.js';
import { carryAnchors } from './carry.js';
import type { KeyEntry } from './key.js';
import { forwardOf, transformText, yamlLayout } from './transform.js';

export interface Redaction {
  /** A document's or memo's text, pseudonymised. */
  text: (path: string, text: string) => string;
  /** The bytes of a memo, pseudonymised (memos are UTF-8). */
  memo: (bytes: Uint8Array) => Uint8Array;
  /** Hand-made codings with the pseudonymised documents' ids, anchors, text and notes. */
  rows: (rows: ManualRow[], documents: Iterable<string>, read: (path: string) => string | undefined) => ManualRow[];
}

export function redaction(entries: KeyEntry[]): Redaction {
  const forward = forwardOf(entries);
  const text = (path: string, original: string) => {
    const { document } = readDocument(path, original);
    return transformText(original, { bodyStart: document.bodyStart, speakers: document.speakers }, forward);
  };
  const plain = (t: string) => transformText(t, yamlLayout(''), forward);
  return {
    text,
    memo: (bytes) => {
      const decoded = decode(bytes);
      return decoded.ok ? new TextEncoder().encode(text('memo', decoded.text)) : bytes;
    },
    rows: (rows, documents, read) => {
      if (rows.length === 0) return rows;
      const carried = new Map<string, ReturnType<typeof carryAnchors>>();
      const coded = new Set(rows.map((r) => r.document));
      for (const path of documents) {
        const original = read(path);
        if (original === undefined) continue;
        const before = readDocument(path, original).document;
        if (coded.has(before.id)) carried.set(before.id, carryAnchors(before, readDocument(path, text(path, original)).document));
      }
      return rows.map((row) => {
        const doc = carried.get(row.document);
        const moved = doc?.anchors.get(row.anchor);
        const out: ManualRow = { ...row, document: doc?.id ?? row.document, anchor: moved?.anchor ?? row.anchor };
        if (row.note !== undefined) out.note = plain(row.note);
        if (moved) out.text = rowText(moved.text);
        else if (row.text !== undefined) out.text = plain(row.text);
        return out;
      });
    },
  };
}
