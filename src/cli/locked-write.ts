// Writing a codings file that other qda processes may be writing at the same moment.
import { LockBusy, withLock } from '../io/lock.js';
import { writeFileAtomic } from '../io/write.js';
import { inputProblem } from './errors.js';

/** Under the file's lock: `make` reads what is there now and returns the new text, which replaces it. */
export function lockedWrite(path: string, shown: string, make: () => string): void {
  try {
    withLock(path, () => writeFileAtomic(path, make()));
  } catch (error) {
    if (error instanceof LockBusy)
      throw inputProblem(`${shown} is being written by another qda process`, `wait for it to finish; if none runs, remove ${shown}.lock`);
    throw error;
  }
}
