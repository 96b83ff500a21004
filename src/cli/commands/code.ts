/** `qda code`: auto-code the corpus and print the codings with their evidence. */
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Io } from '../io.js';
import { CODE_WORKERS_HELP, corpusOptions, examples, type CorpusFlags } from '../options.js';

export interface CodeFlags extends CorpusFlags {
  format: FormatName<'codings'>;
  out?: string;
  excel?: boolean;
  workers?: string;
}

export function registerCode(program: Command, io: Io): Command {
  const command = program
    .command('code')
    .description('auto-code transcripts with the codebook; prints every coding with the terms that matched')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('codings')).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--workers <n>', CODE_WORKERS_HELP);
  corpusOptions(command).action((paths: string[], flags: CodeFlags) => codeCommand(paths, flags, io));
  return examples(command, [
    'qda code examples/rotterdam --format json > codings.json',
    'qda code interviews/ --format csv --skip-speaker interviewer --out codings.csv',
    'qda code notes.md --unit sentence --codebook codebooks/mine.yaml',
  ]);
}

async function codeCommand(paths: string[], flags: CodeFlags, io: Io): Promise<void> {
  const [
    { code },
    { openSession, corpusBar, reported },
    { count, percent, summaryLine, writeOutput },
    { codingsWithSources },
    { askedWorkers, threadCount, workerCount, MIN_CORES_CODE },
  ] = await Promise.all([
    import('../../app/code.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../formatters/plural.js'),
    import('../workers.js'),
  ]);
  const asked = askedWorkers(flags.workers, io.env);
  let workers: number | undefined;
  const session = await openSession(paths, flags, io, {
    ...(flags.out ? { output: flags.out } : {}),
    // Decided before the survey (when it asks), which then runs in as many threads.
    codingThreads: (files, corpus) => (workers = threadCount(files, corpus, asked, MIN_CORES_CODE)),
  });
  workers ??= workerCount(session, asked, MIN_CORES_CODE);
  const result = reported(io, code(session, { workers, format: { name: flags.format, excel: flags.excel } }, corpusBar(session)));
  const format = await getFormatter('codings', flags.format);
  await writeOutput(io, flags.out, format(result, { excel: flags.excel }));
  const { totals } = result;
  summaryLine(
    io,
    flags.quiet,
    `coded ${count(totals.documents, 'document')}: ${totals.coded} of ${count(totals.segments, 'segment')} coded (${percent(totals.coded, totals.segments)}), ${codingsWithSources(totals.codings.result())} with ${session.codebook.name}`,
  );
}
