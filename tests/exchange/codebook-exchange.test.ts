// qda codebook import of files it cannot read says what it takes; Taguette's CSV comes in and goes out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/load.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const ROTTERDAM = join(process.cwd(), 'examples', 'rotterdam');

describe('qda codebook import: files it cannot read', () => {
  it('a CSV without an id column: the columns it has and the ones it needs', async () => {
    const dir = tempDir({ 'bad.csv': 'code,meaning\nfood,About food\n' });
    const out = await qda(['codebook', 'import', join(dir, 'bad.csv')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(
      "bad.csv:1:1: error: its columns are `code`, `meaning`, and none is `id`; a codebook CSV needs a column `id` (and may have `parent`, `label`, `description`, `include`, `exclude`, `examples`, `terms`, `color`), or Taguette's columns `tag` and `description`",
    );
  });

  it('a YAML file: it takes .qdc or .csv, and a YAML codebook is used as it is', async () => {
    const dir = tempDir({ 'bad.yaml': 'name: x\ncodes: []\n' });
    const out = await qda(['codebook', 'import', join(dir, 'bad.yaml')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /bad\.yaml: qda codebook import reads a REFI-QDA codebook \(\.qdc\) or a CSV \(\.csv\); a \.yaml file is already a qda codebook/,
    );
    expect(out.stderr).toMatch(/--codebook .*bad\.yaml/);
    expect(out.stderr).not.toContain('XML');
  });

  it('another kind of file is named by its extension', async () => {
    const dir = tempDir({ 'codes.docx': 'PK' });
    const out = await qda(['codebook', 'import', join(dir, 'codes.docx')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('codes.docx: qda codebook import reads a REFI-QDA codebook (.qdc) or a CSV (.csv), not a .docx');
  });
});

describe("Taguette's codebook CSV", () => {
  it('imports tag and description, dotted tags under their parent', async () => {
    const dir = tempDir({
      'tags.csv':
        'tag,description,number of highlights\nemotions,Feelings people name,4\nemotions.joy,Being glad,2\nTrust in the team,,1\nloose.end,No parent tag,0\n',
    });
    const out = await qda(['codebook', 'import', join(dir, 'tags.csv'), '--quiet']);
    expect(out.code, out.stderr).toBe(0);
    const book = parseCodebook('tags.yaml', out.stdout);
    expect(book.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(book.codebook!.codes.map((c) => [c.id, c.parent, c.label['*'], c.description?.['*']])).toEqual([
      ['emotions', undefined, 'emotions', 'Feelings people name'],
      ['emotions.joy', 'emotions', 'emotions.joy', 'Being glad'],
      ['trust-in-the-team', undefined, 'Trust in the team', undefined],
      ['loose-end', undefined, 'loose.end', 'No parent tag'],
    ]);
  });

  it('exports tag and description, and that reads back with the same ids and parents', async () => {
    const dir = tempDir();
    const csv = join(dir, 'taguette.csv');
    const out = await qda(['codebook', 'export', ROTTERDAM, '--format', 'taguette', '--out', csv]);
    expect(out.code, out.stderr).toBe(0);
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\r\n')[0]).toBe('tag,description');
    const back = await qda(['codebook', 'import', csv, '--quiet']);
    expect(back.code, back.stderr).toBe(0);
    const hall = parseCodebook('hall.yaml', readFileSync(join(process.cwd(), 'codebooks', 'hall.yaml'), 'utf8')).codebook!;
    const again = parseCodebook('t.yaml', back.stdout).codebook!;
    expect(again.codes.map((c) => [c.id, c.parent])).toEqual(hall.codes.map((c) => [c.id, c.parent]));
  });
});

describe('the QDC round trip keeps what only qda reads', () => {
  it('terms, patterns, not, examples and minHits come back from qda-… lines of the description', async () => {
    const dir = tempDir();
    const qdc = join(dir, 'hall.qdc');
    expect((await qda(['codebook', 'export', ROTTERDAM, '--format', 'qdc', '--out', qdc, '--quiet'])).code).toBe(0);
    const xml = readFileSync(qdc, 'utf8');
    expect(xml).toMatch(/qda-terms: \{"nl":\[/);
    const back = await qda(['codebook', 'import', qdc, '--quiet']);
    expect(back.code, back.stderr).toBe(0);
    const hall = parseCodebook('hall.yaml', readFileSync(join(process.cwd(), 'codebooks', 'hall.yaml'), 'utf8')).codebook!;
    const again = parseCodebook('back.yaml', back.stdout);
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rules = (b: typeof hall) =>
      b.codes.map((c) => ({ id: c.id, terms: c.terms, patterns: c.patterns, not: c.not, examples: c.examples, minHits: c.minHits }));
    expect(rules(again.codebook!)).toEqual(rules(hall));
    expect(hall.codes.some((c) => Object.keys(c.patterns).length > 0 && Object.keys(c.not).length > 0 && c.examples.length > 0)).toBe(true);
  });

  it('a project import keeps the examples but not the terms, so the auto-coder does not code twice', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.qdpx');
    expect((await qda(['export', 'qdpx', file, ROTTERDAM, '--quiet'])).code).toBe(0);
    const into = join(dir, 'back');
    expect((await qda(['import', 'qdpx', file, '--into', into, '--quiet'])).code).toBe(0);
    const book = parseCodebook('i.yaml', readFileSync(join(into, 'codebooks', 'imported.yaml'), 'utf8')).codebook!;
    expect(book.codes.every((c) => Object.keys(c.terms).length === 0 && Object.keys(c.patterns).length === 0)).toBe(true);
    expect(book.codes.some((c) => c.examples.length > 0)).toBe(true);
  });
});
