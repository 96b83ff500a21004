// Coding in worker threads gives, byte for byte, what coding in the main thread gives.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunks, portable } from '../../src/corpus/parallel.js';
import type { CodedDocument, CorpusOptions } from '../../src/corpus/pipeline.js';
import { runBuilt, type BuiltResult, type BuiltRun } from '../helpers/run-built.js';
import { qda as qdaHere } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';

const built = existsSync('dist/corpus/code-worker.js');
/** Enough text for several chunks (parallel.ts cuts at 64 kB at least): some 270 kB. */
const DOCUMENTS = 24;

/** Transcripts: the example interviews again and again, each with its own id. */
function corpus(yaml = '', into?: string): string {
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
  if (!into) return tempDir(files);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), text);
  }
  return into;
}

/** What a run shows: its exit code, stdout and stderr (not the time it took). */
const shown = ({ code, stdout, stderr }: BuiltResult) => ({ code, stdout, stderr });

describe.runIf(built)('worker threads', () => {
  // The runs of all these tests one after another in one process of the built CLI, each in its
  // project: starting a process per run, or per test, took most of the time.
  const RUNS: { name: string; project: 'plain' | 'stop'; run: BuiltRun }[] = [
    { name: 'json 0', project: 'plain', run: ['code', '--format', 'json', '--workers', '0'] },
    { name: 'json 1', project: 'plain', run: ['code', '--format', 'json', '--workers', '1'] },
    { name: 'json env 2', project: 'plain', run: { argv: ['code', '--format', 'json'], env: { QDA_WORKERS: '2' } } },
    ...['csv', 'md'].flatMap((format) =>
      ['0', '2'].map((n) => ({ name: `${format} ${n}`, project: 'plain' as const, run: ['code', '--format', format, '--workers', n] })),
    ),
    { name: 'analyse 0', project: 'plain', run: ['analyse', '--out', 'one', '--workers', '0'] },
    { name: 'analyse 2', project: 'plain', run: ['analyse', '--out', 'two', '--workers', '2'] },
    { name: 'stop words 0', project: 'stop', run: ['analyse', '--out', 'one', '--workers', '0'] },
    { name: 'stop words 1', project: 'stop', run: ['analyse', '--out', 'two', '--workers', '1'] },
  ];
  let root = '';
  const folder = { plain: '', stop: '' };
  const ran = new Map<string, BuiltResult>();
  const result = (name: string) => ran.get(name)!;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'qda-test-workers-'));
    folder.plain = corpus('', join(root, 'plain'));
    folder.stop = corpus('stopWords:\n  nl: [familiecentrum]\n', join(root, 'stop'));
    const runs = RUNS.map(({ project, run }) => ({ ...(Array.isArray(run) ? { argv: run } : run), cwd: folder[project] }));
    runBuilt(root, runs).forEach((r, i) => ran.set(RUNS[i].name, r));
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('qda code gives the same bytes with 0, 1 and 2 workers, by --workers and by QDA_WORKERS', () => {
    const single = result('json 0');
    expect(single.code).toBe(0);
    expect(JSON.parse(single.stdout).documents).toHaveLength(DOCUMENTS);
    for (const run of [result('json 1'), result('json env 2')]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(single.stdout);
      expect(run.stderr).toBe(single.stderr);
    }
  });

  test.each(['csv', 'md'])('qda code --format %s gives the same bytes with 2 workers as without', (format) => {
    const single = shown(result(`${format} 0`));
    expect(single.code).toBe(0);
    expect(single.stdout.length).toBeGreaterThan(1000);
    expect(shown(result(`${format} 2`))).toEqual(single);
  });

  test('qda analyse writes the same files with 2 workers as without', () => {
    const dir = folder.plain;
    for (const name of ['analyse 0', 'analyse 2']) expect(result(name).code, result(name).stderr).toBe(0);
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(ANALYSE_FILES);
    for (const file of ANALYSE_FILES) expect(readFileSync(join(dir, 'two', file), 'utf8'), file).toBe(readFileSync(join(dir, 'one', file), 'utf8'));
    // A word of the report's word lists, left out as a stop word below.
    expect(readFileSync(join(dir, 'one', 'report.html'), 'utf8')).toContain('<td>familiecentrum</td>');
  });

  // The workers count the report's words ("Woorden per wijk") themselves: with the project's stop words too.
  test('qda analyse with 1 worker and stop words of the project: the same report', () => {
    const dir = folder.stop;
    for (const name of ['stop words 0', 'stop words 1']) expect(result(name).code, result(name).stderr).toBe(0);
    const report = readFileSync(join(dir, 'two', 'report.html'), 'utf8');
    expect(report).not.toContain('<td>familiecentrum</td>');
    expect(report).toBe(readFileSync(join(dir, 'one', 'report.html'), 'utf8'));
  });
});

// Threads that code keep the documents of their survey up to a share, and read the files of the other chunks again.
describe.runIf(built)('threads that survey the chunks they code', () => {
  test('with all, some or none of the documents kept: the survey and the codings of one thread', { timeout: 120_000 }, async () => {
    // The built modules, whose threads are there to start.
    const { openCorpus } = (await import(pathToFileURL(resolve('dist/app/open.js')).href)) as typeof import('../../src/app/open.js');
    const parallel = (await import(pathToFileURL(resolve('dist/corpus/parallel.js')).href)) as typeof import('../../src/corpus/parallel.js');
    const { codeCorpus, surveyCorpus } = (await import(
      pathToFileURL(resolve('dist/corpus/pipeline.js')).href
    )) as typeof import('../../src/corpus/pipeline.js');
    const dir = corpus();
    const opened = openCorpus([], {}, dir).result!;
    const corpusOptions = { ...opened.corpus, parsed: undefined };
    const one = surveyCorpus(opened.files, corpusOptions, { keep: false });
    const codings = (documents: Iterable<CodedDocument>) =>
      [...documents].map((c) => ({ path: c.document.path, segments: c.segments, clusters: c.clusters, codings: c.codings }));
    const expected = codings(codeCorpus(opened.files, opened.compiled, corpusOptions));
    // Every chunk kept, the first of each thread only (a character each), none.
    for (const keep of [1e9, 2, 0]) {
      const setup = parallel.workerSetup(opened.files, opened.codebook, { ...corpusOptions, frequencies: undefined }, dir);
      const threads = parallel.CodingThreads.startSurvey(setup, 2, keep);
      const survey = threads.survey(opened.files, corpusOptions);
      expect(survey.documents, `keep ${keep}`).toEqual(one.documents);
      expect(survey.diagnostics).toEqual(one.diagnostics);
      expect(survey.frequencies).toEqual(one.frequencies);
      expect(codings(parallel.codeInWorkers(threads)), `keep ${keep}`).toEqual(expected);
    }
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
