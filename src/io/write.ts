/**
 * Output, whole or not at all: text is written to a temporary file beside the target and renamed
 * over it only when complete, so an interrupted run never leaves half a file.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { processAlive } from './owner.js';
import { forget, remember, whole } from './unfinished.js';

/**
 * A suffix for a temporary name beside a target: the process id, so that a later run can tell the
 * leftovers of a killed one from those of a run still going, and something unique.
 */
export const tempSuffix = (): string => `.tmp-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Temporary files beside `path` that a process no longer running left (killed, out of memory). */
export function removeStaleTemps(path: string): void {
  const dir = dirname(path);
  const start = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(start)) continue;
    const pid = /^(\d+)-/.exec(name.slice(start.length))?.[1];
    if (pid !== undefined && !processAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

export { processAlive } from './owner.js';

/** Something text can be written to in pieces. */
export interface Sink {
  write(chunk: string): void;
}

/** Writes chunks to a temporary file; `commit` puts it in place, `abort` removes it. */
export class AtomicFile implements Sink {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(readonly path: string) {
    this.temp = `${path}${tempSuffix()}`;
    mkdirSync(dirname(path), { recursive: true });
    removeStaleTemps(path);
    // Remembered before it exists: a Ctrl-C that comes once it is there finds it to remove.
    remember(this.temp);
    try {
      this.fd = openSync(this.temp, 'w');
    } catch (error) {
      forget(this.temp);
      throw error;
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    if (typeof chunk === 'string') writeSync(this.fd, chunk);
    else writeSync(this.fd, chunk);
  }

  commit(): void {
    this.close();
    whole(() => {
      renameSync(this.temp, this.path);
      forget(this.temp);
    });
  }

  abort(): void {
    this.close();
    rmSync(this.temp, { force: true });
    forget(this.temp);
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** Write a whole text atomically. */
export function writeFileAtomic(path: string, text: string): void {
  const file = new AtomicFile(path);
  try {
    file.write(text);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

export function resolvePath(cwd: string, path: string): string {
  return resolve(cwd, path);
}

/** Create a file only when it does not exist yet; returns whether it was written. */
export function writeNewFile(path: string, text: string): boolean {
  if (existsSync(path)) return false;
  writeFileAtomic(path, text);
  return true;
}

export function ensureDir(path: string): void {
  mkdirSync(path, { recursive: true });
}
