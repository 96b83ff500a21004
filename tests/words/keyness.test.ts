import { describe, expect, test } from 'vitest';
import { logLikelihood, logRatio, tfIdf } from '../../src/words/keyness.js';
import { parseStopWords } from '../../src/words/stop-words.js';

describe('keyness', () => {
  test('G² of 3 in 10 words against 1 in 20, worked out by hand', () => {
    // E1 = 10 · 4 / 30 = 1.3333, E2 = 20 · 4 / 30 = 2.6667
    // G² = 2 · (3 · ln(3 / 1.3333) + 1 · ln(1 / 2.6667)) = 2 · (2.43279 − 0.98083) = 2.90392
    expect(logLikelihood(3, 1, 10, 20)).toBeCloseTo(2.90392, 4);
    // Rarer in the part than in the rest: the same size of difference, negative.
    expect(logLikelihood(1, 3, 20, 10)).toBeCloseTo(-2.90392, 4);
    expect(logLikelihood(2, 4, 10, 20)).toBeCloseTo(0, 10);
  });

  test('log ratio: log2 of the ratio of relative frequencies, 0.5 for a count of 0', () => {
    expect(logRatio(3, 1, 10, 20)).toBeCloseTo(Math.log2(6), 10);
    expect(logRatio(4, 0, 10, 20)).toBeCloseTo(Math.log2(0.4 / 0.025), 10);
  });

  test('TF-IDF: share of the words times ln(documents / documents holding it)', () => {
    expect(tfIdf(3, 10, 3, 2)).toBeCloseTo(0.3 * Math.log(1.5), 10);
    expect(tfIdf(3, 10, 3, 3)).toBe(0);
  });

  test('stop word lists: one word a line, # comments', () => {
    expect(parseStopWords('# a list\nde\n  het  # article\n\nen\r\n')).toEqual(['de', 'het', 'en']);
  });
});
