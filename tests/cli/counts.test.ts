// Honest counts: a segment that carries a code counts once however many sources gave it, the sources
// are counted beside it, and one of a thing is said in the singular, in Dutch and in English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CodingCounter } from '../../src/coding/tally.js';
import type { Coding } from '../../src/coding/coding.js';
import { anchorOf } from '../../src/manual/anchor.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = (language: string) =>
  `name: Klein\nlanguage: ${language}\ncodes:\n  - id: capacity\n    label: { nl: Capaciteit, en: Capacity }\n    terms: [wachtlijst*, waiting list]\n  - id: roles\n    label: { nl: Rollen, en: Roles }\n    terms: [regie]\n`;
const PARAGRAPH = 'De wachtlijst is lang.';

/** One document, one paragraph: auto-coded capacity, which ana and bram also add, and bram adds roles. */
function study(language = 'nl') {
  const anchor = anchorOf(PARAGRAPH);
  const row = (code: string) => `one,${anchor},${code},add\n`;
  return tempDir({
    'qda.yaml': `corpus: [corpus/**/*.md]\ncodebook: book.yaml\nlanguage: ${language}\n`,
    'book.yaml': BOOK(language),
    'corpus/one.md': `---\ndistrict: Noord\n---\n\n${PARAGRAPH}\n`,
    'codings/ana.csv': `document,anchor,code,decision\n${row('capacity')}`,
    'codings/bram.csv': `document,anchor,code,decision\n${row('capacity')}${row('roles')}`,
  });
}

describe('distinct codings, and what each source gave', () => {
  test('qda code: the summary line counts (segment, code) once', async () => {
    const r = await qda(['code', '--format', 'json'], { cwd: study() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('coded 1 document: 1 of 1 segment coded (100%), 2 codings (auto 1, ana 1, bram 2) with Klein\n');
  });

  test('qda analyse: the summary line and index.md, in Dutch', async () => {
    const dir = study();
    const r = await qda(['analyse'], { cwd: dir });
    expect(r.stderr).toMatch(/^analysed 1 document: 1 of 1 segment coded \(100%\), 2 codings \(auto 1, ana 1, bram 2\); wrote 11 files to out\/\n$/);
    const index = readFileSync(join(dir, 'out/index.md'), 'utf8');
    expect(index).toMatch(
      /^# Analyse\n\n1 document, 1 segment, waarvan 1 met ten minste één code; 2 coderingen \(auto 1, ana 1, bram 2\) met het codeboek "Klein"/,
    );
    expect(index).toContain('| [excerpts.md](excerpts.md) | gecodeerde fragmenten per code');
  });

  test('index.md in English, and one coding in the singular', async () => {
    const dir = study('en');
    const r = await qda(['analyse', '--coder', 'ana', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const index = readFileSync(join(dir, 'out/index.md'), 'utf8');
    expect(index).toMatch(/^# Analysis\n\n1 document, 1 segment, of which 1 carries at least one code; 1 coding \(ana 1\) with the codebook "Klein"/);
    const nl = study('nl');
    await qda(['analyse', '--coder', 'ana', '-q'], { cwd: nl });
    expect(readFileSync(join(nl, 'out/index.md'), 'utf8')).toContain('; 1 codering (ana 1) met het codeboek');
  });

  test('the counter: per document, distinct per source, auto first', () => {
    const c = (segment: number, code: string, source: Coding['source'], coder: string): Coding => ({
      documentId: 'd',
      segment,
      code,
      cluster: code,
      source,
      coder,
      hits: 0,
      evidence: [],
    });
    const counter = new CodingCounter();
    counter.add([c(1, 'a', 'auto', 'qda'), c(1, 'a', 'manual', 'zoë'), c(1, 'a', 'manual', 'bram'), c(2, 'a', 'import', 'bram')]);
    counter.add([c(1, 'a', 'auto', 'qda')]); // another document: its segment 1 is another segment
    expect(counter.result()).toEqual({
      codings: 3,
      sources: [
        { source: 'auto', codings: 2 },
        { source: 'bram', codings: 2 },
        { source: 'zoë', codings: 1 },
      ],
    });
  });
});

describe('one of a thing in the singular', () => {
  test('summary lines of matrix, excerpts, cooccur, summary and report', async () => {
    const dir = study();
    const line = async (...argv: string[]) => (await qda([...argv, '--coder', 'ana'], { cwd: dir })).stderr;
    expect(await line('matrix', '--code', 'capacity')).toBe('1 code × 1 value of district, counting segments, from 1 document\n');
    expect(await line('excerpts')).toBe('1 excerpt under 1 code from 1 document\n');
    expect(await line('cooccur', '--code', 'capacity')).toBe('co-occurrence of 1 code within 1 segment of 1 document\n');
    expect(await line('summary')).toMatch(/^2 tables by district from 1 document; 0 explanations from memos\n$/);
    expect(await line('report')).toBe('report of 1 document written to out/report.html\n');
  });

  test('the filter decides how many documents a summary line counts from', async () => {
    const dir = tempDir({
      'a.md': '---\ndistrict: Noord\n---\n\nDe wachtlijst is lang.\n',
      'b.md': '---\ndistrict: Zuid\n---\n\nDe wachtlijst is kort.\n',
    });
    const r = await qda(['matrix', '--where', 'district=Zuid', '--code', 'institutional.capacity'], { cwd: dir });
    expect(r.stderr).toBe('1 code × 1 value of district, counting segments, from 1 document\n');
  });

  test('the report says 1 document, 1 segment', async () => {
    const dir = study();
    await qda(['report', '-q'], { cwd: dir });
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain('<p class="meta">1 document, 1 segment, 1 met ten minste één code');
    expect(html).not.toMatch(/\b1 (documenten|segmenten)\b/);
  });
});
