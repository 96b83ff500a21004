// The work of `qda matrix`; its options are declared in ../commands/matrix.ts.
import { hideEmpty, MatrixBuilder, toPercent, type Count, type Percent } from '../../analysis/matrix.js';
import type { Level } from '../../analysis/units.js';
import { renderGrid } from '../../formatters/grid.js';
import { matrixGrid, matrixJson } from '../../formatters/matrix.js';
import { usage } from '../errors.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags, type GridFormat } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { openSession, outputLanguage } from '../session.js';
import { checkSelection, selectedDocuments } from '../selection.js';
import { counted, newTotals } from './code.js';

export interface MatrixFlags extends CorpusFlags, FilterFlags {
  level: Level;
  by?: string;
  count: Count;
  percent?: Percent;
  hideEmpty?: boolean;
  minScore?: number;
  format: GridFormat;
  out?: string;
  excel?: boolean;
}

export function matrixAction(paths: string[], flags: MatrixFlags, io: Io): void {
  if (flags.percent && flags.count === 'coverage') throw usage('--percent does not apply to --count coverage, which is a percentage already');
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const language = outputLanguage(session);
  const by = flags.by ?? session.project.settings.compareBy;
  checkSelection(session, filter, { name: by, explicit: flags.by !== undefined });
  const builder = new MatrixBuilder(session.codebook, {
    level: flags.level,
    by,
    count: flags.count,
    filter,
    language,
  });
  const totals = newTotals();
  const min = flags.minScore;
  for (const coded of counted(session, totals))
    builder.add(min === undefined ? coded : { ...coded, codings: coded.codings.filter((c) => c.score === undefined || c.score >= min) });
  let matrix = builder.result();
  if (flags.percent) matrix = toPercent(matrix, flags.percent);
  if (flags.hideEmpty) matrix = hideEmpty(matrix);
  const grid = matrixGrid(matrix, language);
  const text = renderGrid(grid, flags.format, () => matrixJson(matrix), { excel: flags.excel });
  writeOutput(io, flags.out, [text]);
  summaryLine(
    io,
    flags.quiet,
    `${count(matrix.rows.length, flags.level)} × ${count(matrix.columns.length, 'value')} of ${matrix.by}, counting ${flags.count}, from ${count(selectedDocuments(session, filter), 'document')}`,
  );
}
