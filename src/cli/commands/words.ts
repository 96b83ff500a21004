/** `qda words`: word frequencies, pairs and triples, distinctive terms per group, term suggestions for a code. */
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Measure } from '../../words/result.js';
import { DEFAULT_MIN_G2 } from '../../words/significance.js';
import type { Io } from '../io.js';
import { usage } from '../errors.js';
import {
  corpusOptions,
  examples,
  filterFrom,
  filterOptions,
  positiveInt,
  SURVEY_WORKERS_HELP,
  type CorpusFlags,
  type FilterFlags,
} from '../options.js';

export interface WordsFlags extends CorpusFlags, FilterFlags {
  format: FormatName<'words'>;
  out?: string;
  excel?: boolean;
  by?: string;
  ngram: number[];
  top: number;
  minCount: number;
  measure: Measure;
  minG2?: number;
  suggest?: string;
  workers?: string;
}

function minG2(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw usage(`--min-g2 must be a number of 0 or more, such as 3.84, 6.63 or 10.83, not "${value}"`);
  return n;
}

/** `1`, `2`, `3`, `1-3`, `1,3`: the lengths of word sequences to count. */
export function ngramLengths(value: string): number[] {
  const m = /^([1-3])(?:-([1-3]))?$/.exec(value.trim());
  const list = m ? [] : value.split(',').map((v) => Number(v.trim()));
  if (m) for (let n = Number(m[1]); n <= Number(m[2] ?? m[1]); n++) list.push(n);
  if (list.length === 0 || list.some((n) => ![1, 2, 3].includes(n))) throw usage(`--ngram must be 1, 2 or 3, or a range such as 1-3, not "${value}"`);
  return [...new Set(list)].sort();
}

export function registerWords(program: Command, io: Io): Command {
  const command = program
    .command('words')
    .description('word frequencies (by stem, without stop words), pairs and triples, and the distinctive terms of each district or group')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('words')).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--by <attribute>', 'groups to compare: an attribute, or document, or speaker (default: compareBy of qda.yaml, else district)')
    .addOption(new Option('--ngram <n>', 'words (1), pairs (2), triples (3), or a range such as 1-3').argParser(ngramLengths).default([1], '1'))
    .option('--top <n>', 'terms per list', positiveInt('--top'), 20)
    .option('--min-count <n>', 'leave out terms that occur fewer times (in the group, for distinctive terms)', positiveInt('--min-count'), 3)
    .addOption(new Option('--measure <measure>', 'distinctive by log-likelihood against the rest, or TF-IDF').choices(['ll', 'tfidf']).default('ll'))
    .option(
      '--min-g2 <g2>',
      `list a distinctive term only from this G² against the rest on (either measure): 3.84 is p < 0.05, 6.63 p < 0.01, 10.83 p < 0.001, 0 lists every term relatively more frequent (default: minG2 of qda.yaml, else ${DEFAULT_MIN_G2})`,
      minG2,
    )
    .option('--suggest <code>', 'terms that occur more in the segments coded with this code by hand than elsewhere, as candidates for its terms')
    .option('--manual-only', 'with --code: count only codes added by hand')
    .option('--coder <name>', 'with --code or --suggest: only the codings of this coder count')
    .option('--workers <n>', SURVEY_WORKERS_HELP);
  filterOptions(corpusOptions(command, { selection: false })).action(async (paths: string[], flags: WordsFlags) => wordsCommand(paths, flags, io));
  return examples(command, [
    'qda words examples/rotterdam',
    'qda words --by role --ngram 1-3 --top 10 --format csv --out words.csv',
    'qda words --where district=Hillesluis --speaker R --min-count 5',
    'qda words --suggest organisation.roles --ngram 1-2',
    'qda words --min-g2 10.83',
  ]);
}

async function wordsCommand(paths: string[], flags: WordsFlags, io: Io): Promise<void> {
  const [
    { words, wordsPass },
    { openSession, reported },
    { count, summaryLine, writeOutput },
    { askedWorkers, surveyWorkersToStart, threadCount },
    { startSurveyThreads },
  ] = await Promise.all([
    import('../../app/words.js'),
    import('../session.js'),
    import('../output.js'),
    import('../workers.js'),
    import('../../app/open.js'),
  ]);
  const asked = askedWorkers(flags.workers, io.env);
  const request = {
    by: flags.by,
    ngram: flags.ngram,
    top: flags.top,
    minCount: flags.minCount,
    measure: flags.measure,
    minG2: flags.minG2,
    suggest: flags.suggest,
    coder: flags.coder,
    filter: filterFrom(flags),
  };
  const pass = wordsPass(request, io.cwd);
  const workers = pass.survey ? surveyWorkersToStart(asked) : 0;
  const session = await openSession(paths, flags, io, {
    ...(flags.out ? { output: flags.out } : {}),
    ...(pass.survey ? { survey: pass.survey } : {}),
    threads: (files, corpus) => threadCount(files, corpus, asked),
    ...(workers > 0 ? { surveyThreads: startSurveyThreads(workers, 'words') } : {}),
  });
  const result = reported(io, words(session, request, undefined, pass));
  const format = await getFormatter('words', flags.format);
  await writeOutput(io, flags.out, [format(result, { excel: flags.excel })]);
  const w = result.words;
  summaryLine(
    io,
    flags.quiet,
    `counted ${count(w.words, 'word')} in ${count(w.documents, 'document')}${flags.suggest ? '' : `, ${count(w.groups.length, 'group')} by ${result.by}`}`,
  );
}
