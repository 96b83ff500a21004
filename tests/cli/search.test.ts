import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { SEARCH_CORPUS as CORPUS, SMALL_BOOK as BOOK } from '../helpers/corpora.js';

describe('qda search', () => {
  test('markdown and CSV', async () => {
    const dir = tempDir(CORPUS);
    const md = await qda(['search', 'school', '--codebook', BOOK, '--width', '12'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- `corpus/c.md:10:38` · Crooswijk · R (kindcoach) — …ker belt de **school**.…');
    expect(md.stdout).toContain('| Crooswijk | 1 | 1 | 1 |');
    expect(md.stderr).toBe('1 hit in 1 segment of 1 document (searched 4 segments of 2 documents)\n');
    const csv = await qda(['search', 'wijkteam', '--codebook', BOOK, '--format', 'csv', '--width', '8', '-q'], { cwd: dir });
    expect(csv.stdout.split('\r\n')[0]).toBe('document,path,line,column,segment,speaker,speaker_role,group,left,hit,right,district');
    expect(csv.stdout.split('\r\n')[1]).toBe('c,corpus/c.md,8,16,2,R,kindcoach,Crooswijk,"Met het ",wijkteam," hebben ",Crooswijk');
  });

  test('a bad query is wrong usage that points at the column', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['search', 'school AND (wijk', '--codebook', BOOK], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('query, column 12: a ( without its closing )');
    expect(r.stderr).toContain('\n  school AND (wijk\n             ^');
  });
});

describe('qda search --code-as', () => {
  test('codes the hit paragraphs for a coder, says so on stderr, and leaves the project sound (the rows: tests/app/search.test.ts)', async () => {
    const dir = tempDir(CORPUS);
    const args = ['search', 'wijkteam*', '--codebook', BOOK, '--code-as', 'organisation.roles', '--coder', 'ana', '--format', 'json'];
    const r = await qda(args, { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).hits).toHaveLength(3);
    expect(r.stderr).toBe(
      '3 paragraphs with a hit: 3 coded organisation.roles for ana in codings/ana.csv\n3 hits in 3 segments of 2 documents (searched 4 segments of 2 documents)\n',
    );
    expect(readFileSync(join(dir, 'codings/ana.csv'), 'utf8').split('\r\n')).toHaveLength(5);
    const check = await qda(['check', '--codebook', BOOK], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(': 0 errors, 0 warnings');
  });

  test('needs a coder and a code of the codebook; writes nothing otherwise', async () => {
    const dir = tempDir(CORPUS);
    const noCoder = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.roles'], { cwd: dir });
    expect(noCoder.code).toBe(2);
    expect(noCoder.stderr).toContain('--code-as needs --coder NAME');
    const unknown = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.rol', '--coder', 'ana'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'error: --code-as: unknown code "organisation.rol"; did you mean organisation.roles?\n  use a code id of the codebook\n',
    );
    const bad = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.roles', '--coder', '../x'], { cwd: dir });
    expect(bad.code).toBe(2);
    const none = await qda(['search', 'wijkteam', '--codebook', BOOK, '--speaker', 'X'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(existsSync(join(dir, 'codings'))).toBe(false);
  });
});
