// A narrated article on the command line: excerpts carry a speaker only where a person is quoted.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const ARTICLE = readFileSync('tests/fixtures/ingest/article.md', 'utf8');
const BOOK = 'name: t\nlanguage: en\ncodes:\n  - id: families\n    terms: [family, parent, child, school]\n';

describe('narration on the command line', () => {
  test('excerpts of a narrated article: quotes have their speaker, narration none', async () => {
    const dir = tempDir({ 'article.md': ARTICLE, 'book.yaml': BOOK });
    const r = await qda(['excerpts', 'article.md', '--codebook', 'book.yaml', '--format', 'json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const excerpts = JSON.parse(r.stdout).codes[0].excerpts as { lines: { start: number }; speaker?: string; speakerRole?: string }[];
    expect(excerpts.map((e) => [e.lines.start, e.speaker, e.speakerRole])).toEqual([
      [12, undefined, undefined],
      [15, 'Amina', 'community worker'],
      [23, undefined, undefined],
      [26, 'Amina', 'community worker'],
    ]);
  });

  test('--skip-speaker leaves the quotes uncoded and codes the narration', async () => {
    const dir = tempDir({ 'article.md': ARTICLE, 'book.yaml': BOOK });
    const r = await qda(
      ['excerpts', 'article.md', '--codebook', 'book.yaml', '--skip-speaker', 'community worker,school nurse', '--format', 'json', '-q'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).codes[0].excerpts.map((e: { lines: { start: number } }) => e.lines.start)).toEqual([12, 23]);
  });

  test('a `narration` that is not true or false: file:line:col, exit 1', async () => {
    const dir = tempDir({ 'article.md': ARTICLE.replace('narration: true', 'narration: mostly'), 'book.yaml': BOOK });
    const r = await qda(['check', 'article.md', '--codebook', 'book.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('article.md:6:1: error: `narration` must be true or false');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
