/**
 * Several qda command lines run one after another in one separate process, by the built CLI
 * (dist/cli/run.js) as bin/qda.js runs it, each with its own stdout and stderr. For tests that
 * compare many runs whose start-up would cost more than their work; worker threads need the built
 * files, which a run in the test process (helpers/run-cli.ts, from src) does not have.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliResult } from './run-cli.js';

export const RUN_BUILT = resolve('dist/cli/run.js');

const SCRIPT = resolve('tests/helpers/run-many.mjs');

export type BuiltResult = CliResult & { ms: number };

/** A command line, or one with environment variables (read by the command, as QDA_WORKERS) or a folder of its own. */
export type BuiltRun = string[] | { argv: string[]; env?: Record<string, string>; cwd?: string };

/** The arguments of node that run `runs` (see run-many.mjs). */
export function builtArgs(runs: BuiltRun[]): string[] {
  return [SCRIPT, pathToFileURL(RUN_BUILT).href, JSON.stringify(runs)];
}

/**
 * The runs in order, with the variables of `env` for all; throws when the process does not end well
 * (killed after `timeoutMs`, 240 s unless given).
 */
export function runBuilt(cwd: string, runs: BuiltRun[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): BuiltResult[] {
  const r = spawnSync(process.execPath, builtArgs(runs), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: options.timeoutMs ?? 240_000,
    killSignal: 'SIGKILL',
  });
  return builtResults(r);
}

/** The results a process of run-many.mjs printed; throws when it did not end well. */
export function builtResults(r: { status: number | null; signal: string | null; stdout: string; stderr: string }): BuiltResult[] {
  if (r.status !== 0) throw new Error(`the runs ended with ${r.status ?? r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout) as BuiltResult[];
}
