import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Test files that replace a module with vi.mock get a fresh module graph of their own; every other file
// shares one, so the modules (and the parsed shipped codebook) load once per worker instead of once per file.
const OWN_MODULES = ['tests/exchange/qdpx-validate.test.ts'];

// The files that take longest (runs with worker threads, spawned runs on large generated input,
// pattern time budgets), longest first; a file's runs made in beforeAll count too. They start
// first, so that the run does not end with one of them alone on one core: without the timings of
// an earlier run (a fresh clone) vitest orders files by size instead.
const SLOW = [
  'tests/cli/workers.test.ts',
  'tests/cli/survey-threads.test.ts',
  'tests/bad-input/hand-codings.test.ts',
  'tests/bad-input/transcripts.test.ts',
  'tests/bad-input/runaway-patterns.test.ts',
  'tests/exchange/qdpx-import.test.ts',
  'tests/properties/corpus.property.test.ts',
  'tests/browser/report.test.ts',
  'tests/cli/interrupt.test.ts',
  'tests/properties/segments.property.test.ts',
  'tests/cli/readme.test.ts',
  'tests/exchange/qdpx-stream.test.ts',
  'tests/ingest/simple-yaml.test.ts',
  'tests/bad-input/sizes-and-special-files.test.ts',
  'tests/bad-input/codebook.test.ts',
  'tests/cli/spawn.test.ts',
  'tests/exchange/qdpx-export.test.ts',
  'tests/bad-input/inputs-untouched.test.ts',
  'tests/cli/output-folder.test.ts',
  'tests/formatters/excerpts-stream.test.ts',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const at = SLOW.findIndex((s) => f.moduleId.endsWith(s));
      return at < 0 ? SLOW.length : at;
    };
    // Projects stay in the order vitest gives them.
    const project = new Map(sorted.map((f, i) => [f.project.name, i]));
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => project.get(a.f.project.name)! - project.get(b.f.project.name)! || rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    // Many tests spawn bin/qda.js; on a busy two-core machine one can take far longer than on a quiet one.
    // Speed is measured by `npm run bench`, not here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/setup.ts'],
    // Worker threads rather than child processes: with one module graph per worker the suite took
    // 159 s of CPU with threads against 168 s with forks (same tree, two full runs).
    pool: 'threads',
    // Vitest's default leaves one core free; most files wait on spawned processes, so use them all.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: OWN_MODULES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: OWN_MODULES } },
    ],
  },
});
