/** Once per test run: a cache folder of its own, so that the run leaves nothing in the user's home. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    cacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'qda-test-cache-'));
  project.provide('cacheDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
