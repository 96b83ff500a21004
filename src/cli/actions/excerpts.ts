// The work of `qda excerpts`; its options are declared in ../commands/excerpts.ts.
import { collectExcerpts } from '../../excerpts/collect.js';
import { excerptsCsv, excerptsJson } from '../../formatters/excerpts-data.js';
import { excerptsMarkdown } from '../../formatters/excerpts-md.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { openSession } from '../session.js';
import { checkSelection, selectedDocuments } from '../selection.js';
import { counted, newTotals } from './code.js';
export interface ExcerptFlags extends CorpusFlags, FilterFlags {
  format: 'md' | 'csv' | 'json';
  out?: string;
  excel?: boolean;
  context: number;
  hideEmpty?: boolean;
}

export function excerptsAction(paths: string[], flags: ExcerptFlags, io: Io): void {
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  checkSelection(session, filter);
  const totals = newTotals();
  const groups = collectExcerpts(counted(session, totals), session.codebook, filter, flags.context);
  const text =
    flags.format === 'json'
      ? excerptsJson(groups)
      : flags.format === 'csv'
        ? excerptsCsv(groups, { excel: flags.excel })
        : excerptsMarkdown(groups, session.codebook, {
            attribute: session.project.settings.compareBy,
            hideEmpty: flags.hideEmpty,
            language: session.project.settings.language,
          });
  writeOutput(io, flags.out, [text]);
  const excerpts = groups.reduce((n, g) => n + g.excerpts.length, 0);
  summaryLine(
    io,
    flags.quiet,
    `${count(excerpts, 'excerpt')} under ${count(groups.filter((g) => g.excerpts.length > 0).length, 'code')} from ${count(selectedDocuments(session, filter), 'document')}`,
  );
}
