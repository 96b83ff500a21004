/**
 * Codings as CSV, one row per coding, with the document's attributes as extra columns so that a
 * spreadsheet or R can filter and pivot without a join. Streamed one document at a time.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import type { StreamFormatter } from './stream.js';
import { excerptText } from './text.js';
import { attributeOf } from '../ingest/document.js';

const FIXED = [
  'document',
  'path',
  'line_start',
  'line_end',
  'segment',
  'speaker',
  'speaker_role',
  'section',
  'code',
  'cluster',
  'source',
  'coder',
  'score',
  'terms',
  'text',
];

/** Attribute columns; a name that clashes with a fixed column gets an `attr_` prefix. */
export function attributeColumns(keys: Iterable<string>): { key: string; column: string }[] {
  return [...new Set(keys)].sort().map((key) => ({ key, column: FIXED.includes(key) ? `attr_${key}` : key }));
}

export function codingsCsv(attributeKeys: string[], options: CsvOptions = {}): StreamFormatter<CodedDocument> {
  const columns = attributeColumns(attributeKeys);
  return {
    start: () => csvStart(options) + csvLines([[...FIXED, ...columns.map((c) => c.column)]], options),
    item: (coded) => documentRows(coded, columns, options),
    end: () => '',
  };
}

function documentRows({ document, segments, codings }: CodedDocument, columns: { key: string }[], options: CsvOptions): string {
  const attributes = columns.map(({ key }) => {
    const v = attributeOf(document.attributes, key);
    return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : v;
  });
  const rows = codings.map((c) => {
    const s = segments[c.segment - 1];
    const terms = [...new Set(c.evidence.map((e) => e.term))].join('; ');
    return [
      document.id,
      document.path,
      s.lines.start,
      s.lines.end,
      s.ordinal,
      s.speaker ?? '',
      s.speakerRole ?? '',
      s.section.join(' > '),
      c.code,
      c.cluster,
      c.source,
      c.coder,
      c.score ?? '',
      terms,
      excerptText(s.text),
      ...attributes,
    ];
  });
  return csvLines(rows, options);
}
