/** `qda excerpts`: coded excerpts grouped by code, with citations, filtered as asked. */
import { Option, type Command } from 'commander';
import { formatNames, type FormatName } from '../../formatters/index.js';
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
  const [{ streamExcerpts }, { openSession, corpusBar, reported }, { count, summaryLine, writeOutput }, { PartFiles, scratchFolder }] =
    await Promise.all([import('../../app/excerpts.js'), import('../session.js'), import('../output.js'), import('../../io/parts.js')]);
  const filter = filterFrom(flags);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const format = flags.format;
  // Streamed through part files so that a large corpus's excerpts are never all in memory.
  const parts = new PartFiles(scratchFolder('excerpts'));
  try {
    const formats = {
      ...(format === 'md'
        ? { markdown: { attribute: session.project.settings.compareBy, hideEmpty: flags.hideEmpty, language: session.project.settings.language } }
        : {}),
      ...(format === 'csv' ? { csv: { excel: flags.excel } } : {}),
      json: format === 'json',
    };
    const { excerpts, documents } = reported(io, streamExcerpts(session, parts, formats, { filter, context: flags.context }, corpusBar(session)));
    await writeOutput(io, flags.out, format === 'json' ? excerpts.json() : format === 'csv' ? excerpts.csv() : excerpts.markdown());
    summaryLine(
      io,
      flags.quiet,
      `${count(excerpts.total, 'excerpt')} under ${count(excerpts.codesWithExcerpts, 'code')} from ${count(documents, 'document')}`,
    );
  } finally {
    parts.remove();
  }
}
