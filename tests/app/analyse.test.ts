// qda analyse and qda report as library calls: one pass fills a folder with the same results the
// single commands give, problems of the input come back as values, and nothing is written then.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  analyse,
  ANALYSIS_FILES,
  cooccur,
  getFormatter,
  matrix,
  openCorpus,
  OutputFolder,
  report,
  reportTitle,
  summary,
  projectMemos,
  type OpenedCorpus,
} from '../../src/index.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';
import { ANALYSIS_FIXTURE, golden, openAnalysisFixture } from '../helpers/corpora.js';

let opened: OpenedCorpus;

beforeAll(() => {
  opened = openAnalysisFixture();
});

/** A copy of the fixture with changes, opened. */
function openChanged(change: (dir: string) => void): OpenedCorpus {
  const dir = tempDir();
  cpSync(ANALYSIS_FIXTURE, dir, { recursive: true });
  change(dir);
  const outcome = openCorpus([dir], {}, process.cwd());
  expect(outcome.result).toBeDefined();
  return outcome.result!;
}

describe('analyse', () => {
  test('fills the folder with every file once, and its results are those of matrix, cooccur, summary and report', async () => {
    const out = join(tempDir(), 'out');
    let folder: OutputFolder | undefined;
    const outcome = await analyse(opened, {}, () => (folder = new OutputFolder(out)));
    expect(outcome.diagnostics).toEqual([]);
    folder!.commit();
    const r = outcome.result!;
    expect(r.files).toEqual([...ANALYSIS_FILES.slice(0, 8), 'summary.md', 'report.html', 'index.md']);
    expect(readdirSync(out).sort()).toEqual(ANALYSE_FILES);
    expect(r.totals).toMatchObject({ documents: 3, segments: 9, coded: 5 });
    expect(r.matrices.codes).toEqual(matrix(opened).result!.matrix);
    expect(r.matrices.clusters).toEqual(matrix(opened, { level: 'cluster' }).result!.matrix);
    expect(r.cooccurrence).toEqual(cooccur(opened).result!.cooccurrence);
    expect(r.report).toEqual(report(opened).result!.report);
    expect(r.summary).toEqual(summary(opened, { memos: projectMemos(opened).result! }).result!.summary);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toBe(golden('summary.md'));
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe((await getFormatter('report', 'html'))(report(opened).result!, {}));
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/^# Analyse\n\n3 documenten, 9 segmenten, waarvan 5 met ten minste één code;/);
  });

  test('a memo with an error: the diagnostic as a value, and no folder is asked for', async () => {
    const broken = openChanged((dir) => writeFileSync(join(dir, 'memos', 'bad.md'), '---\ntitle: X\ncode: nonexistent\n---\n\ntext\n'));
    let asked = false;
    const outcome = await analyse(broken, {}, () => {
      asked = true;
      throw new Error('not to be called');
    });
    expect(asked).toBe(false);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([{ severity: 'error', rule: 'memo/unknown-code', line: 1 }]);
  });

  test('a compareBy that no document has is a warning; every document is counted under (none)', async () => {
    const other = openChanged((dir) => {
      const yaml = join(dir, 'qda.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('compareBy: district', 'compareBy: wave'));
    });
    let folder: OutputFolder | undefined;
    const outcome = await analyse(other, {}, () => (folder = new OutputFolder(join(tempDir(), 'out'))));
    folder!.abort();
    expect(outcome.diagnostics).toMatchObject([
      { severity: 'warning', file: '', message: expect.stringContaining('"wave"; every document is counted under (none)') },
    ]);
    expect(outcome.result!.matrices.codes.columns).toEqual(['(none)']);
  });

  test('a poll that throws stops the run; the aborted folder leaves nothing behind', async () => {
    const parent = tempDir();
    let folder: OutputFolder | undefined;
    const stop = new Error('stop');
    const run = analyse(opened, {}, () => (folder = new OutputFolder(join(parent, 'out'))), {
      poll: async () => {
        throw stop;
      },
    });
    await expect(run).rejects.toBe(stop);
    folder!.abort();
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('report', () => {
  test('the title, the by attribute and the filter of the request', () => {
    const r = report(opened, { by: 'role', filter: { codes: [], where: new Map([['district', ['Noord']]]), speakers: [] } }).result!;
    expect(r.report.title).toBe(reportTitle(opened));
    expect(r.report.by).toBe('role');
    expect(r.documents).toBeLessThan(opened.documents.length);
    expect(report(opened, { title: 'Wave 1' }).result!.report.title).toBe('Wave 1');
  });

  test('a document without a type is null in the model and — in the page, in the order of the headings', async () => {
    const changed = openChanged((dir) => {
      writeFileSync(join(dir, 'corpus/d.md'), '---\ndistrict: Noord\n---\n\nDe wachtlijst is lang.\n');
      writeFileSync(join(dir, 'corpus/e.md'), '---\ndistrict: Noord\ntype: 中文\n---\n\nDe wachtlijst is lang.\n');
    });
    const r = report(changed).result!;
    expect(r.report.overview.types).toEqual(['interview', 'meeting', '中文', null]);
    const noord = r.report.overview.rows.find((row) => row.value === 'Noord')!;
    expect(noord.counts.at(-1)).toBe(1);
    const html = (await getFormatter('report', 'html'))(r, {});
    const head = /<section id="overview">[^]*?<thead>(.*?)<\/thead>/.exec(html)![1];
    expect([...head.matchAll(/class="num">([^<]*)</g)].map((m) => m[1])).toEqual(['interview', 'meeting', '—', '中文', 'Totaal']);
  });

  test('an unknown --by is an error of the request; a missing memo folder is a problem of the input', () => {
    const unknown = report(opened, { by: 'nope' });
    expect(unknown.result).toBeUndefined();
    expect(unknown.diagnostics).toMatchObject([{ severity: 'error', file: '', rule: 'selection/unknown' }]);
    expect(() => report(opened, { memoFolder: join(tempDir(), 'none') })).toThrow(/memo folder .* not found/);
  });
});
