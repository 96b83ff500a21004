/** `qda learn`: train a model on people's codings, or measure one by cross-validation. */
import { Option, type Command } from 'commander';
import type { LearnFlags } from '../actions/learn.js';
import type { Io } from '../io.js';
import { collect, corpusOptions, examples } from '../options.js';
import { usage } from '../errors.js';

function folds(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 100) throw usage(`--cv must be a whole number from 2 to 100, not "${value}"`);
  return n;
}

export function registerLearn(program: Command, io: Io): Command {
  const command = program
    .command('learn')
    .description("learn from people's codings (codings/, inline comments): a model per code that codes the rest of the corpus")
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <file>', 'write the model to this file (JSON), e.g. models/ana.json')
    .option('--cv <k>', 'k-fold cross-validation by document: precision, recall and F1 per code, next to the codebook alone', folds)
    .option('--coder <names>', 'learn only from these coders (repeatable, comma-separated; default: all)', collect)
    .option('--name <name>', "the model's name, the coder of its codings (default: the --out file name)")
    .addOption(new Option('-f, --format <format>', 'format of the --cv table').choices(['table', 'csv', 'md', 'json']).default('table'));
  corpusOptions(command, { selection: false }).action(async (paths: string[], flags: LearnFlags) =>
    (await import('../actions/learn.js')).learnAction(paths, flags, io),
  );
  return examples(command, [
    'qda learn --out models/ana.json --coder ana',
    'qda learn --cv 5',
    'qda code --model models/ana.json --format json > codings.json',
  ]);
}
