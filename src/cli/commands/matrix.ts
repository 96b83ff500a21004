/** `qda matrix`: the theme matrix, codes or clusters × an attribute, documents or speakers. */
import { Option, type Command } from 'commander';
import type { Count, Percent } from '../../analysis/matrix.js';
import type { Level } from '../../analysis/units.js';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import { usage } from '../errors.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterFrom, filterOptions, share, tableOutputOptions, type CorpusFlags, type FilterFlags } from '../options.js';

export interface MatrixFlags extends CorpusFlags, FilterFlags {
  level: Level;
  by?: string;
  count: Count;
  percent?: Percent;
  hideEmpty?: boolean;
  minScore?: number;
  format: FormatName<'matrix'>;
  out?: string;
  excel?: boolean;
}

export function registerMatrix(program: Command, io: Io): Command {
  const command = program
    .command('matrix')
    .description('theme matrix: codes or clusters × district (or any attribute, document, speaker), as counts or percentages')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(
      new Option('--level <level>', 'rows: codes or clusters (a cluster counts a segment once)').choices(['code', 'cluster']).default('code'),
    )
    .option('--by <attribute>', 'columns: an attribute, or document, or speaker (default: compareBy of qda.yaml, else district)')
    .addOption(
      new Option('--count <unit>', 'what a cell counts; coverage is the % of the column’s words in coded segments')
        .choices(['segments', 'documents', 'respondents', 'coverage'])
        .default('segments'),
    )
    .addOption(new Option('--percent <base>', 'row: share of the row total; col: share of the column’s units').choices(['row', 'col']))
    .option('--hide-empty', 'leave out rows and columns without any count')
    .option('--min-score <score>', 'count only auto codings with at least this score (0-1); codes given by hand always count', share('--min-score'));
  tableOutputOptions(filterOptions(corpusOptions(command)), formatNames('matrix')).action((paths: string[], flags: MatrixFlags) =>
    matrixCommand(paths, flags, io),
  );
  return examples(command, [
    'qda matrix examples/rotterdam --level cluster',
    'qda matrix --by role --count documents --format csv --excel --out matrix.csv',
    'qda matrix --code institutional --percent col --hide-empty --format md',
    'qda matrix --level cluster --min-score 0.6',
    'qda matrix --format tsv > matrix.tsv',
  ]);
}

async function matrixCommand(paths: string[], flags: MatrixFlags, io: Io): Promise<void> {
  const [{ matrix, matrixRequestProblem }, { openSession, corpusBar, reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/matrix.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const problem = matrixRequestProblem(flags);
  if (problem) throw usage(problem);
  const request = {
    level: flags.level,
    by: flags.by,
    count: flags.count,
    percent: flags.percent,
    hideEmpty: flags.hideEmpty,
    minScore: flags.minScore,
    filter: filterFrom(flags),
  };
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const result = reported(io, matrix(session, request, corpusBar(session)));
  const format = await getFormatter('matrix', flags.format);
  await writeOutput(io, flags.out, [format(result, { excel: flags.excel })]);
  const m = result.matrix;
  summaryLine(
    io,
    flags.quiet,
    `${count(m.rows.length, flags.level)} × ${count(m.columns.length, 'value')} of ${m.by}, counting ${flags.count}, from ${count(result.documents, 'document')}`,
  );
}
