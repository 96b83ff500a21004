/**
 * What this process has made and not yet finished: temporary files and folders of outputs, and the
 * locks it holds. On Ctrl-C the command line removes them all before it exits (cli/interrupt.ts),
 * so that an interrupted command leaves nothing behind.
 */
import { rmSync } from 'node:fs';

const paths = new Set<string>();
const listeners: (() => void)[] = [];

/**
 * `quiet`: removed on Ctrl-C with the rest, but not a reason to take Ctrl-C over (a scratch folder
 * filled by a pass that cannot stop halfway; a Ctrl-C then ends the process at once, and the next
 * run removes the folder).
 */
export function remember(path: string, quiet = false): void {
  paths.add(path);
  if (!quiet) for (const listener of listeners) listener();
}

export function forget(path: string): void {
  paths.delete(path);
}

/** Calls `listener` whenever something unfinished is made (the command line then handles Ctrl-C itself). */
export function onUnfinished(listener: () => void): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Removes everything unfinished; returns how many there were. */
export function removeUnfinished(): number {
  const n = paths.size;
  for (const path of paths) rmSync(path, { recursive: true, force: true });
  paths.clear();
  return n;
}
