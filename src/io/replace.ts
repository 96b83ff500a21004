/**
 * Putting a finished folder in place of the one it replaces: the output folder of `qda analyse`
 * and the copy of `qda anonymise`.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { forget, remember, whole } from './unfinished.js';

/**
 * Moves the folder `temp` to `target`; an old `target` is first set aside as `aside` and removed
 * only once the new one is there. The two renames are one step for Ctrl-C (stopped between them,
 * there would be neither folder); the old folder, once aside, is remembered, so that what is left of
 * it after a stop is removed. When the second rename fails, the old folder is put back.
 */
export function replaceFolder(temp: string, target: string, aside: string): void {
  const old = whole(() => {
    const old = existsSync(target) ? aside : undefined;
    if (old) renameSync(target, old);
    try {
      renameSync(temp, target);
      forget(temp);
    } catch (error) {
      if (old) renameSync(old, target);
      throw error;
    }
    if (old) remember(old, false);
    return old;
  });
  if (old) {
    rmSync(old, { recursive: true, force: true });
    forget(old);
  }
}
