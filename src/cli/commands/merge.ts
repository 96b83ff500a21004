/** `qda merge`: a consensus coder file from two or more coders' decisions. */
import type { Command } from 'commander';
import type { MergeFlags } from '../actions/merge.js';
import type { Io } from '../io.js';
import { corpusOptions, examples } from '../options.js';

export function registerMerge(program: Command, io: Io): Command {
  const command = program
    .command('merge')
    .description(
      'a consensus of coders as a new coder file codings/NAME.csv: the units they agree on, the units only one decided, and a resolution for each conflict that qda agree --conflicts lists',
    )
    .argument('<coders...>', 'two or more coders: names of files in codings/ (ana for codings/ana.csv), or inline')
    .requiredOption('--into <name>', 'the consensus coder: the file codings/NAME.csv is written')
    .option('--paths <paths...>', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('--prefer <coder>', 'settle every conflict the resolutions leave open with this coder’s decision')
    .option(
      '--resolutions <file>',
      'the sheet of qda agree --conflicts --format csv with the decision column filled in: add, reject or a coder’s name',
    )
    .option('--force', 'replace codings/NAME.csv when it exists');
  corpusOptions(command, { selection: false, unit: false }).action(async (coders: string[], flags: MergeFlags) =>
    (await import('../actions/merge.js')).mergeAction(coders, flags, io),
  );
  return examples(command, [
    'qda merge ana bram --into consensus --prefer ana',
    'qda agree ana bram --conflicts --format csv --out conflicts.csv   # fill in the decision column, then:',
    'qda merge ana bram --into consensus --resolutions conflicts.csv',
  ]);
}
