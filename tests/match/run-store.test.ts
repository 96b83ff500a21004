import { describe, expect, test } from 'vitest';
import { RunStore } from '../../src/match/run-store.js';
import { scanWords, WordTable } from '../../src/match/words.js';

describe('RunStore', () => {
  test('gives back the words kept for a key, of the same table generation only, until reset', () => {
    const table = new WordTable();
    const store = new RunStore();
    const a = {};
    const b = {};
    const words = (text: string) => {
      const run = scanWords(text, table);
      return {
        count: run.count,
        starts: [...run.starts.subarray(0, run.count)],
        ends: [...run.ends.subarray(0, run.count)],
        ids: [...run.ids.subarray(0, run.count)],
      };
    };
    const first = words('de buren helpen');
    store.keep(a, scanWords('de buren helpen', table), 0);
    // enough words to grow the buffer past its first size
    const long = Array.from({ length: 30_000 }, (_, i) => `woord${i % 50}`).join(' ');
    store.keep(b, scanWords(long, table), 0);
    const read = (key: object) => {
      const at = store.at(key, 0);
      const n = store.cells[at];
      const cells = [...store.cells];
      return {
        count: n,
        starts: cells.slice(at + 1, at + 1 + n),
        ends: cells.slice(at + 1 + n, at + 1 + 2 * n),
        ids: cells.slice(at + 1 + 2 * n, at + 1 + 3 * n),
      };
    };
    expect(read(a)).toEqual(first);
    expect(read(b)).toEqual(words(long));
    expect(store.at(a, 1)).toBe(-1);
    store.reset();
    expect(store.at(a, 0)).toBe(-1);
  });

  test('the words of a very long segment are not kept (its reader scans them again), nor do they grow the buffer', () => {
    const table = new WordTable();
    const store = new RunStore();
    const huge = {};
    const first = store.cells.length;
    store.keep(huge, scanWords('woord '.repeat(400_000), table), 0);
    expect(store.at(huge, 0)).toBe(-1);
    expect(store.cells.length).toBe(first);
    const small = {};
    store.keep(small, scanWords('de buren', table), 0);
    expect(store.cells[store.at(small, 0)]).toBe(2);
  });
});
