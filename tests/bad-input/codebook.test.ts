// Bad codebooks: runaway patterns, misspelt keys, code ids that could name paths; and attribute values
// that could, which must not break anything.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { runBuilt, type BuiltResult } from '../helpers/run-built.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused, listFiles, REPO, STACK } from './shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';
const book = (codes: string) => `name: b\nlanguage: nl\ncodes:\n${codes}`;

describe('runaway patterns are refused with the reason, before any text is read', () => {
  const RUNAWAY: [string, string][] = [
    ['(a+)+', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'],
    ['(\\w+\\s?)*$', 'woord woord woord woord woord woord woord woord woord woord woord woord woord woord woord woord woord!'],
    ['(x|xy)*z', 'xy'.repeat(5000)],
  ];
  const runaway = (pattern: string, evil: string) =>
    tempDir({
      'a.md': `---\ndistrict: A\n---\n\n${evil}\n`,
      'book.yaml': book(`  - id: a\n    terms: [school]\n  - id: b\n    patterns: ['/${pattern}/']\n`),
    });

  test.each(RUNAWAY)('%s', async (pattern, evil) => {
    const dir = runaway(pattern, evil);
    for (const argv of [['check'], ['code', '--format', 'json'], ['analyse', '--out', 'res']]) {
      const r = await qda([...argv, '--codebook', 'book.yaml'], { cwd: dir });
      expectRefused(r, /^book\.yaml:7:16: error: pattern .* refused: /m);
    }
    expect(existsSync(join(dir, 'res'))).toBe(false);
  });

  // The runs in a separate process, one after another in one process of the built CLI (killed if it hangs).
  const WORDS = 'de het samenwerking wijkteam korte lijnen wachtlijst regie vertrouwen school buurt ouders'.split(' ');
  let spawned: BuiltResult[] = [];
  beforeAll(() => {
    if (!BUILT) return;
    const parts: string[] = [];
    for (let i = 0, size = 0; size < 3 * 1024 * 1024; i++) {
      parts.push(WORDS[(i * 7919) % WORDS.length]);
      size += parts[parts.length - 1].length + 1;
    }
    const dirs = [
      ...RUNAWAY.map(([pattern, evil]) => runaway(pattern, evil)),
      tempDir({ 'a.md': `---\ndistrict: A\n---\n\n${'a'.repeat(20_000)}\n`, 'book.yaml': book(`  - id: b\n    patterns: ['/\\w*\\w*\\w*x/']\n`) }),
      tempDir({
        'a.md': `---\ndistrict: A\n---\n\n${parts.join(' ')}\n`,
        'book.yaml': book(`  - id: b\n    patterns: ['/wachtlijst.*gemeente/']\n`),
      }),
    ];
    const argv = (i: number) => ['code', '--codebook', 'book.yaml', ...(i < RUNAWAY.length ? [] : ['--format', 'json'])];
    spawned = runBuilt(
      REPO,
      dirs.map((cwd, i) => ({ argv: argv(i), cwd })),
      { timeoutMs: 60_000 },
    );
  }, 90_000);

  test.skipIf(!BUILT).each(RUNAWAY.map((r, i) => [...r, i] as const))('%s, in a separate process', (_pattern, _evil, i) => {
    const r = spawned[i];
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^book\.yaml:7:16: error: pattern .* refused: /m);
    expect(r.stderr).not.toMatch(STACK);
  });

  // Regression: \w*\w*\w*x backtracked in n^3 steps on one long word and hung the run.
  test.runIf(BUILT)('\\w*\\w*\\w*x on one long word is refused or finishes', () => {
    const r = spawned[RUNAWAY.length];
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/book\.yaml:\d+:\d+: error: pattern .* refused: two unbounded repeats compete/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(20_000);
  });

  // Regression: `wachtlijst.*gemeente` scanned to the end of the line for every "wachtlijst": time grew
  // with the square of a one-line transcript (1.5 MB took 12 s). Such patterns are now refused.
  test.runIf(BUILT)('`wachtlijst.*gemeente` on a 3 MB one-line transcript finishes within 20 s', () => {
    const r = spawned[RUNAWAY.length + 1];
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('write a bounded gap such as .{0,60}');
    expect(r.ms).toBeLessThan(20_000);
  });
});

describe('misspelt keys get a did-you-mean', () => {
  test('top level and code level', async () => {
    const yaml = 'name: b\nlangauge: nl\ncodes:\n  - id: a\n    trems: [school]\n  - id: b\n    patern: ["/x/"]\n';
    const dir = tempDir({ 'a.md': GOOD, 'book.yaml': yaml });
    const r = await qda(['code', '--codebook', 'book.yaml'], { cwd: dir });
    expectRefused(r, 'book.yaml:2:1: error: unknown codebook key "langauge"; did you mean "language"?');
    expect(r.stderr).toContain('book.yaml:5:5: error: unknown code key "trems"; did you mean "terms"?');
    expect(r.stderr).toContain('book.yaml:7:5: error: unknown code key "patern"; did you mean "patterns"?');
  });
});

describe('code ids that could name paths are refused with file:line:col', () => {
  test.each([
    ['../evil', '"../evil"'],
    ['a/b', '"a/b"'],
    ['nul', '"nul\\0here"'],
    ['300 characters', `"${'k'.repeat(300)}"`],
    ['a child', '"organisation.../x"'],
  ])('%s', async (_name, id) => {
    const yaml = book(`  - id: good\n    terms: [school]\n  - id: ${id}\n    terms: [lijnen]\n`);
    const dir = tempDir({ 'a.md': GOOD, 'book.yaml': yaml });
    for (const argv of [['check'], ['code'], ['matrix', '--format', 'csv'], ['analyse', '--out', 'res']]) {
      const r = await qda([...argv, '--codebook', 'book.yaml'], { cwd: dir });
      expectRefused(r, /^book\.yaml:6:9: error: code id .* is not allowed/m);
    }
    expect(listFiles(dir)).toEqual(['a.md', 'book.yaml']);
  });
});

describe('attribute values that look like paths break nothing', () => {
  const VALUES = ['../../../etc', 'x/y', 'nul\0here', 'L'.repeat(300), '..', '/abs/path'];

  test('matrices and CSVs are still correct, and nothing is written outside the output folder', async () => {
    const files: Record<string, string> = {};
    VALUES.forEach((v, i) => {
      files[`corpus/d${i}.md`] =
        `---\ndistrict: ${JSON.stringify(v)}\nrole: ${JSON.stringify(v)}\n---\n\nWe hebben korte lijnen met de school.\n\nDe wachtlijst is lang.\n`;
    });
    // The study sits in a folder of its own, so that what lies beside it is known and nothing else writes there.
    const parent = tempDir(Object.fromEntries(Object.entries(files).map(([path, text]) => [`study/${path}`, text])));
    const dir = join(parent, 'study');
    const around = readdirSync(parent).sort();
    const before = listFiles(dir);

    // Every match counts: six documents saying the same make their words the corpus's topic words.
    const r = await qda(['analyse', 'corpus', '--out', 'res', '--threshold', '0'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    expect(listFiles(dir).filter((f) => !f.startsWith('res/'))).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual(around);
    for (const f of listFiles(join(dir, 'res'))) expect(f).toMatch(/^[\w.-]+$/);

    const parse = (text: string) => {
      const p = Papa.parse<string[]>(text, { skipEmptyLines: true });
      expect(p.errors).toEqual([]);
      return p.data;
    };
    const sorted = [...VALUES].sort();
    for (const name of ['matrix-codes.csv', 'matrix-clusters.csv']) {
      const rows = parse(readFileSync(join(dir, 'res', name), 'utf8'));
      const header = rows[0].slice(2, -1);
      expect([...header].sort()).toEqual(sorted);
      for (const row of rows) expect(row).toHaveLength(VALUES.length + 3);
      const row = (id: string) => rows.find((x) => x[0] === id)!;
      const key = name === 'matrix-codes.csv' ? ['organisation.communication', 'institutional.capacity'] : ['organisation', 'institutional'];
      for (const id of key) expect(row(id).slice(2)).toEqual([...VALUES.map(() => '1'), String(VALUES.length)]);
    }
    const codings = parse(readFileSync(join(dir, 'res', 'codings.csv'), 'utf8'));
    const col = codings[0].indexOf('district');
    const roleCol = codings[0].indexOf('role');
    expect(codings).toHaveLength(1 + 2 * VALUES.length);
    expect([...new Set(codings.slice(1).map((r) => r[col]))].sort()).toEqual(sorted);
    expect([...new Set(codings.slice(1).map((r) => r[roleCol]))].sort()).toEqual(sorted);
    for (const row of codings) expect(row).toHaveLength(codings[0].length);
    const excerpts = parse(readFileSync(join(dir, 'res', 'excerpts.csv'), 'utf8'));
    expect(excerpts).toHaveLength(1 + 2 * VALUES.length);

    const stdout = await qda(['matrix', 'corpus', '--by', 'role', '--format', 'csv', '--threshold', '0'], { cwd: dir });
    expect(stdout.code).toBe(0);
    expect([...parse(stdout.stdout)[0].slice(2, -1)].sort()).toEqual(sorted);
    const filtered = await qda(['excerpts', 'corpus', '--where', 'district=../../../etc', '--format', 'csv', '--threshold', '0'], { cwd: dir });
    expect(filtered.code).toBe(0);
    expect(parse(filtered.stdout)).toHaveLength(3);
  });

  test('attribute values holding | or a line break keep the markdown matrix rectangular', async () => {
    const dir = tempDir({ 'a.md': '---\ndistrict: "a|b"\n---\n\nKorte lijnen.\n', 'b.md': '---\ndistrict: "c\\nd"\n---\n\nKorte lijnen.\n' });
    const r = await qda(['matrix', '.', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(0);
    const table = r.stdout.split('\n').filter((l) => l.startsWith('|'));
    const cells = table.map((l) => l.replace(/\\\|/g, '').split('|').length);
    expect(new Set(cells).size).toBe(1);
  });
});
