/**
 * Where a command's result goes: stdout, or a file (`--out`) written whole or not at all.
 * Commands hand over text in pieces so that large results stream.
 */
import { dirname } from 'node:path';
import { exists, isDirectory } from '../io/files.js';
import { AtomicFile, resolvePath } from '../io/write.js';
import { usage } from './errors.js';
import type { Io } from './io.js';

export function writeOutput(io: Io, out: string | undefined, chunks: Iterable<string>): void {
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

export function summaryLine(io: Io, quiet: boolean | undefined, text: string): void {
  if (!quiet) io.stderr.write(`${text}\n`);
}

export { count } from '../formatters/text.js';

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}
