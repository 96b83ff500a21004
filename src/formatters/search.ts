/** The hits of `qda search` as markdown (keyword in context, then counts per group), CSV and JSON. */
import type { SearchResult } from '../app/search.js';
import type { SearchResult as Found } from '../search/collect.js';
import { attributeColumns } from './codings-csv.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { gridMarkdown } from './grid.js';
import { count, markdownInline, visibleControls } from './text.js';
import { attributeOf } from '../ingest/document.js';

export function searchMarkdown(info: SearchResult): string {
  const result = info.found;
  const lines = [`# Search: \`${info.query.replace(/`/g, "'")}\``, '', `${totalsLine(result)}.`, ''];
  // Paths, groups and speakers repeat from hit to hit: each is made readable once.
  const inline = remembered(markdownInline);
  const shownPath = remembered(visibleControls);
  for (const h of result.hits) {
    const who =
      h.speaker === undefined ? '' : ` · ${h.speaker}${h.speakerRole && h.speakerRole !== h.speaker.toLowerCase() ? ` (${h.speakerRole})` : ''}`;
    const left = h.left === '' ? '' : `…${escape(h.left)}`;
    const right = h.right === '' ? '' : `${escape(h.right)}…`;
    lines.push(
      `- \`${shownPath(h.path)}:${h.line}:${h.column}\` · ${inline(h.groups.join(', '))}${inline(who)} — ${left}**${escape(h.text)}**${right}`,
    );
  }
  if (result.hits.length > 0) lines.push('');
  lines.push(`## Hits per ${info.by}`, '');
  const rows = result.counts.map((c) => [c.value, String(c.hits), String(c.segments), String(c.documents)]);
  lines.push(gridMarkdown({ header: [info.by, 'hits', 'segments', 'documents'], rows, numeric: [false, true, true, true] }));
  return lines.join('\n');
}

/** `f` with its results kept by argument, for the strings that come back hit after hit. */
function remembered(f: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let out = known.get(text);
    if (out === undefined) known.set(text, (out = f(text)));
    return out;
  };
}

/** Markdown emphasis and list markers in context would change how the line reads. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function totalsLine(result: Found): string {
  return `${count(result.hits.length, 'hit')} in ${count(result.matched.segments, 'segment')} of ${count(result.matched.documents, 'document')} (searched ${count(result.searched.segments, 'segment')} of ${count(result.searched.documents, 'document')})`;
}

const FIXED = ['document', 'path', 'line', 'column', 'segment', 'speaker', 'speaker_role', 'group', 'left', 'hit', 'right'];

export function searchCsv({ found: result }: SearchResult, options: CsvOptions = {}): string {
  const columns = attributeColumns(result.hits.flatMap((h) => Object.keys(h.attributes))).map((c) =>
    FIXED.includes(c.key) ? { key: c.key, column: `attr_${c.key}` } : c,
  );
  const rows = result.hits.map((h) => [
    h.documentId,
    h.path,
    h.line,
    h.column,
    h.segment,
    h.speaker ?? '',
    h.speakerRole ?? '',
    h.groups.join('; '),
    h.left,
    h.text,
    h.right,
    ...columns.map(({ key }) => [attributeOf(h.attributes, key) ?? ''].flat().join('; ')),
  ]);
  return csvStart(options) + csvLines([[...FIXED, ...columns.map((c) => c.column)], ...rows], options);
}

export function searchJson(info: SearchResult): string {
  const result = info.found;
  const hits = result.hits.map((h) => {
    const hit: Record<string, unknown> = {
      document: h.documentId,
      path: h.path,
      line: h.line,
      column: h.column,
      range: [h.codePoints.start, h.codePoints.end],
      segment: h.segment,
    };
    if (h.speaker !== undefined) hit.speaker = h.speaker;
    if (h.speakerRole !== undefined) hit.speakerRole = h.speakerRole;
    Object.assign(hit, { groups: h.groups, attributes: h.attributes, left: h.left, text: h.text, right: h.right });
    return hit;
  });
  return `${JSON.stringify(
    {
      schemaVersion: SCHEMA_VERSION,
      query: info.query,
      unit: info.unit,
      by: info.by,
      width: info.width,
      searched: result.searched,
      matched: result.matched,
      hits,
      counts: result.counts,
    },
    null,
    2,
  )}\n`;
}

export const searchFormats = { md: searchMarkdown, csv: searchCsv, json: searchJson };
