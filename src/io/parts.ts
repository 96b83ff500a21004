/**
 * Numbered part files in a scratch folder: text appended to each as a run goes, read back as bytes
 * (in pieces, or by lines) when the output that gathers them is written. This is how an output in an order
 * other than the corpus order (excerpts by code) is written without holding it in memory.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempSuffix } from './write.js';
import { processAlive } from './owner.js';
import { forget, remember } from './unfinished.js';

/** Text kept per part before it is appended to its file. */
const BUFFER = 64 * 1024;
/**
 * Bytes read back at a time. They stay bytes, off the JavaScript heap: texts of more than about
 * 128 KB go straight among V8's old objects, where gigabytes of excerpts read back as text piled up
 * as garbage (qda analyse of 1 GB once rose from 650 MB to 1.18 GB while it wrote excerpts.md).
 */
const BYTES = 256 * 1024;

/** A new scratch folder name in the system's temporary folder; those of processes that are gone are removed. */
export function scratchFolder(what: string): string {
  const start = `qda-${what}-`;
  for (const name of readdirSync(tmpdir())) {
    const pid = name.startsWith(start) ? /^(\d+)\.tmp-/.exec(name.slice(start.length))?.[1] : undefined;
    if (pid !== undefined && !processAlive(Number(pid))) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  return join(tmpdir(), `${start}${process.pid}${tempSuffix()}`);
}

export class PartFiles {
  /**
   * Bytes, not the strings appended: a piece of a transcript would keep the whole transcript in
   * memory. Each part's text is encoded straight into a buffer of its own, which is appended to its
   * file when the next text might not fit: no buffer per text, and nothing to join.
   */
  private readonly pending = new Map<number, { bytes: Buffer; used: number }>();
  private readonly written = new Set<number>();

  /** `dir` is created, and removed again by `remove`. */
  constructor(readonly dir: string) {
    remember(dir);
    mkdirSync(dir, { recursive: true });
  }

  append(part: number, text: string): void {
    if (text === '') return;
    let buffer = this.pending.get(part);
    if (!buffer) this.pending.set(part, (buffer = { bytes: Buffer.allocUnsafe(BUFFER), used: 0 }));
    // A UTF-16 unit takes at most 3 bytes of UTF-8.
    if (buffer.used + 3 * text.length > BUFFER) this.flush(part);
    if (3 * text.length > BUFFER) {
      appendFileSync(this.file(part), text, 'utf8');
      this.written.add(part);
      return;
    }
    buffer.used += buffer.bytes.write(text, buffer.used, 'utf8');
  }

  /** The bytes of a part as written, in pieces of BYTES: copied into an output as they are, never decoded and encoded again. */
  *bytes(part: number): Generator<Buffer> {
    this.flush(part);
    if (!this.written.has(part)) return;
    const fd = openSync(this.file(part), 'r');
    try {
      for (;;) {
        const buffer = Buffer.allocUnsafe(BYTES);
        const n = readSync(fd, buffer, 0, BYTES, null);
        if (n === 0) return;
        yield buffer.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The lines of a part as bytes, without their \n: views of a buffer that the next line may
   * overwrite, to be used (copied) before asking for the next.
   */
  *byteLines(part: number): Generator<Buffer> {
    this.flush(part);
    if (!this.written.has(part)) return;
    const fd = openSync(this.file(part), 'r');
    try {
      let buffer = Buffer.allocUnsafe(BYTES);
      let kept = 0;
      for (;;) {
        // A line longer than the buffer: a bigger buffer, the start of the line kept.
        if (kept === buffer.length) buffer = Buffer.concat([buffer], 2 * buffer.length);
        const n = readSync(fd, buffer, kept, buffer.length - kept, null);
        const end = kept + n;
        const filled = buffer.subarray(0, end);
        let from = 0;
        for (let at = filled.indexOf(10); at >= 0; at = filled.indexOf(10, from)) {
          yield filled.subarray(from, at);
          from = at + 1;
        }
        if (n === 0) {
          if (from < end) yield buffer.subarray(from, end);
          return;
        }
        kept = end - from;
        buffer.copy(buffer, 0, from, end);
      }
    } finally {
      closeSync(fd);
    }
  }

  remove(): void {
    this.pending.clear();
    rmSync(this.dir, { recursive: true, force: true });
    forget(this.dir);
  }

  private flush(part: number): void {
    const buffer = this.pending.get(part);
    if (!buffer || buffer.used === 0) return;
    appendFileSync(this.file(part), buffer.bytes.subarray(0, buffer.used));
    this.written.add(part);
    buffer.used = 0;
  }

  private file(part: number): string {
    return join(this.dir, `${part}.part`);
  }
}
