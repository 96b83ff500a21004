// Input that would hang or exhaust memory: named pipes, devices, symbolic link loops, YAML aliases
// that expand, files larger than the limit. Each is skipped with a warning or refused with a message.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused, expectWarned, listFiles, spawnQda, STACK } from './shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';
const POSIX = process.platform !== 'win32';

function mkfifo(path: string): boolean {
  try {
    execFileSync('mkfifo', [path]);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!POSIX || !BUILT)('files that are not regular files', () => {
  test('a named pipe and a link to /dev/zero in the corpus are skipped with a warning; analyse finishes', () => {
    const dir = tempDir({ 'corpus/good.md': GOOD });
    if (!mkfifo(join(dir, 'corpus/pipe.md'))) return;
    symlinkSync('/dev/zero', join(dir, 'corpus/zero.md'));
    const r = spawnQda(['analyse', 'corpus', '--out', 'out'], dir, 60_000);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^corpus\/pipe\.md: warning: skipped: is a named pipe \(FIFO\), not a regular file/m);
    expect(r.stderr).toMatch(/^corpus\/zero\.md: warning: skipped: is a symbolic link to a character device, not a regular file/m);
    expect(r.stderr).toContain('analysed 1 document');
    expect(r.stderr).not.toMatch(STACK);
  });

  test('a named pipe given by name is skipped too; the other file is coded', () => {
    const dir = tempDir({ 'good.md': GOOD });
    if (!mkfifo(join(dir, 'pipe.md'))) return;
    const r = spawnQda(['code', 'pipe.md', 'good.md', '--format', 'json'], dir, 30_000);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^pipe\.md: warning: skipped: is a named pipe/m);
    expect(JSON.parse(r.stdout).documents).toHaveLength(1);
  });
});

describe.skipIf(!POSIX)('symbolic links', () => {
  test('a link to a regular file outside the corpus is read; a broken link and a link to itself are skipped', async () => {
    const dir = tempDir({ 'elsewhere/other.md': '---\ndistrict: Feijenoord\n---\n\nDe buurtcoach belt de school.\n', 'corpus/good.md': GOOD });
    symlinkSync('../elsewhere/other.md', join(dir, 'corpus/other.md'));
    symlinkSync('missing.md', join(dir, 'corpus/broken.md'));
    symlinkSync('self.md', join(dir, 'corpus/self.md'));
    const r = await qda(['code', 'corpus', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents.map((d: { id: string }) => d.id)).toEqual(['good', 'other']);
    expect(r.stderr).toMatch(/corpus\/broken\.md: warning: skipped: is a symbolic link to a file that does not exist/);
    expect(r.stderr).toMatch(/corpus\/self\.md: warning: skipped: is a symbolic link that leads round in a loop/);
  });

  test('a link to a folder above (a loop) ends, and each file is read once', async () => {
    const dir = tempDir({ 'corpus/good.md': GOOD, 'corpus/sub/more.md': GOOD.replace('Hillesluis', 'Afrikaanderwijk') });
    symlinkSync('..', join(dir, 'corpus/sub/up'));
    const r = await qda(['code', 'corpus', '--format', 'json'], { cwd: dir });
    expectWarned(r, /corpus\/sub\/up\/good\.md: warning: skipped: is the file corpus\/good\.md again, reached through a symbolic link/);
    expect(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path)).toEqual(['corpus/good.md', 'corpus/sub/more.md']);
  });

  test('a hard link is a file of its own: both names are read (the same file twice is told by its real path, not its inode)', async () => {
    const dir = tempDir({ 'corpus/good.md': GOOD });
    linkSync(join(dir, 'corpus/good.md'), join(dir, 'corpus/copy.md'));
    const r = await qda(['code', 'corpus', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('again');
    expect(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path)).toEqual(['corpus/copy.md', 'corpus/good.md']);
  });
});

describe('YAML aliases that expand', () => {
  // A few hundred bytes on disk; each alias copies a 2,000-character value, 90 times.
  const long = 'samenwerking '.repeat(160);
  const expanding = `---\ndistrict: Crooswijk\nnote: &n "${long}"\ncopies: [${Array(90).fill('*n').join(', ')}]\n---\n\nDe wijkagent komt langs.\n`;

  test('a front matter whose aliases copy a long value many times is refused at the first alias', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'copies.md': expanding });
    for (const argv of [
      ['check', '.'],
      ['code', '.', '--format', 'csv'],
      ['analyse', '.', '--out', 'res'],
    ]) {
      const r = await qda(argv, { cwd: dir });
      expectRefused(r, /^copies\.md:4:\d+: error: YAML aliases \(\*name\) make this more than 65536 characters larger than written/m);
    }
    expect(listFiles(join(dir, 'res'))).toEqual([]);
  });

  test('a few aliases of short values stay allowed', async () => {
    const dir = tempDir({ 'ok.md': '---\ndistrict: &d Crooswijk\nwijk: *d\n---\n\nDe wijkagent komt langs.\n' });
    const r = await qda(['code', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].attributes).toEqual({ district: 'Crooswijk', wijk: 'Crooswijk' });
  });

  test('a codebook with an alias bomb is refused with its file and line', async () => {
    const lines = ['name: bom', 'language: nl', 'x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `x${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    lines.push('codes:', '  - id: samen', '    label: Samenwerking', '    terms:', '      nl: [samenwerking]', '');
    const dir = tempDir({ 'good.md': GOOD, 'bom.yaml': lines.join('\n') });
    const r = await qda(['check', '.', '--codebook', 'bom.yaml'], { cwd: dir });
    expectRefused(r, /^bom\.yaml:4:\d+: error: YAML aliases \(\*name\) are used more than 100 times/m);
  });

  test('a codebook whose aliases copy a long description many times is refused', async () => {
    const text = [
      'name: lang',
      'language: nl',
      `description: &d "${long}"`,
      `copies: [${Array(60).fill('*d').join(', ')}]`,
      'codes:',
      '  - id: samen',
      '    label: Samenwerking',
      '    terms:',
      '      nl: [samenwerking]',
      '',
    ].join('\n');
    const dir = tempDir({ 'good.md': GOOD, 'lang.yaml': text });
    const r = await qda(['check', '.', '--codebook', 'lang.yaml'], { cwd: dir });
    expectRefused(r, /^lang\.yaml:4:\d+: error: YAML aliases \(\*name\) make this more than 65536 characters larger/m);
  });
});

describe('--max-file-size', () => {
  const big = `---\ndistrict: Charlois\n---\n\n${'We werken samen met de school en de wijkagent. '.repeat(2200)}\n`; // about 105 KB

  test('a file above the limit is refused with its name, its size and the flag to raise it; nothing is written', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'groot.md': big });
    const r = await qda(['analyse', '.', '--out', 'res', '--max-file-size', '100KB'], { cwd: dir });
    expectRefused(r, /^groot\.md: error: file is 103\.4KB, more than the 100KB qda reads in one file/m);
    expect(r.stderr).toContain('--max-file-size 1MB');
    expect(listFiles(join(dir, 'res'))).toEqual([]);
  });

  test('a higher limit reads it; the default reads it too', async () => {
    const dir = tempDir({ 'groot.md': big });
    for (const extra of [['--max-file-size', '1MB'], []]) {
      const r = await qda(['code', '.', '--format', 'json', ...extra], { cwd: dir });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).documents).toHaveLength(1);
    }
  });

  test('a size that is not one is wrong usage', async () => {
    const dir = tempDir({ 'good.md': GOOD });
    const r = await qda(['code', '.', '--max-file-size', 'veel'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-file-size must be a size such as 200MB or 1G, not "veel"');
  });

  test.skipIf(!BUILT)('a file in a subfolder above the limit is refused by a separate process too', () => {
    const dir = tempDir({ 'good.md': GOOD });
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub/groot.md'), big);
    const r = spawnQda(['check', '.', '--max-file-size', '0.1MB'], dir, 30_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^sub\/groot\.md: error: file is 103\.4KB, more than the 100KB/m);
  });
});
