// Codings made by people: inline comments, sidecar files, the review sheet round trip, and agreement.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { rowsFor } from '../../src/corpus/pipeline.js';
import { anchorOf } from '../../src/manual/anchor.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = readFileSync('tests/fixtures/small-codebook.yaml', 'utf8');
const A = `---
district: Noord
---

**R:** We hebben korte lijnen met school. <!-- qda: -organisation.communication, personal.relations -->

**R:** De wachtlijst is lang.
<!-- qda: organisation.roles -->

**R:** Dit gaat over niets.
`;
const B = `---
district: Zuid
---

**R:** De regie ligt bij ons, en we appen veel.

**R:** Het vertrouwen groeit.
`;

function project(extra: Record<string, string> = {}): string {
  return tempDir({ 'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n', 'book.yaml': BOOK, 'corpus/a.md': A, 'corpus/b.md': B, ...extra });
}

interface MatrixJson {
  columns: string[];
  rows: { id: string; values: number[]; total: number }[];
}
const matrix = async (dir: string, ...args: string[]): Promise<MatrixJson> =>
  JSON.parse((await qda(['matrix', '--format', 'json', '-q', ...args], { cwd: dir })).stdout);
const cell = (m: MatrixJson, code: string, column: string) => m.rows.find((r) => r.id === code)!.values[m.columns.indexOf(column)];

describe('inline codes', () => {
  test('add and reject codes in matrices and excerpts; the comment is not part of the text', async () => {
    const dir = project();
    const m = await matrix(dir);
    expect(cell(m, 'organisation.communication', 'Noord')).toBe(0); // rejected inline
    expect(cell(m, 'personal.relations', 'Noord')).toBe(1); // added inline
    expect(cell(m, 'organisation.roles', 'Noord')).toBe(1); // added on the line after
    const json = JSON.parse((await qda(['code', '--format', 'json', '-q'], { cwd: dir })).stdout);
    const first = json.documents[0].segments[0];
    expect(first.text).toBe('We hebben korte lijnen met school.');
    expect(first.codes).toEqual([
      { id: 'personal.relations', cluster: 'personal', source: 'manual', coder: 'inline', score: null, hits: 0, evidence: [] },
    ]);
    const excerpts = (await qda(['excerpts', '--code', 'organisation.roles', '-q'], { cwd: dir })).stdout;
    expect(excerpts).toContain('De wachtlijst is lang.');
  });

  test('an unknown inline code is an error at the comment', async () => {
    const dir = project({ 'corpus/c.md': '---\ndistrict: Zuid\n---\n\nTekst. <!-- qda: organisation.rolez -->\n' });
    const r = await qda(['check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('corpus/c.md:5:8: error: unknown code "organisation.rolez"');
  });
});

describe('sidecar files', () => {
  const row = (document: string, paragraph: string, code: string, decision: string) => `${document},${anchorOf(paragraph)},${code},${decision},\n`;

  test('rows add and reject by anchor; anchors survive edits elsewhere; a changed paragraph is reported, not moved', async () => {
    const sidecar =
      'document,anchor,code,decision,note\n' +
      row('b', 'Het vertrouwen groeit.', 'institutional.capacity', 'add') +
      row('b', 'De regie ligt bij ons, en we appen veel.', 'organisation.roles', 'reject');
    const dir = project({ 'codings/ana.csv': sidecar });
    let m = await matrix(dir);
    expect(cell(m, 'institutional.capacity', 'Zuid')).toBe(1);
    expect(cell(m, 'organisation.roles', 'Zuid')).toBe(0);

    // A paragraph added above, and lines shifted: the codings still find their paragraphs.
    writeFileSync(join(dir, 'corpus/b.md'), B.replace('**R:** De regie', 'Een nieuwe inleiding.\n\n**R:** De regie'));
    m = await matrix(dir);
    expect(cell(m, 'institutional.capacity', 'Zuid')).toBe(1);

    // The coded paragraph itself changes: check reports the row, and the coding is not applied elsewhere.
    writeFileSync(join(dir, 'corpus/b.md'), B.replace('Het vertrouwen groeit.', 'Het vertrouwen groeit langzaam.'));
    const check = await qda(['check'], { cwd: dir });
    expect(check.stderr).toMatch(
      /codings\/ana\.csv:2:1: warning: the paragraph this institutional\.capacity coding of b points to has changed or is gone/,
    );
    m = await matrix(dir);
    expect(cell(m, 'institutional.capacity', 'Zuid')).toBe(0);
  });

  test('--manual-only and --coder narrow what is counted', async () => {
    const dir = project({
      'codings/ana.csv': 'document,anchor,code,decision\n' + row('b', 'Het vertrouwen groeit.', 'institutional.capacity', 'add'),
    });
    const manual = await matrix(dir, '--manual-only');
    expect(cell(manual, 'organisation.communication', 'Zuid')).toBe(0);
    expect(cell(manual, 'institutional.capacity', 'Zuid')).toBe(1);
    expect(cell(manual, 'personal.relations', 'Noord')).toBe(1);
    const ana = await matrix(dir, '--coder', 'ana');
    expect(ana.rows.reduce((n, r) => n + r.total, 0)).toBe(1);
    const auto = await matrix(dir, '--coder', 'qda');
    expect(cell(auto, 'organisation.communication', 'Zuid')).toBe(1);
  });

  test('unknown codes and bad decisions are errors with the row', async () => {
    const dir = project({
      'codings/ana.csv':
        'document,anchor,code,decision\n' +
        row('b', 'Het vertrouwen groeit.', 'nope', 'add') +
        row('b', 'Het vertrouwen groeit.', 'personal.relations', 'misschien'),
    });
    const r = await qda(['check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('codings/ana.csv:2:1: error: unknown code "nope"');
    expect(r.stderr).toContain('codings/ana.csv:3:1: error: decision "misschien" is neither add nor reject');
  });
});

describe('the review sheet', () => {
  test('auto-code → review export → decisions → review import → the matrix changes', async () => {
    const dir = project();
    const before = await matrix(dir);
    expect(cell(before, 'organisation.communication', 'Zuid')).toBe(1);
    expect(cell(before, 'institutional.capacity', 'Noord')).toBe(1);

    const exported = await qda(['review', 'export', '--out', 'review.csv', '--excel'], { cwd: dir });
    expect(exported.code).toBe(0);
    const sheet = readFileSync(join(dir, 'review.csv'), 'utf8');
    expect(sheet.startsWith('\uFEFFdocument;path;district;speaker;line;anchor;code;label;terms;text;decision;note')).toBe(true);
    const parsed = Papa.parse<string[]>(sheet.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    const [header, ...rows] = parsed;
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col('code')]).sort()).toEqual([
      'institutional.capacity',
      'organisation.communication',
      'organisation.communication',
      'organisation.roles',
      'personal.relations',
    ]);
    for (const r of rows) {
      if (r[col('code')] === 'organisation.communication' && r[col('document')] === 'b') r[col('decision')] = 'reject';
      if (r[col('code')] === 'institutional.capacity') r[col('decision')] = 'ja';
    }
    writeFileSync(join(dir, 'filled.csv'), Papa.unparse([header, ...rows], { delimiter: ';' }));

    const imported = await qda(['review', 'import', 'filled.csv', '--coder', 'ana'], { cwd: dir });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('imported 2 decisions of ana (1 add, 1 reject');
    const sidecar = readFileSync(join(dir, 'codings/ana.csv'), 'utf8');
    expect(sidecar.split('\r\n')[0]).toBe('document,anchor,code,decision,note,line,text');

    const after = await matrix(dir);
    expect(cell(after, 'organisation.communication', 'Zuid')).toBe(0);
    expect(cell(after, 'institutional.capacity', 'Noord')).toBe(1);
    const onlyAna = await matrix(dir, '--coder', 'ana');
    expect(cell(onlyAna, 'institutional.capacity', 'Noord')).toBe(1);
  });

  test('bad rows are reported with their row number and nothing is imported', async () => {
    const dir = project();
    await qda(['review', 'export', '--out', 'review.csv'], { cwd: dir });
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(dir, 'review.csv'), 'utf8'), { skipEmptyLines: true }).data;
    rows[0][header.indexOf('decision')] = 'reject';
    rows[1][header.indexOf('decision')] = 'misschien';
    rows[2][header.indexOf('code')] = 'no.such.code';
    rows[2][header.indexOf('decision')] = 'add';
    writeFileSync(join(dir, 'filled.csv'), Papa.unparse([header, ...rows]));
    const r = await qda(['review', 'import', 'filled.csv', '--coder', 'ana'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('filled.csv:3:1: error: row 3: decision "misschien" is not add or reject');
    expect(r.stderr).toContain('filled.csv:4:1: error: row 4: unknown code "no.such.code"');
    expect(r.stderr).toContain('nothing imported');
    expect(() => readFileSync(join(dir, 'codings/ana.csv'))).toThrow();
  });
});

describe('qda agree', () => {
  test('--data reproduces Krippendorff’s published alphas to three decimals', async () => {
    for (const [metric, alpha] of [
      ['nominal', 0.743],
      ['ordinal', 0.815],
      ['interval', 0.849],
      ['ratio', 0.797],
    ] as const) {
      const r = await qda(['agree', '--data', 'tests/fixtures/agreement/krippendorff-4-coders.csv', '--metric', metric, '--format', 'json', '-q']);
      expect(r.code).toBe(0);
      expect(Number(JSON.parse(r.stdout).rows[0].alpha.toFixed(3))).toBe(alpha);
    }
  });

  test('a coder without codings is a problem with the input (1); fewer than two coders is wrong usage (2)', async () => {
    const dir = project();
    const r = await qda(['agree', 'ana', 'qda'], { cwd: dir });
    expect(r.stderr).toContain('no codings of "ana"');
    expect(r.code).toBe(1);
    expect((await qda(['agree', 'qda'], { cwd: dir })).code).toBe(2);
  });
});

describe('rowsFor', () => {
  test('gives each document its own rows in file order, also after rows are added to the list', () => {
    const row = (document: string, line: number) => ({
      document,
      anchor: 'p-0',
      code: 'c',
      decision: 'add' as const,
      coder: 'ana',
      file: 'codings/ana.csv',
      line,
    });
    const rows = [row('a', 2), row('b', 3), row('a', 4)];
    const options = {
      encoding: 'utf-8',
      unit: 'paragraph' as const,
      skipSpeakers: [],
      read: () => new Uint8Array(),
      manual: { rows, selection: {} },
    };
    expect(rowsFor(options, 'a').map((r) => r.line)).toEqual([2, 4]);
    expect(rowsFor(options, 'c')).toEqual([]);
    rows.push(row('c', 5));
    expect(rowsFor(options, 'c').map((r) => r.line)).toEqual([5]);
    expect(rowsFor({ ...options, manual: undefined }, 'a')).toEqual([]);
  });
});
