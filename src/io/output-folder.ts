/**
 * A folder of results written as one set: the run writes into a temporary folder beside the target
 * and swaps it in with one rename, so that a reader sees the old set or the new one, never a mix.
 * The previous folder is kept as a backup until the new one is in place. A lock file beside the
 * target makes a second run into the same folder refuse instead of interleaving; temporary folders
 * a killed run left behind are removed by the next one.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tempSuffix, type Sink } from './write.js';
import { processAlive, releaseLock, tryLock } from './owner.js';
import { replaceFolder } from './replace.js';
import { forget, remember } from './unfinished.js';

/** What names of qda's own temporary folders and lock beside `out` start with. */
const prefix = (target: string) => `.${basename(target)}.qda-`;

export class FolderLocked extends Error {
  constructor(
    readonly target: string,
    readonly lock: string,
    readonly pid: number,
  ) {
    super(`${target} is being written by another qda run (process ${pid})`);
  }
}

export class OutputFolder {
  /** The temporary folder the run writes into. */
  readonly target: string;
  readonly temp: string;
  private readonly lock: string;
  private open = true;

  /** Takes the lock, removes what earlier killed runs left, and creates the temporary folder. */
  constructor(target: string) {
    this.target = resolve(target);
    const parent = dirname(this.target);
    mkdirSync(parent, { recursive: true });
    this.lock = join(parent, `${prefix(this.target)}lock`);
    takeLock(this.lock, this.target);
    this.temp = join(parent, `${prefix(this.target)}run-${process.pid}${tempSuffix()}`);
    try {
      removeStale(this.target);
      remember(this.temp);
      mkdirSync(this.temp);
    } catch (error) {
      forget(this.temp);
      releaseLock(this.lock);
      throw error;
    }
  }

  /** A file in the run's folder, written in pieces. */
  file(name: string): FolderFile {
    return new FolderFile(join(this.temp, name));
  }

  /** Put the new set in place of the old one; the old one is removed only once the new one is there. */
  commit(): void {
    if (!this.open) return;
    replaceFolder(this.temp, this.target, join(dirname(this.target), `${prefix(this.target)}old-${process.pid}${tempSuffix()}`));
    this.open = false;
    releaseLock(this.lock);
  }

  abort(): void {
    if (!this.open) return;
    this.open = false;
    rmSync(this.temp, { recursive: true, force: true });
    forget(this.temp);
    releaseLock(this.lock);
  }
}

export class FolderFile implements Sink {
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'wx');
  }

  /** Text as UTF-8, or bytes as they are. */
  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (typeof chunk === 'string') writeSync(this.fd, chunk);
    else writeSync(this.fd, chunk);
  }

  writeAll(chunks: Iterable<string | Uint8Array>): void {
    for (const chunk of chunks) this.write(chunk);
    this.close();
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** The lock holds the process id of its run; a lock whose process is gone is taken over. */
function takeLock(lock: string, target: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    const holder = tryLock(lock);
    if (holder === true) return;
    if (holder !== undefined) throw new FolderLocked(target, lock, holder);
  }
  throw new FolderLocked(target, lock, 0);
}

/** Temporary and backup folders of runs whose process is gone, and files a run before this design left inside. */
function removeStale(target: string): void {
  const parent = dirname(target);
  const start = prefix(target);
  for (const name of readdirSync(parent)) {
    const m = name.startsWith(start) ? /^(?:run|old)-(\d+)\.tmp-/.exec(name.slice(start.length)) : null;
    if (m && (Number(m[1]) === process.pid || !processAlive(Number(m[1])))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
