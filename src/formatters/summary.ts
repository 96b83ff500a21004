/**
 * District comparison tables as in Dutch evaluation reports (Wijk · Aspecten · Toelichting): one
 * markdown table per cluster, ready to paste into a report; also CSV (long form) and JSON.
 */
import type { Explanation, Summary } from '../analysis/summary.js';
import type { SummaryResult } from '../app/summary.js';
import { SCHEMA_VERSION } from './codings-json.js';
import type { Formatter } from './index.js';
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { gridMarkdown, type Grid } from './grid.js';
import { markdownInline, markdownText, readable } from './text.js';
import { wordsFor as words, type Words } from './labels.js';

const MAX_QUOTE = 320;

export function summaryMarkdown(s: Summary): string {
  const w = words(s.language);
  const head = s.by === 'district' ? w.district : s.by.charAt(0).toUpperCase() + s.by.slice(1);
  const out = [`# ${w.comparisonBy} ${s.by === 'district' ? w.district.toLowerCase() : markdownInline(s.by)}\n`];
  for (const table of s.tables) {
    const grid: Grid = {
      header: [head, w.aspects, w.explanation],
      rows: table.rows.map((r) => [r.value, r.aspects.map((a) => `${a.label} (${a.count})`).join('; '), explanation(r.explanation, w)]),
    };
    out.push(`\n## ${markdownInline(table.cluster.label)}\n\n${gridMarkdown(grid)}`);
    for (const note of table.notes) out.push(`\n${markdownText(readable(note.text))} (${w.memo}: ${note.source})\n`);
  }
  return out.join('');
}

function explanation(e: Explanation, w: Words): string {
  if (e.kind === 'memo') return `${markdownText(readable(e.text))} (${w.memo}: ${e.source})`;
  if (e.kind === 'none') return `_${w.noExcerpts}_`;
  return `“${markdownText(quote(readable(e.text)))}” (${e.speaker ? `${e.speaker}, ` : ''}${e.source})`;
}

/** A quotation cut at a word boundary, marked with an ellipsis. */
export function quote(text: string): string {
  // Only the start is looked at: a segment can be a whole transcript.
  if (text.length <= MAX_QUOTE || [...text.slice(0, 2 * MAX_QUOTE + 1)].length <= MAX_QUOTE) return text;
  const cut = [...text.slice(0, 2 * MAX_QUOTE)].slice(0, MAX_QUOTE).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_QUOTE / 2)).replace(/[\s,;:]+$/, '')} …`;
}

export function summaryCsv(s: Summary, options: CsvOptions = {}): string {
  const rows = s.tables.flatMap((t) =>
    t.rows.map((r) => [
      t.cluster.id,
      t.cluster.label,
      r.value,
      r.aspects.map((a) => `${a.label} (${a.count})`).join('; '),
      r.explanation.kind,
      readable(r.explanation.text),
      r.explanation.source ?? '',
    ]),
  );
  const notes = s.tables.flatMap((t) => t.notes.map((n) => [t.cluster.id, t.cluster.label, '', '', 'memo', readable(n.text), n.source]));
  return (
    csvStart(options) + csvLines([['cluster', 'label', s.by, 'aspects', 'explanation_kind', 'explanation', 'source'], ...rows, ...notes], options)
  );
}

export function summaryJson(s: Summary): string {
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, ...s }, null, 2)}\n`;
}

/** The formats of the registry (formatters/index.ts); a terminal gets the markdown tables. */
export const summaryFormats = {
  md: (r) => summaryMarkdown(r.summary),
  csv: (r, options) => summaryCsv(r.summary, options),
  json: (r) => summaryJson(r.summary),
} satisfies Record<string, Formatter<SummaryResult>>;
