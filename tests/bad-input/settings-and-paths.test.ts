// Bad settings, missing files and an output folder that is not a folder.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused, listFiles, spawnQda, STACK } from './shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';

describe('qda.yaml', () => {
  test('an unknown key gets a did-you-mean', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpsu: [corpus]\ncompareby: district\n', 'corpus/a.md': GOOD });
    for (const argv of [['check'], ['code'], ['matrix', '--format', 'csv'], ['analyse']]) {
      const r = await qda(argv, { cwd: dir });
      expectRefused(r, 'qda.yaml:1:1: error: unknown setting "corpsu"; did you mean "corpus"?');
      expect(r.stderr).toContain('qda.yaml:2:1: error: unknown setting "compareby"; did you mean "compareBy"?');
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('a bad unit names the line and the choices', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus: [corpus]\nunit: page\n', 'corpus/a.md': GOOD });
    for (const argv of [['check'], ['code', '--format', 'json'], ['analyse']]) {
      const r = await qda(argv, { cwd: dir });
      expectRefused(r, /^qda\.yaml:2:7: error: unit "page" is not known/m);
      expect(r.stderr).toContain('paragraph, turn, sentence');
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('skipSpeakers: [] is no speaker to skip, not an error', async () => {
    const dir = tempDir({
      'qda.yaml': 'corpus: [corpus]\nskipSpeakers: []\n',
      'corpus/a.md': '---\ndistrict: Hillesluis\n---\n\n**I:** Hoe gaat het met de wachtlijst?\n',
    });
    const r = await qda(['code', '--format', 'json', '-q'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [segment] = JSON.parse(r.stdout).documents[0].segments;
    expect(segment.skipped).toBeUndefined();
    expect(segment.codes.map((c: { id: string }) => c.id)).toContain('institutional.capacity');
    const missing = await qda(['code'], { cwd: tempDir({ 'qda.yaml': 'corpus: [corpus]\nskipSpeakers:\n', 'corpus/a.md': GOOD }) });
    expectRefused(missing, '`skipSpeakers` must be a list of text');
  });

  test('broken YAML in qda.yaml', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus: [corpus\nunit: paragraph\n', 'corpus/a.md': GOOD });
    const r = await qda(['code'], { cwd: dir });
    expectRefused(r, /^qda\.yaml:\d+:\d+: error: /m);
  });
});

describe('missing files', () => {
  test('--codebook pointing to a missing file: exit 1 with a message', async () => {
    const dir = tempDir({ 'a.md': GOOD });
    for (const argv of [['check'], ['code'], ['excerpts'], ['matrix'], ['analyse']]) {
      const r = await qda([...argv, '--codebook', 'codebooks/nope.yaml'], { cwd: dir });
      expectRefused(r, 'codebook codebooks/nope.yaml not found');
    }
    expect(listFiles(dir)).toEqual(['a.md']);
  });

  test('a path argument that does not exist: exit 1, a problem with the input (DESIGN.md §6)', async () => {
    const dir = tempDir({ 'a.md': GOOD });
    for (const argv of [['check'], ['code'], ['excerpts'], ['matrix'], ['cooccur'], ['summary'], ['analyse']]) {
      const r = await qda([...argv, 'no/such/folder'], { cwd: dir });
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr).toContain('no transcripts found at no/such/folder: no such file or folder');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
    }
    expect(listFiles(dir)).toEqual(['a.md']);
  });

  test('a folder without transcripts: exit 1 with a message, for every command, nothing written', async () => {
    const dir = tempDir({ 'empty/notes.pdf': 'not a transcript', 'project/qda.yaml': 'corpus: [corpus/**/*.md]\n' });
    for (const argv of [['check'], ['code'], ['excerpts'], ['matrix'], ['cooccur'], ['summary'], ['report'], ['review', 'export'], ['analyse']]) {
      expectRefused(await qda([...argv, 'empty'], { cwd: dir }), 'no transcripts (*.md, *.markdown, *.txt) in empty');
      // the glob comes from qda.yaml, so it is said at its line there
      expectRefused(
        await qda([...argv, 'project'], { cwd: dir }),
        'project/qda.yaml:1:10: error: corpus glob "corpus/**/*.md" matches no transcripts',
      );
    }
    expect(listFiles(dir)).toEqual(['empty/notes.pdf', 'project/qda.yaml']);
  });

  test.runIf(BUILT)('the same from a separate process', () => {
    const dir = tempDir({ 'a.md': GOOD });
    const missing = spawnQda(['analyse', 'nope.md'], dir, 20_000);
    expect(missing.status).toBe(1);
    expect(missing.stderr).not.toMatch(STACK);
    const book = spawnQda(['code', '--codebook', 'nope.yaml'], dir, 20_000);
    expect(book.status).toBe(1);
    expect(book.stdout).toBe('');
    expect(book.stderr).toContain('nope.yaml');
  });
});

describe('--out that is an existing file', () => {
  test('qda analyse --out FILE: a clear message, exit 1 or 2, the file untouched', async () => {
    const dir = tempDir({ 'corpus/a.md': GOOD, results: 'not a folder\n' });
    const before = statSync(join(dir, 'results')).mtimeMs;
    const r = await qda(['analyse', 'corpus', '--out', 'results'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('internal error');
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/results/);
    expect(r.stderr).toMatch(/is a file; name a folder/);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'results'), 'utf8')).toBe('not a folder\n');
    expect(statSync(join(dir, 'results')).mtimeMs).toBe(before);
    expect(listFiles(dir)).toEqual(['corpus/a.md', 'results']);
  });

  test('out: FILE in qda.yaml', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus: [corpus]\nout: results\n', 'corpus/a.md': GOOD, results: 'x' });
    const r = await qda(['analyse'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/results/);
    expect(readFileSync(join(dir, 'results'), 'utf8')).toBe('x');
  });

  test('qda matrix --out below a file', async () => {
    const dir = tempDir({ 'a.md': GOOD, results: 'x' });
    const r = await qda(['matrix', 'a.md', '--format', 'csv', '--out', 'results/m.csv'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect([1, 2]).toContain(r.code);
    expect(r.stdout).toBe('');
    expect(listFiles(dir)).toEqual(['a.md', 'results']);
  });

  test('qda matrix --out naming an existing folder: exit 1 or 2, no stack trace, no temporary file left', async () => {
    const dir = tempDir({ 'a.md': GOOD, 'results/keep.txt': 'x' });
    const r = await qda(['matrix', 'a.md', '--format', 'csv', '--out', 'results'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toMatch(/results/);
    expect(r.stdout).toBe('');
    expect(listFiles(dir)).toEqual(['a.md', 'results/keep.txt']);
  });

  test.runIf(BUILT)('from a separate process', () => {
    const dir = tempDir({ 'a.md': GOOD, results: 'x' });
    const r = spawnQda(['analyse', 'a.md', '--out', 'results'], dir, 20_000);
    expect([1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });
});
