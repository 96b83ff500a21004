// `qda review export --next N`: the paragraphs the model is least sure about come first.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { priority } from '../../src/learn/uncertain.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = 'tests/fixtures/learn';

async function trained(): Promise<string> {
  const dir = tempDir();
  for (const part of ['qda.yaml', 'codebook.yaml', 'corpus', 'codings']) cpSync(join(FIXTURE, part), join(dir, part), { recursive: true });
  expect((await qda(['learn', '--out', 'models/o.json', '-q'], { cwd: dir })).code).toBe(0);
  return dir;
}

type Row = Record<string, string>;
const sheet = (csv: string): Row[] => Papa.parse<Row>(csv, { header: true, skipEmptyLines: true }).data;
const paragraphs = (rows: Row[]) => [...new Set(rows.map((r) => `${r.document} ${r.anchor}`))];
/** A row's priority by the documented rule, from the sheet's own cells (minimum examples 8). */
const rowPriority = (r: Row) => priority(r.probability === '' ? undefined : Number(r.probability), Number(r.examples), 8);

describe('priority', () => {
  test('nearest 0.5 is least sure; fewer examples weigh up; no model counts as unsure', () => {
    expect(priority(0.5, 20, 8)).toBeGreaterThan(priority(0.6, 20, 8));
    expect(priority(0.4, 20, 8)).toBeCloseTo(priority(0.6, 20, 8), 12);
    expect(priority(0.97, 20, 8)).toBeLessThan(priority(0.6, 20, 8));
    expect(priority(0.6, 8, 8)).toBeGreaterThan(priority(0.6, 80, 8));
    expect(priority(undefined, 3, 8)).toBeGreaterThan(priority(0.5, 3, 8) - 1e-12);
    expect(priority(1, 0, 8)).toBe(0);
    expect(priority(0.5, 0, 8)).toBe(2);
  });
});

describe('qda review export --next', () => {
  test('unreviewed paragraphs, most uncertain first, N of them, a prefix of a longer list', async () => {
    const dir = await trained();
    const all = await qda(['review', 'export', '--model', 'models/o.json', '--next', '1000'], { cwd: dir });
    expect(all.code).toBe(0);
    const rows = sheet(all.stdout);
    expect(Object.keys(rows[0])).toEqual([
      'document',
      'path',
      'wijk',
      'speaker',
      'line',
      'anchor',
      'code',
      'label',
      'terms',
      'probability',
      'examples',
      'text',
      'decision',
      'note',
    ]);
    // the 40 paragraphs the researcher coded are never asked again
    const coded = new Set(sheet(readFileSync(join(dir, 'codings', 'onderzoeker.csv'), 'utf8')).map((r) => `${r.document} ${r.anchor}`));
    expect(paragraphs(rows).length).toBeGreaterThan(10);
    for (const p of paragraphs(rows)) expect(coded.has(p)).toBe(false);
    // each paragraph ranks by its most uncertain code, and the paragraphs come in that order
    const best = paragraphs(rows).map((p) => Math.max(...rows.filter((r) => `${r.document} ${r.anchor}` === p).map(rowPriority)));
    for (let i = 1; i < best.length; i++) expect(best[i]).toBeLessThanOrEqual(best[i - 1] + 1e-9);
    expect(best[0]).toBeGreaterThan(best[best.length - 1]);
    // within a paragraph, the most uncertain code is its first row
    const first = rows.find((r) => `${r.document} ${r.anchor}` === paragraphs(rows)[0])!;
    expect(rowPriority(first)).toBeCloseTo(best[0], 9);

    const three = await qda(['review', 'export', '--model', 'models/o.json', '--next', '3'], { cwd: dir });
    const top = sheet(three.stdout);
    expect(paragraphs(top)).toEqual(paragraphs(rows).slice(0, 3));
    expect(three.stderr).toContain('3 paragraphs where o is least sure');
  });

  test('a paragraph decided on in the sheet is not asked again', async () => {
    const dir = await trained();
    const before = sheet((await qda(['review', 'export', '--model', 'models/o.json', '--next', '2'], { cwd: dir })).stdout);
    const filled = before.map((r) => ({ ...r, decision: 'reject' }));
    writeFileSync(join(dir, 'next.csv'), Papa.unparse(filled));
    expect((await qda(['review', 'import', 'next.csv', '--coder', 'tweede', '-q'], { cwd: dir })).code).toBe(0);
    const after = sheet((await qda(['review', 'export', '--model', 'models/o.json', '--next', '2'], { cwd: dir })).stdout);
    for (const p of paragraphs(before)) expect(paragraphs(after)).not.toContain(p);
  });

  test('without a model, or with a bad N, a clear message', async () => {
    const dir = await trained();
    const none = await qda(['review', 'export', '--next', '5'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('--next needs a model to say where it is unsure: name one with --model FILE or model: in qda.yaml');
    const bad = await qda(['review', 'export', '--model', 'models/o.json', '--next', '0'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--next must be a whole number of paragraphs');
    // model: in qda.yaml is enough
    writeFileSync(join(dir, 'qda.yaml'), `${readFileSync(join(dir, 'qda.yaml'), 'utf8')}model: models/o.json\n`);
    expect((await qda(['review', 'export', '--next', '1', '-q'], { cwd: dir })).code).toBe(0);
  });
});
