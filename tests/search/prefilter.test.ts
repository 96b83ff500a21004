import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stemmerFor, stemPrefix } from '../../src/match/stem.js';
import { fold } from '../../src/match/tokens.js';
import { QueryMatcher } from '../../src/search/match.js';
import { FOLDING_BLOCKS, literalExpression, queryNeeds } from '../../src/search/prefilter.js';
import { parseQuery } from '../../src/search/query.js';

function parsed(query: string) {
  const p = parseQuery(query);
  if ('problem' in p) throw new Error(p.problem.message);
  return p.parsed;
}

/**
 * Every code point but the surrogates, folded once for the two tests below: those whose folded form
 * holds a letter a-z or a digit, and those that fold to nothing.
 */
let folds: { letters: { c: number; folded: string }[]; empty: number[] } | undefined;
function foldEveryCodePoint() {
  if (folds) return folds;
  folds = { letters: [], empty: [] };
  for (let c = 0; c <= 0x10ffff; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const folded = fold(String.fromCodePoint(c));
    if (/[a-z0-9]/.test(folded)) folds.letters.push({ c, folded });
    else if (folded === '') folds.empty.push(c);
  }
  return folds;
}

describe('literals as written', () => {
  test('every character whose folded form holds a letter a-z or digit folds to just that, and lies in ASCII or the folding blocks', () => {
    const inBlocks = (c: number) => c < 0x80 || FOLDING_BLOCKS.some(([from, to]) => c >= from && c <= to);
    const outside: string[] = [];
    for (const { c, folded } of foldEveryCodePoint().letters)
      if (folded.length !== 1 || !inBlocks(c)) outside.push(`U+${c.toString(16)} → ${folded}`);
    expect(outside).toEqual([]);
  });

  test('folding drops nothing but combining marks', () => {
    const dropped: string[] = [];
    for (const c of foldEveryCodePoint().empty) if (!/^\p{M}$/u.test(String.fromCodePoint(c))) dropped.push(`U+${c.toString(16)}`);
    expect(dropped).toEqual([]);
  });

  test('a literal is found in any case, with accents and with combining marks, and not in other letters', () => {
    const kort = literalExpression('kort');
    for (const text of ['kort', 'KORT', 'Kórt', 'ko\u0301rt', 'k\u0301o\u0308rt', '\u212Aort']) expect(kort.test(text), text).toBe(true);
    for (const text of ['kot', 'k ort', 'kørt', 'ｋｏｒｔ']) expect(kort.test(text), text).toBe(false);
  });
});

describe('stems as prefixes', () => {
  const nl = stemmerFor('nl');
  const endings = ['', 'en', 'ene', 's', 'se', 'e', 'heden', 'heid', 'end', 'ing', 'ig', 'lijk', 'lijke', 'baar', 'bar', 'igheid', 'elijk'];
  const word = fc
    .tuple(fc.array(fc.constantFrom(...'aeiouybcdfghjklmnpqrstvwxzéëïö'), { minLength: 1, maxLength: 9 }), fc.constantFrom(...endings))
    .map(([letters, ending]) => fold(letters.join('') + ending));

  test('every Dutch word starts with the prefix of its stem', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(w.startsWith(stemPrefix('nl', nl(w))!)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    for (const w of ['school', 'scholen', 'mogelijkheden', 'bedden', 'maan', 'manen', 'kinderen', 'heden', 'vrijheid', 'lijnen', 'korte'])
      expect(w.startsWith(stemPrefix('nl', nl(w))!), w).toBe(true);
  });

  test('without a stemmer a word is its own stem; English stems promise nothing', () => {
    expect(stemPrefix('de', 'schule')).toBe('schule');
    expect(stemPrefix('en', 'relat')).toBeUndefined();
  });
});

describe('what a query needs', () => {
  test('NOT and stems without a promise ask nothing; OR asks only when every side asks', () => {
    expect(queryNeeds(parsed('school NOT wijkteam').query, parsed('school NOT wijkteam').leaves, 'en')).toBeUndefined();
    expect(queryNeeds(parsed('wijkteam* OR school').query, parsed('wijkteam* OR school').leaves, 'en')).toBeUndefined();
    const q = parsed('wijkteam* OR "korte lijnen" OR (school NEAR/5 ouder*)');
    expect(queryNeeds(q.query, q.leaves, 'nl')?.literals.length).toBe(5);
  });

  // Words that a literal could miss: upper case, accents, marks, stems that change their ending.
  const WORDS = [
    'Wijkteam',
    'WÍJKTEAM',
    'wi\u0301jkteam',
    'scholen',
    'School',
    'SCHOOL',
    'ouders',
    'Óuders',
    'korte',
    'lijnen',
    'Korte',
    'mogelijkheden',
    'mogelijkheid',
    'de',
    'en',
    'niet',
    'bedden',
    'bed',
    'maan',
    'manen',
    '\u212Aort',
  ];
  const SEPARATORS = [' ', ', ', '. ', '\n', '-', ' — '];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const QUERIES = [
    'wijkteam* OR "korte lijnen" OR (school NEAR/5 ouder*)',
    'school AND NOT ouders',
    'mogelijkheid OR bed',
    'maan NEAR/2 *ders',
    '/ou?ders/i OR *kteam*',
    'kort',
  ];

  test.each(QUERIES)('%s finds the same with the prefilter as without, in Dutch and English', (query) => {
    const q = parsed(query);
    const filtered = new QueryMatcher(q);
    const plain = new QueryMatcher(q, { prefilter: false });
    fc.assert(
      fc.property(text, fc.constantFrom('nl', 'en'), (t, language) => {
        expect(filtered.find(t, language)).toEqual(plain.find(t, language));
      }),
      { numRuns: 500 },
    );
  });
});
