// Patterns that backtrack without end cannot hang qda, whether or not the static check sees them:
// they run in a worker under a time budget, and the one that runs out is named with file:line:col.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compilePattern } from '../../src/codebook/pattern.js';
import { baseBudgetMs, budgetMs, PatternRunner, PatternTooSlow } from '../../src/match/pattern-runner.js';
import { runBuilt } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused } from './shared.js';

// The base of the pattern budget in these tests (2 s in a run of qda): a runaway pattern is stopped
// as it would be, only sooner.
const BASE_MS = 500;

const GAP = '(?:\\w|\\s|\\w){10}(?:\\w|\\s|\\w){10}!';

/** The shipped codebook with one more pattern on personal.attitude, on the line after `patterns:`. */
function codebookWith(pattern: string): { text: string; line: number } {
  const lines = readFileSync('codebooks/hall.yaml', 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === 'patterns:');
  const indent = /^\s*/.exec(lines[at + 1])![0];
  lines.splice(at + 1, 0, `${indent}- '/${pattern}/'`);
  return { text: lines.join('\n'), line: at + 2 };
}

describe('static check and worker budget', () => {
  test('the patterns of the issue pass the static check, so only the budget can stop them', () => {
    for (const p of [GAP, '[^!]*!', '[\\s\\S]*zzz']) expect(compilePattern(`/${p}/`).ok, p).toBe(true);
  });

  test('the runner finds what matchAll finds', () => {
    const sources = ['\\bwacht\\w*', 'korte\\s+lijnen', '(?:\\w+\\s+){0,2}school', 'é+'];
    const runner = new PatternRunner(sources.map((source) => ({ source, flags: 'giu' })));
    const texts = ['Korte lijnen met de school, de wachtlijst en wachten.', 'ééé korte   lijnen', ''];
    const runs = [[0, 1, 2, 3], [1, 3], [0]];
    const got = runner.run(texts, runs);
    runs.forEach((list, t) =>
      list.forEach((p, r) => {
        const expected = [...texts[t].matchAll(new RegExp(sources[p], 'giu'))].filter((m) => m[0]).flatMap((m) => [m.index, m.index + m[0].length]);
        expect([...got[t][r]]).toEqual(expected);
      }),
    );
  });

  test('a runaway pattern is stopped and named; the runner works again afterwards', () => {
    const runner = new PatternRunner(
      [
        { source: '\\bwacht\\w*', flags: 'g' },
        { source: '(a+)+b', flags: 'g' },
      ],
      BASE_MS,
    );
    const started = performance.now();
    let stopped: unknown;
    try {
      runner.run(['de wachtlijst', 'a'.repeat(40)], [[0], [0, 1]]);
    } catch (error) {
      stopped = error;
    }
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(stopped).toBeInstanceOf(PatternTooSlow);
    expect((stopped as PatternTooSlow).pattern).toBe(1);
    expect((stopped as PatternTooSlow).segment).toBe(1);
    expect([...runner.run(['de wachtlijst'], [[0]])[0][0]]).toEqual([3, 13]);
  }, 60_000);

  test('the budget is per runner (per run of qda), also when runners of the same patterns share a worker', () => {
    // About 15 ms a step: exponential in the 17 repeats, on a text too short to add to the budget.
    const patterns = [{ source: '(?:\\w|\\w){17}!', flags: 'g' }];
    const text = 'a'.repeat(21);
    const step = (runner: PatternRunner) => expect(runner.run([text], [[0]])[0][0]).toHaveLength(0);
    // A base of its own, larger than BASE_MS: a step that a busy machine holds up must not take the
    // first runner over its budget while it only spends a little more than half of it.
    const base = 1000;
    // The worker the runners share is started first, so that its start does not count as spent.
    step(new PatternRunner(patterns, base));
    // Each runner spends more than half of its budget in steps that all finish: together they are
    // over it, so a budget carried from one runner to the next would stop the second.
    const spend = (runner: PatternRunner) => {
      const started = performance.now();
      let steps = 0;
      for (; performance.now() - started < 0.55 * base; steps++) step(runner);
      return steps;
    };
    expect(spend(new PatternRunner(patterns, base))).toBeGreaterThan(1);
    const second = new PatternRunner(patterns, base);
    expect(spend(second)).toBeGreaterThan(1);
    // The second going on is over its budget: the steps do add up.
    expect(() => {
      for (let i = 0; i < 10_000; i++) step(second);
    }).toThrow(PatternTooSlow);
  }, 60_000);

  test('the base of the budget is 2 s unless QDA_PATTERN_BUDGET_MS sets it', () => {
    const was = process.env.QDA_PATTERN_BUDGET_MS;
    try {
      delete process.env.QDA_PATTERN_BUDGET_MS;
      expect(baseBudgetMs()).toBe(2000);
      expect(budgetMs(1_000_000)).toBe(3000);
      process.env.QDA_PATTERN_BUDGET_MS = String(BASE_MS);
      expect(baseBudgetMs()).toBe(BASE_MS);
    } finally {
      if (was === undefined) delete process.env.QDA_PATTERN_BUDGET_MS;
      else process.env.QDA_PATTERN_BUDGET_MS = was;
    }
  });
});

describe.skipIf(!BUILT)('runaway patterns in a real run', () => {
  // The runs of each test in one process of their own (killed if it hangs), with the shorter budget.
  const env = { QDA_PATTERN_BUDGET_MS: String(BASE_MS) };

  test('the issue’s pattern on the bundled example: analyse, and coding in worker threads, stop with the pattern’s place', () => {
    const dir = tempDir();
    cpSync('examples/rotterdam', dir, { recursive: true });
    const { text, line } = codebookWith(GAP);
    writeFileSync(join(dir, 'evil.yaml'), text);
    const [analyse, threads] = runBuilt(
      dir,
      [
        ['analyse', '--codebook', 'evil.yaml', '--out', 'res'],
        ['code', '--codebook', 'evil.yaml', '--workers', '1', '--format', 'csv'],
      ],
      { env, timeoutMs: 120_000 },
    );
    expect(analyse.code, analyse.stderr).toBe(1);
    expectRefused(
      analyse,
      new RegExp(`evil\\.yaml:${line}:\\d+: error: pattern /.*!/ of personal\\.attitude ran .* and was stopped at corpus/.*\\.md:\\d+:1`),
    );
    expect(analyse.ms).toBeLessThan(60_000);
    expect(existsSync(join(dir, 'res'))).toBe(false);
    expectRefused({ ...threads, stdout: '' }, new RegExp(`evil\\.yaml:${line}:\\d+: error: pattern .* was stopped at corpus/`));
  }, 150_000);

  test('on a 1 MB paragraph: [^!]*!, [\\s\\S]*zzz, .{0,100000}zzz and chained word gaps', () => {
    const patterns = ['[^!]*!', '[\\s\\S]*zzz', '.{0,100000}zzz', '(?:\\w+\\s+){0,5}(?:\\w+\\s+){0,5}(?:\\w+\\s+){0,5}zzz'];
    const files: Record<string, string> = {
      'qda.yaml': "corpus: ['*.md']\n",
      'a.md': `---\nd: 1\n---\n\n${'de wachtlijst is lang en de school '.repeat(30_000)}\n`,
    };
    patterns.forEach((pattern, i) => {
      files[`book-${i}.yaml`] = `name: B\nlanguage: nl\ncodes:\n  - id: x\n    label: { nl: X }\n    patterns: ['/${pattern}/']\n`;
    });
    const results = runBuilt(
      tempDir(files),
      patterns.map((_, i) => ['code', '--codebook', `book-${i}.yaml`, '--format', 'csv', '-q']),
      { env, timeoutMs: 120_000 },
    );
    results.forEach((r, i) => {
      // Either done well in time (a pattern V8 runs fast) or stopped with the pattern named.
      if (r.code !== 0) expect(r.stderr, patterns[i]).toMatch(new RegExp(`book-${i}\\.yaml:6:\\d+: error: pattern .* and was stopped at a\\.md:5:1`));
      expect(r.code === 0 || r.code === 1, patterns[i]).toBe(true);
      expect(r.ms, patterns[i]).toBeLessThan(60_000);
    });
  }, 150_000);
});
