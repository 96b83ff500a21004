/**
 * Lock files that hold the process id of their owner, and whether that owner still runs: one
 * implementation for the lock of an output folder (refused at once when busy) and the lock of a
 * codings file (waited for). A lock whose owner is gone (killed, out of memory, power cut) is
 * removed so that it can be taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { forget, remember, whole } from './unfinished.js';

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An empty lock is one being written; one still empty after this long was left by a killed process. */
const WRITING_MS = 5_000;

/**
 * Takes `lock` when it is free: `true` when this process now holds it; otherwise the process id of
 * its live holder (0 while the holder is still writing it), or `undefined` when the lock was left by
 * a process that is gone and has been removed (try again).
 */
export function tryLock(lock: string): true | number | undefined {
  try {
    // Created and remembered in one step: a lock that exists may be another process's, so it is
    // remembered only once it is this one's, and a stop in between would leave it.
    const fd = whole(() => {
      const fd = openSync(lock, 'wx');
      remember(lock, false);
      return fd;
    });
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  let text: string;
  let age: number;
  try {
    text = readFileSync(lock, 'utf8');
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return undefined; // removed meanwhile
  }
  const pid = Number.parseInt(text, 10);
  if (text.trim() === '' && age < WRITING_MS) return 0;
  if (processAlive(pid)) return pid;
  rmSync(lock, { force: true });
  return undefined;
}

/** Gives up a lock this process holds. */
export function releaseLock(lock: string): void {
  whole(() => {
    rmSync(lock, { force: true });
    forget(lock);
  });
}
