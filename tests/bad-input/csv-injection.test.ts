// Formula injection: no CSV text cell qda writes starts with = + - or @, whatever the transcripts hold;
// a plain number (-1, -0.500) is data, not a formula, and is written as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { listFiles, STACK } from './shared.js';

const EVIL = ["=cmd|' /C calc'!A0", '+1+1', '-1-1', '@SUM(A1)'];
const yamlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Transcripts with formulas at the start of paragraphs, in attributes, list attributes, headings, ids and speaker roles. */
function corpus(): string {
  const files: Record<string, string> = {};
  EVIL.forEach((evil, i) => {
    files[`d${i}.md`] = [
      '---',
      `district: ${yamlString(evil)}`,
      `role: ${yamlString(evil)}`,
      `wave: [${yamlString(evil)}, ${yamlString(evil)}]`,
      `speakers: { I: ${yamlString(`${evil} interviewer`)}, R: ${yamlString(evil)} }`,
      '---',
      '',
      `# ${evil}`,
      '',
      `${evil} korte lijnen met de school.`,
      '',
      `**I:** ${evil} Hoe is de samenwerking met het wijkteam?`,
      '',
      `**R:** ${evil} De wachtlijst is lang, dat is een probleem.`,
      '',
    ].join('\n');
  });
  files['e.md'] = `---\nid: ${yamlString('=HYPERLINK("http://x")')}\ndistrict: '-2+3'\n---\n\n@foo korte lijnen.\n`;
  files['-1.md'] = `---\ndistrict: '+31 10 123'\n---\n\n-1 korte lijnen. Wachtlijst.\n`;
  return tempDir(files);
}

function cellsOf(text: string, delimiter = ','): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

function expectNoFormula(rows: string[][], what: string): void {
  expect(rows.length, what).toBeGreaterThan(1);
  const number = /^[-+]?\d+([.,]\d+)?%?$/;
  const bad = rows.flat().filter((cell) => /^[=+\-@]/.test(cell) && !number.test(cell));
  expect(bad, what).toEqual([]);
}

describe('CSV cells never start with = + - @', () => {
  test.each([
    [['code', '.', '--format', 'csv']],
    [['excerpts', '.', '--format', 'csv']],
    [['excerpts', '.', '--format', 'csv', '--context', '1']],
    [['matrix', '.', '--format', 'csv']],
    [['matrix', '.', '--format', 'csv', '--level', 'cluster']],
    [['matrix', '.', '--format', 'csv', '--by', 'role']],
    [['matrix', '.', '--format', 'csv', '--by', 'wave']],
    [['matrix', '.', '--format', 'csv', '--by', 'speaker']],
    [['matrix', '.', '--format', 'csv', '--by', 'document']],
    [['cooccur', '.', '--format', 'csv']],
  ])('%j', async (argv) => {
    const dir = corpus();
    for (const excel of [false, true]) {
      const r = await qda(excel ? [...argv, '--excel'] : argv, { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(STACK);
      const rows = cellsOf(r.stdout, excel ? ';' : ',');
      expectNoFormula(rows, `${argv.join(' ')}${excel ? ' --excel' : ''}`);
    }
  });

  test('the formulas are kept, neutralised with a leading quote, not dropped', async () => {
    const dir = corpus();
    const r = await qda(['code', '.', '--format', 'csv'], { cwd: dir });
    const cells = cellsOf(r.stdout).flat();
    for (const evil of EVIL) expect(cells).toContain(`'${evil}`);
    expect(cells).toContain(`'${EVIL[0]} korte lijnen met de school.`);
    const m = await qda(['matrix', '.', '--format', 'csv'], { cwd: dir });
    const header = cellsOf(m.stdout)[0];
    for (const evil of EVIL) expect(header).toContain(`'${evil}`);
  });

  test('a district that is a number stays a number', async () => {
    const dir = tempDir({ 'a.md': "---\ndistrict: '-1'\n---\n\nKorte lijnen.\n", 'b.md': "---\ndistrict: '-2 wijk'\n---\n\nKorte lijnen.\n" });
    const m = await qda(['matrix', '.', '--format', 'csv', '-q'], { cwd: dir });
    expect(cellsOf(m.stdout)[0]).toEqual(['code', 'label', '-1', "'-2 wijk", 'Totaal']);
  });

  test('every CSV that qda analyse writes', async () => {
    const dir = corpus();
    for (const excel of [false, true]) {
      const out = excel ? 'res-excel' : 'res';
      const r = await qda(['analyse', '.', '--out', out, ...(excel ? ['--excel'] : [])], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(STACK);
      const csvs = listFiles(join(dir, out)).filter((f) => f.endsWith('.csv'));
      expect(csvs.sort()).toEqual(['codings.csv', 'cooccurrence.csv', 'excerpts.csv', 'matrix-clusters.csv', 'matrix-codes.csv']);
      for (const f of csvs) expectNoFormula(cellsOf(readFileSync(join(dir, out, f), 'utf8'), excel ? ';' : ','), `${out}/${f}`);
    }
  });

  test('codebook labels and names that look like formulas', async () => {
    const dir = corpus();
    const book = [
      "name: '=book'",
      'language: nl',
      'codes:',
      '  - id: x',
      `    label: { nl: ${yamlString(EVIL[0])}, en: '+x' }`,
      '    children:',
      '      - id: x.y',
      `        label: { nl: ${yamlString(EVIL[3])}, en: '-y' }`,
      '        terms: [school, wachtlijst]',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'book.yaml'), book);
    for (const argv of [
      ['code', '.', '--format', 'csv'],
      ['excerpts', '.', '--format', 'csv'],
      ['matrix', '.', '--format', 'csv'],
      ['matrix', '.', '--format', 'csv', '--level', 'cluster'],
      ['cooccur', '.', '--format', 'csv'],
    ]) {
      const r = await qda([...argv, '--codebook', 'book.yaml'], { cwd: dir });
      expect(r.code).toBe(0);
      expectNoFormula(cellsOf(r.stdout), argv.join(' '));
    }
  });
});

describe('a CSV opened with the other delimiter runs no formula', () => {
  // Dutch Excel splits a comma file on ;, and an English one a ; file on ,.
  test.each([
    [false, ';'],
    [true, ','],
  ])('--excel %s read as split on %s', async (excel, other) => {
    const dir = tempDir({ 'a.md': '---\ndistrict: "x;=1+1;"\n---\n\nx;=1+1; korte lijnen, +cmd|x; wachtlijst,@SUM(A1)\n' });
    for (const argv of [
      ['code', '.', '--format', 'csv'],
      ['excerpts', '.', '--format', 'csv'],
      ['matrix', '.', '--format', 'csv', '--by', 'district'],
    ]) {
      const r = await qda([...argv, ...(excel ? ['--excel'] : [])], { cwd: dir });
      expect(r.code).toBe(0);
      const rows = Papa.parse<string[]>(r.stdout.replace(/^\uFEFF/, ''), { delimiter: other, quoteChar: '\u0000', skipEmptyLines: true }).data;
      const cells = rows.flat().map((c) => c.replace(/^"/, ''));
      expect(
        cells.filter((c) => /^[=+\-@]/.test(c) && !/^[-+]?\d+([.,]\d+)?%?$/.test(c)),
        argv.join(' '),
      ).toEqual([]);
      expect(r.stdout).toContain("x;'=1+1;");
    }
  });
});
