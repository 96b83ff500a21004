/**
 * Memos: markdown notes under memos/ whose front matter says what they are about: `code:` a code or
 * cluster id, and any attribute (`district: Crooswijk`). A memo without `code` is about every code; one
 * without the compared attribute is about the cluster as a whole (shown beside the table, not in a row).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attributeOf, readDocument } from '../ingest/document.js';
import type { AttributeValue } from '../ingest/document.js';
import { decode } from '../io/decode.js';

export interface Memo {
  path: string;
  title?: string;
  /** The code or cluster id the memo is about. */
  code?: string;
  attributes: Record<string, AttributeValue>;
  /** The memo's text, front matter removed. */
  text: string;
}

export function readMemos(
  paths: string[],
  read: (path: string) => Uint8Array,
  knownCodes: Set<string>,
): { memos: Memo[]; diagnostics: Diagnostic[] } {
  const memos: Memo[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const decoded = decode(read(path));
    if (!decoded.ok) {
      diagnostics.push(
        diagnostic('error', path, 'memo/encoding', `${decoded.reason} at byte ${decoded.byteOffset}`, undefined, 'save memos as UTF-8'),
      );
      continue;
    }
    const { document, diagnostics: problems } = readDocument(path, decoded.text);
    diagnostics.push(...problems);
    if (problems.some((d) => d.severity === 'error')) continue;
    const { code, title, ...attributes } = document.attributes;
    const memo: Memo = { path, attributes, text: document.text.slice(document.bodyStart).trim() };
    if (typeof title === 'string') memo.title = title;
    if (typeof code === 'string') {
      if (!knownCodes.has(code)) {
        diagnostics.push(
          diagnostic(
            'error',
            path,
            'memo/unknown-code',
            `memo is about code "${code}", which the codebook lacks`,
            { line: 1, column: 1 },
            'use a code or cluster id of the codebook',
          ),
        );
        continue;
      }
      memo.code = code;
    }
    memos.push(memo);
  }
  return { memos, diagnostics };
}

/** Memos about a cluster (or a code in it) and one value of an attribute; `value` undefined: no value. */
export function memosAbout(memos: Memo[], cluster: string, attribute: string, value: string | undefined): Memo[] {
  return memos.filter((m) => {
    const aboutCode = m.code === undefined || m.code === cluster || m.code.startsWith(`${cluster}.`);
    const v = attributeOf(m.attributes, attribute);
    const aboutValue = value === undefined ? v === undefined : v !== undefined && (Array.isArray(v) ? v.includes(value) : v === value);
    return aboutCode && aboutValue;
  });
}
