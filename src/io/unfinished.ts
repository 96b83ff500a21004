/**
 * What this process has made and not yet finished: temporary files and folders of outputs, spools,
 * scratch folders and the locks it holds. On Ctrl-C the command line stops the run wherever it is and
 * removes them all before it exits (cli/interrupt.ts), so that an interrupted command leaves nothing
 * behind. A path is remembered before it is created and forgotten once it is put in place or removed,
 * so that whatever exists of it at any moment is known.
 *
 * Steps that must not be cut in two (the renames that swap a result in, taking or giving up a lock)
 * run `whole`: a Ctrl-C that comes meanwhile takes effect once the step is done.
 */
import { existsSync, rmSync } from 'node:fs';

/** Told of every path remembered and forgotten: the thread that handles Ctrl-C keeps the list. */
export interface UnfinishedListener {
  remember(path: string, output: boolean): void;
  forget(path: string): void;
}

/** Says when a step that must not be cut in two begins and ends. */
export interface WholeGuard {
  enter(): void;
  leave(): void;
}

let listener: UnfinishedListener | undefined;
let guard: WholeGuard | undefined;

/**
 * `output`: part of what the run writes (a temporary file or folder, a spool). False for what is not:
 * a lock, or the old folder a new one replaced; removed after a stop like the rest, but its removal
 * does not mean that nothing was written.
 */
export function remember(path: string, output = true): void {
  listener?.remember(path, output);
}

export function forget(path: string): void {
  listener?.forget(path);
}

/** Runs `work` so that a Ctrl-C stops the run only before or after it, never in the middle. */
export function whole<T>(work: () => T): T {
  guard?.enter();
  try {
    return work();
  } finally {
    guard?.leave();
  }
}

/** Set by the command line when the run can be stopped from outside (cli/interrupt.ts). */
export function watchUnfinished(to: UnfinishedListener, by: WholeGuard): void {
  listener = to;
  guard = by;
}

/** Removes every path of `list` (path → whether it is output) that exists; returns how many outputs were among them. */
export function removeAll(list: Map<string, boolean>): number {
  let removed = 0;
  for (const [path, output] of list) {
    if (!existsSync(path)) continue;
    rmSync(path, { recursive: true, force: true });
    if (output) removed++;
  }
  return removed;
}
