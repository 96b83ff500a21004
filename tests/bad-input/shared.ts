/** Shared checks of the bad-input suite: how a failing run must look, and runs in a separate process. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import type { CliResult } from '../helpers/run-cli.js';

export const REPO = process.cwd();
export const BIN = join(REPO, 'bin/qda.js');
export const BUILT = existsSync(join(REPO, 'dist/cli/run.js'));
export const STACK = /\n\s+at /;

/** Input problem: exit 1, a message on stderr that matches, no stack trace, nothing on stdout. */
export function expectRefused(r: { code: number | null; stdout: string; stderr: string }, message: RegExp | string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toContain('internal error');
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
}

/** Odd but usable input: exit 0, a warning that matches, no stack trace. */
export function expectWarned(r: CliResult, message: RegExp | string): void {
  expect(r.stderr).not.toMatch(STACK);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.code).toBe(0);
}

/** bin/qda.js in its own process, with a time limit; `status` is null when it was killed. */
export function spawnQda(argv: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> & { ms: number } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return Object.assign(r, { ms: Date.now() - started });
}

/** Every file below a folder (relative paths, sorted). */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Bytes and mtime of every file below a folder, to compare before and after a run. */
export function snapshot(dir: string, files = listFiles(dir)): Record<string, { sha: string; mtimeMs: number; size: number }> {
  const result: Record<string, { sha: string; mtimeMs: number; size: number }> = {};
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    result[f] = { sha: createHash('sha256').update(bytes).digest('hex'), mtimeMs: statSync(join(dir, f)).mtimeMs, size: bytes.length };
  }
  return result;
}

const TIME = '/usr/bin/time';

/**
 * bin/qda.js in its own process, with the peak resident memory it reached (KiB): measured by
 * /usr/bin/time where there is one, else reported by the process itself as it exits.
 */
export function spawnQdaMeasured(argv: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> & { peakKiB: number } {
  return spawnMeasured([BIN, ...argv], cwd, timeoutMs);
}

/** node with these arguments in its own process, with the peak resident memory it reached (KiB), as spawnQdaMeasured. */
export function spawnMeasured(args: string[], cwd: string, timeoutMs: number): SpawnSyncReturns<string> & { peakKiB: number } {
  const report = join(mkdtempSync(join(tmpdir(), 'qda-peak-')), 'peak');
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const full = withTime
    ? ['-f', '%M', '-o', report, process.execPath, ...args]
    : [
        '--import',
        `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(report)},String(process.resourceUsage().maxRSS)))`,
        ...args,
      ];
  const r = spawnSync(command, full, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  rmSync(dirname(report), { recursive: true, force: true });
  // /usr/bin/time adds a line when the command exits with a status other than 0.
  const peak = Number(text.trim().split('\n').pop());
  return Object.assign(r, { peakKiB: Number.isFinite(peak) && peak > 0 ? peak : Number.NaN });
}
