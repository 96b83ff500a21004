/** `qda init`: the project skeleton with settings, two sample interviews and the HALL codebook to adapt. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { examples } from '../options.js';

export function registerInit(program: Command, io: Io): Command {
  const command = program
    .command('init')
    .description('create a project: qda.yaml, corpus/ with two sample interviews, codebooks/hall.yaml, codings/, memos/')
    .argument('[dir]', 'folder to create the project in', '.')
    .action(async (dir: string) => (await import('../actions/init.js')).initAction(dir, io));
  return examples(command, ['qda init my-study', 'qda init']);
}
