// One run of the installed command as a user starts it: a separate process through bin/qda.js.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';

const bin = 'bin/qda.js';

test.runIf(existsSync('dist/cli/run.js'))('bin/qda.js codes a transcript and exits 0; a missing file is a problem with the input (1)', () => {
  const ok = spawnSync(process.execPath, [bin, 'code', 'examples/rotterdam/corpus/crooswijk/kindcoach-1.md', '--format', 'json'], {
    encoding: 'utf8',
  });
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout).documents[0].id).toBe('crooswijk-kindcoach-1');
  expect(ok.stderr).toMatch(/^coded 1 document/);

  const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);

  const bad = spawnSync(process.execPath, [bin, 'code', 'no-such-file.md'], { encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).not.toMatch(/\n\s+at /);
});

test.runIf(existsSync('dist/cli/run.js'))('output into a pipe that closes early (qda code | head -1) ends quietly with 0', () => {
  const r = spawnSync(
    'bash',
    ['-c', `"${process.execPath}" ${bin} code examples/rotterdam --format json | head -1; echo "exit \${PIPESTATUS[0]}" >&2`],
    {
      encoding: 'utf8',
    },
  );
  expect(r.stdout).toBe('{\n');
  expect(r.stderr).not.toContain('EPIPE');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split('\n').at(-1)).toBe('exit 0');
});
