// The work of `qda summary`; its options are declared in ../commands/summary.ts.
import { SummaryBuilder } from '../../analysis/summary.js';
import { summaryCsv, summaryJson, summaryMarkdown } from '../../formatters/summary.js';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags, type GridFormat } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { loadMemos, openSession, outputLanguage } from '../session.js';
import { checkSelection, selectedDocuments } from '../selection.js';
import { counted, newTotals } from './code.js';

export interface SummaryFlags extends CorpusFlags, FilterFlags {
  by?: string;
  aspects: number;
  memos?: string;
  format: GridFormat;
  out?: string;
  excel?: boolean;
}

export function summaryAction(paths: string[], flags: SummaryFlags, io: Io): void {
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const memos = loadMemos(session, flags.memos);
  if (!memos) throw new ProblemsReported(1);
  const by = flags.by ?? session.project.settings.compareBy;
  checkSelection(session, filter, { name: by, explicit: flags.by !== undefined });
  const builder = new SummaryBuilder(session.codebook, { by, filter, language: outputLanguage(session), aspects: flags.aspects });
  const totals = newTotals();
  for (const coded of counted(session, totals)) builder.add(coded);
  const summary = builder.result(memos);
  const text =
    flags.format === 'json' ? summaryJson(summary) : flags.format === 'csv' ? summaryCsv(summary, { excel: flags.excel }) : summaryMarkdown(summary);
  writeOutput(io, flags.out, [text]);
  const fromMemos = summary.tables.flatMap((t) => t.rows).filter((r) => r.explanation.kind === 'memo').length;
  summaryLine(
    io,
    flags.quiet,
    `${count(summary.tables.length, 'table')} by ${by} from ${count(selectedDocuments(session, filter), 'document')}; ${count(fromMemos, 'explanation')} from memos`,
  );
}
