/** `qda eval`: precision and recall of the codebook on paragraphs people labelled. */
import { Option, type Command } from 'commander';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Io } from '../io.js';
import { examples, scoringFlags } from '../options.js';

export interface EvalFlags {
  codebook?: string;
  threshold?: number;
  secondary?: number;
  codeAll?: boolean;
  level: 'cluster' | 'code';
  format: FormatName<'evaluation'>;
  out?: string;
  misses?: boolean;
}

export function registerEval(program: Command, io: Io): Command {
  const command = program
    .command('eval')
    .description('precision, recall and F1 of the codebook on labelled paragraphs (YAML: items with text, clusters, codes)')
    .argument('<labelled...>', 'labelled YAML files')
    .option('-c, --codebook <file>', 'codebook YAML, or the name of a shipped one (hall)')
    .addOption(new Option('--level <level>', 'score clusters or codes').choices(['cluster', 'code']).default('cluster'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(formatNames('evaluation')).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--misses', 'list the paragraphs where the codebook and the labels differ');
  scoringFlags(command).action((files: string[], flags: EvalFlags) => evalCommand(files, flags, io));
  return examples(command, ['qda eval eval/hall-nl.test.yaml', 'qda eval eval/*.yaml --level code --misses']);
}

async function evalCommand(files: string[], flags: EvalFlags, io: Io): Promise<void> {
  const [{ evaluateLabelled }, { reported }, { writeOutput }] = await Promise.all([
    import('../../app/eval.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const result = reported(io, evaluateLabelled({ ...flags, files }, io.cwd));
  const format = await getFormatter('evaluation', flags.format);
  await writeOutput(io, flags.out, [format(result, { misses: flags.misses })]);
}
