import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tokenize } from '../../src/match/tokens.js';
import { countWords, scanWords, WordTable } from '../../src/match/words.js';

/** Text mixing words with accents, combining marks, astral letters and digits, punctuation and lone surrogates. */
const pieces = fc.constantFrom(
  'ouders',
  'Crooswijk',
  'financiële',
  'e\u0301e\u0301n',
  'ZOË',
  'Ayşe',
  'İstanbul',
  '24/7',
  'co-locatie',
  "m'n",
  "A4'tje",
  '𝒜𝒷𝒸',
  '😀',
  '\ud800',
  '\udc00x',
  '\u0301start',
  '٣٤',
  'ﬁx',
  'straße',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '.',
  ',',
  '-',
  '_',
  '\u00a0',
  '’',
);
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

function viaScan(text: string, table: WordTable) {
  const run = scanWords(text, table);
  const out = [];
  for (let i = 0; i < run.count; i++) out.push({ word: table.folded[run.ids[i]], start: run.starts[i], end: run.ends[i] });
  return out;
}

describe('scanWords', () => {
  test('gives the words, offsets and folded forms of tokenize on any text', () => {
    const table = new WordTable();
    fc.assert(
      fc.property(texts, (text) => {
        expect(viaScan(text, table)).toEqual(tokenize(text));
        expect(countWords(text)).toBe(tokenize(text).length);
      }),
      { numRuns: 2000 },
    );
  });

  test('one id per distinct written word; a cleared table starts again and still folds alike', () => {
    const table = new WordTable(3);
    const run = scanWords('Wijk wijk WIJK wijk', table);
    expect([...run.ids.subarray(0, run.count)]).toEqual([0, 1, 2, 1]);
    expect(table.folded).toEqual(['wijk', 'wijk', 'wijk']);
    expect(table.full).toBe(true);
    table.clear();
    expect(viaScan('Één école', table)).toEqual(tokenize('Één école'));
  });

  test('arrays grow for long texts', () => {
    const text = 'woord '.repeat(5000);
    const run = scanWords(text, new WordTable());
    expect(run.count).toBe(5000);
    expect(run.starts[4999]).toBe(6 * 4999);
  });
});

describe('the word table', () => {
  test('one id per distinct word as written, kept while the table grows, and new ones after clear', () => {
    const table = new WordTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${i % 7 === 0 ? 'É' : ''}`);
    const ids = words.map((w) => table.id(w));
    expect(new Set(ids).size).toBe(words.length);
    expect(words.map((w) => table.id(w))).toEqual(ids);
    const text = ` ${words.join(', ')} `;
    const run = scanWords(text, table);
    expect(Array.from(run.ids.slice(0, run.count))).toEqual(ids);
    expect(table.raw[ids[7]]).toBe('w7É');
    expect(table.folded[ids[7]]).toBe('w7e');
    table.clear();
    expect(table.size).toBe(0);
    expect(table.id('w1')).toBe(0);
    expect(table.id('W1')).toBe(1);
  });
});

describe('runs kept for a second scan', () => {
  const copy = (run: ReturnType<typeof scanWords>) => ({
    starts: [...run.starts.subarray(0, run.count)],
    ends: [...run.ends.subarray(0, run.count)],
    ids: [...run.ids.subarray(0, run.count)],
  });

  test('give what scanning the text again gives, over many chunks, each once', () => {
    const table = new WordTable();
    // About 3 million cells in all: the runs span several chunks, and one is freed before the last is taken.
    const texts = Array.from({ length: 2000 }, (_, i) => `Segment ${i}: ${'de ouders van de wijk, Crooswijk '.repeat(1 + (i % 100))}`);
    const keys = texts.map(() => ({}));
    texts.forEach((text, i) => table.kept.keep(keys[i], scanWords(text, table)));
    texts.forEach((text, i) => {
      const kept = table.kept.take(keys[i]);
      expect(kept).toBeDefined();
      expect(copy(kept!)).toEqual(copy(scanWords(text, table)));
    });
    expect(table.kept.take({})).toBeUndefined();
  });

  test('are dropped when the table is cleared, so that no id of other words is used', () => {
    const table = new WordTable(2);
    const key = {};
    table.kept.keep(key, scanWords('wijk team', table));
    const before = table.generation;
    table.clear();
    expect(table.generation).toBe(before + 1);
    expect(table.kept.take(key)).toBeUndefined();
  });
});
