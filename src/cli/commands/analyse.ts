/**
 * `qda analyse`: the main job. Checks the input, codes the corpus once, and writes every output into
 * the output folder, each file whole or not at all, with an index that says what each file is.
 */
import type { Command } from 'commander';
import type { Project } from '../../corpus/project.js';
import type { OutputFolder } from '../../io/output-folder.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption, WORKERS_HELP, type CorpusFlags } from '../options.js';

export interface AnalyseFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
  workers?: string;
}

export function registerAnalyse(program: Command, io: Io): Command {
  const command = program
    .command('analyse')
    .alias('analyze')
    .description(
      'the main job: check, code, and write codings, excerpts, matrices, co-occurrence, district tables and the HTML report into the output folder',
    )
    .argument('[paths...]', 'a project folder, or markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <dir>', 'output folder (default: out/ in the project)')
    .option('--excel', 'CSV files for Excel: BOM and ; as separator')
    .option('--workers <n>', WORKERS_HELP);
  redactOption(corpusOptions(command)).action((paths: string[], flags: AnalyseFlags) => analyseCommand(paths, flags, io));
  return examples(command, [
    'qda analyse examples/rotterdam',
    'qda analyse corpus/ --out results --skip-speaker interviewer',
    'qda analyse --excel',
    'qda analyse my-study --redact ~/private/my-study-key.csv --out shared-results',
  ]);
}

async function analyseCommand(paths: string[], flags: AnalyseFlags, io: Io): Promise<void> {
  const [
    { analyse },
    { ANALYSIS_NAMES },
    { openSession, corpusBar, reported },
    output,
    { codingsWithSources },
    { askedWorkers, workerCount },
    { sayOnInterrupt },
    { displayPath },
  ] = await Promise.all([
    import('../../app/analyse.js'),
    import('../../formatters/analysis.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../formatters/plural.js'),
    import('../workers.js'),
    import('../interrupt.js'),
    import('../../corpus/project.js'),
  ]);
  const asked = askedWorkers(flags.workers, io.env);
  const outFolder = (project: Project) => flags.out ?? project.settings.out;
  const session = await openSession(paths, flags, io, {
    outputDir: flags.out ?? undefined,
    checkProject: (project) =>
      output.checkOutputFolder(io, outFolder(project), {
        fromCommandLine: flags.out !== undefined,
        root: project.root,
        corpus: project.settings.corpus,
        names: ANALYSIS_NAMES,
      }),
  });
  const outDir = outFolder(session.project);
  const shown = displayPath(outDir, io.cwd);
  let folder: OutputFolder | undefined;
  const open = () => (folder = output.openOutputFolder(io, outDir));
  sayOnInterrupt(`interrupted; ${shown}/ is as the last finished run left it`);
  try {
    const request = { excel: flags.excel, workers: workerCount(session, asked) };
    const result = reported(io, await analyse(session, request, open, { progress: corpusBar(session) }));
    folder?.commit();
    const { totals } = result;
    output.summaryLine(
      io,
      flags.quiet,
      `analysed ${output.count(totals.documents, 'document')}: ${totals.coded} of ${output.count(totals.segments, 'segment')} coded (${output.percent(totals.coded, totals.segments)}), ${codingsWithSources(totals.codings.result())}; wrote ${result.files.length} files to ${shown}/`,
    );
  } catch (error) {
    folder?.abort();
    throw error;
  }
}
