/** `qda excerpts`: coded excerpts grouped by code, with citations, filtered as asked. */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions, nonNegativeInt } from '../options.js';
import type { ExcerptFlags } from '../actions/excerpts.js';

export function registerExcerpts(program: Command, io: Io): Command {
  const command = program
    .command('excerpts')
    .description('coded excerpts grouped by code, each with file:line, attribute and speaker')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--context <n>', 'show n segments before and after each excerpt', nonNegativeInt('--context'), 0)
    .option('--hide-empty', 'leave out codes without excerpts');
  filterOptions(corpusOptions(command)).action(async (paths: string[], flags: ExcerptFlags) =>
    (await import('../actions/excerpts.js')).excerptsAction(paths, flags, io),
  );
  return examples(command, [
    'qda excerpts examples/rotterdam --code organisation.roles',
    'qda excerpts --code institutional --where district=Hillesluis --speaker R --context 1',
    'qda excerpts --format csv --excel --out excerpts.csv',
  ]);
}
