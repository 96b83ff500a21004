/** `qda summary`: per cluster a table comparing districts: aspects and an explanation. */
import type { Command } from 'commander';
import type { SummaryFlags } from '../actions/summary.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions, nonNegativeInt, tableOutputOptions } from '../options.js';

export function registerSummary(program: Command, io: Io): Command {
  const command = program
    .command('summary')
    .description(
      'per cluster, a table comparing districts (or any attribute): leading codes and an explanation from a memo or the most telling excerpt',
    )
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('--by <attribute>', 'one row per value of this attribute (default: compareBy of qda.yaml, else district)')
    .option('--aspects <n>', 'how many leading codes a row names', nonNegativeInt('--aspects'), 3)
    .option('--memos <dir>', 'folder of memos (default: memos/ in the project)');
  tableOutputOptions(filterOptions(corpusOptions(command))).action(async (paths: string[], flags: SummaryFlags) =>
    (await import('../actions/summary.js')).summaryAction(paths, flags, io),
  );
  return examples(command, [
    'qda summary examples/rotterdam',
    'qda summary --by role --format md --out tabellen.md',
    'qda summary --where type=interview --format csv --excel',
  ]);
}
