// Counting with the words the coding pass kept (another table's ids, mapped once per distinct word)
// gives what counting by scanning again gives, also when the other table was cleared in between.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Segment } from '../../src/ingest/document.js';
import { RunStore } from '../../src/match/run-store.js';
import { scanWords, WordTable } from '../../src/match/words.js';
import { WordCounter } from '../../src/words/count.js';
import { wordsResult } from '../../src/words/result.js';

const WORDS = [
  'wijkteam',
  'Wijkteams',
  'school',
  'scholen',
  'Ouders',
  'de',
  'het',
  'family',
  'Families',
  'the',
  '12',
  'x',
  'buurt,',
  'buurt.',
  'café',
  'cafe\u0301',
  '—',
];
const GROUPS = ['Crooswijk', 'Hillesluis', 'Ashbrook'];
const stop = (language: string) => new Set(language === 'nl' ? ['de', 'het'] : ['the']);

const doc = fc.record({
  language: fc.constantFrom('nl', 'en'),
  segments: fc.array(
    fc.record({
      words: fc.array(fc.nat(WORDS.length - 1), { maxLength: 20 }),
      groups: fc.uniqueArray(fc.nat(GROUPS.length - 1), { maxLength: 2 }),
      // whether the coding pass kept this segment's words
      kept: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  // whether the coding pass's table was cleared before this document
  clear: fc.boolean(),
});

test("counting with the coding pass's kept words equals counting by scanning", () => {
  fc.assert(
    fc.property(
      fc.array(doc, { maxLength: 10 }),
      fc.constantFrom([1], [1, 2], [1, 2, 3]).map((l) => [...l]),
      (docs, lengths) => {
        const scanning = new WordCounter(lengths, stop);
        const taking = new WordCounter(lengths, stop);
        const tables = new Map<string, WordTable>();
        const runs = new RunStore();
        // The coding pass met other words first, so its ids differ from the counter's.
        for (const language of ['nl', 'en']) {
          const table = new WordTable();
          scanWords('families Ouders het buurt school', table);
          tables.set(language, table);
        }
        for (const d of docs) {
          const table = tables.get(d.language)!;
          if (d.clear) table.clear();
          const segments = d.segments.map((s) => ({ text: s.words.map((w) => WORDS[w]).join(' '), groups: s.groups.map((g) => GROUPS[g]) }));
          runs.reset();
          d.segments.forEach((s, i) => {
            const run = scanWords(segments[i].text, table);
            if (s.kept) runs.keep(segments[i], run, table.generation);
          });
          const groupsOf = (s: Segment) => (s as unknown as { groups: string[] }).groups;
          scanning.add(segments as unknown as Segment[], d.language, groupsOf);
          taking.add(segments as unknown as Segment[], d.language, groupsOf, { table, runs });
        }
        const query = { lengths, top: 1000, minCount: 1, measure: 'll' as const, minG2: 0 };
        expect(wordsResult(taking, query)).toEqual(wordsResult(scanning, query));
        expect(taking.parts()).toEqual(scanning.parts());
      },
    ),
    { numRuns: 200 },
  );
});
