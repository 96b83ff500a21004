/**
 * Where a command's result goes: stdout, or a file (`--out`) written whole or not at all.
 * Commands hand over text in pieces so that large results stream.
 */
import { AtomicFile, resolvePath } from '../io/write.js';
import type { Io } from './io.js';

export function writeOutput(io: Io, out: string | undefined, chunks: Iterable<string>): void {
  if (!out) {
    for (const chunk of chunks) io.stdout.write(chunk);
    return;
  }
  const file = new AtomicFile(resolvePath(io.cwd, out));
  try {
    for (const chunk of chunks) file.write(chunk);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

export function summaryLine(io: Io, quiet: boolean | undefined, text: string): void {
  if (!quiet) io.stderr.write(`${text}\n`);
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}
