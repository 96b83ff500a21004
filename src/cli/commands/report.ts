/** `qda report`: one self-contained HTML file with the heatmap, district tables and excerpts. */
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterFrom, filterOptions, type CorpusFlags, type FilterFlags } from '../options.js';

export interface ReportFlags extends CorpusFlags, FilterFlags {
  out?: string;
  by?: string;
  title?: string;
  memos?: string;
}

export function registerReport(program: Command, io: Io): Command {
  const command = program
    .command('report')
    .description(
      'one self-contained HTML report: heatmap of themes × district with the excerpts behind each number, district tables, codebook, corpus overview',
    )
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <file>', 'the HTML file to write (default: report.html in the output folder of the project)')
    .option('--by <attribute>', 'columns of the heatmap and rows of the district tables (default: compareBy of qda.yaml, else district)')
    .option('--title <text>', 'title of the report (default: the codebook name and the project folder)')
    .option('--memos <dir>', 'folder of memos (default: memos/ in the project)');
  filterOptions(corpusOptions(command)).action((paths: string[], flags: ReportFlags) => reportCommand(paths, flags, io));
  return examples(command, [
    'qda report examples/rotterdam',
    'qda report --by role --out rollen.html',
    'qda report --where type=interview --title "Interviews, wave 1"',
  ]);
}

async function reportCommand(paths: string[], flags: ReportFlags, io: Io): Promise<void> {
  const [{ report }, { openSession, corpusBar, reported }, { count, summaryLine, writeOutput }, { getFormatter }, { displayPath }] =
    await Promise.all([
      import('../../app/report.js'),
      import('../session.js'),
      import('../output.js'),
      import('../../formatters/index.js'),
      import('../../corpus/project.js'),
    ]);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const request = { by: flags.by, title: flags.title, memoFolder: flags.memos, filter: filterFrom(flags) };
  const result = reported(io, report(session, request, corpusBar(session)));
  const out = flags.out ?? join(session.project.settings.out, 'report.html');
  await writeOutput(io, out, [(await getFormatter('report', 'html'))(result, {})]);
  summaryLine(io, flags.quiet, `report of ${count(result.documents, 'document')} written to ${displayPath(out, io.cwd)}`);
}
