/**
 * The theme matrix as tab-separated values (`qda matrix --format tsv`): one line per row, cells
 * apart by a tab, LF line ends, UTF-8, no quoting. Tabs and line breaks inside a cell become
 * spaces, since TSV cannot hold them; text that a spreadsheet would run as a formula gets a
 * leading ', as in CSV.
 */
import type { MatrixResult } from '../app/matrix.js';
import { guardCell } from './csv.js';
import { matrixGrid } from './matrix.js';

const cell = (text: string) => guardCell(text.replace(/[\t\r\n]+/g, ' '));

export function matrixTsv({ matrix, language }: MatrixResult): string {
  const grid = matrixGrid(matrix, language);
  return [grid.header, ...grid.rows].map((row) => `${row.map(cell).join('\t')}\n`).join('');
}
