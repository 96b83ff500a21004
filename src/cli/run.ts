/**
 * The command line: builds the commander program, runs it, and turns every outcome into an exit
 * status (0 done, 1 problems in the input, 2 wrong usage). Never calls process.exit, so tests run
 * it in-process; bin/qda.js sets the exit code.
 */
import { Command, CommanderError } from 'commander';
import { PatternTimeout } from '../coding/auto-code.js';
import { displayPath } from '../corpus/project.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../formatters/diagnostics.js';
import { TextFileProblem } from '../io/files.js';
import { CommandFailed, ProblemsReported } from './errors.js';
import { patternTimeoutDiagnostic } from './pattern-timeout.js';
import { colourOnStderr, processIo, type Io } from './io.js';
import { registerAnalyse } from './commands/analyse.js';
import { registerCheck } from './commands/check.js';
import { registerCode } from './commands/code.js';
import { registerEval } from './commands/eval.js';
import { registerExcerpts } from './commands/excerpts.js';
import { registerInit } from './commands/init.js';
import { registerMatrix } from './commands/matrix.js';
import { registerCooccur } from './commands/cooccur.js';
import { registerSummary } from './commands/summary.js';
import { registerReport } from './commands/report.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerCodebook } from './commands/codebook.js';
import { registerReview } from './commands/review.js';
import { registerAgree } from './commands/agree.js';
import { registerMerge } from './commands/merge.js';
import { registerLearn } from './commands/learn.js';
import { registerSearch } from './commands/search.js';
import { registerAnonymise } from './commands/anonymise.js';
import { registerWords } from './commands/words.js';
import { VERSION } from './version.js';

export function buildProgram(io: Io): Command {
  const program = new Command('qda')
    .description('Qualitative data analysis from plain files: code markdown transcripts with a codebook (HALL by default).')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.addHelpText(
    'after',
    `\nExamples:\n  qda analyse examples/rotterdam        the main job on the bundled study\n  qda init my-study && qda check my-study\n  qda excerpts --code organisation.roles --where district=Crooswijk\n  qda matrix --level cluster --format csv --excel > matrix.csv\n\nRun qda COMMAND --help for the options and examples of each command.\n`,
  );
  for (const register of [
    registerInit,
    registerCheck,
    registerCode,
    registerExcerpts,
    registerMatrix,
    registerCooccur,
    registerSummary,
    registerReport,
    registerReview,
    registerAgree,
    registerMerge,
    registerLearn,
    registerSearch,
    registerAnonymise,
    registerWords,
    registerAnalyse,
    registerEval,
    registerExport,
    registerImport,
    registerCodebook,
  ]) {
    register(program, io).exitOverride();
  }
  return program;
}

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    if (colourOnStderr(io)) await (await import('../formatters/colour.js')).loadColour();
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    return exitCode(error, io, await import('../formatters/colour.js'));
  }
}

function exitCode(error: unknown, io: Io, { makeColour }: typeof import('../formatters/colour.js')): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof ProblemsReported) return error.exitCode;
  const colour = makeColour(colourOnStderr(io));
  if (error instanceof TextFileProblem) {
    const d = diagnostic('error', displayPath(error.path, io.cwd), 'file/encoding', error.problem, error.at, error.hint);
    io.stderr.write(`${formatDiagnostic(d, colour)}\n`);
    return 1;
  }
  if (error instanceof PatternTimeout) {
    io.stderr.write(`${formatDiagnostic(patternTimeoutDiagnostic(error, io.cwd), colour)}\n`);
    return 1;
  }
  if (error instanceof CommandFailed) {
    io.stderr.write(`${colour.red('error')}: ${error.message}\n${error.hint ? `  ${colour.dim(error.hint)}\n` : ''}`);
    return error.exitCode;
  }
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && e.path) {
    // File-system trouble (permissions, a folder where a file was expected) is the user's to fix.
    io.stderr.write(`${colour.red('error')}: ${e.path}: ${e.message.replace(/^\w+: /, '')}\n`);
    return 1;
  }
  io.stderr.write(
    `${colour.red('internal error')}: ${(error as Error)?.stack ?? String(error)}\nThis is a bug in qda; please report it with the command you ran.\n`,
  );
  return 70;
}
