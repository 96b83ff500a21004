// The work of `qda cooccur`; its options are declared in ../commands/cooccur.ts.
import { CooccurBuilder, type Measure, type Within } from '../../analysis/cooccur.js';
import type { Level } from '../../analysis/units.js';
import { cooccurGrid, cooccurJson } from '../../formatters/cooccur.js';
import { renderGrid } from '../../formatters/grid.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags, type GridFormat } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { openSession, outputLanguage } from '../session.js';
import { checkSelection, selectedDocuments } from '../selection.js';
import { counted, newTotals } from './code.js';

export interface CooccurFlags extends CorpusFlags, FilterFlags {
  level: Level;
  within: Within;
  measure: Measure;
  format: GridFormat;
  out?: string;
  excel?: boolean;
}

export function cooccurAction(paths: string[], flags: CooccurFlags, io: Io): void {
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  checkSelection(session, filter);
  const builder = new CooccurBuilder(session.codebook, {
    level: flags.level,
    within: flags.within,
    measure: flags.measure,
    filter,
    language: outputLanguage(session),
  });
  const totals = newTotals();
  for (const coded of counted(session, totals)) builder.add(coded);
  const result = builder.result();
  const grid = cooccurGrid(result);
  const text = renderGrid(grid, flags.format, () => cooccurJson(result), { excel: flags.excel });
  writeOutput(io, flags.out, [text]);
  summaryLine(
    io,
    flags.quiet,
    flags.within === 'document'
      ? `co-occurrence of ${count(result.codes.length, flags.level)} within each of ${count(result.units, 'document')}`
      : `co-occurrence of ${count(result.codes.length, flags.level)} within ${count(result.units, flags.within)} of ${count(selectedDocuments(session, filter), 'document')}`,
  );
}
