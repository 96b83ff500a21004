/**
 * `qda analyse`: the main job. Checks the input, codes the corpus once, and writes every output into
 * the output folder, each file whole or not at all, with an index that says what each file is.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption, WORKERS_HELP } from '../options.js';
import type { AnalyseFlags } from '../actions/analyse.js';

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
  redactOption(corpusOptions(command)).action(async (paths: string[], flags: AnalyseFlags) =>
    (await import('../actions/analyse.js')).analyseAction(paths, flags, io),
  );
  return examples(command, ['qda analyse examples/rotterdam', 'qda analyse corpus/ --out results --skip-speaker interviewer', 'qda analyse --excel', 'qda analyse my-study --redact ~/private/my-study-key.csv --out shared-results']);
}
