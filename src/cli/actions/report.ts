// The work of `qda report`; its options are declared in ../commands/report.ts.
import { basename, join, resolve } from 'node:path';
import { reportHtml } from '../../formatters/report/html.js';
import { ReportBuilder } from '../../report/model.js';
import { displayPath } from '../../corpus/project.js';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { filterFrom, type CorpusFlags, type FilterFlags } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { counted, loadMemos, newTotals, openSession, outputLanguage, type Session } from '../session.js';
import { VERSION } from '../version.js';
import { exists, readText } from '../../io/files.js';
import { stopWordsOf } from '../../words/stop-words.js';
import { checkSelection, selectedDocuments } from '../selection.js';


export interface ReportFlags extends CorpusFlags, FilterFlags {
  out?: string;
  by?: string;
  title?: string;
  memos?: string;
}

export function reportAction(paths: string[], flags: ReportFlags, io: Io): void {
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  checkSelection(session, filter, { name: flags.by ?? session.project.settings.compareBy, explicit: flags.by !== undefined });
  const memos = loadMemos(session, flags.memos);
  if (!memos) throw new ProblemsReported(1);
  const builder = newReportBuilder(session, flags.by, filter);
  const totals = newTotals();
  for (const coded of counted(session, totals)) builder.add(coded);
  const out = flags.out ?? join(session.project.settings.out, 'report.html');
  writeOutput(io, out, [reportHtml(builder.result(flags.title ?? reportTitle(session), memos))]);
  summaryLine(io, flags.quiet, `report of ${count(selectedDocuments(session, filter), 'document')} written to ${displayPath(out, io.cwd)}`);
}

export function newReportBuilder(session: Session, by: string | undefined, filter = filterFrom({})): ReportBuilder {
  return new ReportBuilder(session.codebook, {
    by: by ?? session.project.settings.compareBy,
    language: outputLanguage(session),
    generator: `qda ${VERSION}`,
    filter,
    stopWords: (language) =>
      stopWordsOf(language, session.project.settings.stopWords, (file) =>
        exists(file, session.io.cwd) ? readText(file, session.io.cwd) : undefined,
      ),
  });
}

/** The codebook name and the project folder, e.g. "HALL framework — rotterdam". */
export function reportTitle(session: Session): string {
  return `${session.codebook.name} — ${basename(resolve(session.io.cwd, session.project.root))}`;
}
