/** The process as the CLI sees it; tests pass their own to run commands in-process. */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

export interface Io {
  stdout: { write(text: string | Uint8Array): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colour, progress). */
  stderrIsTTY: boolean;
}

/**
 * The process's stdout and stderr, written to their file descriptors directly: the command runs in
 * a worker thread (cli/interrupt.ts), whose process.stdout would hand every piece to the main
 * thread and hold what that thread has not written yet, without bound.
 */
export function processIo(): Io {
  return {
    stdout: descriptor(1),
    stderr: descriptor(2),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: isatty(2),
  };
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes each piece whole. A reader that goes away (`qda code | head -1`) closes the pipe: further
 * output is dropped and the run ends normally, as ripgrep does, instead of dying on EPIPE.
 */
function descriptor(fd: number): Io['stdout'] {
  let closed = false;
  return {
    write(text: string | Uint8Array) {
      if (closed) return false;
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let wait = 1;
      for (let done = 0; done < bytes.length;) {
        try {
          done += writeSync(fd, bytes, done);
          wait = 1;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return !(closed = true);
          // Node makes a pipe non-blocking: when it is full, wait for the reader, a little longer
          // each time (up to 50 ms, for a reader that has stopped, such as a pager).
          if (code !== 'EAGAIN') throw error;
          Atomics.wait(pause, 0, 0, wait);
          wait = Math.min(2 * wait, 50);
        }
      }
      return true;
    },
  };
}

/** Colour on stderr: on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function colourOnStderr(io: Io): boolean {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const off = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return !off && (forced || io.stderrIsTTY);
}
