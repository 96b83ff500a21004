// Matrix figures on a three-document fixture, checked against counts worked out by hand:
// a.md (Noord): R1 communication+capacity (9 words), R2 relations (6); the interviewer is skipped.
// b.md (Zuid): R1 communication+roles (11 words), R2 nothing (4).
// c.md (Noord and Zuid): communication+capacity (10), relations (8), nothing (5).
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';

const FIXTURE = 'tests/fixtures/analysis';

interface MatrixJson {
  columns: string[];
  rows: { id: string; values: number[]; total: number }[];
  totals: { columns: number[]; all: number };
  bases: { columns: number[]; all: number };
}

async function matrix(...args: string[]): Promise<MatrixJson> {
  const r = await qda(['matrix', FIXTURE, '--format', 'json', '-q', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

const row = (m: MatrixJson, id: string) => m.rows.find((r) => r.id === id)!;

describe('qda matrix', () => {
  test('segments per code and district; a list-valued district counts in each value; totals are distinct', async () => {
    const m = await matrix();
    expect(m.columns).toEqual(['Noord', 'Zuid']);
    expect(row(m, 'organisation.communication')).toMatchObject({ values: [2, 2], total: 3 });
    expect(row(m, 'institutional.capacity')).toMatchObject({ values: [2, 1], total: 2 });
    expect(row(m, 'organisation.roles')).toMatchObject({ values: [0, 1], total: 1 });
    expect(m.totals).toEqual({ columns: [4, 3], all: 5 });
    expect(m.bases).toEqual({ columns: [5, 5], all: 7 });
  });

  test('a cluster counts a segment once, however many of its codes it carries', async () => {
    const m = await matrix('--level', 'cluster');
    expect(row(m, 'organisation')).toMatchObject({ values: [2, 2], total: 3 });
  });

  test('documents, respondents and coverage', async () => {
    expect(row(await matrix('--count', 'documents'), 'organisation.communication')).toMatchObject({ values: [2, 2], total: 3 });
    const respondents = await matrix('--count', 'respondents');
    expect(respondents.bases).toEqual({ columns: [2, 2], all: 3 });
    const coverage = await matrix('--count', 'coverage');
    expect(row(coverage, 'organisation.communication').values[0]).toBeCloseTo((100 * 19) / 38, 3);
    expect(coverage.totals.columns[0]).toBeCloseTo((100 * 33) / 38, 3);
  });

  test('row and column percentages', async () => {
    const byRow = await matrix('--percent', 'row');
    expect(row(byRow, 'institutional.capacity').values).toEqual([100, 50]);
    const byCol = await matrix('--percent', 'col');
    expect(row(byCol, 'organisation.communication').values).toEqual([40, 40]);
    expect(byCol.totals.columns).toEqual([80, 60]);
  });

  test('--hide-empty, --code, --where, --by document and speaker', async () => {
    const zuid = await matrix('--where', 'district=Zuid', '--hide-empty');
    expect(zuid.columns).toEqual(['Zuid']);
    expect(zuid.rows.map((r) => r.id)).toEqual(['organisation.communication', 'organisation.roles', 'institutional.capacity', 'personal.relations']);
    const org = await matrix('--code', 'organisation', '--by', 'document');
    expect(org.rows.map((r) => r.id)).toEqual(['organisation.communication', 'organisation.roles']);
    expect(org.columns).toEqual(['a', 'b', 'c']);
    const speakers = await matrix('--by', 'speaker');
    expect(speakers.columns).toEqual(['R', '(none)']);
  });

  test('--percent with coverage is wrong usage', async () => {
    const r = await qda(['matrix', FIXTURE, '--count', 'coverage', '--percent', 'row']);
    expect(r.code).toBe(2);
  });
});

describe('qda cooccur', () => {
  test('counts and Jaccard within segments and documents', async () => {
    const json = async (...args: string[]) => JSON.parse((await qda(['cooccur', FIXTURE, '--format', 'json', '-q', ...args])).stdout);
    const counts = await json();
    const ids: string[] = counts.codes.map((c: { id: string }) => c.id);
    const at = (v: number[][], a: string, b: string) => v[ids.indexOf(a)][ids.indexOf(b)];
    expect(at(counts.values, 'organisation.communication', 'institutional.capacity')).toBe(2);
    expect(at(counts.values, 'organisation.communication', 'organisation.communication')).toBe(3);
    expect(counts.units).toBe(7);
    const jaccard = await json('--measure', 'jaccard');
    expect(at(jaccard.values, 'organisation.communication', 'institutional.capacity')).toBeCloseTo(2 / 3, 4);
    const documents = await json('--within', 'document');
    expect(at(documents.values, 'institutional.capacity', 'personal.relations')).toBe(2);
    expect(documents.units).toBe(3);
  });
});

describe('qda summary', () => {
  test('Dutch district tables, with the memo where there is one and an excerpt elsewhere', async () => {
    const r = await qda(['summary', FIXTURE, '--format', 'md', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Wijk | Aspecten | Toelichting |');
    expect(r.stdout).toContain('| Noord | Communicatie (2) | In Noord');
    expect(r.stdout).toContain('In Noord lopen de lijnen kort, via de kindcoach. (memo: tests/fixtures/analysis/memos/noord-organisatie.md)');
    expect(r.stdout).toMatch(
      /\| Zuid \| Communicatie \(2\); Rollen \(1\) \| “De regie ligt bij ons, en we appen veel met school\.” \(R, tests\/fixtures\/analysis\/corpus\/b\.md:9\) \|/,
    );
  });

  test('English labels for an English project', async () => {
    const r = await qda(['summary', 'examples/english', '-q']);
    expect(r.stdout).toContain('| District | Aspects | Explanation |');
  });
});
