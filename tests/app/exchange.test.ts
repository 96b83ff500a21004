// Export and import of REFI-QDA projects and codebooks as library calls: results and problems come
// back as values, nothing is printed.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportCodebook, exportQdpx, importCodebook, importQdpx, openCorpus } from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';

const MAXQDA = 'tests/fixtures/refi-qda/maxqda-24-imitation_project.qde';

describe('exportQdpx() and importQdpx()', () => {
  test('a project goes out and comes back with its documents, codes and memos', async () => {
    const dir = tempDir();
    const opened = openCorpus(['examples/rotterdam'], {}, process.cwd());
    const exported = await exportQdpx(opened.result!, { file: join(dir, 'r.qdpx') });
    expect(exported.diagnostics).toEqual([]);
    expect(exported.result).toMatchObject({ documents: 15, codes: 20, memos: 7, validated: false });
    expect(readdirSync(dir)).toEqual(['r.qdpx']);
    const imported = importQdpx({ file: join(dir, 'r.qdpx'), into: join(dir, 'p'), cwd: process.cwd() });
    expect(imported.diagnostics).toEqual([]);
    expect(imported.result).toMatchObject({ sources: 15, codes: 20, memos: 7 });
    expect(imported.result!.origin).toMatch(/^qda /);
    expect(existsSync(join(dir, 'p', 'qda.yaml'))).toBe(true);
  });

  test('what is left out, and a file that is no project, are diagnostics at the file', () => {
    const dir = tempDir({ 'bad.qdpx': 'PK not really a zip' });
    const left = importQdpx({ file: MAXQDA, into: join(dir, 'm'), cwd: process.cwd() });
    expect(left.result!.codes).toBe(8);
    expect(left.diagnostics).toEqual([
      expect.objectContaining({
        file: MAXQDA,
        severity: 'warning',
        rule: 'qdpx/left-out',
        message: expect.stringMatching(/^left out 3 text sources whose text file is missing/),
      }),
    ]);
    const bad = importQdpx({ file: 'bad.qdpx', into: 'out', cwd: dir });
    expect(bad.result).toBeUndefined();
    expect(bad.diagnostics).toEqual([expect.objectContaining({ file: 'bad.qdpx', severity: 'error', rule: 'qdpx/archive' })]);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('exportCodebook() and importCodebook()', () => {
  test('QDC out and back: the same number of codes, and a problem of the file at its line', () => {
    const dir = tempDir({ 'bad.qdc': '<CodeBook>\n<Codes></CodeBook>' });
    const out = exportCodebook(['examples/rotterdam'], {}, process.cwd(), 'qdc');
    expect(out.diagnostics).toEqual([]);
    writeFileSync(join(dir, 'b.qdc'), out.result!.text);
    const back = importCodebook({ file: 'b.qdc', cwd: dir });
    expect(back.result!.codes).toBe(out.result!.codes);
    const bad = importCodebook({ file: 'bad.qdc', cwd: dir });
    expect(bad.diagnostics).toEqual([expect.objectContaining({ file: 'bad.qdc', line: 2, rule: 'qdc/xml', severity: 'error' })]);
  });
});
