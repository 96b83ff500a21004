/** `qda check`: validate settings, codebook and corpus; every problem as file:line:col. */
import type { Command } from 'commander';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, type CorpusFlags } from '../options.js';

export function registerCheck(program: Command, io: Io): Command {
  const command = program
    .command('check')
    .description('validate qda.yaml, the codebook and the transcripts; lists every problem as file:line:col')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)');
  corpusOptions(command).action((paths: string[], flags: CorpusFlags) => checkCommand(paths, flags, io));
  return examples(command, ['qda check', 'qda check examples/rotterdam', 'qda check interviews/ --codebook codebooks/mine.yaml']);
}

async function checkCommand(paths: string[], flags: CorpusFlags, io: Io): Promise<void> {
  const [{ check }, { prepareOpen }, { requireFiles, showOpening }, { count }] = await Promise.all([
    import('../../app/check.js'),
    import('../../app/open.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const { result, diagnostics } = check(paths, flags, io.cwd, await prepareOpen(paths, flags, io.cwd, { keepGoing: true }));
  showOpening(io, diagnostics);
  const { opened, documents, segments, codes, errors, warnings } = result!;
  if (opened) requireFiles(paths, opened, io, true);
  if (!flags.quiet) {
    io.stderr.write(
      `checked ${count(documents, 'document')} (${count(segments, 'segment')}) and a codebook of ${count(codes, 'code')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`,
    );
  }
  if (errors > 0) throw new ProblemsReported(1);
}
