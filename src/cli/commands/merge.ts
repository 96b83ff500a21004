/** `qda merge`: a consensus coder file from two or more coders' decisions. */
import type { Command } from 'commander';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, type CorpusFlags } from '../options.js';

export interface MergeFlags extends CorpusFlags {
  paths?: string[];
  into: string;
  prefer?: string;
  resolutions?: string;
  force?: boolean;
}

export function registerMerge(program: Command, io: Io): Command {
  const command = program
    .command('merge')
    .description(
      'a consensus of coders as a new coder file codings/NAME.csv: the units they agree on, the units only one decided, and a resolution for each conflict that qda agree --conflicts lists',
    )
    .argument('<coders...>', 'two or more coders: names of files in codings/ (ana for codings/ana.csv), or inline')
    .requiredOption('--into <name>', 'the consensus coder: the file codings/NAME.csv is written')
    .option('--paths <paths...>', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('--prefer <coder>', 'settle every conflict the resolutions leave open with this coder’s decision')
    .option(
      '--resolutions <file>',
      'the sheet of qda agree --conflicts --format csv with the decision column filled in: add, reject or a coder’s name',
    )
    .option('--force', 'replace codings/NAME.csv when it exists');
  corpusOptions(command, { selection: false, unit: false }).action((coders: string[], flags: MergeFlags) => mergeCommand(coders, flags, io));
  return examples(command, [
    'qda merge ana bram --into consensus --prefer ana',
    'qda agree ana bram --conflicts --format csv --out conflicts.csv   # fill in the decision column, then:',
    'qda merge ana bram --into consensus --resolutions conflicts.csv',
  ]);
}

async function mergeCommand(coders: string[], flags: MergeFlags, io: Io): Promise<void> {
  const [{ checkMerge, merge, mergeTarget }, { openSession, showDiagnostics }, { summaryLine }] = await Promise.all([
    import('../../app/merge.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const request = { coders, into: flags.into, prefer: flags.prefer, resolutions: flags.resolutions, force: flags.force };
  checkMerge(request, io.cwd);
  const session = await openSession(flags.paths ?? [], { ...flags, unit: 'paragraph' }, io);
  const outcome = merge(session, request);
  const shown = mergeTarget(session, flags.into);
  if (!outcome.result) {
    showDiagnostics(io, outcome.diagnostics);
    const open = outcome.diagnostics.filter((p) => p.rule === 'merge/unresolved').length;
    if (open > 0)
      io.stderr.write(
        `${open} conflicts have no resolution: fill in the decision column of qda agree ${coders.join(' ')} --conflicts --format csv --out FILE and give --resolutions FILE, or give --prefer CODER\n`,
      );
    io.stderr.write(`nothing written to ${shown}\n`);
    throw new ProblemsReported(1);
  }
  const { counts, decisions } = outcome.result;
  summaryLine(
    io,
    flags.quiet,
    `wrote ${decisions.length} decisions of ${flags.into} to ${shown}: ${counts.agreed} agreed, ${counts.single} of one coder only, ${counts.resolved} resolved`,
  );
}
