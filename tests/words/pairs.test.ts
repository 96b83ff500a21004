import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PairIds } from '../../src/words/pairs.js';

describe('PairIds', () => {
  test('gives each pair one id, in the order pairs are first met, and gives its numbers back', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 50 })), { maxLength: 5000 }), (pairs) => {
        const table = new PairIds();
        const known = new Map<string, number>();
        for (const [a, b] of pairs) {
          const key = `${a},${b}`;
          if (!known.has(key)) known.set(key, known.size);
          expect(table.id(a, b)).toBe(known.get(key));
        }
        expect(table.size).toBe(known.size);
        for (const [key, id] of known) expect(`${table.left(id)},${table.right(id)}`).toBe(key);
      }),
      { numRuns: 50 },
    );
  });

  test('keeps its ids as it grows past its first slots', () => {
    const table = new PairIds();
    for (let i = 0; i < 20_000; i++) expect(table.id(i % 700, i)).toBe(i);
    for (let i = 0; i < 20_000; i++) expect(table.id(i % 700, i)).toBe(i);
  });
});
