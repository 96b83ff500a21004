/**
 * A lock beside a file that several qda processes read, merge into and write (a coder's codings
 * file): `NAME.lock` is created exclusively, holds the owner's process id, and is removed when the
 * work is done. A lock whose owner no longer runs is taken over; a live one is waited for, then refused.
 */
import { releaseLock, tryLock } from './owner.js';

export class LockBusy extends Error {
  constructor(readonly path: string) {
    super(`${path} is locked by another qda process`);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/** Run `work` while holding the lock of `path`; waits up to `waitMs` for another process to finish. */
export function withLock<T>(path: string, work: () => T, waitMs = 30_000): T {
  const lock = `${path}.lock`;
  const until = Date.now() + waitMs;
  while (tryLock(lock) !== true) {
    if (Date.now() > until) throw new LockBusy(path);
    sleep(25);
  }
  try {
    return work();
  } finally {
    releaseLock(lock);
  }
}
