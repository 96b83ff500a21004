/**
 * A table of text cells, and the three ways qda writes one: CSV, a markdown (GitHub/pandoc) table,
 * and aligned columns for a terminal. Numbers are right-aligned.
 */
import { csvLines, csvStart, type CsvOptions } from './csv.js';
import { markdownCell, visibleControls } from './text.js';

export interface Grid {
  header: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric?: boolean[];
}

/** CSV of a grid; for Excel, numbers take a decimal comma, as Dutch Excel reads them. */
export function gridCsv(grid: Grid, options: CsvOptions = {}): string {
  const rows = options.excel ? grid.rows.map((r) => r.map((c, i) => (grid.numeric?.[i] ? c.replace('.', ',') : c))) : grid.rows;
  return csvStart(options) + csvLines([grid.header, ...rows], options);
}

/** Cells come from the input (district names, code labels): none may end a cell or the row early. */
export function gridMarkdown(grid: Grid): string {
  const cell = markdownCell;
  const rule = grid.header.map((_, i) => (grid.numeric?.[i] ? '---:' : '---'));
  return [grid.header, rule, ...grid.rows].map((r, i) => `| ${(i === 1 ? r : r.map(cell)).join(' | ')} |`).join('\n') + '\n';
}

/** For a terminal: a cell's escapes and line breaks are shown as `\x1b`, `\n` (the user's text never moves the cursor). */
export function gridText(shown: Grid): string {
  const grid = { ...shown, header: shown.header.map(visibleControls), rows: shown.rows.map((r) => r.map(visibleControls)) };
  const widths = grid.header.map((h, i) => Math.max([...h].length, ...grid.rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (grid.numeric?.[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(grid.header), widths.map((w) => '─'.repeat(w)).join('  '), ...grid.rows.map(line)].join('\n') + '\n';
}

/** A figure as text: whole numbers as they are, percentages and shares with fixed decimals. */
export function figure(value: number, decimals: number): string {
  return decimals === 0 ? String(Math.round(value)) : value.toFixed(decimals);
}

/** A grid in the format asked for; JSON has its own shape per result, so it is passed in. */
export function renderGrid(grid: Grid, format: 'table' | 'csv' | 'md' | 'json', json: () => string, options: CsvOptions = {}): string {
  if (format === 'json') return json();
  if (format === 'csv') return gridCsv(grid, options);
  return format === 'md' ? gridMarkdown(grid) : gridText(grid);
}
