/**
 * Output too large to hold, staged on disk beside its target: a temporary file written at given
 * positions (a zip's headers are filled in after their data), spools that data is appended to and
 * copied back from, and `commit` renaming the file into place, or `abort` removing it all. Names
 * start with the target's and carry the process id (write.ts), so that what a killed run left is
 * removed by the next run writing that target.
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { removeStaleTemps, tempSuffix } from './write.js';
import { forget, remember, whole } from './unfinished.js';

/** Bytes copied back from a spool at a time. */
const BLOCK = 64 * 1024;

/** A file written at positions. */
export interface PositionalOutput {
  writeAt(bytes: Uint8Array, position: number): void;
}

/** Somewhere bytes were put, handed back a block at a time. */
export interface CopySource {
  copyTo(offset: number, length: number, to: (chunk: Uint8Array) => void): void;
}

class OpenFile {
  protected fd: number | undefined;

  constructor(
    readonly path: string,
    flags: string,
  ) {
    this.fd = openSync(path, flags);
  }

  protected writeAtPosition(bytes: Uint8Array, position: number): void {
    let done = 0;
    while (done < bytes.length) done += writeSync(this.descriptor(), bytes, done, bytes.length - done, position + done);
  }

  protected descriptor(): number {
    if (this.fd === undefined) throw new Error(`${this.path} is already closed`);
    return this.fd;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export class Spool extends OpenFile implements CopySource {
  private size = 0;

  constructor(path: string) {
    super(path, 'w+');
  }

  /** Appends the bytes; returns where they start. */
  append(bytes: Uint8Array): number {
    const at = this.size;
    this.writeAtPosition(bytes, at);
    this.size += bytes.length;
    return at;
  }

  get length(): number {
    return this.size;
  }

  copyTo(offset: number, length: number, to: (chunk: Uint8Array) => void): void {
    const buffer = new Uint8Array(Math.min(BLOCK, Math.max(length, 1)));
    for (let done = 0; done < length;) {
      const n = readSync(this.descriptor(), buffer, 0, Math.min(buffer.length, length - done), offset + done);
      if (n === 0) throw new Error(`${this.path} is shorter than what was written to it`);
      to(buffer.subarray(0, n));
      done += n;
    }
  }
}

class TargetFile extends OpenFile implements PositionalOutput {
  constructor(path: string) {
    super(path, 'w');
  }

  writeAt(bytes: Uint8Array, position: number): void {
    this.writeAtPosition(bytes, position);
  }
}

export class StagedOutput {
  private readonly temp: string;
  private readonly opened: OpenFile[] = [];
  readonly file: PositionalOutput;

  constructor(readonly target: string) {
    mkdirSync(dirname(target), { recursive: true });
    removeStaleTemps(target);
    this.temp = `${target}${tempSuffix()}`;
    this.file = this.open(this.temp, (path) => new TargetFile(path));
  }

  /** A spool beside the temporary file, removed with it. */
  spool(tag: string): Spool {
    return this.open(`${this.temp}-${tag}`, (path) => new Spool(path));
  }

  /** The file renamed into place; the spools removed. */
  commit(): void {
    this.closeAll();
    this.removeSpools();
    whole(() => {
      renameSync(this.temp, this.target);
      forget(this.temp);
    });
  }

  /** Nothing left: the file and the spools removed. */
  abort(): void {
    this.closeAll();
    this.removeSpools();
    rmSync(this.temp, { force: true });
    forget(this.temp);
  }

  /** Remembered before it is created, so that a Ctrl-C finds it to remove (io/unfinished.ts). */
  private open<T extends OpenFile>(path: string, make: (path: string) => T): T {
    remember(path);
    try {
      const file = make(path);
      this.opened.push(file);
      return file;
    } catch (error) {
      forget(path);
      throw error;
    }
  }

  private closeAll(): void {
    for (const f of this.opened) f.close();
  }

  private removeSpools(): void {
    for (const f of this.opened) {
      if (f.path === this.temp) continue;
      rmSync(f.path, { force: true });
      forget(f.path);
    }
  }
}
