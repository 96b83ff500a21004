/** `qda eval`: precision and recall of the codebook on paragraphs people labelled. */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { examples, scoringFlags } from '../options.js';
import type { EvalFlags } from '../actions/eval.js';

export function registerEval(program: Command, io: Io): Command {
  const command = program
    .command('eval')
    .description('precision, recall and F1 of the codebook on labelled paragraphs (YAML: items with text, clusters, codes)')
    .argument('<labelled...>', 'labelled YAML files')
    .option('-c, --codebook <file>', 'codebook YAML, or the name of a shipped one (hall)')
    .addOption(new Option('--level <level>', 'score clusters or codes').choices(['cluster', 'code']).default('cluster'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--misses', 'list the paragraphs where the codebook and the labels differ');
  scoringFlags(command).action(async (files: string[], flags: EvalFlags) => (await import('../actions/eval.js')).evalAction(files, flags, io));
  return examples(command, ['qda eval eval/hall-nl.test.yaml', 'qda eval eval/*.yaml --level code --misses']);
}
