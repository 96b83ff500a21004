import { describe, expect, test } from 'vitest';
import { logLikelihood } from '../../src/words/keyness.js';
import { DEFAULT_MIN_G2, pBelow } from '../../src/words/significance.js';

describe('significance of G²', () => {
  test('the critical values of chi-square with one degree of freedom: 3.84, 6.63, 10.83', () => {
    expect(pBelow(3.8399)).toBeNull();
    expect(pBelow(3.84)).toBe(0.05);
    expect(pBelow(6.6299)).toBe(0.05);
    expect(pBelow(6.63)).toBe(0.01);
    expect(pBelow(10.8299)).toBe(0.01);
    expect(pBelow(10.83)).toBe(0.001);
    expect(pBelow(0)).toBeNull();
    expect(DEFAULT_MIN_G2).toBe(3.84);
  });

  test('G² worked out by hand just either side of each critical value', () => {
    // 3 of 29 words against 0 of 26: E1 = 29 · 3 / 55 = 1.581818; G² = 2 · 3 · ln(3 / 1.581818) = 2 · 1.920112 = 3.840224
    expect(logLikelihood(3, 0, 29, 26)).toBeCloseTo(3.840224, 5);
    expect(pBelow(logLikelihood(3, 0, 29, 26))).toBe(0.05);
    // 7 of 11 against 2 of 13: E1 = 11 · 9 / 24 = 4.125, E2 = 4.875;
    // G² = 2 · (7 · ln(7 / 4.125) + 2 · ln(2 / 4.875)) = 2 · (3.701909 − 1.781946) = 3.839926
    expect(logLikelihood(7, 2, 11, 13)).toBeCloseTo(3.839926, 5);
    expect(pBelow(logLikelihood(7, 2, 11, 13))).toBeNull();
    // 2 of 4 against 0 of 17: E1 = 4 · 2 / 21 = 0.380952; G² = 2 · 2 · ln(2 / 0.380952) = 2 · 3.316456 = 6.632912
    expect(logLikelihood(2, 0, 4, 17)).toBeCloseTo(6.632912, 5);
    expect(pBelow(logLikelihood(2, 0, 4, 17))).toBe(0.01);
    // 10 of 28 against 0 of 11: E1 = 28 · 10 / 39 = 7.179487; G² = 2 · 10 · ln(10 / 7.179487) = 2 · 3.313571 = 6.627143
    expect(logLikelihood(10, 0, 28, 11)).toBeCloseTo(6.627143, 5);
    expect(pBelow(logLikelihood(10, 0, 28, 11))).toBe(0.05);
    // 15 of 23 against 0 of 10: E1 = 23 · 15 / 33 = 10.454545; G² = 2 · 15 · ln(15 / 10.454545) = 2 · 5.415200 = 10.830400
    expect(logLikelihood(15, 0, 23, 10)).toBeCloseTo(10.8304, 4);
    expect(pBelow(logLikelihood(15, 0, 23, 10))).toBe(0.001);
    // 10 of 15 against 1 of 19: E1 = 15 · 11 / 34 = 4.852941, E2 = 6.147059;
    // G² = 2 · (10 · ln(10 / 4.852941) + 1 · ln(1 / 6.147059)) = 2 · (7.230001 − 1.815974) = 10.828055
    expect(logLikelihood(10, 1, 15, 19)).toBeCloseTo(10.828055, 5);
    expect(pBelow(logLikelihood(10, 1, 15, 19))).toBe(0.01);
  });
});
