/**
 * Codings as CSV, one row per coding, with the document's attributes as extra columns so that a
 * spreadsheet or R can filter and pivot without a join. Streamed one document at a time.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import { csvDelimiter, csvLines, csvRow, csvStart, type CsvOptions } from './csv.js';
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
    // Rows depend on their document only.
    adopt: () => '',
  };
}

/**
 * The rows of a document. The cells of the document (id, path, attributes) and of a segment (its
 * place and text) are formatted once and shared by its rows: a segment has a row per code, and its
 * text is the longest cell. Each cell is formatted on its own, so the row is the same.
 */
function documentRows({ document, segments, codings }: CodedDocument, columns: { key: string }[], options: CsvOptions): string {
  const delimiter = csvDelimiter(options);
  const attributes = columns.map(({ key }) => {
    const v = attributeOf(document.attributes, key);
    return v === undefined ? '' : Array.isArray(v) ? v.join('; ') : v;
  });
  const head = `${csvRow([document.id, document.path], options)}${delimiter}`;
  const tail = `${columns.length === 0 ? '' : `${delimiter}${csvRow(attributes, options)}`}\r\n`;
  let out = '';
  let last = -1;
  let place = '';
  let text = '';
  for (const c of codings) {
    if (c.segment !== last) {
      const s = segments[c.segment - 1];
      place = `${csvRow([s.lines.start, s.lines.end, s.ordinal, s.speaker ?? '', s.speakerRole ?? '', s.section.join(' > ')], options)}${delimiter}`;
      text = `${delimiter}${csvRow([excerptText(s.text)], options)}`;
      last = c.segment;
    }
    const terms = [...new Set(c.evidence.map((e) => e.term))].join('; ');
    out += head + place + csvRow([c.code, c.cluster, c.source, c.coder, c.score ?? '', terms], options) + text + tail;
  }
  return out;
}
