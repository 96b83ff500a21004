/** `qda search`: keyword in context with the codebook's term syntax, and coding the hits. */
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import { usage } from '../errors.js';
import type { Io } from '../io.js';
import {
  corpusOptions,
  examples,
  filterFrom,
  filterOptions,
  nonNegativeInt,
  SURVEY_WORKERS_HELP,
  type CorpusFlags,
  type FilterFlags,
} from '../options.js';

export interface SearchFlags extends CorpusFlags, FilterFlags {
  format: FormatName<'search'>;
  out?: string;
  excel?: boolean;
  width: number;
  by?: string;
  codeAs?: string;
  workers?: string;
}

export function registerSearch(program: Command, io: Io): Command {
  const command = program
    .command('search')
    .description('every hit of a query with its context, file:line:col, speaker and district; counts per district; --code-as codes the hits')
    .argument('<query>', 'terms as in a codebook (word, word*, *word, "a phrase", /pattern/i) with AND, OR, NOT, NEAR/n and ( )')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('search')).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--width <n>', 'characters of context on either side of a hit', nonNegativeInt('--width'), 40)
    .option('--by <attribute>', 'count hits per value of this attribute, or document, or speaker (default: compareBy of qda.yaml, else district)')
    .option('--code-as <code>', 'add this code to every paragraph with a hit, as the codings of --coder (codings/NAME.csv)')
    .option('--manual-only', 'with --code: count only codes added by hand')
    .option('--coder <name>', 'with --code-as: whose codings the hits become; otherwise, with --code, only the codings of this coder count')
    .option('--workers <n>', SURVEY_WORKERS_HELP);
  filterOptions(corpusOptions(command, { selection: false })).action(async (query: string, paths: string[], flags: SearchFlags) =>
    searchCommand(query, paths, flags, io),
  );
  return examples(command, [
    'qda search "wijkteam*" examples/rotterdam',
    'qda search \'"korte lijnen" OR appen\' --where district=Crooswijk --speaker respondent',
    'qda search "school NEAR/5 wijkteam*" --width 60 --format csv --out hits.csv',
    'qda search "vertrouw* NOT wantrouw*" --code personal',
    'qda search "/regiehouder(s)?/i" --code-as organisation.roles --coder ana',
  ]);
}

async function searchCommand(query: string, paths: string[], flags: SearchFlags, io: Io): Promise<void> {
  const [
    { search, searchPass, codeHits, queryProblem, coderProblem },
    { openSession, reported },
    { count, summaryLine, writeOutput },
    { lockedWrite },
    { totalsLine },
    { askedWorkers, surveyWorkersToStart, threadCount },
    { startSurveyThreads },
  ] = await Promise.all([
    import('../../app/search.js'),
    import('../session.js'),
    import('../output.js'),
    import('../locked-write.js'),
    import('../../formatters/search.js'),
    import('../workers.js'),
    import('../../app/open.js'),
  ]);
  const asked = askedWorkers(flags.workers, io.env);
  const codeAs = flags.codeAs;
  const problem = queryProblem(query) ?? (codeAs === undefined ? undefined : coderProblem(flags.coder));
  if (problem) throw usage(problem.message, problem.hint);
  const request = { query, by: flags.by, width: flags.width, codeAs, filter: filterFrom(flags) };
  // --coder names the new coder for --code-as, not a selection of codings to count.
  const { coder: target, ...rest } = flags;
  const pass = searchPass(request);
  const workers = pass.survey ? surveyWorkersToStart(asked) : 0;
  const session = await openSession(paths, codeAs === undefined ? flags : rest, io, {
    ...(flags.out ? { output: flags.out } : {}),
    ...(pass.survey ? { survey: pass.survey } : {}),
    threads: (files, corpus) => threadCount(files, corpus, asked),
    ...(workers > 0 ? { surveyThreads: startSurveyThreads(workers, 'search') } : {}),
  });
  const result = reported(io, search(session, request, undefined, pass));
  if (codeAs !== undefined) {
    const coded = reported(io, codeHits(session, result, { code: codeAs, coder: target! }, lockedWrite));
    const { rows, added } = coded;
    summaryLine(
      io,
      flags.quiet,
      `${count(rows.length, 'paragraph')} with a hit: ${added.length} coded ${codeAs} for ${target} in ${coded.shown}${rows.length > added.length ? `, ${rows.length - added.length} already decided there` : ''}`,
    );
  }
  const format = await getFormatter('search', flags.format);
  await writeOutput(io, flags.out, [format(result, { excel: flags.excel })]);
  summaryLine(io, flags.quiet, totalsLine(result.found));
}
