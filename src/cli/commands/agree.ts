/** `qda agree`: inter-coder agreement per code and overall. */
import { Option, type Command } from 'commander';
import type { AgreeFlags } from '../actions/agree.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, tableOutputOptions } from '../options.js';

export function registerAgree(program: Command, io: Io): Command {
  const command = program
    .command('agree')
    .description(
      "inter-coder agreement per code and overall: % agreement, Cohen's kappa, Krippendorff's alpha, Brennan–Prediger kappa, with the counts behind them",
    )
    .argument(
      '[coders...]',
      'two or more coders: names of files in codings/ (ana for codings/ana.csv), qda (the auto-coder), inline (comments in the transcripts)',
    )
    .option('--paths <paths...>', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(
      new Option('--unit <unit>', 'segment: each segment is a unit; char: each character (NVivo’s coding comparison)')
        .choices(['segment', 'char'])
        .default('segment'),
    )
    .addOption(new Option('--level <level>', 'codes or clusters').choices(['code', 'cluster']).default('code'))
    .option('--conflicts', 'instead of the figures, list each paragraph and code where the coders decided differently, for a consensus meeting')
    .option('--data <file>', 'generic reliability data instead of codings: CSV in long form with columns unit, coder, value')
    .addOption(
      new Option('--metric <metric>', 'with --data: how values differ').choices(['nominal', 'ordinal', 'interval', 'ratio']).default('nominal'),
    );
  tableOutputOptions(corpusOptions(command, { selection: false, unit: false })).action(async (coders: string[], flags: AgreeFlags) =>
    (await import('../actions/agree.js')).agreeAction(coders, flags, io),
  );
  return examples(command, [
    'qda agree ana bram',
    'qda agree ana bram qda --level cluster --format csv --excel > agreement.csv',
    'qda agree ana bram --unit char',
    'qda agree ana bram --conflicts',
    'qda agree ana bram --conflicts --format csv --out conflicts.csv',
    'qda agree --data ratings.csv --metric ordinal --format json',
  ]);
}
