// Coding in worker threads gives, byte for byte, what coding in the main thread gives.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chunks, portable } from '../../src/corpus/parallel.js';
import type { CorpusOptions } from '../../src/corpus/pipeline.js';
import { runBuilt, type BuiltResult } from '../helpers/run-built.js';
import { qda as qdaHere } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';

const built = existsSync('dist/corpus/code-worker.js');
/** Enough text for several chunks (parallel.ts cuts at 64 kB at least): some 270 kB. */
const DOCUMENTS = 24;

/** Transcripts: the example interviews again and again, each with its own id. */
function corpus(yaml = ''): string {
  const folder = 'examples/rotterdam/corpus';
  const sources = readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
  const files: Record<string, string> = {
    'qda.yaml': `corpus:\n  - corpus/**/*.md\nunit: paragraph\ncompareBy: district\nskipSpeakers:\n  - interviewer\n${yaml}`,
  };
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = sources[i % sources.length].replace(/^id: .*$/m, `id: doc-${i}`);
    files[`corpus/part-${Math.floor(i / 50)}/doc-${String(i).padStart(3, '0')}.md`] = text;
  }
  return tempDir(files);
}

/** What a run shows: its exit code, stdout and stderr (not the time it took). */
const shown = ({ code, stdout, stderr }: BuiltResult) => ({ code, stdout, stderr });

// The runs of each test in one process of the built CLI: starting one per run took most of the time.
describe.runIf(built)('worker threads', () => {
  test('qda code gives the same bytes with 0, 1 and 2 workers, by --workers and by QDA_WORKERS', { timeout: 240_000 }, () => {
    const [single, ...runs] = runBuilt(corpus(), [
      ['code', '--format', 'json', '--workers', '0'],
      ['code', '--format', 'json', '--workers', '1'],
      { argv: ['code', '--format', 'json'], env: { QDA_WORKERS: '2' } },
    ]);
    expect(single.code).toBe(0);
    expect(JSON.parse(single.stdout).documents).toHaveLength(DOCUMENTS);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(single.stdout);
      expect(run.stderr).toBe(single.stderr);
    }
  });

  test('qda code --format csv and md give the same bytes with 2 workers as without', { timeout: 240_000 }, () => {
    const formats = ['csv', 'md'];
    const results = runBuilt(
      corpus(),
      formats.flatMap((format) => [
        ['code', '--format', format, '--workers', '0'],
        ['code', '--format', format, '--workers', '2'],
      ]),
    ).map(shown);
    formats.forEach((format, f) => {
      const [single, two] = results.slice(2 * f, 2 * f + 2);
      expect(single.code, format).toBe(0);
      expect(single.stdout.length).toBeGreaterThan(1000);
      expect(two, format).toEqual(single);
    });
  });

  test('qda analyse writes the same files with 2 workers as without', { timeout: 240_000 }, () => {
    const dir = corpus();
    const [one, two] = runBuilt(dir, [
      ['analyse', '--out', 'one', '--workers', '0'],
      ['analyse', '--out', 'two', '--workers', '2'],
    ]);
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(ANALYSE_FILES);
    for (const file of ANALYSE_FILES) expect(readFileSync(join(dir, 'two', file), 'utf8'), file).toBe(readFileSync(join(dir, 'one', file), 'utf8'));
    // A word of the report's word lists, left out as a stop word below.
    expect(readFileSync(join(dir, 'one', 'report.html'), 'utf8')).toContain('<td>familiecentrum</td>');
  });

  // The workers count the report's words ("Woorden per wijk") themselves: with the project's stop words too.
  test('qda analyse with 1 worker and stop words of the project: the same report', { timeout: 240_000 }, () => {
    const dir = corpus('stopWords:\n  nl: [familiecentrum]\n');
    const runs = runBuilt(dir, [
      ['analyse', '--out', 'one', '--workers', '0'],
      ['analyse', '--out', 'two', '--workers', '1'],
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const report = readFileSync(join(dir, 'two', 'report.html'), 'utf8');
    expect(report).not.toContain('<td>familiecentrum</td>');
    expect(report).toBe(readFileSync(join(dir, 'one', 'report.html'), 'utf8'));
  });
});

// Checked while reading the arguments, before any thread starts, so a run in this process shows it.
test('a number of workers that is not a whole number is wrong usage, said before any work', async () => {
  const dir = corpus();
  const flag = await qdaHere(['code', '--workers', 'two'], { cwd: dir });
  expect(flag.code).toBe(2);
  expect(flag.stderr).toMatch(/--workers two: give a whole number/);
  expect(flag.stdout).toBe('');
  const env = await qdaHere(['code'], { cwd: dir, env: { QDA_WORKERS: '-1' } });
  expect(env.code).toBe(2);
  expect(env.stderr).toMatch(/QDA_WORKERS -1/);
  expect(env.stdout).toBe('');
});

describe('cutting the files into chunks', () => {
  test('every file in exactly one chunk, in order, and more than one chunk for several workers', () => {
    const dir = corpus();
    const files = readdirSync(join(dir, 'corpus'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => `corpus/${f}`);
    const sizes = files.map((f) => statSync(join(dir, f)).size);
    for (const workers of [1, 2, 4]) {
      const plan = chunks(sizes, workers);
      expect(plan[0].from).toBe(0);
      expect(plan.at(-1)!.to).toBe(files.length);
      plan.slice(1).forEach((c, i) => expect(c.from).toBe(plan[i].to));
      for (const c of plan) expect(c.to).toBeGreaterThan(c.from);
      expect(plan.length).toBeGreaterThan(1);
    }
    expect(chunks([], 2)).toEqual([]);
  });
});

test('options with a function a worker cannot rebuild (--redact) keep the coding in the main thread', () => {
  const options: CorpusOptions = {
    encoding: 'utf-8',
    unit: 'paragraph',
    skipSpeakers: [],
    read: () => new Uint8Array(),
    background: () => ({ units: 0, df: new Map() }),
  };
  expect(portable(options)).toBe(true);
  expect(portable({ ...options, redact: (_path, text) => text })).toBe(false);
});
