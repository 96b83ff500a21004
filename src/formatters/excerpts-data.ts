/** Excerpts as CSV (one row per excerpt) and JSON, for spreadsheets and scripts. */
import type { ExcerptsResult } from '../app/excerpts.js';
import type { Code } from '../codebook/types.js';
import type { Excerpt, ExcerptGroup } from '../excerpts/collect.js';
import type { AttributeValue } from '../ingest/document.js';
import type { Formatter } from './index.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { attributeColumns } from './codings-csv.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { excerptText } from './text.js';
import { attributeOf } from '../ingest/document.js';

export function excerptsCsv(groups: ExcerptGroup[], options: CsvOptions = {}): string {
  const keys = groups.flatMap((g) => g.excerpts.flatMap((e) => Object.keys(e.attributes)));
  const columns = attributeColumns(keys);
  const rows = groups.flatMap(({ code, excerpts }) => excerpts.map((e) => [...excerptCells(code, e), ...attributeCells(e.attributes, columns)]));
  return csvStart(options) + csvLines([excerptsCsvHeader(columns), ...rows], options);
}

export function excerptsCsvHeader(columns: { column: string }[]): string[] {
  return [
    'code',
    'cluster',
    'document',
    'path',
    'line_start',
    'line_end',
    'speaker',
    'speaker_role',
    'section',
    'terms',
    'text',
    ...columns.map((c) => c.column),
  ];
}

/** The cells of an excerpt's row before its attribute columns: those of its code, its document and its own. */
export function excerptCells(code: Code, e: Excerpt): (string | number)[] {
  return [...excerptCodeCells(code), ...excerptDocumentCells(e), ...excerptOwnCells(e)];
}

/** The same for every excerpt of a code. */
export function excerptCodeCells(code: Code): string[] {
  return [code.id, code.cluster];
}

/** The same for every excerpt of a document. */
export function excerptDocumentCells(e: Excerpt): string[] {
  return [e.documentId, e.path];
}

export function excerptOwnCells(e: Excerpt): (string | number)[] {
  return [e.lines.start, e.lines.end, e.speaker ?? '', e.speakerRole ?? '', e.section.join(' > '), e.matched.join('; '), excerptText(e.text)];
}

export function attributeCells(attributes: Record<string, AttributeValue>, columns: { key: string }[]): string[] {
  return columns.map(({ key }) => {
    const v = attributeOf(attributes, key);
    return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : v;
  });
}

export function excerptsJson(groups: ExcerptGroup[]): string {
  const codes = groups.map(({ code, excerpts }) => ({ id: code.id, cluster: code.cluster, label: code.label, excerpts }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, codes }, null, 2)}\n`;
}

/** The formats of the registry (formatters/index.ts). */
export const excerptsFormats = {
  csv: (r, options) => excerptsCsv(r.groups, options),
  json: (r) => excerptsJson(r.groups),
} satisfies Record<string, Formatter<ExcerptsResult>>;

/** excerptsJson in pieces, written as excerpts are gathered: the same bytes. */
export const excerptsJsonParts = {
  start: (codes: number) => `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "codes": [${codes === 0 ? '' : ''}`,
  /** A code's object up to its excerpts, and what closes it. */
  code(code: Code, first: boolean, any: boolean): { open: string; close: string } {
    const whole = indent(JSON.stringify({ id: code.id, cluster: code.cluster, label: code.label, excerpts: [] }, null, 2), 4);
    const at = whole.lastIndexOf('[]');
    return { open: `${first ? '' : ','}\n${whole.slice(0, at + 1)}`, close: `${any ? '\n      ' : ''}${whole.slice(at + 1)}` };
  },
  excerpt: (e: Excerpt, first: boolean) => `${first ? '' : ','}\n${indent(JSON.stringify(e, null, 2), 8)}`,
  end: (codes: number) => `${codes === 0 ? '' : '\n  '}]\n}\n`,
};

/** JSON.stringify escapes line breaks inside strings, so every \n of its output starts a line. */
function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return pad + text.split('\n').join(`\n${pad}`);
}
