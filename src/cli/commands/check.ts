/** `qda check`: validate settings, codebook and corpus; every problem as file:line:col. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, type CorpusFlags } from '../options.js';

export function registerCheck(program: Command, io: Io): Command {
  const command = program
    .command('check')
    .description('validate qda.yaml, the codebook and the transcripts; lists every problem as file:line:col')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)');
  corpusOptions(command).action(async (paths: string[], flags: CorpusFlags) => (await import('../actions/check.js')).checkAction(paths, flags, io));
  return examples(command, ['qda check', 'qda check examples/rotterdam', 'qda check interviews/ --codebook codebooks/mine.yaml']);
}
