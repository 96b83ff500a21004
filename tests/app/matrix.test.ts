// The matrix as a library call: open the analysis fixture, build the matrix, read its figures and
// diagnostics as values. Figures as worked out by hand in tests/analysis/matrix.test.ts.
import { describe, expect, test } from 'vitest';
import { openCorpus, matrix, type OpenedCorpus } from '../../src/index.js';

const FIXTURE = 'tests/fixtures/analysis';

function opened(): OpenedCorpus {
  const outcome = openCorpus([FIXTURE], {}, process.cwd());
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!;
}

describe('matrix()', () => {
  test('segments per code and district, with the bases and the documents counted', () => {
    const { result, diagnostics } = matrix(opened(), { by: 'district' });
    expect(diagnostics).toEqual([]);
    const m = result!.matrix;
    expect(m.columns).toEqual(['Noord', 'Zuid']);
    const row = (id: string) => m.values[m.rows.findIndex((r) => r.id === id)];
    expect(row('organisation.communication')).toEqual([2, 2]);
    expect(row('organisation.roles')).toEqual([0, 1]);
    expect(m.columnTotals).toEqual([4, 3]);
    expect(m.bases).toEqual([5, 5]);
    expect(result!.documents).toBe(3);
    expect(result!.language).toBe('nl');
  });

  test('a --where keeps the documents it names; the count of documents follows', () => {
    const { result } = matrix(opened(), { filter: { codes: [], where: new Map([['district', ['Zuid']]]), speakers: [] }, count: 'documents' });
    expect(result!.documents).toBe(2);
    expect(result!.matrix.grandTotal).toBe(2);
  });

  test('an unknown code is an error of the request, with a suggestion, and no result', () => {
    const outcome = matrix(opened(), { filter: { codes: ['organisation.rolls'], where: new Map(), speakers: [] } });
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([
      { file: '', severity: 'error', message: 'unknown code "organisation.rolls"; did you mean organisation.roles?' },
    ]);
  });

  test('a compare-by attribute that no document has: an error when asked for, a warning when it is the default', () => {
    const asked = matrix(opened(), { by: 'wijk' });
    expect(asked.result).toBeUndefined();
    expect(asked.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^--by wijk: no document has the attribute "wijk"/),
    });
    const defaulted = matrix(opened(), { by: 'wijk', byExplicit: false });
    expect(defaulted.result!.matrix.columns).toEqual(['(none)']);
    expect(defaulted.diagnostics[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/counted under \(none\)$/) });
  });

  test('percentages of coverage are refused: it is a percentage already', () => {
    const outcome = matrix(opened(), { count: 'coverage', percent: 'row' });
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'options/conflict' });
  });
});
