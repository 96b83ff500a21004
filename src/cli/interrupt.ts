/**
 * Ctrl-C during a long run. The corpus pass is synchronous, so it gives the event loop a turn every
 * tenth of a second, where a SIGINT is seen; the run then throws Interrupted, cleans up on the way
 * out, and the command line prints one line and exits with 130. A second Ctrl-C ends the process at
 * once (what is left then is removed by the next run).
 */
import type { Io } from './io.js';

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
  let last = Date.now();
  return {
    async poll() {
      if (Date.now() - last < 100) return;
      await new Promise((resolve) => setImmediate(resolve));
      last = Date.now();
      if (interrupted) throw new Interrupted(message);
    },
    done: stop,
  };
}
