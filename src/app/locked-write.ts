// Writing a codings file that other qda processes may be writing at the same moment.
import { LockBusy, withLock } from '../io/lock.js';
import { writeFileAtomic } from '../io/write.js';
import { inputProblem } from './errors.js';

/** Replaces a file with what `make` returns, `make` reading what is there now; `shown` names the file in messages. */
export type LockedWriter = (path: string, shown: string, make: () => string) => void;

/** Under the file's lock: `make` reads what is there now and returns the new text, which replaces it. */
export const lockedWrite: LockedWriter = (path, shown, make) => {
  try {
    withLock(path, () => writeFileAtomic(path, make()));
  } catch (error) {
    if (error instanceof LockBusy)
      throw inputProblem(`${shown} is being written by another qda process`, `wait for it to finish; if none runs, remove ${shown}.lock`);
    throw error;
  }
};
