/** `qda matrix`: the theme matrix, codes or clusters × an attribute, documents or speakers. */
import { Option, type Command } from 'commander';
import type { MatrixFlags } from '../actions/matrix.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions, share, tableOutputOptions } from '../options.js';

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
  tableOutputOptions(filterOptions(corpusOptions(command))).action(async (paths: string[], flags: MatrixFlags) =>
    (await import('../actions/matrix.js')).matrixAction(paths, flags, io),
  );
  return examples(command, [
    'qda matrix examples/rotterdam --level cluster',
    'qda matrix --by role --count documents --format csv --excel --out matrix.csv',
    'qda matrix --code institutional --percent col --hide-empty --format md',
    'qda matrix --level cluster --min-score 0.6',
  ]);
}
