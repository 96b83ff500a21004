// Counting documents in two counters and adding the second to the first gives what one counter gives.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Segment } from '../../src/ingest/document.js';
import { WordCounter } from '../../src/words/count.js';
import { wordsResult } from '../../src/words/result.js';

/** Words of both languages, forms of one stem in other cases and endings, a stop word, a number, punctuation. */
const WORDS = [
  'wijkteam',
  'Wijkteams',
  'wijkteams',
  'school',
  'scholen',
  'ouder',
  'Ouders',
  'de',
  'het',
  'family',
  'families',
  'Family',
  'the',
  'visitor',
  '12',
  'x',
  'buurt,',
  'buurt.',
  'korte',
  'lijnen',
];
const GROUPS = ['Crooswijk', 'Hillesluis', 'Ashbrook', 'Delfshaven'];

interface Doc {
  language: string;
  segments: { words: number[]; groups: number[] }[];
}

const doc = fc.record({
  language: fc.constantFrom('nl', 'en'),
  segments: fc.array(
    fc.record({ words: fc.array(fc.nat(WORDS.length - 1), { maxLength: 30 }), groups: fc.uniqueArray(fc.nat(GROUPS.length - 1), { maxLength: 2 }) }),
    {
      maxLength: 4,
    },
  ),
});

function count(counter: WordCounter, docs: Doc[]): void {
  for (const d of docs) {
    const segments = d.segments.map((s) => ({ text: s.words.map((w) => WORDS[w]).join(' '), groups: s.groups.map((g) => GROUPS[g]) }));
    counter.add(segments as unknown as Segment[], d.language, (s) => (s as unknown as { groups: string[] }).groups);
  }
}

const stop = (language: string) => new Set(language === 'nl' ? ['de', 'het'] : ['the']);

test('absorbing the counts of later documents equals counting every document in one counter', () => {
  fc.assert(
    fc.property(
      fc.array(doc, { maxLength: 12 }),
      fc.nat(),
      fc.constantFrom([1], [1, 2], [1, 2, 3], [3], [2, 3]).map((l) => [...l]),
      (docs, at, lengths) => {
        const cut = docs.length === 0 ? 0 : at % (docs.length + 1);
        const one = new WordCounter(lengths, stop);
        count(one, docs);
        const first = new WordCounter(lengths, stop);
        count(first, docs.slice(0, cut));
        const later = new WordCounter(lengths, stop);
        count(later, docs.slice(cut));
        // Through a structured clone, as a worker thread posts it.
        first.absorb(structuredClone(later.parts()));
        for (const measure of ['ll', 'tfidf'] as const) {
          const query = { lengths, top: 1000, minCount: 1, measure, minG2: 0 };
          expect(wordsResult(first, query)).toEqual(wordsResult(one, query));
        }
        expect(first.groupNames).toEqual(one.groupNames);
        expect(first.termWords.map((_, t) => first.form(t))).toEqual(one.termWords.map((_, t) => one.form(t)));
        for (const n of lengths) expect(first.grams[n - 1].ids.size).toBe(one.grams[n - 1].ids.size);
      },
    ),
    { numRuns: 200 },
  );
});
