// File names are the user's: escapes and newlines in them reach no terminal or citation raw, and
// two names that differ only in Unicode normalisation are pointed out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { STACK } from './shared.js';

const ESC = '\u001b';

describe('control characters in file names', () => {
  test('diagnostics and citations show them escaped', async () => {
    const name = `a${ESC}[2J${ESC}[31mrood\nfake.md:1:1: error: x.md`;
    const dir = tempDir({ [name]: '---\ndistrict: Noord\n---\n\nKorte lijnen met school.\n', [`leeg${ESC}]0;titel\u0007.md`]: '' });
    const check = await qda(['check', '.'], { cwd: dir });
    const excerpts = await qda(['excerpts', '.', '--format', 'md', '-q'], { cwd: dir });
    const code = await qda(['code', '.', '--format', 'md', '-q'], { cwd: dir });
    for (const r of [check, excerpts, code]) {
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr + r.stdout).not.toContain(ESC);
      expect(`${r.stderr}${r.stdout}`.split('\n').some((l) => l.startsWith('fake.md'))).toBe(false);
    }
    expect(excerpts.stdout).toContain('a\\x1b[2J\\x1b[31mrood\\nfake.md:1:1: error: x.md:5');
    expect(check.stderr).toContain('leeg\\x1b]0;titel\\x07.md: warning: file is empty');
  });
});

describe('names in NFC and NFD', () => {
  test('two transcripts whose names look the same are warned about', async () => {
    const nfc = 'café'.normalize('NFC');
    const nfd = 'café'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const dir = tempDir({ [`${nfc}.md`]: 'Korte lijnen.\n', [`${nfd}.md`]: 'De wachtlijst.\n' });
    const r = await qda(['check', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(
      /warning: document id ".+" looks the same as the id of .+\.md but is written with other Unicode code points \(NFC and NFD\)/,
    );
  });
});

describe('control characters, | and line breaks in attribute values and code labels', () => {
  // A district and a code label as a careless export or a hostile file could hold them.
  const DISTRICT = 'Noord\\e[2J\\e[31m|rood\\nfake.md:1:1: error: x';
  const BOOK = `name: "Boek\\e[31m"\nlanguage: nl\ncodes:\n  - id: wacht\n    label: "Wacht\\e[2J|lijst\\nnep"\n    terms: [wachtlijst*]\n  - id: lijn\n    label: Lijnen\n    terms: [korte lijn*]\n`;
  function study(): string {
    return tempDir({
      'qda.yaml': 'corpus: [corpus]\ncodebook: book.yaml\ncompareBy: district\n',
      'book.yaml': BOOK,
      'corpus/a.md': `---\ndistrict: "${DISTRICT}"\n---\n\nKorte lijnen en de wachtlijst.\n`,
      'corpus/b.md': '---\ndistrict: Zuid\n---\n\nDe wachtlijst is lang, korte lijnen.\n',
    });
  }
  const noRawLine = (text: string) => text.split('\n').some((l) => l.startsWith('fake.md') || l.startsWith('nep'));

  test('terminal tables show them escaped', async () => {
    const dir = study();
    const runs = [
      await qda(['matrix', '-q'], { cwd: dir }),
      await qda(['cooccur', '-q'], { cwd: dir }),
      await qda(['summary', '-q'], { cwd: dir }),
      await qda(['excerpts', '-q', '--format', 'md'], { cwd: dir }),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).not.toContain(ESC);
      expect(noRawLine(r.stdout)).toBe(false);
    }
    const [matrix, cooccur] = runs;
    expect(matrix.stdout).toContain('Noord\\x1b[2J\\x1b[31m|rood\\nfake.md:1:1: error: x');
    expect(cooccur.stdout).toContain('Wacht\\x1b[2J|lijst\\nnep');
    // Every row of the aligned table is as wide as the rule under the header.
    const lines = matrix.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(2 + 3);
  });

  test('markdown tables keep their cells and rows', async () => {
    const dir = study();
    const md = await qda(['matrix', '-q', '--format', 'md'], { cwd: dir });
    expect(md.code, md.stderr).toBe(0);
    const rows = md.stdout.trimEnd().split('\n');
    // header, rule, two codes, the total: each row with as many cells as the header
    expect(rows).toHaveLength(5);
    const cells = (row: string) => row.split(/(?<!\\)\|/).length;
    for (const row of rows) expect(cells(row)).toBe(cells(rows[0]));
    expect(md.stdout).toContain('Noord\\x1b[2J\\x1b[31m\\|rood fake.md:1:1: error: x');

    const out = await qda(['analyse', '.', '--out', 'out', '-q'], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    for (const file of ['matrix.md', 'index.md', 'summary.md', 'excerpts.md']) {
      const text = readFileSync(join(dir, 'out', file), 'utf8');
      expect(text, file).not.toContain(ESC);
      expect(noRawLine(text), file).toBe(false);
    }
    const matrix = readFileSync(join(dir, 'out', 'matrix.md'), 'utf8');
    for (const table of matrix.trim().split('\n\n')) {
      const lines = table.split('\n');
      for (const row of lines) expect(cells(row)).toBe(cells(lines[0]));
    }
    expect(readFileSync(join(dir, 'out', 'index.md'), 'utf8')).toContain('"Boek\\x1b[31m"');
  });
});

describe('coders and speakers in NFC and NFD', () => {
  const HEAD = 'document,anchor,code,decision,note,line,text\n';
  test('two codings files whose coder names look the same are warned about', async () => {
    const nfc = 'José'.normalize('NFC');
    const nfd = 'José'.normalize('NFD');
    const dir = tempDir({
      'a.md': '---\nid: a\ndistrict: Noord\n---\n\nKorte lijnen met de school.\n',
      [`codings/${nfc}.csv`]: HEAD,
      [`codings/${nfd}.csv`]: HEAD,
      'codings/anne.csv': HEAD,
    });
    const r = await qda(['check', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('[codings/unicode-duplicate]'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /warning: coder ".+" looks the same as the coder of codings\/.+\.csv but is written with other Unicode code points \(NFC and NFD\)/,
    );
  });

  test('two speakers of one transcript whose names look the same are warned about, once', async () => {
    const nfc = 'José'.normalize('NFC');
    const nfd = 'José'.normalize('NFD');
    const body = [`${nfc}: Korte lijnen met de school.`, 'Ria: En de wijkagent?', `${nfd}: Die belt ons.`, `${nfc}: Elke week.`, `${nfd}: Ja.`].join(
      '\n\n',
    );
    const dir = tempDir({ 'a.md': `---\nid: a\n---\n\n${body}\n` });
    const r = await qda(['check', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('[speaker/unicode-duplicate]'));
    expect(warnings, r.stderr).toHaveLength(1);
    expect(warnings[0]).toContain('a.md:9:1: warning: speaker');
    // A name written with a combining accent is still a speaker, not text of the one before.
    const code = JSON.parse((await qda(['code', '.', '--format', 'json', '-q'], { cwd: dir })).stdout);
    expect(code.documents[0].segments.map((s: { speaker?: string }) => s.speaker)).toEqual([nfc, 'Ria', nfd, nfc, nfd]);
  });
});
