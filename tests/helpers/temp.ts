/** Temporary folders with small files for a test, removed afterwards. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const made: string[] = [];

/** Removes the folders made so far; tests/setup.ts calls it after every test. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A new folder holding the given files (path → text or bytes). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'qda-test-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The files `qda analyse` writes into its output folder, in name order. */
export const ANALYSE_FILES = [
  '.qda-output',
  'codings.csv',
  'codings.json',
  'cooccurrence.csv',
  'excerpts.csv',
  'excerpts.md',
  'index.md',
  'matrix-clusters.csv',
  'matrix-codes.csv',
  'matrix.md',
  'report.html',
  'summary.md',
];
