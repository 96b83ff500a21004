// Hand codings survive: concurrent imports keep each other's rows, ids that look like formulas come
// back as they were, a broken quote is an error with its row, and a million rows are read.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvLines } from '../../src/formatters/csv.js';
import { sidecarCsv } from '../../src/manual/review.js';
import { parseSidecar, type ManualRow } from '../../src/manual/sidecar.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BIN, BUILT, expectRefused, spawnQda, STACK } from './shared.js';

const BOOK = readFileSync('tests/fixtures/small-codebook.yaml', 'utf8');
const PARAGRAPHS = 60;

/** A document of many coded paragraphs, under a name that a spreadsheet would take for a formula. */
function project(names = ['a']): string {
  const files: Record<string, string> = { 'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n', 'book.yaml': BOOK };
  for (const [k, name] of names.entries()) {
    const body = Array.from({ length: PARAGRAPHS }, (_, i) =>
      i % 4 === 0
        ? `**R:** Bij gesprek ${i} in wijk ${k}: de wachtlijst is lang en de wachtlijsten groeien.`
        : `**R:** Over het weer van dag ${i} in wijk ${k} zeiden we weinig.`,
    ).join('\n\n');
    files[`corpus/${name}.md`] = `---\ndistrict: Noord\n---\n\n${body}\n`;
  }
  return tempDir(files);
}

/** The review sheet with every row decided, split in two halves. */
async function sheets(dir: string): Promise<[string[][], string[][]]> {
  const r = await qda(['review', 'export', '--out', 'review.csv'], { cwd: dir });
  expect(r.code).toBe(0);
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(join(dir, 'review.csv'), 'utf8'), { skipEmptyLines: true }).data;
  expect(rows.length).toBeGreaterThan(10);
  for (const row of rows) row[header.indexOf('decision')] = 'add';
  const half = Math.ceil(rows.length / 2);
  return [
    [header, ...rows.slice(0, half)],
    [header, ...rows.slice(half)],
  ];
}

const codingRows = (dir: string, coder = 'ana') => parseSidecar(`codings/${coder}.csv`, readFileSync(join(dir, `codings/${coder}.csv`), 'utf8'));

function spawned(argv: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe.skipIf(!BUILT)('two imports into one codings file', () => {
  test('run at the same time, both keep their rows', async () => {
    const dir = project();
    const [first, second] = await sheets(dir);
    writeFileSync(join(dir, 'one.csv'), Papa.unparse(first));
    writeFileSync(join(dir, 'two.csv'), Papa.unparse(second));
    const results = await Promise.all([
      spawned(['review', 'import', 'one.csv', '--coder', 'ana'], dir),
      spawned(['review', 'import', 'two.csv', '--coder', 'ana'], dir),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(codingRows(dir).rows).toHaveLength(first.length - 1 + second.length - 1);
    expect(existsSync(join(dir, 'codings/ana.csv.lock'))).toBe(false);
  }, 60_000);

  test('an import waits while another process holds the file, then merges what that one wrote', async () => {
    const dir = project();
    const [first, second] = await sheets(dir);
    writeFileSync(join(dir, 'two.csv'), Papa.unparse(second));
    // The other process: it read the file before this import and writes its own rows, holding the lock.
    const other = csvLines(
      [
        ['document', 'anchor', 'code', 'decision'],
        ...first.slice(1).map((r) => [r[0], r[first[0].indexOf('anchor')], r[first[0].indexOf('code')], 'add']),
      ],
      { store: true },
    );
    mkdirSync(join(dir, 'codings'));
    writeFileSync(join(dir, 'codings/ana.csv.lock'), String(process.pid));
    let exited = false;
    const importing = spawned(['review', 'import', 'two.csv', '--coder', 'ana'], dir).then((r) => ((exited = true), r));
    // Held until the import has found the lock taken: it reads the lock for its owner's process id,
    // which sets the lock's access time past its change time (on file systems that keep access
    // times, as relatime does on a first read; elsewhere the 4 s are waited out), and a little longer.
    const lock = join(dir, 'codings/ana.csv.lock');
    const read = () => statSync(lock).atimeMs > statSync(lock).mtimeMs;
    for (let waited = 0; waited < 4000 && !exited && !read(); waited += 25) await new Promise((ok) => setTimeout(ok, 25));
    for (let waited = 0; waited < 200 && !exited; waited += 25) await new Promise((ok) => setTimeout(ok, 25));
    writeFileSync(join(dir, 'codings/ana.csv'), other);
    rmSync(join(dir, 'codings/ana.csv.lock'));
    const r = await importing;
    expect(r.code, r.stderr).toBe(0);
    expect(codingRows(dir).rows).toHaveLength(first.length - 1 + second.length - 1);
  }, 60_000);
});

describe('document ids that look like formulas', () => {
  test.each(['-a', '=a', '+a', '@a', "'a", "'=a"])('%s: imported decisions apply again', async (name) => {
    const dir = project([name]);
    const [first, second] = await sheets(dir);
    writeFileSync(join(dir, 'all.csv'), Papa.unparse([...first, ...second.slice(1)]));
    const r = await qda(['review', 'import', 'all.csv', '--coder', 'ana'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const stored = codingRows(dir).rows.map((row) => row.document);
    expect(new Set(stored)).toEqual(new Set([name]));
    const check = await qda(['check'], { cwd: dir });
    expect(check.stderr).not.toMatch(/no document|unknown|changed/);
    const json = JSON.parse((await qda(['code', '--format', 'json', '-q', '--coder', 'ana'], { cwd: dir })).stdout);
    const documents = (json.documents ?? json).map((d: { id: string }) => d.id);
    expect(documents).toContain(name);
  });

  test('every text survives the codings file exactly (store form)', () => {
    const text = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', ',', ';', '\n', '"', 'a', '1', ' '), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 5 }), (cells) => {
        const clean = (s: string) => s.trim();
        const rows: ManualRow[] = cells
          .filter(([d, a, c]) => clean(d) !== '' && clean(a) !== '' && clean(c) !== '')
          .map(([d, a, c]) => ({ document: clean(d), anchor: clean(a), code: clean(c), decision: 'add', coder: 'ana', file: 'x', line: 0 }));
        fc.pre(rows.length > 0);
        const back = parseSidecar('codings/ana.csv', csvLines(sidecarCsv(rows), { store: true }));
        expect(back.diagnostics.map((d) => d.message)).toEqual([]);
        expect(back.rows.map((r) => [r.document, r.anchor, r.code])).toEqual(rows.map((r) => [r.document, r.anchor, r.code]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a broken quote does not swallow rows', () => {
  const rows = (note: string) =>
    [
      'document,anchor,code,decision,note',
      `a,p1,organisation.roles,add,${note}`,
      'a,p2,organisation.roles,add,',
      'a,p3,organisation.roles,add,"x"',
      'a,p4,organisation.roles,add,',
      '',
    ].join('\n');

  test.each([
    ['an unterminated quote', '"nooit gesloten'],
    ['a quote that closes rows later', '"loopt door'],
  ])('in a codings file: %s', async (_, note) => {
    const dir = project();
    mkdirSync(join(dir, 'codings'));
    writeFileSync(join(dir, 'codings/ana.csv'), rows(note));
    const r = await qda(['check'], { cwd: dir });
    expectRefused({ ...r, stdout: '' }, /codings\/ana\.csv:2:1: error: row 2: .*quote/);
  });

  test('in a review sheet: an error with the row, nothing imported', async () => {
    const dir = project();
    const [first] = await sheets(dir);
    const lines = Papa.unparse(first).split('\r\n');
    lines[2] = lines[2].replace(/,add,$/, ',add,"de notitie');
    lines[5] = `${lines[5]}"`;
    writeFileSync(join(dir, 'filled.csv'), lines.join('\r\n'));
    const r = await qda(['review', 'import', 'filled.csv', '--coder', 'ana'], { cwd: dir });
    expectRefused({ ...r, stdout: '' }, /filled\.csv:3:1: error: row 3: .*quote/);
    expect(r.stderr).toContain('nothing imported');
    expect(existsSync(join(dir, 'codings/ana.csv'))).toBe(false);
  });

  test('a multi-line note written by qda is read back whole', () => {
    const row: ManualRow = {
      document: 'a',
      anchor: 'p1',
      code: 'x',
      decision: 'add',
      note: 'eerste regel\ntweede, derde; vierde',
      coder: 'ana',
      file: 'x',
      line: 0,
    };
    const back = parseSidecar('codings/ana.csv', csvLines(sidecarCsv([row, { ...row, anchor: 'p2' }]), { store: true }));
    expect(back.diagnostics).toEqual([]);
    expect(back.rows.map((r) => [r.anchor, r.note, r.line])).toEqual([
      ['p1', row.note, 2],
      ['p2', row.note, 4],
    ]);
  });
});

describe.skipIf(!BUILT)('a million rows', () => {
  test('a codings file of 1,000,000 rows is read', () => {
    const dir = project();
    const lines = ['document,anchor,code,decision'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`a,p${i},organisation.roles,add`);
    mkdirSync(join(dir, 'codings'));
    writeFileSync(join(dir, 'codings/ana.csv'), `${lines.join('\n')}\n`);
    const r = spawnQda(['matrix', '--format', 'json', '-q'], dir, 240_000);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.status).toBe(0);
  }, 300_000);
});
