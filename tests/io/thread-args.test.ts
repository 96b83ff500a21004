// Worker threads under --input-type: node refuses to start them with the process's options, and a
// command that waits for its threads must not wait forever.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { threadExecArgv } from '../../src/io/thread-args.js';
import { BIN, BUILT } from '../bad-input/shared.js';

describe('threadExecArgv', () => {
  test('no options under --input-type, in either spelling; the process’s own (inherited) otherwise', () => {
    expect(threadExecArgv(['--input-type=module', '-e', 'x'])).toEqual([]);
    expect(threadExecArgv(['--no-warnings', '--input-type', 'module', '-e', 'x'])).toEqual([]);
    expect(threadExecArgv(['--max-old-space-size=600', '--no-warnings'])).toBeUndefined();
    expect(threadExecArgv([])).toBeUndefined();
  });
});

describe.skipIf(!BUILT)('a program given as text', () => {
  test('codes with two worker threads as bin/qda.js does, and ends', () => {
    const argv = ['code', 'examples/rotterdam', '--workers', '2', '--format', 'json'];
    const run = pathToFileURL(resolve('dist/cli/run.js')).href;
    const program = `const { run } = await import(${JSON.stringify(run)}); process.exitCode = await run(${JSON.stringify(argv)});`;
    const options = { encoding: 'utf8' as const, timeout: 30_000, killSignal: 'SIGKILL' as const, env: { ...process.env, NO_COLOR: '1' } };
    const text = spawnSync(process.execPath, ['--input-type=module', '-e', program], options);
    const bin = spawnSync(process.execPath, [BIN, ...argv], options);
    expect(text.signal, text.stderr).toBeNull();
    expect(text.status, text.stderr).toBe(0);
    expect(bin.status, bin.stderr).toBe(0);
    expect(text.stdout).toBe(bin.stdout);
    expect(text.stdout.length).toBeGreaterThan(1000);
  });
});
