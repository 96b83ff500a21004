/** Excerpts as CSV (one row per excerpt) and JSON, for spreadsheets and scripts. */
import type { ExcerptGroup } from '../excerpts/collect.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { attributeColumns } from './codings-csv.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { excerptText } from './text.js';
import { attributeOf } from '../ingest/document.js';

export function excerptsCsv(groups: ExcerptGroup[], options: CsvOptions = {}): string {
  const keys = groups.flatMap((g) => g.excerpts.flatMap((e) => Object.keys(e.attributes)));
  const columns = attributeColumns(keys);
  const header = [
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
  const rows = groups.flatMap(({ code, excerpts }) =>
    excerpts.map((e) => [
      code.id,
      code.cluster,
      e.documentId,
      e.path,
      e.lines.start,
      e.lines.end,
      e.speaker ?? '',
      e.speakerRole ?? '',
      e.section.join(' > '),
      e.matched.join('; '),
      excerptText(e.text),
      ...columns.map(({ key }) => {
        const v = attributeOf(e.attributes, key);
        return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : v;
      }),
    ]),
  );
  return csvStart(options) + csvLines([header, ...rows], options);
}

export function excerptsJson(groups: ExcerptGroup[]): string {
  const codes = groups.map(({ code, excerpts }) => ({ id: code.id, cluster: code.cluster, label: code.label, excerpts }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, codes }, null, 2)}\n`;
}
