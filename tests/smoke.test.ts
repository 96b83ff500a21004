import { expect, test } from 'vitest';
import { qda } from './helpers/run-cli.js';

test('qda --version prints the version from package.json', async () => {
  const r = await qda(['--version']);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});
