// Rewrites the golden files of tests/analysis/golden.test.ts from the current code: `npm run update-golden`.
// Only for a deliberate change of an output; read `git diff tests/fixtures` before committing.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/analysis/golden.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDEN: '1' },
});
if (run.status === 0) process.stderr.write('golden files rewritten; read git diff tests/fixtures before committing\n');
process.exitCode = run.status ?? 1;
