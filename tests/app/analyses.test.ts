// The analyses as library calls, below the command line: the analysis fixture opened once, each
// result formatted by the registry, compared with the golden files that `qda matrix|cooccur|summary`
// must write (tests/analysis/golden.test.ts checks the command line against the same files).
import { beforeAll, describe, expect, test } from 'vitest';
import { cooccur, excerpts, getFormatter, matrix, projectMemos, summary, type OpenedCorpus } from '../../src/index.js';
import { golden, openAnalysisFixture } from '../helpers/corpora.js';

let opened: OpenedCorpus;

beforeAll(() => {
  opened = openAnalysisFixture();
});

describe('the library gives the bytes of the command line', () => {
  test('matrix: table, cluster column percentages as md, coverage as csv, documents as json, Excel csv', async () => {
    const text = async (format: 'table' | 'md' | 'csv' | 'json', request: Parameters<typeof matrix>[1], excel = false) =>
      (await getFormatter('matrix', format))(matrix(opened, request).result!, { excel });
    expect(await text('table', {})).toBe(golden('matrix.txt'));
    expect(await text('md', { level: 'cluster', percent: 'col' })).toBe(golden('matrix-cluster-col.md'));
    expect(await text('csv', { count: 'coverage' })).toBe(golden('matrix-coverage.csv'));
    expect(await text('json', { count: 'documents' })).toBe(golden('matrix-documents.json'));
    expect(await text('csv', {}, true)).toBe(golden('matrix-excel.csv'));
  });

  test('cooccur: counts, Jaccard, within documents, clusters as json', async () => {
    const text = async (format: 'table' | 'md' | 'csv' | 'json', request: Parameters<typeof cooccur>[1]) =>
      (await getFormatter('cooccur', format))(cooccur(opened, request).result!, {});
    expect(await text('table', {})).toBe(golden('cooccur.txt'));
    expect(await text('csv', { measure: 'jaccard' })).toBe(golden('cooccur-jaccard.csv'));
    expect(await text('md', { within: 'document' })).toBe(golden('cooccur-document.md'));
    expect(await text('json', { level: 'cluster' })).toBe(golden('cooccur.json'));
  });

  test('summary with the memos of the project: md, csv, json', async () => {
    const memos = projectMemos(opened);
    expect(memos.diagnostics).toEqual([]);
    const result = summary(opened, { memos: memos.result! }).result!;
    for (const [format, name] of [
      ['md', 'summary.md'],
      ['csv', 'summary.csv'],
      ['json', 'summary.json'],
    ] as const)
      expect((await getFormatter('summary', format))(result, {})).toBe(golden(name));
  });
});

describe('results as values', () => {
  test('cooccur: the diagonal counts the segments of each code; pairs are symmetric', () => {
    const c = cooccur(opened).result!.cooccurrence;
    const i = c.codes.findIndex((x) => x.id === 'organisation.communication');
    const j = c.codes.findIndex((x) => x.id === 'institutional.capacity');
    expect(c.values[i][i]).toBe(3);
    expect(c.values[i][j]).toBe(c.values[j][i]);
    expect(c.values[i][j]).toBe(2);
  });

  test('excerpts: a group per code of the cluster asked for, the excerpts of a code as many as its segments', () => {
    const result = excerpts(opened, { filter: { codes: ['organisation'], where: new Map(), speakers: [] } }).result!;
    expect(result.groups.map((g) => g.code.id)).toEqual(['organisation', 'organisation.communication', 'organisation.roles']);
    expect(result.groups.map((g) => g.excerpts.length)).toEqual([0, 3, 1]);
    expect(result.documents).toBe(3);
  });

  test('an unknown --where value is an error of the request for every analysis', () => {
    const filter = { codes: [], where: new Map([['district', ['Oost']]]), speakers: [] };
    for (const outcome of [cooccur(opened, { filter }), summary(opened, { filter }), excerpts(opened, { filter })]) {
      expect(outcome.result).toBeUndefined();
      expect(outcome.diagnostics).toMatchObject([
        { file: '', severity: 'error', message: expect.stringMatching(/^no document has district "Oost"/) },
      ]);
    }
  });
});
