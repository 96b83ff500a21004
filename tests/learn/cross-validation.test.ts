// The study the learning benchmark generates, and the table of qda learn --cv on the five-document
// fixture, where no code can be modelled in a fold and the table says so (figures: tests/app/learn.test.ts).
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeStudy } from '../../scripts/bench/learn-study.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('the generated study of the learning benchmark', () => {
  test('the generated study is the same bytes every time', () => {
    const [a, b] = [tempDir(), tempDir()];
    writeStudy(a, { documents: 3 });
    writeStudy(b, { documents: 3 });
    const files = (dir: string) =>
      readdirSync(join(dir, 'corpus'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'))
        .sort();
    expect(files(a)).toEqual(files(b));
    expect(files(a)).toHaveLength(3);
    for (const f of files(a)) expect(readFileSync(join(a, 'corpus', f), 'utf8')).toBe(readFileSync(join(b, 'corpus', f), 'utf8'));
  });
});

describe('qda learn --cv on the five-document fixture', () => {
  test('the table per code, with why a code has no model figures (the figures: tests/app/learn.test.ts)', async () => {
    const dir = tempDir();
    for (const part of ['qda.yaml', 'codebook.yaml', 'corpus', 'codings'])
      cpSync(join('tests/fixtures/learn', part), join(dir, part), { recursive: true });
    const r = await qda(['learn', '--cv', '5'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^level +code +examples +model P/);
    expect(r.stdout).toMatch(/netwerk\.buren .* too few examples \(6–7 in training\): not modelled\n/);
    expect(r.stdout).toContain('5 folds over 5 documents; no code had enough examples to model in any fold');
  });
});
