/**
 * Where a command's result goes: stdout, or a file (`--out`) written whole or not at all.
 * Commands hand over text in pieces so that large results stream.
 */
import { dirname, isAbsolute, relative } from 'node:path';
import { displayPath } from '../corpus/project.js';
import { exists, isDirectory, listFolder, OUTPUT_MARKER } from '../io/files.js';
import { AtomicFile, resolvePath } from '../io/write.js';
import { inputProblem, usage } from './errors.js';
import { FolderLocked, OutputFolder } from '../io/output-folder.js';
import type { Io } from './io.js';

/** Pieces are written as they are made. */
export async function writeOutput(io: Io, out: string | undefined, chunks: Iterable<string | Uint8Array>): Promise<void> {
  if (!out) {
    for (const chunk of chunks) io.stdout.write(chunk);
    return;
  }
  assertWritableFile(io, out);
  const file = new AtomicFile(resolvePath(io.cwd, out));
  try {
    for (const chunk of chunks) file.write(chunk);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** An --out that names a folder, or lies below a file, is wrong usage, said plainly. */
export function assertWritableFile(io: Io, out: string): void {
  if (isDirectory(out, io.cwd)) throw usage(`--out ${out} is a folder; name a file to write`);
  for (let dir = dirname(out); dir !== '.' && dir !== dirname(dir); dir = dirname(dir)) {
    if (exists(dir, io.cwd) && !isDirectory(dir, io.cwd)) throw usage(`--out ${out}: ${dir} is a file, not a folder`);
  }
}

/** An --out for a folder of results must not be an existing file. */
export function assertWritableFolder(io: Io, out: string): void {
  if (exists(out, io.cwd) && !isDirectory(out, io.cwd)) throw usage(`--out ${out} is a file; name a folder for the results`);
}

export interface OutputFolderRules {
  /** Whether the folder was given with --out (else it comes from qda.yaml or the default). */
  fromCommandLine: boolean;
  /** The project folder and its corpus paths and globs. */
  root: string;
  corpus: string[];
  /** Names qda writes into the folder; anything else found there is someone else's. */
  names: string[];
}

/**
 * The output folder is replaced as a whole on every run, so it may only be a new or empty folder, or
 * one qda made (it holds the marker file) with nothing in it qda did not write. It may not lie in a
 * corpus folder, where its files would be taken for transcripts, and it lies in the project unless
 * it was given on the command line.
 */
export function checkOutputFolder(io: Io, out: string, rules: OutputFolderRules): void {
  assertWritableFolder(io, out);
  const shown = displayPath(out, io.cwd);
  const full = resolvePath(io.cwd, out);
  const root = resolvePath(io.cwd, rules.root);
  if (!rules.fromCommandLine && !within(full, root))
    throw usage(
      `the output folder ${shown} of qda.yaml lies outside the project`,
      `write \`out:\` as a folder inside the project, or give --out ${shown} on the command line`,
    );
  // The project folder may hold the output folder (out/ by default), but may not be it or lie in it.
  const hint = 'choose an --out outside the corpus, e.g. --out out';
  if (within(root, full)) throw usage(`the output folder ${shown} would hold the whole project ${displayPath(root, io.cwd)}`, hint);
  for (const pattern of rules.corpus) {
    const base = resolvePath(io.cwd, pattern.split(/[*?[\]{}]/)[0] || '.');
    if (within(base, full) || (base !== root && isDirectory(base, io.cwd) && within(full, base)))
      throw usage(`the output folder ${shown} lies inside the corpus folder ${displayPath(base, io.cwd)}`, hint);
  }
  if (!isDirectory(out, io.cwd)) return;
  const entries = listFolder(full);
  if (entries.length === 0) return;
  if (!entries.includes(OUTPUT_MARKER))
    throw usage(
      `${shown} is not a folder qda made (it holds files and no ${OUTPUT_MARKER}); qda replaces the whole output folder on every run`,
      'name a new or empty folder for the results',
    );
  const foreign = entries.filter((name) => !rules.names.includes(name) && !/\.tmp-[a-z0-9-]+$/.test(name));
  if (foreign.length > 0)
    throw usage(
      `${shown} holds ${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''}, which qda did not write; qda replaces the whole output folder on every run`,
      `move ${foreign.length === 1 ? 'it' : 'them'} out of ${shown}, or choose another output folder`,
    );
}

/** The output folder of a run, locked; a folder another run is writing into is refused. */
export function openOutputFolder(io: Io, out: string): OutputFolder {
  try {
    return new OutputFolder(resolvePath(io.cwd, out));
  } catch (error) {
    if (!(error instanceof FolderLocked)) throw error;
    throw inputProblem(
      `another qda run (process ${error.pid}) is writing into ${displayPath(out, io.cwd)}`,
      `wait until it is done, or choose another output folder; if no qda is running, remove ${displayPath(error.lock, io.cwd)}`,
    );
  }
}

function within(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function summaryLine(io: Io, quiet: boolean | undefined, text: string): void {
  if (!quiet) io.stderr.write(`${text}\n`);
}

export { count } from '../formatters/text.js';

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}
