/** Runs the qda command line in-process, capturing stdout and stderr. */
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function qda(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stderrIsTTY: options.tty ?? false,
  });
  return { code, stdout, stderr };
}
