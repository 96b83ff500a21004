// The parsed codebook read back from the cache is the parsed codebook: same codes, same pattern
// places, same warnings; a codebook with errors, an edited text or a damaged entry is parsed again.
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cacheDir, cachedParse, parseCodebookCached } from '../../src/codebook/cache.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { matcherPlan, planFor, planLanguages } from '../../src/codebook/plan.js';
import { parseSettings } from '../../src/corpus/settings.js';
import { tempDir } from '../helpers/temp.js';

const HALL = readFileSync('codebooks/hall.yaml', 'utf8');
const entries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json'));

describe('codebook cache', () => {
  test('the shipped codebook read back from the cache equals the parsed one', () => {
    const dir = tempDir();
    const parsed = parseCodebook('codebooks/hall.yaml', HALL);
    expect(parseCodebookCached('codebooks/hall.yaml', HALL, dir)).toStrictEqual(parsed);
    expect(entries(dir)).toHaveLength(1);
    const again = parseCodebookCached('codebooks/hall.yaml', HALL, dir);
    expect(again).toStrictEqual(parsed);
    expect(again.codebook!.codes.some((c) => (c.patternPlaces?.size ?? 0) > 0)).toBe(true);
  });

  test('the matcher plan of each language comes back with the codebook and equals one made anew', () => {
    const dir = tempDir();
    parseCodebookCached('codebooks/hall.yaml', HALL, dir);
    const again = parseCodebookCached('codebooks/hall.yaml', HALL, dir).codebook!;
    const fresh = parseCodebook('codebooks/hall.yaml', HALL).codebook!;
    expect(planLanguages(again)).toEqual(expect.arrayContaining(['nl', 'en']));
    for (const language of planLanguages(again)) {
      const kept = planFor(again, language);
      expect(planFor(again, language)).toBe(kept); // read from the entry, not made again
      expect(kept).toStrictEqual(matcherPlan(fresh, language));
      expect(kept.entries.length).toBeGreaterThan(0);
    }
  });

  test('warnings come back with the codebook', () => {
    const dir = tempDir();
    const text = 'name: B\nlanguage: nl\ncodes:\n  - id: x\n    label: { nl: X }\n    terms: [wacht*]\n    colour: red\n';
    const parsed = parseCodebook('b.yaml', text);
    expect(parsed.diagnostics.length).toBeGreaterThan(0);
    parseCodebookCached('b.yaml', text, dir);
    expect(parseCodebookCached('b.yaml', text, dir)).toStrictEqual(parsed);
  });

  test('a codebook with errors is not kept; an edited one is parsed again', () => {
    const dir = tempDir();
    const bad = 'name: B\nlanguage: xx\ncodes: []\n';
    expect(parseCodebookCached('b.yaml', bad, dir)).toStrictEqual(parseCodebook('b.yaml', bad));
    expect(entries(dir)).toHaveLength(0);
    const one = 'name: B\nlanguage: nl\ncodes:\n  - id: x\n    label: { nl: X }\n    terms: [wacht*]\n';
    const two = one.replace('wacht*', 'school');
    parseCodebookCached('b.yaml', one, dir);
    expect(parseCodebookCached('b.yaml', two, dir).codebook!.codes[0].terms).toEqual({ '*': ['school'] });
    expect(parseCodebookCached('b.yaml', one, dir).codebook!.codes[0].terms).toEqual({ '*': ['wacht*'] });
  });

  test('a damaged entry is passed over and the codebook parsed', () => {
    const dir = tempDir();
    parseCodebookCached('codebooks/hall.yaml', HALL, dir);
    const [name] = entries(dir);
    writeFileSync(join(dir, name), '{"format": 1, "key": "');
    expect(parseCodebookCached('codebooks/hall.yaml', HALL, dir)).toStrictEqual(parseCodebook('codebooks/hall.yaml', HALL));
  });

  test('QDA_CACHE=off turns it off; QDA_CACHE_DIR and XDG_CACHE_HOME choose the folder', () => {
    expect(cacheDir({ QDA_CACHE: 'off' })).toBeUndefined();
    expect(cacheDir({ QDA_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'qda'));
  });
});

describe('settings cache', () => {
  const SETTINGS =
    'corpus:\n  - corpus/**/*.md\n  - other/*.md\nunit: paragraph\nlanguage: nl\nthreshold: 0.4\nskipSpeakers: [interviewer]\nnames: { Anne: A, Bram: B }\nstopWords: { nl: [dus] }\nout: out\n';
  const cached = (text: string, dir: string) =>
    cachedParse(
      'settings',
      'qda.yaml',
      text,
      () => parseSettings('qda.yaml', text),
      (p) => p.diagnostics.length === 0,
      dir,
    );

  test('settings read back from the cache equal the parsed ones, places included, as new objects each time', () => {
    const dir = tempDir();
    const parsed = parseSettings('qda.yaml', SETTINGS);
    expect(parsed.settings.at?.corpus).toHaveLength(2);
    expect(cached(SETTINGS, dir)).toEqual(parsed);
    expect(entries(dir)).toHaveLength(1);
    const one = cached(SETTINGS, dir);
    expect(one).toEqual(parsed);
    one.settings.corpus.push('changed');
    expect(cached(SETTINGS, dir)).toEqual(parsed);
  });

  test('settings with a problem are not kept; an edited text is parsed again; a damaged entry is passed over', () => {
    const dir = tempDir();
    const bad = 'unit: chapter\n';
    expect(cached(bad, dir)).toEqual(parseSettings('qda.yaml', bad));
    expect(cached(bad, dir).diagnostics.length).toBeGreaterThan(0);
    expect(entries(dir)).toHaveLength(0);
    cached(SETTINGS, dir);
    expect(cached(SETTINGS.replace('language: nl', 'language: en'), dir).settings.language).toBe('en');
    for (const name of entries(dir)) writeFileSync(join(dir, name), '{"format": 2, "key": "');
    expect(cached(SETTINGS, dir)).toEqual(parseSettings('qda.yaml', SETTINGS));
  });

  test('an entry that is read stays among those kept, however many are written after it was', () => {
    const dir = tempDir();
    parseCodebookCached('codebooks/hall.yaml', HALL, dir);
    const [hall] = entries(dir);
    const written = statSync(join(dir, hall)).ino;
    for (let n = 0; n < 25; n++) {
      // Each edit of qda.yaml is an entry of its own, written after the codebook's.
      cached(SETTINGS.replace('language: nl', `language: nl\nminG2: ${n}`), dir);
      // The codebook's entry as a new run finds it: written long ago, read from disk.
      const longAgo = new Date(Date.now() - (30 + n) * 24 * 60 * 60 * 1000);
      utimesSync(join(dir, hall), longAgo, longAgo);
      parseCodebookCached('codebooks/hall.yaml', HALL, dir);
    }
    cached(SETTINGS.replace('language: nl', 'language: nl\nminG2: 99'), dir);
    expect(entries(dir)).toHaveLength(20);
    // Still the entry first written: never pruned and made again.
    expect(statSync(join(dir, hall)).ino).toBe(written);
  });
});
