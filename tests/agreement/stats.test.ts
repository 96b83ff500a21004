// Agreement figures against published worked examples (to three decimals) and against small cases
// worked out by hand in the comments. Krippendorff (2011) is "Computing Krippendorff's
// Alpha-Reliability", Annenberg School for Communication, University of Pennsylvania.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { agreement, type UnitValues } from '../../src/agreement/stats.js';
import { readReliabilityData } from '../../src/agreement/reliability-data.js';

/** Units from one row of values per coder, as the papers print them; '.' is a value the coder did not give. */
function byCoder(...rows: string[]): UnitValues[] {
  const cells = rows.map((r) => r.trim().split(/\s+/));
  return cells[0].map((_, u) => ({
    values: cells.map((c) => (c[u] === '.' ? undefined : Number(c[u]))),
  }));
}

/** Two coders' 0/1 data from the cells of a two-by-two table, as `count` identical units each. */
function twoByTwo(both: number, firstOnly: number, secondOnly: number, neither: number): UnitValues[] {
  const cell = (a: number, b: number, count: number) => Array.from({ length: count }, () => ({ values: [a, b] }));
  return [...cell(1, 1, both), ...cell(1, 0, firstOnly), ...cell(0, 1, secondOnly), ...cell(0, 0, neither)];
}

describe('Krippendorff (2011): four observers, 12 units, missing values', () => {
  const units = byCoder(
    '1 2 3 3 2 1 4 1 2 . . .', // A
    '1 2 3 3 2 2 4 1 2 5 . 3', // B
    '. 3 3 3 2 3 4 2 2 5 1 .', // C
    '1 2 3 3 2 4 4 1 2 5 1 .', // D
  );

  test('published alpha for each metric', () => {
    expect(agreement(units, { metric: 'nominal' }).alpha).toBeCloseTo(0.743, 3);
    expect(agreement(units, { metric: 'ordinal' }).alpha).toBeCloseTo(0.815, 3);
    expect(agreement(units, { metric: 'interval' }).alpha).toBeCloseTo(0.849, 3);
    expect(agreement(units, { metric: 'ratio' }).alpha).toBeCloseTo(0.797, 3);
  });

  test('the counts behind nominal alpha: n = 40 pairable values, D_o = 8/40, D_e = 1216/1560', () => {
    // Unit 12 holds one value and drops out, leaving 11 units and 40 values. The paper's marginals are
    // n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3. Off the diagonal the coincidences add up to 8:
    // unit 2 (2,2,3,2) gives 2 · 3·1/3 = 2, unit 6 (1,2,3,4) twelve pairs of 1/3 = 4, unit 8 (1,1,2,1) 2.
    // D_o = 8/40 = 0.2; D_e = (40² - Σ n_c²)/(40·39) = (1600 - 384)/1560; alpha = 1 - 0.2/0.7795 = 0.743.
    const a = agreement(units);
    expect(a.coders).toBe(4);
    expect(a.units).toBe(11);
    expect(a.counts.pairable).toBe(40);
    expect(a.counts.observedDisagreement).toBeCloseTo(0.2, 10);
    expect(a.counts.expectedDisagreement).toBeCloseTo(1216 / 1560, 10);
    // Units 2, 6 and 8 hold a disagreement: 8 of 11 agree. Four coders, so no Cohen's kappa.
    expect(a.percent).toBeCloseTo(8 / 11, 10);
    expect(a.kappa).toBeNull();
  });

  test('the same data in long form through readReliabilityData', () => {
    const read = readReliabilityData(readFileSync('tests/fixtures/agreement/krippendorff-4-coders.csv', 'utf8'));
    expect(read.problems).toEqual([]);
    expect(read.coders).toEqual(['A', 'B', 'C', 'D']);
    expect(read.units).toEqual(units);
    // Rows in another order read the same: units and coders are sorted ("2" before "10").
    const [header, ...rows] = readFileSync('tests/fixtures/agreement/krippendorff-4-coders.csv', 'utf8').trim().split('\n');
    expect(readReliabilityData([header, ...rows.reverse()].join('\n'))).toEqual(read);
    expect(agreement(read.units, { metric: 'nominal' }).alpha).toBeCloseTo(0.743, 3);
    expect(agreement(read.units, { metric: 'ordinal' }).alpha).toBeCloseTo(0.815, 3);
    expect(agreement(read.units, { metric: 'interval' }).alpha).toBeCloseTo(0.849, 3);
    expect(agreement(read.units, { metric: 'ratio' }).alpha).toBeCloseTo(0.797, 3);
  });
});

describe('Krippendorff (2011): two observers, binary data, 10 units', () => {
  const units = byCoder(
    '0 1 0 0 0 0 0 0 1 0', // A
    '1 1 1 0 0 1 0 0 0 0', // B
  );

  test('published nominal alpha 0.095', () => {
    expect(agreement(units).alpha).toBeCloseTo(0.095, 3);
  });

  test("Cohen's kappa by hand", () => {
    // Both 1: unit 2. A only: unit 9. B only: units 1, 3, 6. Neither: the other 5.
    // p_o = (1 + 5) / 10 = 0.60; A codes 1 in 2 of 10 units, B in 4 of 10, so
    // p_e = 0.2 · 0.4 + 0.8 · 0.6 = 0.56 and kappa = (0.60 - 0.56) / (1 - 0.56) = 0.04 / 0.44 = 0.0909.
    const a = agreement(units);
    expect(a.kappa).toBeCloseTo(0.091, 3);
    expect(a.counts).toMatchObject({ both: 1, firstOnly: 1, secondOnly: 3, neither: 5 });
    expect(a.percent).toBeCloseTo(0.6, 10);
  });
});

describe("the standard two-by-two Cohen's kappa example", () => {
  // 50 units: both yes 20, first yes/second no 5, first no/second yes 10, both no 15.
  // p_o = 35/50 = 0.70; the first says yes in 25/50, the second in 30/50, so
  // p_e = 0.5 · 0.6 + 0.5 · 0.4 = 0.50 and kappa = (0.70 - 0.50) / (1 - 0.50) = 0.400.
  const units = twoByTwo(20, 5, 10, 15);
  const weighted: UnitValues[] = [
    { values: [1, 1], weight: 20 },
    { values: [1, 0], weight: 5 },
    { values: [0, 1], weight: 10 },
    { values: [0, 0], weight: 15 },
  ];

  test('kappa 0.400, as 50 units and as 4 weighted units alike', () => {
    const plain = agreement(units);
    expect(plain.kappa).toBeCloseTo(0.4, 3);
    expect(plain.percent).toBeCloseTo(0.7, 10);
    expect(plain.units).toBe(50);
    expect(plain.counts).toMatchObject({ both: 20, firstOnly: 5, secondOnly: 10, neither: 15, pairable: 100 });
    const fromWeights = agreement(weighted);
    expect(fromWeights).toEqual(plain);
  });

  test('Brennan–Prediger: q = 2, p_o = 0.7 → (0.7 - 0.5) / (1 - 0.5) = 0.4', () => {
    expect(agreement(units).brennanPrediger).toBeCloseTo(0.4, 10);
    expect(agreement(weighted).brennanPrediger).toBeCloseTo(0.4, 10);
    // With three categories to choose from, chance agreement is 1/3: (0.7 - 1/3) / (2/3) = 0.55.
    expect(agreement(units, { categories: 3 }).brennanPrediger).toBeCloseTo(0.55, 10);
  });

  test('alpha by hand: n = 100, n_yes = 55, n_no = 45; D_o = 30/100, D_e = 2·55·45 / (100·99) = 0.5; alpha = 0.4', () => {
    const a = agreement(weighted);
    expect(a.counts.observedDisagreement).toBeCloseTo(0.3, 10);
    expect(a.counts.expectedDisagreement).toBeCloseTo(0.5, 10);
    expect(a.alpha).toBeCloseTo(0.4, 10);
  });
});

describe('edge cases', () => {
  test('perfect agreement with variation: alpha = kappa = 1, percent 1', () => {
    const a = agreement(byCoder('1 0 1 1 0', '1 0 1 1 0'));
    expect(a).toMatchObject({ alpha: 1, kappa: 1, percent: 1, brennanPrediger: 1 });
    expect(agreement(byCoder('1 2 3 4', '1 2 3 4'), { metric: 'interval' }).alpha).toBe(1);
  });

  test('no variation at all: alpha and kappa undefined (null), percent 1', () => {
    const a = agreement(byCoder('1 1 1 1', '1 1 1 1'));
    expect(a).toMatchObject({ alpha: null, kappa: null, percent: 1 });
    expect(a.counts.expectedDisagreement).toBe(0);
  });

  test('a unit only one coder saw is ignored for alpha and percent', () => {
    const seen = byCoder('0 1 0 0 0 0 0 0 1 0', '1 1 1 0 0 1 0 0 0 0');
    const withLone = [...seen, { values: [1, undefined] }, { values: [undefined, 7] }];
    const a = agreement(withLone);
    expect(a.units).toBe(10);
    expect(a.alpha).toBe(agreement(seen).alpha);
    expect(a.percent).toBe(agreement(seen).percent);
    // Nor does it count for kappa (both must have coded) or for q (7 was never paired).
    expect(a.kappa).toBe(agreement(seen).kappa);
    expect(a.brennanPrediger).toBe(agreement(seen).brennanPrediger);
  });

  test('three coders: no kappa, but alpha and Brennan–Prediger by hand', () => {
    // Units (1,1,1), (0,0,0), (1,1,0), (0,0,0): n = 12, n_1 = 5, n_0 = 7. Only unit 3 disagrees:
    // o_10 = o_01 = 2·1/(3-1) = 1, so D_o = 2/12 and D_e = 2·5·7 / (12·11) = 70/132;
    // alpha = 1 - (2/12)/(70/132) = 1 - 22/70 = 48/70.
    // Pairwise agreement per unit 1, 1, 1/3, 1 → p_o = 10/12; q = 2 → (10/12 - 1/2)/(1/2) = 2/3.
    const a = agreement(byCoder('1 0 1 0', '1 0 1 0', '1 0 0 0'));
    expect(a.coders).toBe(3);
    expect(a.kappa).toBeNull();
    expect(a.alpha).toBeCloseTo(48 / 70, 10);
    expect(a.brennanPrediger).toBeCloseTo(2 / 3, 10);
    expect(a.percent).toBeCloseTo(0.75, 10);
    expect(a.counts.both).toBeUndefined();
  });

  test('all units missing: alpha null, units 0', () => {
    const a = agreement([{ values: [undefined, undefined] }, { values: [undefined, 1] }]);
    expect(a).toMatchObject({ coders: 2, units: 0, percent: 0, alpha: null, kappa: null, brennanPrediger: null });
    expect(agreement([]).alpha).toBeNull();
  });

  test('kappa only for nominal data; strings are categories; numeric metrics want numbers', () => {
    const units = byCoder('1 2 3 3', '1 2 3 1');
    expect(agreement(units, { metric: 'interval' }).kappa).toBeNull();
    const words: UnitValues[] = [{ values: ['ja', 'ja'] }, { values: ['nee', 'ja'] }, { values: ['nee', 'nee'] }];
    expect(agreement(words).percent).toBeCloseTo(2 / 3, 10);
    expect(() => agreement(words, { metric: 'ordinal' })).toThrow(TypeError);
    expect(() => agreement(units, { categories: 1 })).toThrow(TypeError);
    expect(() => agreement([{ values: [1, 1], weight: -1 }])).toThrow(TypeError);
  });
});

describe('readReliabilityData', () => {
  test('problems carry the 1-based data row: a missing column, a duplicate unit+coder', () => {
    const csv = ['unit,coder,value', '1,A,1', '1,B', '', '1,A,2', '2,A,ja', '2,B,3.5', '3,,1'].join('\n');
    const read = readReliabilityData(csv);
    expect(read.problems).toEqual([
      { row: 2, message: 'no value' },
      { row: 4, message: 'coder A already gave unit 1 a value in row 1' },
      { row: 7, message: 'no coder' },
    ]);
    expect(read.coders).toEqual(['A', 'B']);
    expect(read.units).toEqual([{ values: [1, undefined] }, { values: ['ja', 3.5] }]);
  });

  test('a header without unit, coder and value is one problem at row 0', () => {
    expect(readReliabilityData('id,rater,score\n1,A,1\n').problems).toEqual([
      { row: 0, message: 'the header needs the columns unit,coder,value; missing: unit, coder, value' },
    ]);
  });
});
