/** `qda init`: the project skeleton with settings, two sample interviews and the HALL codebook to adapt. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { examples } from '../options.js';

export function registerInit(program: Command, io: Io): Command {
  const command = program
    .command('init')
    .description('create a project: qda.yaml, corpus/ with two sample interviews, codebooks/hall.yaml, codings/, memos/')
    .argument('[dir]', 'folder to create the project in', '.')
    .action((dir: string) => initCommand(dir, io));
  return examples(command, ['qda init my-study', 'qda init']);
}

async function initCommand(dir: string, io: Io): Promise<void> {
  const [{ init }, { reported }, { join }] = await Promise.all([import('../../app/init.js'), import('../session.js'), import('node:path')]);
  const { created } = reported(io, init(dir, io.cwd));
  io.stderr.write(
    `created a qda project in ${dir}:\n${created.map((c) => `  ${c.path}  ${c.about}`).join('\n')}\nnext: qda analyse${dir === '.' ? '' : ` ${dir}`}, then put your own transcripts in ${join(dir, 'corpus')}/\n`,
  );
}
