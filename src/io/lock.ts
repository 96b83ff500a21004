/**
 * A lock beside a file that several qda processes read, merge into and write (a coder's codings
 * file): `NAME.lock` is created exclusively, holds the owner's process id, and is removed when the
 * work is done. A lock whose owner no longer runs is taken over; a live one is waited for, then refused.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class LockBusy extends Error {
  constructor(readonly path: string) {
    super(`${path} is locked by another qda process`);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let owner = NaN;
  try {
    owner = Number(readFileSync(lock, 'utf8'));
  } catch {
    return false; // removed meanwhile: try again
  }
  // An owner that is gone (killed, out of memory) left its lock behind; an empty file is one being written.
  if (!Number.isNaN(owner) && owner !== 0 && !alive(owner)) rmSync(lock, { force: true });
  return false;
}

/** Run `work` while holding the lock of `path`; waits up to `waitMs` for another process to finish. */
export function withLock<T>(path: string, work: () => T, waitMs = 30_000): T {
  const lock = `${path}.lock`;
  const until = Date.now() + waitMs;
  while (!tryTake(lock)) {
    if (Date.now() > until) throw new LockBusy(path);
    sleep(25);
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}
