import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files that replace a module with vi.mock get a fresh module graph of their own; every other file
// shares one, so the modules (and the parsed shipped codebook) load once per worker instead of once per file.
const OWN_MODULES = ['tests/exchange/qdpx-validate.test.ts'];

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
    projects: [
      { extends: true, test: { name: 'shared', include: ['tests/**/*.test.ts'], exclude: OWN_MODULES, isolate: false } },
      { extends: true, test: { name: 'isolated', include: OWN_MODULES } },
    ],
  },
});
