/** --redact KEY on analyse, export qdpx and review export: the original project exported as its pseudonymised copy would be. */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/anonymise');
const PLANTED = readFileSync(join(FIXTURE, 'planted.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t')[1]);

/** The original at a/study with its key at a/key.csv, and its pseudonymised copy at b/study. */
async function pair(): Promise<{ original: string; copy: string; key: string }> {
  const a = tempDir();
  const b = tempDir();
  cpSync(join(FIXTURE, 'study'), join(a, 'study'), { recursive: true });
  const made = await qda(['anonymise', 'study', '--out', join(b, 'study'), '--key', 'key.csv', '-q'], { cwd: a });
  expect(made.code).toBe(0);
  return { original: join(a, 'study'), copy: join(b, 'study'), key: join(a, 'key.csv') };
}

describe('--redact KEY', () => {
  let dirs: { original: string; copy: string; key: string };
  beforeEach(async () => {
    dirs = await pair();
  });

  test('qda analyse --redact writes what analysing the pseudonymised copy writes, byte for byte, and no planted identifier', async () => {
    const redacted = await qda(['analyse', '--redact', dirs.key, '--out', 'out'], { cwd: dirs.original });
    const copy = await qda(['analyse', '--out', 'out'], { cwd: dirs.copy });
    expect(redacted.code).toBe(0);
    expect(copy.code).toBe(0);
    expect(redacted.stderr).toBe(copy.stderr);
    const files = readdirSync(join(dirs.copy, 'out')).sort();
    expect(readdirSync(join(dirs.original, 'out')).sort()).toEqual(files);
    for (const file of files) {
      const text = readFileSync(join(dirs.original, 'out', file), 'utf8');
      expect(text, file).toBe(readFileSync(join(dirs.copy, 'out', file), 'utf8'));
      for (const p of PLANTED) expect(text.includes(p), `${p} in ${file}`).toBe(false);
    }
    // Without --redact the original's outputs do hold them: the test above is not empty.
    await qda(['analyse', '--out', 'plain'], { cwd: dirs.original });
    expect(readFileSync(join(dirs.original, 'plain', 'codings.csv'), 'utf8')).toContain('Bram Veldhuis');
  });

  test('qda review export --redact gives the sheet of the copy', async () => {
    const redacted = await qda(['review', 'export', '--redact', dirs.key], { cwd: dirs.original });
    const copy = await qda(['review', 'export'], { cwd: dirs.copy });
    expect(redacted.code).toBe(0);
    expect(redacted.stdout).toBe(copy.stdout);
    expect(redacted.stdout).toContain('[Persoon 3]');
  });

  test('qda export qdpx --redact gives the project of the copy', async () => {
    expect((await qda(['export', 'qdpx', '../a.qdpx', '--redact', dirs.key, '-q'], { cwd: dirs.original })).code).toBe(0);
    expect((await qda(['export', 'qdpx', '../b.qdpx', '-q'], { cwd: dirs.copy })).code).toBe(0);
    const a = unzipSync(readFileSync(join(dirs.original, '../a.qdpx')));
    const b = unzipSync(readFileSync(join(dirs.copy, '../b.qdpx')));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    const text = (files: Record<string, Uint8Array>, name: string) => new TextDecoder().decode(files[name]);
    for (const name of Object.keys(b)) {
      // The project's name is its folder's, the same here; only the creation time may differ.
      const strip = (t: string) => t.replace(/(?:creationDateTime|modifiedDateTime)="[^"]*"/g, '');
      expect(strip(text(a, name)), name).toBe(strip(text(b, name)));
      for (const p of PLANTED) expect(text(a, name).includes(p), `${p} in ${name}`).toBe(false);
    }
  });

  test('a missing key is wrong usage; a broken one is reported with its line', async () => {
    const missing = await qda(['analyse', '--redact', 'nope.csv'], { cwd: dirs.original });
    expect(missing.stderr).toContain('--redact nope.csv: key file not found');
    expect(missing.code).toBe(2);
    const bad = join(dirs.original, '..', 'bad.csv');
    writeFileSync(bad, 'original,pseudonym,kind\nJan,,name\n');
    const broken = await qda(['review', 'export', '--redact', '../bad.csv'], { cwd: dirs.original });
    expect(broken.stderr).toContain('bad.csv:2:1: error: a row needs an original and a pseudonym');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
  });
});
