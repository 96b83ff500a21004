// The matrix as TSV, checked on a hand-made matrix (no corpus, no command line), and once through
// `qda matrix --format tsv` against the CSV of the same matrix.
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import type { Matrix } from '../../src/analysis/matrix.js';
import type { MatrixResult } from '../../src/app/matrix.js';
import { formatNames, getFormatter } from '../../src/formatters/index.js';
import { qda } from '../helpers/run-cli.js';

const matrix: Matrix = {
  level: 'code',
  by: 'district',
  count: 'segments',
  rows: [
    { id: 'work.roles', label: 'Roles\tand tasks' },
    { id: 'work.pace', label: 'Pace of\nwork' },
  ],
  columns: ['=Noord', 'Zuid'],
  values: [
    [3, 0],
    [1, 2],
  ],
  rowTotals: [3, 3],
  columnTotals: [4, 2],
  grandTotal: 5,
  bases: [6, 4],
  baseTotal: 10,
};
const result: MatrixResult = { matrix, language: 'en', documents: 2 };

describe('matrix as TSV', () => {
  test('one line per row, tab-separated, totals in English; tabs and breaks in a cell become spaces', async () => {
    expect((await getFormatter('matrix', 'tsv'))(result, {})).toBe(
      ["code\tlabel\t'=Noord\tZuid\tTotal", 'work.roles\tRoles and tasks\t3\t0\t3', 'work.pace\tPace of work\t1\t2\t3', 'Total\t\t4\t2\t5', ''].join(
        '\n',
      ),
    );
  });

  test('Dutch totals for a Dutch result; percentages keep one decimal', async () => {
    const percent = {
      ...matrix,
      percent: 'row' as const,
      values: [
        [100, 0],
        [100 / 3, 200 / 3],
      ],
      rowTotals: [100, 100],
    };
    const lines = (await getFormatter('matrix', 'tsv'))({ ...result, matrix: percent, language: 'nl' }, {}).split('\n');
    expect(lines[2]).toBe('work.pace\tPace of work\t33.3\t66.7\t100.0');
    expect(lines[3].startsWith('Totaal\t')).toBe(true);
  });

  test('tsv is one of the --format choices, after the four that were there', () => {
    expect(formatNames('matrix')).toEqual(['table', 'csv', 'md', 'json', 'tsv']);
  });

  test('qda matrix --format tsv holds the cells of --format csv', async () => {
    const tsv = await qda(['matrix', 'tests/fixtures/analysis', '-q', '--format', 'tsv']);
    const csv = await qda(['matrix', 'tests/fixtures/analysis', '-q', '--format', 'csv']);
    expect(tsv.code).toBe(0);
    const cells = Papa.parse<string[]>(csv.stdout.trimEnd(), { newline: '\r\n' }).data;
    expect(
      tsv.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t')),
    ).toEqual(cells);
    expect(cells.length).toBeGreaterThan(2);
  });
});
