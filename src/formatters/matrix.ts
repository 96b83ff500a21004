/** The theme matrix as a grid (csv, md, terminal) or JSON. */
import type { Matrix } from '../analysis/matrix.js';
import { SCHEMA_VERSION } from './codings-json.js';
import type { MatrixResult } from '../app/matrix.js';
import { figure, gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { Formatter } from './index.js';
import { wordsFor } from './labels.js';

export function matrixGrid(m: Matrix, language: string): Grid {
  const total = wordsFor(language).total;
  const decimals = m.count === 'coverage' || m.percent ? 1 : 0;
  const f = (v: number) => figure(v, decimals);
  const first = m.level === 'cluster' ? 'cluster' : 'code';
  return {
    header: [first, 'label', ...m.columns, total],
    rows: [
      ...m.rows.map((r, i) => [r.id, r.label, ...m.values[i].map(f), f(m.rowTotals[i])]),
      [total, '', ...m.columnTotals.map(f), f(m.grandTotal)],
    ],
    numeric: [false, false, ...m.columns.map(() => true), true],
  };
}

export function matrixJson(m: Matrix): string {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const json = {
    schemaVersion: SCHEMA_VERSION,
    level: m.level,
    by: m.by,
    count: m.count,
    percent: m.percent ?? null,
    columns: m.columns,
    rows: m.rows.map((r, i) => ({ ...r, values: m.values[i].map(round), total: round(m.rowTotals[i]) })),
    totals: { columns: m.columnTotals.map(round), all: round(m.grandTotal) },
    bases: { columns: m.bases, all: m.baseTotal },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The formats of the registry (formatters/index.ts) that show the matrix as a grid, and JSON. */
export const matrixFormats = {
  table: (r) => gridText(matrixGrid(r.matrix, r.language)),
  csv: (r, options) => gridCsv(matrixGrid(r.matrix, r.language), options),
  md: (r) => gridMarkdown(matrixGrid(r.matrix, r.language)),
  json: (r) => matrixJson(r.matrix),
} satisfies Record<string, Formatter<MatrixResult>>;
