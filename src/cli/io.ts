/** The process as the CLI sees it; tests pass their own to run commands in-process. */

export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (colour, progress). */
  stderrIsTTY: boolean;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, stderrIsTTY: Boolean(process.stderr.isTTY) };
}

/** Colour on stderr: on a terminal, unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function colourOnStderr(io: Io): boolean {
  const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  const off = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return !off && (forced || io.stderrIsTTY);
}
