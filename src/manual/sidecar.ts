/**
 * Sidecar coding files, one per coder: codings/<coder>.csv or .yaml with rows of document, anchor,
 * code, decision (add | reject) and an optional note (docs/codings.md). Every bad row is reported with
 * its file and line; the good rows are kept.
 */
import type { Node, Pair, Scalar } from 'yaml';
import { isMap, isScalar, isSeq } from '../diagnostics/yaml-lib.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseLocatedYaml } from '../diagnostics/yaml.js';
import { readable } from '../formatters/text.js';
import { readSheet } from './sheet.js';

export type Decision = 'add' | 'reject';

export interface ManualRow {
  document: string;
  anchor: string;
  code: string;
  decision: Decision;
  note?: string;
  coder: string;
  /** Where the row stands, for messages. */
  file: string;
  line: number;
  /** The start of the paragraph's text when the row was written, for messages. */
  text?: string;
  /** The line the paragraph started on when the row was written, for people. */
  paragraphLine?: number;
}

export const SIDECAR_COLUMNS = ['document', 'anchor', 'code', 'decision', 'note', 'line', 'text'] as const;
const REQUIRED = ['document', 'anchor', 'code', 'decision'] as const;

/**
 * The `text` column of a codings row (docs/codings.md): the start of the paragraph's text as people
 * read it. It is stored with the row, as the paragraph may change afterwards; it is for people and
 * for messages about the row, and never matched.
 */
export function rowText(paragraph: string): string {
  return readable(paragraph).slice(0, 80);
}

/** The coder a sidecar file belongs to: its name without extension. */
export function coderOf(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(csv|ya?ml)$/i, '');
}

export function parseSidecar(path: string, text: string): { rows: ManualRow[]; diagnostics: Diagnostic[] } {
  return /\.ya?ml$/i.test(path) ? parseYamlSidecar(path, text) : parseCsvSidecar(path, text);
}

function parseCsvSidecar(path: string, text: string): { rows: ManualRow[]; diagnostics: Diagnostic[] } {
  const { fields, records, problems } = readSheet(text);
  const diagnostics: Diagnostic[] = [];
  const missing = REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length > 0) {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'codings/columns',
        `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        { line: 1, column: 1 },
        `the header must name ${REQUIRED.join(', ')}`,
      ),
    );
    return { rows: [], diagnostics };
  }
  for (const p of problems)
    diagnostics.push(
      diagnostic('error', path, 'codings/csv', p.message, { line: p.line, column: 1 }, 'fix the quotes of that row; no row of this file was used'),
    );
  if (problems.length > 0) return { rows: [], diagnostics };
  const rows: ManualRow[] = [];
  const coder = coderOf(path);
  for (const record of records) {
    const row = checkRow(record.cell, path, coder, record.line, diagnostics);
    if (row) rows.push(row);
  }
  return { rows, diagnostics };
}

function parseYamlSidecar(path: string, text: string): { rows: ManualRow[]; diagnostics: Diagnostic[] } {
  const { doc, at, errors } = parseLocatedYaml(path, text, 'codings/yaml');
  const diagnostics = [...errors];
  if (errors.length > 0) return { rows: [], diagnostics };
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && root.value === null)) return { rows: [], diagnostics };
  if (!isSeq(root)) {
    diagnostics.push(
      diagnostic('error', path, 'codings/shape', 'a codings file is a list of rows', at(root), 'start each row with `- document: ...`'),
    );
    return { rows: [], diagnostics };
  }
  const rows: ManualRow[] = [];
  const coder = coderOf(path);
  for (const item of root.items as Node[]) {
    if (!isMap(item)) {
      diagnostics.push(diagnostic('error', path, 'codings/shape', 'each row is a mapping of document, anchor, code, decision', at(item)));
      continue;
    }
    const record = new Map<string, string>();
    for (const pair of item.items as Pair<Node, Node>[])
      if (isScalar(pair.key) && isScalar(pair.value)) record.set(String(pair.key.value), scalarText(pair.value));
    const row = checkRow((key) => (record.get(key) ?? '').trim(), path, coder, at(item).line, diagnostics);
    if (row) rows.push(row);
  }
  return { rows, diagnostics };
}

/** A YAML scalar as it was written: `007` stays `007`, not the number 7. */
function scalarText(node: Scalar): string {
  if (node.value === null || node.value === undefined) return '';
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

function checkRow(value: (key: string) => string, path: string, coder: string, line: number, diagnostics: Diagnostic[]): ManualRow | undefined {
  // Each cell read once: a codings file may have a million rows.
  const required = { document: value('document'), anchor: value('anchor'), code: value('code'), decision: value('decision') };
  const empty = REQUIRED.filter((c) => required[c] === '');
  if (empty.length > 0) {
    diagnostics.push(
      diagnostic('error', path, 'codings/row', `row without ${empty.join(', ')}`, { line, column: 1 }, 'fill in document, anchor, code and decision'),
    );
    return undefined;
  }
  const decision = required.decision.toLowerCase();
  if (decision !== 'add' && decision !== 'reject') {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'codings/decision',
        `decision "${required.decision}" is neither add nor reject`,
        { line, column: 1 },
        'write add or reject',
      ),
    );
    return undefined;
  }
  const row: ManualRow = { document: required.document, anchor: required.anchor, code: required.code, decision, coder, file: path, line };
  const note = value('note');
  const text = value('text');
  const paragraphLine = value('line');
  if (note) row.note = note;
  if (text) row.text = text;
  if (/^\d+$/.test(paragraphLine)) row.paragraphLine = Number(paragraphLine);
  return row;
}
