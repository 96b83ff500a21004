/** `qda excerpts`: coded excerpts grouped by code, with citations, filtered as asked. */
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterFrom, filterOptions, nonNegativeInt, type CorpusFlags, type FilterFlags } from '../options.js';

export interface ExcerptFlags extends CorpusFlags, FilterFlags {
  format: FormatName<'excerpts'>;
  out?: string;
  excel?: boolean;
  context: number;
  hideEmpty?: boolean;
}

export function registerExcerpts(program: Command, io: Io): Command {
  const command = program
    .command('excerpts')
    .description('coded excerpts grouped by code, each with file:line, attribute and speaker')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('excerpts')).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--context <n>', 'show n segments before and after each excerpt', nonNegativeInt('--context'), 0)
    .option('--hide-empty', 'leave out codes without excerpts');
  filterOptions(corpusOptions(command)).action((paths: string[], flags: ExcerptFlags) => excerptsCommand(paths, flags, io));
  return examples(command, [
    'qda excerpts examples/rotterdam --code organisation.roles',
    'qda excerpts --code institutional --where district=Hillesluis --speaker R --context 1',
    'qda excerpts --format csv --excel --out excerpts.csv',
  ]);
}

async function excerptsCommand(paths: string[], flags: ExcerptFlags, io: Io): Promise<void> {
  const [{ excerpts }, { openSession, progress, reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/excerpts.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const filter = filterFrom(flags);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const result = reported(io, excerpts(session, { filter, context: flags.context }, progress(io, session.files.length)));
  const format = await getFormatter('excerpts', flags.format);
  writeOutput(io, flags.out, [format(result, { excel: flags.excel, hideEmpty: flags.hideEmpty })]);
  const { groups } = result;
  summaryLine(
    io,
    flags.quiet,
    `${count(
      groups.reduce((n, g) => n + g.excerpts.length, 0),
      'excerpt',
    )} under ${count(groups.filter((g) => g.excerpts.length > 0).length, 'code')} from ${count(result.documents, 'document')}`,
  );
}
