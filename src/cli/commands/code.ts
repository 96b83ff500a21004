/** `qda code`: auto-code the corpus and print the codings with their evidence. */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, WORKERS_HELP } from '../options.js';
import type { CodeFlags } from '../actions/code.js';

export function registerCode(program: Command, io: Io): Command {
  const command = program
    .command('code')
    .description('auto-code transcripts with the codebook; prints every coding with the terms that matched')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv', 'md']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--workers <n>', WORKERS_HELP);
  corpusOptions(command).action(async (paths: string[], flags: CodeFlags) => (await import('../actions/code.js')).codeAction(paths, flags, io));
  return examples(command, [
    'qda code examples/rotterdam --format json > codings.json',
    'qda code interviews/ --format csv --skip-speaker interviewer --out codings.csv',
    'qda code notes.md --unit sentence --codebook codebooks/mine.yaml',
  ]);
}
