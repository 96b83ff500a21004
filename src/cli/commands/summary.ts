/** `qda summary`: per cluster a table comparing districts: aspects and an explanation. */
import type { Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import {
  corpusOptions,
  examples,
  filterFrom,
  filterOptions,
  nonNegativeInt,
  tableOutputOptions,
  type CorpusFlags,
  type FilterFlags,
} from '../options.js';

export interface SummaryFlags extends CorpusFlags, FilterFlags {
  by?: string;
  aspects: number;
  memos?: string;
  format: FormatName<'summary'>;
  out?: string;
  excel?: boolean;
}

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
  tableOutputOptions(filterOptions(corpusOptions(command)), formatNames('summary')).action((paths: string[], flags: SummaryFlags) =>
    summaryCommand(paths, flags, io),
  );
  return examples(command, [
    'qda summary examples/rotterdam',
    'qda summary --by role --format md --out tabellen.md',
    'qda summary --where type=interview --format csv --excel',
  ]);
}

async function summaryCommand(paths: string[], flags: SummaryFlags, io: Io): Promise<void> {
  const [{ summary }, { loadMemos, openSession, corpusBar, reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/summary.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const filter = filterFrom(flags);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const memos = loadMemos(session, flags.memos);
  if (!memos) throw new ProblemsReported(1);
  const by = flags.by ?? session.project.settings.compareBy;
  const request = { by, byExplicit: flags.by !== undefined, aspects: flags.aspects, memos, filter };
  const result = reported(io, summary(session, request, corpusBar(session)));
  const format = await getFormatter('summary', flags.format);
  await writeOutput(io, flags.out, [format(result, { excel: flags.excel })]);
  const fromMemos = result.summary.tables.flatMap((t) => t.rows).filter((r) => r.explanation.kind === 'memo').length;
  summaryLine(
    io,
    flags.quiet,
    `${count(result.summary.tables.length, 'table')} by ${by} from ${count(result.documents, 'document')}; ${count(fromMemos, 'explanation')} from memos`,
  );
}
