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
  const decoder = new TextDecoder();
  const code = await run(argv, {
    // Coding worker threads hand over bytes (Io.stdout takes both).
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : decoder.decode(s, { stream: true })) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    stderrIsTTY: options.tty ?? false,
  });
  stdout += decoder.decode();
  return { code, stdout, stderr };
}
