/**
 * Ctrl-C during a long run. The corpus pass is synchronous, so it gives the event loop a turn every
 * tenth of a second, where a SIGINT is seen; the run then throws Interrupted, cleans up on the way
 * out, and the command line prints one line and exits with 130. A second Ctrl-C ends the process at
 * once (what is left then is removed by the next run).
 */
import { onUnfinished, removeUnfinished } from '../io/unfinished.js';
import type { Io } from './io.js';

/** Watches of a command that stops itself on Ctrl-C (analyse); while one is on, the first Ctrl-C is theirs. */
let watching = 0;

export class Interrupted extends Error {
  constructor(message = 'interrupted') {
    super(message);
  }
}

export interface InterruptWatch {
  /** Every tenth of a second: a turn for the event loop, and Interrupted if Ctrl-C came. */
  poll(): Promise<void>;
  /** Stop listening. */
  done(): void;
}

export function watchInterrupt(io: Io, message: string): InterruptWatch {
  let interrupted = false;
  const stop = io.onInterrupt?.(() => (interrupted = true)) ?? (() => undefined);
  watching++;
  let last = Date.now();
  return {
    async poll() {
      if (Date.now() - last < 100) return;
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
      if (interrupted) throw new Interrupted(message);
    },
    done() {
      watching--;
      stop();
    },
  };
}

/**
 * Every other command that writes: from the moment it makes a temporary file or takes a lock, Ctrl-C
 * removes what it made, prints one line and ends with status 130. Before that nothing is listened
 * for, so Ctrl-C ends a command that is still reading at once, as it always did, and there is nothing
 * to remove. Writers give the event loop a turn as they go (`pause`), where the signal is seen.
 */
export function exitOnInterrupt(io: Io): () => void {
  const exit = io.exit;
  if (!exit || !io.onInterrupt) return () => undefined;
  let stop: (() => void) | undefined;
  const handler = () => {
    stop = undefined;
    if (watching > 0) {
      // The command stops itself after this Ctrl-C; a second one ends it here.
      stop = io.onInterrupt!(handler);
      return;
    }
    const removed = removeUnfinished();
    io.stderr.write(removed > 0 ? 'interrupted; nothing was written\n' : 'interrupted\n');
    exit(130);
  };
  const unlisten = onUnfinished(() => {
    stop ??= io.onInterrupt!(handler);
  });
  return () => {
    unlisten();
    stop?.();
  };
}

/**
 * A turn for the event loop every tenth of a second (or now, when `now`), so that a Ctrl-C is seen
 * while a long output is written, or before it is put in place.
 */
let lastPause = Date.now();
export async function pause(now = false): Promise<void> {
  if (!now && Date.now() - lastPause < 100) return;
  await new Promise((resolve) => setImmediate(resolve));
  // A signal is read in the loop's poll phase, which a second turn is sure to pass through.
  if (now) await new Promise((resolve) => setImmediate(resolve));
  lastPause = Date.now();
}
