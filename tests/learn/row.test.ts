// The row prediction makes of a segment is the row training makes of it, entry for entry.
import { describe, expect, test } from 'vitest';
import { segmentFeatures, Vocabulary } from '../../src/learn/features.js';
import { RowMaker } from '../../src/learn/row.js';
import { WordTable } from '../../src/match/words.js';
import { writeStudy } from '../../scripts/bench/learn-study.js';
import { codedStudy } from '../helpers/study.js';
import { tempDir } from '../helpers/temp.js';

describe('RowMaker', () => {
  test.each([
    ['the fixture study', 'tests/fixtures/learn', 2, undefined],
    ['a generated study', '', 1, undefined],
    // a word table that fills up after a few words is cleared between segments: what the maker knew per word id goes with it
    ['a generated study, with a word table of 20 words', '', 1, 20],
  ])('%s: same entries, values and order as Vocabulary.vector, and the first place of each word', (_, fixture, minCount, tableLimit) => {
    const dir = fixture || tempDir();
    if (!fixture) writeStudy(dir, { documents: 4 });
    const coded = codedStudy(dir).coded;
    const all = coded.flatMap((c) =>
      c.segments.map((s) => ({
        s,
        f: segmentFeatures(
          s,
          c.language,
          c.codings.filter((x) => x.segment === s.ordinal),
        ),
        c,
      })),
    );
    // A vocabulary as training builds it: features seen at least minCount times, and the codebook evidence.
    const seen = new Map<string, number>();
    for (const { f } of all) for (const k of f.words.keys()) seen.set(k, (seen.get(k) ?? 0) + 1);
    const keywords = [...new Set(all.flatMap(({ f }) => [...f.keywords.keys()].map((k) => `k:${k}`)))];
    const vocabulary = new Vocabulary([...[...seen].filter(([, n]) => n >= minCount).map(([k]) => k), ...keywords].sort());
    expect(vocabulary.features.some((f) => f.startsWith('b:'))).toBe(true);
    expect(vocabulary.features.some((f) => f.startsWith('h:'))).toBe(true);
    const maker = new RowMaker(vocabulary.features, 'nl', new WordTable(tableLimit));
    let entries = 0;
    for (const { s, f, c } of all) {
      const expected = vocabulary.vector(f);
      const row = maker.row(
        s,
        c.codings.filter((x) => x.segment === s.ordinal),
      );
      expect([...row.index]).toEqual([...expected.index]);
      expect([...row.value]).toEqual([...expected.value]);
      row.index.forEach((i, k) => {
        const range = f.words.get(vocabulary.features[i]);
        if (range) expect([row.starts[k], row.ends[k]]).toEqual([range.start, range.end]);
        else expect(row.starts[k]).toBe(-1);
      });
      entries += row.index.length;
    }
    expect(entries).toBeGreaterThan(100);
  });
});
