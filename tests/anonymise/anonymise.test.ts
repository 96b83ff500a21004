/**
 * `qda anonymise` on the command line: its summary lines, what it refuses (exit 2), the dry run's
 * diff, and "nothing was written" after an error. What it finds and writes: tests/app/anonymise.test.ts.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/anonymise');

/** A copy of the fixture study in a temporary folder: `dir/study`. */
function study(): string {
  const dir = tempDir();
  cpSync(join(FIXTURE, 'study'), join(dir, 'study'), { recursive: true });
  return dir;
}

describe('qda anonymise: where it writes, and what it refuses', () => {
  test.each([
    [['--out', 'study/shared', '--key', 'key.csv'], '--out study/shared lies inside the project or the corpus'],
    [['--out', 'study/corpus/copy', '--key', 'key.csv'], '--out study/corpus/copy lies inside the project or the corpus'],
    [['--out', 'other', '--key', 'key.csv'], '--out other is a folder that qda anonymise did not make, and not empty'],
    [['--out', 'shared', '--key', 'shared/key.csv'], '--key shared/key.csv lies inside the copy'],
    [['--out', 'shared'], '--key FILE is needed'],
    [['--key', 'key.csv'], '--out DIR is needed'],
  ])('%j is refused, nothing written', async (args, message) => {
    const dir = study();
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'notes.txt'), 'mine\n');
    const run = await qda(['anonymise', 'study', ...args], { cwd: dir });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'key.csv')) || existsSync(join(dir, 'shared'))).toBe(false);
    expect(readdirSync(join(dir, 'other'))).toEqual(['notes.txt']);
    expect(readdirSync(dir).sort()).toEqual(['other', 'study']);
  });

  test('--dry-run shows the changed lines and the key, and writes nothing', async () => {
    const dir = study();
    const run = await qda(['anonymise', 'study', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '--- study/corpus/zuid/kindcoach-1.md',
        '+++ study/corpus/zuid/kindcoach-1.md (pseudonymised)',
        '@@ -12 +12 @@',
        '-Samira: Eigenlijk de intern begeleider, Jan-Willem de Boer. En het consultatiebureau aan de Groene Hilledijk 310. Als ik iemand niet kan bereiken bel ik +31 6 98765432 of ik stuur een mail naar kindcoach.zuid@voorbeeld.org.',
        '+Persoon 7: Eigenlijk de intern begeleider, [Persoon 8]. En het consultatiebureau aan de [adres 2]. Als ik iemand niet kan bereiken bel ik [telefoon 3] of ik stuur een mail naar [e-mail 2].',
      ].join('\n'),
    );
    expect(run.stdout).toContain('--- study/qda.yaml\n+++ study/qda.yaml (pseudonymised)\n@@ -7,2 +7,0 @@\n-names:\n-  - Ria Oudshoorn\n');
    expect(run.stdout).toContain('  123456782 → [BSN 1] (bsn)\n');
    expect(run.stderr).toBe('dry run: 5 files would change; nothing was written\n');
    expect(readdirSync(dir)).toEqual(['study']);
  });
});

test('a transcript outside the project folder is named, and nothing is written', async () => {
  const dir = study();
  writeFileSync(join(dir, 'elsewhere.md'), '---\ndistrict: Noord\n---\n\nSamira belt.\n');
  const run = await qda(['anonymise', 'corpus', '../elsewhere.md', '--out', '../../shared', '--key', '../../key.csv'], { cwd: join(dir, 'study') });
  expect(run.stderr).toContain('/elsewhere.md: error: the file lies outside the project folder');
  expect(run.stderr).toContain('nothing was written');
  expect(run.code).toBe(1);
  expect(readdirSync(dir).sort()).toEqual(['elsewhere.md', 'study']);
});

test('a copy and its restore: the summary lines, and the key kept apart from the copy', async () => {
  const dir = study();
  const made = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
  expect(made.stderr).toMatch(
    /^pseudonymised 5 files \(5 changed\) into shared\/; key: \d+ identifiers \(\d+ name, .*\), \d+ new, in key\.csv — keep it apart from the copy\n$/,
  );
  expect(made.code).toBe(0);
  expect(existsSync(join(dir, 'key.csv'))).toBe(true);
  expect(existsSync(join(dir, 'shared', 'key.csv'))).toBe(false);
  const back = await qda(['anonymise', 'shared', '--reverse', '--key', 'key.csv', '--out', 'restored'], { cwd: dir });
  expect(back.stderr).toBe('restored 5 files (4 changed) into restored/\n');
  expect(back.code).toBe(0);
});

test('a names file with a bad line: where it is, and nothing was written', async () => {
  const dir = study();
  const settings = join(dir, 'study/qda.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('names:\n  - Ria Oudshoorn\n', 'names: people.txt\n'));
  writeFileSync(join(dir, 'study/people.txt'), '# participants\nRia Oudshoorn = Greet Smit\nOosterstraat = a = b\n');
  const bad = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
  expect(bad.stderr).toContain('study/people.txt:3:1: error: line 3 is not a name or `name = pseudonym`');
  expect(bad.stderr).toMatch(/nothing was written\n$/);
  expect(bad.code).toBe(1);
  expect(readdirSync(dir)).toEqual(['study']);
});
