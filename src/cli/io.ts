/** The process as the CLI sees it; tests pass their own to run commands in-process. */

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colour, progress). */
  stderrIsTTY: boolean;
  /** Call `handler` on the first Ctrl-C (SIGINT) from now; returns what stops listening. */
  onInterrupt?(handler: () => void): () => void;
  /** End the process at once (after Ctrl-C); only the real process has it. */
  exit?(code: number): never;
}

export function processIo(): Io {
  return {
    stdout: closable(process.stdout),
    stderr: closable(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    onInterrupt(handler) {
      process.once('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
    exit: (code) => process.exit(code),
  };
}

/**
 * A stream whose reader may go away (`qda code | head -1`): once the pipe is closed, further output is
 * dropped and the run ends normally, as ripgrep does, instead of dying on an unhandled EPIPE.
 */
function closable(stream: NodeJS.WriteStream): Io['stdout'] {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return { write: (text: string) => closed || stream.write(text) };
}

/** Colour on stderr: on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function colourOnStderr(io: Io): boolean {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const off = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return !off && (forced || io.stderrIsTTY);
}
