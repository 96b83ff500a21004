/** `qda learn`: train a model on people's codings, or measure one by cross-validation. */
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Io } from '../io.js';
import { collect, corpusOptions, examples, type CorpusFlags } from '../options.js';
import { usage } from '../errors.js';

export interface LearnFlags extends Omit<CorpusFlags, 'coder'> {
  out?: string;
  cv?: number;
  coder?: string[];
  name?: string;
  format: FormatName<'crossValidation'>;
}

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
    .addOption(new Option('-f, --format <format>', 'format of the --cv table').choices(formatNames('crossValidation')).default('table'));
  corpusOptions(command, { selection: false }).action(async (paths: string[], flags: LearnFlags) => learnCommand(paths, flags, io));
  return examples(command, [
    'qda learn --out models/ana.json --coder ana',
    'qda learn --cv 5',
    'qda code --model models/ana.json --format json > codings.json',
  ]);
}

async function learnCommand(paths: string[], flags: LearnFlags, io: Io): Promise<void> {
  const [
    { learn, modelNameProblem },
    { openSession, reported },
    { assertWritableFile, count, summaryLine },
    { modelJson },
    { TRAIN_DEFAULTS },
    { resolvePath, writeFileAtomic },
  ] = await Promise.all([
    import('../../app/learn.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../learn/model-file.js'),
    import('../../learn/train.js'),
    import('../../io/write.js'),
  ]);
  if (!flags.out && !flags.cv)
    throw usage('nothing to do: name the model file with --out FILE, or ask for --cv K', 'e.g. qda learn --out models/ana.json');
  if (flags.out) assertWritableFile(io, flags.out);
  const name = flags.name ?? (flags.out ? basename(flags.out).replace(/\.json$/i, '') : 'model');
  const problem = modelNameProblem(name);
  if (problem) throw usage(problem, 'use letters, digits, ., - and _ (qda and inline are taken), with --name');
  const session = await openSession(paths, { ...flags, coder: undefined }, io, { ...(flags.out ? { output: flags.out } : {}), ignoreModel: true });
  const result = reported(io, learn(session, { coders: flags.coder, cv: flags.cv, ...(flags.out ? { train: { name } } : {}) }));
  if (result.crossValidation) io.stdout.write((await getFormatter('crossValidation', flags.format))(result.crossValidation, {}));
  const model = result.model;
  if (!flags.out || !model) return;
  writeFileAtomic(resolvePath(io.cwd, flags.out), modelJson(model));
  const few = model.tooFew;
  summaryLine(
    io,
    flags.quiet,
    `learned ${count(model.models.length, 'code')} from ${count(result.examples, 'coded paragraph')} in ${count(result.documents, 'document')} into ${flags.out}` +
      (few.length > 0
        ? `; not modelled, fewer than ${TRAIN_DEFAULTS.minPositives} examples: ${few.map((t) => `${t.code} (${t.positives})`).join(', ')}`
        : ''),
  );
}
