/**
 * Writing bytes and whole folders, whole or not at all: a file goes to a temporary name beside its
 * target and is renamed over it; a folder of files is written into a temporary folder beside the
 * target and renamed into place only when every file is there.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { tempSuffix } from './write.js';
import { replaceFolder } from './replace.js';
import { forget, remember, whole } from './unfinished.js';

export function writeBytesAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}${tempSuffix()}`;
  remember(temp);
  try {
    writeFileSync(temp, bytes);
  } catch (error) {
    rmSync(temp, { force: true });
    forget(temp);
    throw error;
  }
  putInPlace(temp, () => renameSync(temp, path));
}

/** Whether a folder is missing or empty. */
export function isEmptyOrMissing(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Create folder `dir` (missing or empty) holding `files` (relative path → text). Paths must stay
 * inside the folder; one that does not is refused before anything is written.
 */
export function writeTreeAtomic(dir: string, files: [string, string][]): void {
  const target = resolve(dir);
  const temp = join(dirname(target), `.${basename(target)}${tempSuffix()}`);
  for (const [path] of files) {
    const full = resolve(temp, path);
    if (!full.startsWith(temp + sep)) throw new Error(`refusing to write ${path} outside ${dir}`);
  }
  remember(temp);
  try {
    for (const [path, text] of files) {
      const full = resolve(temp, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    forget(temp);
    throw error;
  }
  putInPlace(temp, () => {
    if (existsSync(target)) rmdirSync(target); // empty, checked by the caller; rmdir refuses otherwise
    renameSync(temp, target);
  });
}

/**
 * A folder written file by file into a temporary folder beside it, and put in place whole by
 * `commit` (replacing the folder that was there, which the caller has checked may be replaced), or
 * removed by `abort`. Files are written as they come, so that a large tree is never held at once.
 */
export class TreeWriter {
  private readonly target: string;
  private readonly temp: string;

  constructor(dir: string) {
    this.target = resolve(dir);
    this.temp = join(dirname(this.target), `.${basename(this.target)}${tempSuffix()}`);
    remember(this.temp);
    try {
      mkdirSync(this.temp, { recursive: true });
    } catch (error) {
      forget(this.temp);
      throw error;
    }
  }

  add(path: string, bytes: Uint8Array | string): void {
    const full = resolve(this.temp, path);
    if (!full.startsWith(this.temp + sep)) throw new Error(`refusing to write ${path} outside ${this.target}`);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }

  commit(): void {
    replaceFolder(this.temp, this.target, `${this.temp}-old`);
  }

  abort(): void {
    rmSync(this.temp, { recursive: true, force: true });
    forget(this.temp);
  }
}

/** `rename` puts the temporary `temp` in place; it is forgotten in the same step, or removed when the rename fails. */
function putInPlace(temp: string, rename: () => void): void {
  whole(() => {
    try {
      rename();
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      throw error;
    } finally {
      forget(temp);
    }
  });
}
