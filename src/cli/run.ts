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
import { VERSION } from './version.js';

type Register = (program: Command, io: Io) => Command;

/**
 * The commands in the order help lists them, by name and alias, each loaded only when needed: a
 * run of one command loads and registers that one alone, not the modules and options of all twenty.
 */
const COMMANDS: [names: string[], load: () => Promise<Register>][] = [
  [['init'], async () => (await import('./commands/init.js')).registerInit],
  [['check'], async () => (await import('./commands/check.js')).registerCheck],
  [['code'], async () => (await import('./commands/code.js')).registerCode],
  [['excerpts'], async () => (await import('./commands/excerpts.js')).registerExcerpts],
  [['matrix'], async () => (await import('./commands/matrix.js')).registerMatrix],
  [['cooccur'], async () => (await import('./commands/cooccur.js')).registerCooccur],
  [['summary'], async () => (await import('./commands/summary.js')).registerSummary],
  [['report'], async () => (await import('./commands/report.js')).registerReport],
  [['review'], async () => (await import('./commands/review.js')).registerReview],
  [['agree'], async () => (await import('./commands/agree.js')).registerAgree],
  [['merge'], async () => (await import('./commands/merge.js')).registerMerge],
  [['learn'], async () => (await import('./commands/learn.js')).registerLearn],
  [['search'], async () => (await import('./commands/search.js')).registerSearch],
  [['anonymise', 'anonymize'], async () => (await import('./commands/anonymise.js')).registerAnonymise],
  [['words'], async () => (await import('./commands/words.js')).registerWords],
  [['analyse', 'analyze'], async () => (await import('./commands/analyse.js')).registerAnalyse],
  [['eval'], async () => (await import('./commands/eval.js')).registerEval],
  [['export'], async () => (await import('./commands/export.js')).registerExport],
  [['import'], async () => (await import('./commands/import.js')).registerImport],
  [['codebook'], async () => (await import('./commands/codebook.js')).registerCodebook],
];

/**
 * The commander program: with `argv` that starts with a command's name, only that command (its
 * help and its errors are the same either way); otherwise, for help, an unknown command or none,
 * every command.
 */
export async function buildProgram(io: Io, argv: string[] = []): Promise<Command> {
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
  const named = COMMANDS.filter(([names]) => names.includes(argv[0]));
  const registers = await Promise.all((named.length > 0 ? named : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program, io).exitOverride();
  return program;
}

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const program = await buildProgram(io, argv);
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
