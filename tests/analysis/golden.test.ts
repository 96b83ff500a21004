// Golden files: each output format of matrix, cooccur and summary on the analysis fixture, compared
// byte for byte. A missing golden file is a failure. After a deliberate change, regenerate them with
// `npm run update-golden` and read the diff before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';

const FIXTURE = 'tests/fixtures/analysis';
const EXPECTED = join(FIXTURE, 'expected');

const CASES: [string, string[]][] = [
  ['matrix.txt', ['matrix']],
  ['matrix-cluster-col.md', ['matrix', '--level', 'cluster', '--percent', 'col', '--format', 'md']],
  ['matrix-coverage.csv', ['matrix', '--count', 'coverage', '--format', 'csv']],
  ['matrix-documents.json', ['matrix', '--count', 'documents', '--format', 'json']],
  ['matrix-excel.csv', ['matrix', '--format', 'csv', '--excel']],
  ['cooccur.txt', ['cooccur']],
  ['cooccur-jaccard.csv', ['cooccur', '--measure', 'jaccard', '--format', 'csv']],
  ['cooccur-document.md', ['cooccur', '--within', 'document', '--format', 'md']],
  ['cooccur.json', ['cooccur', '--level', 'cluster', '--format', 'json']],
  ['summary.md', ['summary', '--format', 'md']],
  ['summary.csv', ['summary', '--format', 'csv']],
  ['summary.json', ['summary', '--format', 'json']],
];

test.each(CASES)('%s', async (name, argv) => {
  const r = await qda([argv[0], FIXTURE, '-q', ...argv.slice(1)]);
  expect(r.code).toBe(0);
  const path = join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(path, r.stdout);
  }
  expect(existsSync(path), `${path} is missing; write it with npm run update-golden`).toBe(true);
  expect(r.stdout).toBe(readFileSync(path, 'utf8'));
});
