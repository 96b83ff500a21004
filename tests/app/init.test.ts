// qda init as a library call: what the new project holds, as values, and the files behind them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { init, openCorpus } from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';

describe('init', () => {
  test('a new project: settings, samples, the HALL codebook, codings/ and memos/; it opens without errors', () => {
    const cwd = tempDir();
    const { result, diagnostics } = init('study', cwd);
    expect(diagnostics).toEqual([]);
    expect(result!.created.map((c) => c.path)).toEqual(['qda.yaml', 'codings/', 'memos/', 'corpus/', 'codebooks/hall.yaml', '.gitignore']);
    expect(result!.created[3].about).toMatch(/^2 fictional sample interviews/);
    expect(readdirSync(join(cwd, 'study', 'corpus')).length).toBe(2);
    expect(readFileSync(join(cwd, 'study', '.gitignore'), 'utf8')).toBe('out/\n');
    const opened = openCorpus(['study'], {}, cwd);
    expect(opened.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(opened.result!.files.length).toBe(2);
  });

  test('transcripts already in corpus/ are kept and get no samples; a second init changes nothing', () => {
    const cwd = tempDir({ 'study/corpus/mine.md': '# mine\n' });
    const { result } = init('study', cwd);
    expect(result!.created.find((c) => c.path === 'corpus/')!.about).toBe('kept as it was');
    expect(readdirSync(join(cwd, 'study', 'corpus'))).toEqual(['mine.md']);
    expect(() => init('study', cwd)).toThrow(/qda.yaml already exists; this folder is a project/);
    expect(existsSync(join(cwd, 'study', 'qda.yaml'))).toBe(true);
  });
});
