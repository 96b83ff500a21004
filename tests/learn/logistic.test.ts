// The logistic regression on problems small enough to check by hand.
import { describe, expect, test } from 'vitest';
import { fitLogistic, probability, sigmoid, FIT_DEFAULTS, type SparseRow } from '../../src/learn/logistic.js';

const row = (pairs: [number, number][]): SparseRow => ({
  index: Int32Array.from(pairs.map((p) => p[0])),
  value: Float64Array.from(pairs.map((p) => p[1])),
});
const none = row([]);
const long = { ...FIT_DEFAULTS, iterations: 20_000, tolerance: 1e-10 };

describe('fitLogistic', () => {
  test('with the bias alone, the unbalanced fit is the log odds of the labels: ln 3 for 3 to 1', () => {
    const fitted = fitLogistic([none, none, none, none], [true, true, true, false], 0, { ...long, balanced: false });
    expect(fitted.bias).toBeCloseTo(Math.log(3), 6);
    // balanced, both classes weigh the same: even odds
    expect(fitLogistic([none, none, none, none], [true, true, true, false], 0, long).bias).toBeCloseTo(0, 6);
  });

  test('one feature, x = +1 positive and x = -1 negative, l2 = 1: the weight solves w = σ(-w) (0.4011)', () => {
    const fitted = fitLogistic([row([[0, 1]]), row([[0, -1]])], [true, false], 1, { ...long, l2: 1, balanced: false });
    const w = fitted.weights[0];
    expect(Math.abs(w - sigmoid(-w))).toBeLessThan(1e-6);
    expect(w).toBeCloseTo(0.4011, 4);
    expect(fitted.bias).toBeCloseTo(0, 6);
  });

  test('separable data: the penalty keeps weights finite, every example is on its side, less penalty gives larger weights', () => {
    const rows = [
      row([[0, 1]]),
      row([
        [0, 1],
        [1, 1],
      ]),
      row([[1, 1]]),
      row([[2, 1]]),
      row([
        [1, 1],
        [2, 1],
      ]),
    ];
    const labels = [true, true, false, false, false];
    const strong = fitLogistic(rows, labels, 3, { ...long, l2: 0.1 });
    const weak = fitLogistic(rows, labels, 3, { ...long, l2: 0.001 });
    for (const fitted of [strong, weak]) {
      expect([...fitted.weights].every(Number.isFinite)).toBe(true);
      rows.forEach((r, i) => expect(probability(r, fitted.bias, fitted.weights) >= 0.5).toBe(labels[i]));
    }
    expect(Math.abs(weak.weights[0])).toBeGreaterThan(Math.abs(strong.weights[0]));
  });

  test('class imbalance: 3 positives in 20; balanced weights lift the rare class as the weighted odds say', () => {
    // feature 0 on 4 rows (2 positive), off on 16 rows (1 positive)
    const rows = [...Array(4).fill(row([[0, 1]])), ...Array(16).fill(none)];
    const labels = [true, true, false, false, true, ...Array(15).fill(false)];
    const plain = fitLogistic(rows, labels, 1, { ...long, l2: 1e-6, balanced: false });
    expect(probability(rows[0], plain.bias, plain.weights)).toBeCloseTo(2 / 4, 2);
    expect(probability(none, plain.bias, plain.weights)).toBeCloseTo(1 / 16, 2);
    // balanced: positives weigh 20/6, negatives 20/34
    const balanced = fitLogistic(rows, labels, 1, { ...long, l2: 1e-6 });
    const [pos, neg] = [20 / 6, 20 / 34];
    expect(probability(rows[0], balanced.bias, balanced.weights)).toBeCloseTo((2 * pos) / (2 * pos + 2 * neg), 2);
    expect(probability(none, balanced.bias, balanced.weights)).toBeCloseTo(pos / (pos + 15 * neg), 2);
  });

  test('deterministic: the same rows give the same weights, bit for bit', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      row([
        [i % 7, 1 / Math.sqrt(2)],
        [(i * 3) % 11, 1 / Math.sqrt(2)],
      ]),
    );
    const labels = rows.map((_, i) => i % 3 === 0);
    const a = fitLogistic(rows, labels, 11);
    const b = fitLogistic(rows, labels, 11);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
    expect(a.bias).toBe(b.bias);
  });
});
