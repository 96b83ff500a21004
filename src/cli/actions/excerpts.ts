// The work of `qda excerpts`; its options are declared in ../commands/excerpts.ts.
import { ExcerptStream } from '../../excerpts/stream.js';
import { PartFiles, scratchFolder } from '../../io/parts.js';
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
  const parts = new PartFiles(scratchFolder('excerpts'));
  try {
    const format = flags.format;
    const excerpts = new ExcerptStream(session.codebook, filter, flags.context, parts, {
      ...(format === 'md'
        ? { markdown: { attribute: session.project.settings.compareBy, hideEmpty: flags.hideEmpty, language: session.project.settings.language } }
        : {}),
      ...(format === 'csv' ? { csv: { excel: flags.excel } } : {}),
      json: format === 'json',
    });
    for (const coded of counted(session, totals)) excerpts.add(coded);
    writeOutput(io, flags.out, format === 'json' ? excerpts.json() : format === 'csv' ? excerpts.csv() : excerpts.markdown());
    summaryLine(
      io,
      flags.quiet,
      `${count(excerpts.total, 'excerpt')} under ${count(excerpts.codesWithExcerpts, 'code')} from ${count(selectedDocuments(session, filter), 'document')}`,
    );
  } finally {
    parts.remove();
  }
}
