// qda review export and import as library calls: the sheet's items as values, the CSV of the
// registry, and decisions read back into a coder's codings file through the files given.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getFormatter, openCorpus, reviewExport, reviewImport, type LockedWriter, type OpenedCorpus } from '../../src/index.js';
import { parseSidecar } from '../../src/manual/sidecar.js';
import { tempDir } from '../helpers/temp.js';

/** The analysis fixture copied to a new folder, opened from there. */
function project(): { dir: string; opened: OpenedCorpus } {
  const dir = tempDir();
  cpSync('tests/fixtures/analysis', dir, { recursive: true });
  const outcome = openCorpus(['.'], {}, dir);
  expect(outcome.diagnostics).toEqual([]);
  return { dir, opened: outcome.result! };
}

async function sheetText(opened: OpenedCorpus): Promise<string> {
  return [...(await getFormatter('review', 'csv'))(reviewExport(opened).result!, {})].join('');
}

/** The sheet with a decision on each row: add, reject, add, … */
function decide(csv: string): string {
  const [head, ...rows] = csv.trimEnd().split('\r\n');
  return `${[head, ...rows.map((r, i) => r.replace(/,,$/, i % 2 === 0 ? ',add,' : ',reject,'))].join('\r\n')}\r\n`;
}

/** A writer that keeps what it would write, to see what an import writes. */
function memoryWriter(): LockedWriter & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return Object.assign((path: string, _shown: string, make: () => string) => void written.set(path, make()), { written });
}

describe('review export', () => {
  test('one item per auto coding, read document by document; the CSV has the header and one row per item', async () => {
    const { opened } = project();
    const sheet = reviewExport(opened).result!;
    expect(sheet.uncertain).toBe(false);
    expect(sheet.counts.items).toBe(0);
    const items = [...sheet.documents].flat();
    expect(sheet.counts.items).toBe(items.length);
    expect(items.length).toBe(8);
    expect(items.every((i) => i.terms.length > 0 && i.line > 0 && i.anchor !== '')).toBe(true);
    const csv = (await sheetText(opened)).split('\r\n');
    expect(csv[0]).toMatch(/^document,path,.*speaker,line,anchor,code,label,terms,text,decision,note$/);
    expect(csv.filter((l) => l !== '').length).toBe(items.length + 1);
  });

  test('--next without a model is wrong usage', () => {
    expect(() => reviewExport(project().opened, { next: 3 })).toThrow(/--next needs a model/);
  });
});

describe('review import', () => {
  test('round trip: the decisions come back as values and land in codings/CODER.csv; a second import replaces, not adds', async () => {
    const { dir, opened } = project();
    writeFileSync(join(dir, 'sheet.csv'), decide(await sheetText(opened)));
    const outcome = reviewImport(opened, { sheet: 'sheet.csv', coder: 'ana' });
    expect(outcome.diagnostics).toEqual([]);
    const result = outcome.result!;
    expect(result.target).toBe(join('codings', 'ana.csv'));
    expect(result.decisions.map((d) => d.decision)).toEqual(['add', 'reject', 'add', 'reject', 'add', 'reject', 'add', 'reject']);
    expect(result.example).toBe('Communicatie');
    const written = parseSidecar('ana.csv', readFileSync(join(dir, 'codings', 'ana.csv'), 'utf8'));
    expect(written.diagnostics).toEqual([]);
    expect(written.rows.map((r) => [r.code, r.decision])).toEqual(result.decisions.map((d) => [d.code, d.decision]));
    reviewImport(opened, { sheet: 'sheet.csv', coder: 'ana' });
    expect(parseSidecar('ana.csv', readFileSync(join(dir, 'codings', 'ana.csv'), 'utf8')).rows.length).toBe(8);
  });

  test('a bad row: its diagnostic as a value, and nothing is written', async () => {
    const { dir, opened } = project();
    writeFileSync(join(dir, 'sheet.csv'), decide(await sheetText(opened)).replace(',add,', ',perhaps,'));
    const write = memoryWriter();
    const outcome = reviewImport(opened, { sheet: 'sheet.csv', coder: 'ana' }, write);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([
      { file: 'sheet.csv', line: 2, rule: 'review/row', message: 'row 2: decision "perhaps" is not add or reject' },
    ]);
    expect(write.written.size).toBe(0);
  });

  test('the writer given gets the merged codings file', async () => {
    const { dir, opened } = project();
    writeFileSync(join(dir, 'sheet.csv'), decide(await sheetText(opened)));
    const write = memoryWriter();
    expect(reviewImport(opened, { sheet: 'sheet.csv', coder: 'bram' }, write).diagnostics).toEqual([]);
    expect([...write.written.keys()]).toEqual([join(dir, 'codings', 'bram.csv')]);
    expect(parseSidecar('bram.csv', [...write.written.values()][0]).rows.length).toBe(8);
  });

  test('an existing codings file with errors: nothing is written, and the file is named', async () => {
    const { dir, opened } = project();
    writeFileSync(join(dir, 'sheet.csv'), decide(await sheetText(opened)));
    const target = join('codings', 'ana.csv');
    mkdirSync(join(dir, 'codings'), { recursive: true });
    writeFileSync(join(dir, target), 'not,a,codings,file\n');
    const outcome = reviewImport(opened, { sheet: 'sheet.csv', coder: 'ana' });
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics.map((d) => [d.file, d.rule])).toEqual([
      [target, 'review/target'],
      [target, 'codings/columns'],
    ]);
    expect(readFileSync(join(dir, target), 'utf8')).toBe('not,a,codings,file\n');
  });

  test('a coder name that cannot name a file, and a sheet that is not there, stop before any work', () => {
    const { opened } = project();
    expect(() => reviewImport(opened, { sheet: 'sheet.csv', coder: 'qda' }, memoryWriter())).toThrow(/cannot name a codings file/);
    expect(() => reviewImport(opened, { sheet: 'none.csv', coder: 'ana' }, memoryWriter())).toThrow(/review sheet none.csv not found/);
  });
});
