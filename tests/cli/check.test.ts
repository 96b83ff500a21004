import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';
const BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');

describe('bad input: file:line:col, exit 1, no stack trace, nothing written', () => {
  test('broken front matter', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'bad.md': '---\ndistrict: Crooswijk\nrole gezinsondersteuner\ndate: 2021\n---\nTekst.\n' });
    for (const command of ['check', 'code', 'analyse']) {
      const r = await qda([command, '.'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^bad\.md:3:\d+: error: /m);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('unclosed front matter and invalid UTF-8 name the file and say what to do', async () => {
    const dir = tempDir({
      'open.md': '---\ndistrict: Crooswijk\n\nTekst zonder einde.\n',
      'latin.md': Buffer.concat([Buffer.from('---\ndistrict: Delfshaven\n---\nCaf'), Buffer.from([0xe9]), Buffer.from(' in de wijk.\n')]),
    });
    const r = await qda(['check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('open.md:1:1: error: front matter is not closed');
    expect(r.stderr).toMatch(/latin\.md:4:4: error: invalid UTF-8 at byte 32/);
    expect(r.stderr).toContain('--encoding windows-1252');
    const fixed = await qda(['check', 'latin.md', '--encoding', 'windows-1252'], { cwd: dir });
    expect(fixed.code).toBe(0);
  });

  test('a bad codebook line', async () => {
    const book = 'name: kapot\nlanguage: nl\ncodes:\n  - id: a\n    termz: [regie]\n  - id: a\n    patterns: ["/(a+)+$/"]\n';
    const dir = tempDir({ 'a.md': GOOD, 'book.yaml': book });
    const r = await qda(['check', '--codebook', 'book.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('book.yaml:5:5: error: unknown code key "termz"; did you mean "terms"?');
    expect(r.stderr).toContain('book.yaml:6:9: error: duplicate code id "a" (first defined on line 4)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a runaway pattern is refused before any text is read', async () => {
    const book = 'name: b\ncodes:\n  - id: a\n    patterns: ["/(\\\\w+\\\\s?)*$/"]\n';
    const dir = tempDir({ 'a.md': GOOD, 'book.yaml': book });
    const r = await qda(['code', '--codebook', 'book.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/book\.yaml:4:\d+: error: pattern .* refused: nested quantifier/);
  });

  test('two documents with the same id', async () => {
    const dir = tempDir({ 'a/x.md': GOOD, 'b/x.md': GOOD });
    const r = await qda(['check'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('b/x.md:1:1: error: document id "x" is also the id of a/x.md');
  });

  test('a clean corpus passes with a summary line', async () => {
    const dir = tempDir({ 'a.md': GOOD });
    const r = await qda(['check', '--codebook', BOOK], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/checked 1 document \(1 segment\) and a codebook of 7 codes: 0 errors, 0 warnings/);
  });
});

describe('usage', () => {
  test.each([
    [['code', '--format', 'xml']],
    [['code', '--unit', 'page']],
    [['frobnicate']],
    [['excerpts', '--where', 'district']],
    [['code', '--encoding', 'klingon']],
  ])('%j is wrong usage: exit 2', async (argv) => {
    const dir = tempDir({ 'a.md': GOOD });
    const r = await qda(argv, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  test('a path that does not exist is a problem with the input (exit 1)', async () => {
    const r = await qda(['code', 'no/such/folder'], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no transcripts found at no/such/folder');
  });

  test('every command has help with examples', async () => {
    for (const command of ['init', 'check', 'code', 'excerpts', 'analyse', 'eval']) {
      const r = await qda([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain(`qda ${command}`);
    }
  });
});

describe('colour', () => {
  test('no escape codes without a terminal or with NO_COLOR', async () => {
    const dir = tempDir({ 'bad.md': '---\na: [\n---\nx\n' });
    const plain = await qda(['check'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stderr).not.toMatch(/\x1b\[/);
    const piped = await qda(['check'], { cwd: dir, tty: false });
    expect(piped.stderr).not.toMatch(/\x1b\[/);
    const coloured = await qda(['check'], { cwd: dir, tty: true });
    expect(coloured.stderr).toMatch(/\x1b\[/);
  });
});

describe('qda init', () => {
  test('writes the project skeleton, and refuses to overwrite it', async () => {
    const dir = tempDir();
    const r = await qda(['init', 'study'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'study')).sort()).toEqual(['.gitignore', 'codebooks', 'codings', 'corpus', 'memos', 'qda.yaml']);
    const again = await qda(['init', 'study'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  test('puts two sample interviews in corpus/ that check and code cleanly; none beside transcripts already there', async () => {
    const dir = tempDir({ 'mine/corpus/eigen.md': '---\ndistrict: Noord\n---\n\nTekst.\n' });
    expect((await qda(['init', 'study'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'study', 'corpus')).sort()).toEqual([
      'crooswijk-schoolmaatschappelijk-werker-1.md',
      'hillesluis-buurtvrijwilliger-1.md',
    ]);
    const check = await qda(['check', 'study'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/checked 2 documents .*: 0 errors, 0 warnings/);
    const coded = await qda(['code', 'study', '--format', 'json', '-q'], { cwd: dir });
    const docs = JSON.parse(coded.stdout).documents as { attributes: Record<string, string>; segments: { codes: unknown[] }[] }[];
    expect(docs.map((d) => [d.attributes.district, d.attributes.type])).toEqual([
      ['Crooswijk', 'interview'],
      ['Hillesluis', 'interview'],
    ]);
    for (const d of docs) expect(d.segments.filter((s) => s.codes.length > 0).length).toBeGreaterThan(2);

    expect((await qda(['init', 'mine'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'mine', 'corpus'))).toEqual(['eigen.md']);
  });

  test('the settings in qda.yaml are read, and flags override them', async () => {
    const dir = tempDir();
    await qda(['init', 'study'], { cwd: dir });
    const study = join(dir, 'study');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(study, 'corpus', 'a.md'),
      '---\ndistrict: Crooswijk\n---\n\n**I:** Hoe is de samenwerking?\n\n**R:** Korte lijnen. Wachtlijsten zijn lang.\n',
    );
    const r = await qda(['code', '--format', 'json', '-q'], { cwd: study });
    const segments = JSON.parse(r.stdout).documents[0].segments;
    expect(segments[0].skipped).toBe(true); // skipSpeakers: [interviewer] from qda.yaml
    const sentences = await qda(['code', '--format', 'json', '-q', '--unit', 'sentence'], { cwd: study });
    expect(JSON.parse(sentences.stdout).documents[0].segments).toHaveLength(3);
  });
});

describe('one cause, one message', () => {
  test('a broken codebook does not bury its own error under every hand-made coding it no longer knows', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `a,p-000000000${i % 10},organisation.roles,add\n`).join('');
    const dir = tempDir({
      'a.md': GOOD,
      'book.yaml': 'name: b\ncodes:\n  - id: a\n    trems: [regie]\n',
      'codings/ana.csv': `document,anchor,code,decision\n${rows}`,
    });
    const r = await qda(['check', '--codebook', 'book.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('book.yaml:4:5: error: unknown code key "trems"; did you mean "terms"?');
    expect(r.stderr).not.toContain('unknown code "organisation.roles"');
  });

  test('many problems of one kind in a file: five shown, the rest counted', async () => {
    const rows = Array.from({ length: 12 }, () => `a,p-0000000000,no.such.code,add\n`).join('');
    const dir = tempDir({ 'a.md': GOOD, 'codings/ana.csv': `document,anchor,code,decision\n${rows}` });
    const r = await qda(['check', '--codebook', BOOK], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.match(/unknown code "no\.such\.code"/g)).toHaveLength(5);
    expect(r.stderr).toContain('codings/ana.csv: error: 7 more like the ones above in this file');
  });
});

describe('qda check on part of a project', () => {
  const study = () =>
    tempDir({
      'qda.yaml': 'corpus: [corpus/**/*.md]\n',
      'corpus/a.md': '---\nid: a\ndistrict: Noord\n---\n\nDe wachtlijst is lang.\n',
      'corpus/b.md': '---\nid: b\ndistrict: Zuid\n---\n\nWe hebben korte lijnen.\n',
      'codings/ana.csv':
        'document,anchor,code,decision\na,p-0000000000,organisation.roles,add\nb,p-1111111111,organisation.roles,add\nweg,p-2222222222,organisation.roles,add\n',
    });
  const problems = (stderr: string) => stderr.split('\n').filter((l) => / (warning|error): /.test(l));

  test('reports only what concerns the files checked', async () => {
    const dir = study();
    const b = await qda(['check', 'corpus/b.md'], { cwd: dir });
    expect(b.code).toBe(0);
    expect(problems(b.stderr)).toEqual([
      'codings/ana.csv:3:1: warning: the paragraph this organisation.roles coding of b points to has changed or is gone; the coding is not applied [codings/stale]',
    ]);
    expect(b.stderr).toContain('checked 1 document (1 segment) and a codebook of');
    expect(b.stderr).toContain(': 0 errors, 1 warning\n');
  });

  test('the whole project still hears about rows of documents it does not have', async () => {
    const dir = study();
    for (const argv of [['check'], ['check', '.']]) {
      const r = await qda(argv, { cwd: dir });
      expect(problems(r.stderr)).toHaveLength(3);
      expect(r.stderr).toContain('codings/ana.csv:4:1: warning: no document with id "weg" in the corpus [codings/document]');
    }
  });
});
