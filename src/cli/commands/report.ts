/** `qda report`: one self-contained HTML file with the heatmap, district tables and excerpts. */
import type { Command } from 'commander';
import type { ReportFlags } from '../actions/report.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions } from '../options.js';

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
  filterOptions(corpusOptions(command)).action(async (paths: string[], flags: ReportFlags) =>
    (await import('../actions/report.js')).reportAction(paths, flags, io),
  );
  return examples(command, [
    'qda report examples/rotterdam',
    'qda report --by role --out rollen.html',
    'qda report --where type=interview --title "Interviews, wave 1"',
  ]);
}
