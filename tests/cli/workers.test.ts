// Coding in worker threads gives, byte for byte, what coding in the main thread gives.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chunks, portable } from '../../src/corpus/parallel.js';
import type { CorpusOptions } from '../../src/corpus/pipeline.js';
import { qda as qdaHere } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';

const bin = resolve('bin/qda.js');
const built = existsSync('dist/corpus/code-worker.js');
/** Enough text for several chunks (parallel.ts cuts at 64 kB at least). */
const DOCUMENTS = 48;

/** A few hundred kB of transcripts: the example interviews again and again, each with its own id. */
function corpus(): string {
  const folder = 'examples/rotterdam/corpus';
  const sources = readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
  const files: Record<string, string> = {
    'qda.yaml': 'corpus:\n  - corpus/**/*.md\nunit: paragraph\ncompareBy: district\nskipSpeakers:\n  - interviewer\n',
  };
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = sources[i % sources.length].replace(/^id: .*$/m, `id: doc-${i}`);
    files[`corpus/part-${Math.floor(i / 50)}/doc-${String(i).padStart(3, '0')}.md`] = text;
  }
  return tempDir(files);
}

function qda(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(built)('worker threads', () => {
  test('qda code gives the same bytes with 0, 1 and 2 workers, by --workers and by QDA_WORKERS', { timeout: 240_000 }, () => {
    const dir = corpus();
    const single = qda(dir, ['code', '--format', 'json', '--workers', '0']);
    expect(single.status).toBe(0);
    expect(JSON.parse(single.stdout).documents).toHaveLength(DOCUMENTS);
    for (const run of [qda(dir, ['code', '--format', 'json', '--workers', '1']), qda(dir, ['code', '--format', 'json'], { QDA_WORKERS: '2' })]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(single.stdout);
      expect(run.stderr).toBe(single.stderr);
    }
  });

  test.each(['csv', 'md'])('qda code --format %s gives the same bytes with 2 workers as without', { timeout: 240_000 }, (format) => {
    const dir = corpus();
    const single = qda(dir, ['code', '--format', format, '--workers', '0']);
    expect(single.status).toBe(0);
    expect(single.stdout.length).toBeGreaterThan(1000);
    expect(qda(dir, ['code', '--format', format, '--workers', '2'])).toEqual(single);
  });

  test('qda analyse writes the same files with 2 workers as without', { timeout: 240_000 }, () => {
    const dir = corpus();
    expect(qda(dir, ['analyse', '--out', 'one', '--workers', '0']).status).toBe(0);
    expect(qda(dir, ['analyse', '--out', 'two', '--workers', '2']).status).toBe(0);
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(ANALYSE_FILES);
    for (const file of ANALYSE_FILES) expect(readFileSync(join(dir, 'two', file), 'utf8'), file).toBe(readFileSync(join(dir, 'one', file), 'utf8'));
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
