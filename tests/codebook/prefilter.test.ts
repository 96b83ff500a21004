import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { compilePattern } from '../../src/codebook/pattern.js';
import { patternClauses, patternNeeds } from '../../src/codebook/prefilter.js';
import { autoCode } from '../../src/coding/auto-code.js';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { tokenize } from '../../src/match/tokens.js';

const hall = parseCodebook('codebooks/hall.yaml', readFileSync('codebooks/hall.yaml', 'utf8')).codebook!;
const hallPatterns = hall.codes.flatMap((c) => Object.values(c.patterns).flat());

function needs(pattern: string): string[] | undefined {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return patternNeeds(compiled.regexp.source, compiled.regexp.flags);
}

function clauses(pattern: string): string[][] | undefined {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return patternClauses(compiled.regexp.source, compiled.regexp.flags);
}

/** Whether a text passes the filter: one of the needs inside one of its folded words. */
function passes(needed: string[] | undefined, text: string): boolean {
  if (!needed) return true;
  const words = tokenize(text).map((t) => t.word);
  return needed.some((n) => words.some((w) => w.includes(n)));
}

describe('patternClauses', () => {
  test('every piece of a sequence brings its own set; the best set comes first, as patternNeeds gives it', () => {
    expect(clauses('/\\bken\\s+\\w+\\s+(?:goed|lang)\\b/i')).toEqual([['goed', 'lang'], ['ken']]);
    expect(clauses('/\\bwerk\\w{0,2}\\s+(?:\\w+\\s+){0,3}over/i')).toEqual([['werk'], ['over']]);
    expect(needs('/\\bken\\s+\\w+\\s+(?:goed|lang)\\b/i')).toEqual(['goed', 'lang']);
  });

  test('a set that is optional, or inside one branch of several, is no set of the whole', () => {
    expect(clauses('/\\bregie(?:\\s+houden)?\\b/i')).toEqual([['regie']]);
    expect(clauses('/\\b(?:korte\\s+lijnen|snel\\s+schakelen)\\b/i')).toEqual([['lijnen', 'schakelen']]);
    expect(clauses('/(?:buurt)+\\s+huis/i')).toEqual([['buurt'], ['huis']]);
  });
});

describe('patternNeeds', () => {
  test.each([
    ['/\\bregels\\b/i', ['regels']],
    ['/\\bburn-?out\\b/i', ['burn', 'burnout']],
    ['/\\b(?:ge)?app(?:en|t)\\b/i', ['appen', 'appt', 'geappen', 'geappt']],
    ['/\\bprofessionals?\\b.{0,60}\\bvrijwilligers?\\b/i', ['professional', 'professionals']],
    ['/\\bals\\s+(?!het\\b)\\w+\\s+voel\\b/i', ['voel']],
    ['/(?<=bij )elkaar/i', ['elkaar']],
    ['/\\bZATs?\\b/', ['zat', 'zats']],
    ['/\\bcli[eë]nten\\b/i', ['nten']],
  ])('%s needs %j', (pattern, expected) => {
    expect(needs(pattern)).toEqual(expected);
  });

  test('a pattern without a needed word of three letters needs its shorter ones', () => {
    expect(clauses('/\\b24\\s*\\/\\s*7\\b/')).toEqual([['24'], ['7']]);
    expect(clauses('/\\bp\\s*x\\s*q\\b/i')).toEqual([['p'], ['x'], ['q']]);
    // One of three letters or more is enough: the shorter ones are not added.
    expect(clauses('/\\bop\\s+de\\s+wijk\\b/i')).toEqual([['wijk']]);
  });

  test.each([
    '/(?:buurt)?huis/i',
    '/\\bwij\\w*\\b|\\d+/i', // one branch needs nothing
    '/[a-z]+heid/i',
    '/\\p{L}+schap/iu',
    '/\\b(?:wijk|)team\\b/i',
  ])('%s: every text is tried, or only the part every match holds', (pattern) => {
    const n = needs(pattern);
    if (n) for (const word of n) expect(word.length).toBeGreaterThanOrEqual(3);
    if (pattern === '/[a-z]+heid/i') expect(n).toEqual(['heid']);
    if (pattern === '/(?:buurt)?huis/i') expect(n).toEqual(['buurthuis', 'huis']);
    if (pattern === '/\\bwij\\w*\\b|\\d+/i') expect(n).toBeUndefined();
  });

  test('under Unicode case folding s and k are not relied on (ſ matches s, K matches k)', () => {
    const n = needs('/\\bschaakstuk\\p{L}*/iu');
    expect(n).toEqual(['chaa']);
    expect(/\bschaakstuk\p{L}*/iu.test('ſchaakſtuK')).toBe(true);
    expect(passes(n, 'ſchaakſtuK')).toBe(true);
  });
});

/** A generator for texts that match the pattern as written: fast-check knows neither \\b, lookarounds nor the i flag. */
function generatorFor(source: string): RegExp {
  let plain = source.replace(/\\b/g, '');
  for (let at = plain.search(/\(\?<?[=!]/); at >= 0; at = plain.search(/\(\?<?[=!]/)) {
    let depth = 0;
    let end = at;
    for (; end < plain.length; end++) {
      if (plain[end] === '\\') end++;
      else if (plain[end] === '(') depth++;
      else if (plain[end] === ')' && --depth === 0) break;
    }
    plain = plain.slice(0, at) + plain.slice(end + 1);
  }
  return new RegExp(plain);
}

/** Ways a writer (or a word processor) changes the letters: case, and the letters Unicode folds to s and k. */
const spelling = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.toUpperCase(),
  (t: string) => t.replace(/\b\w/g, (c) => c.toUpperCase()),
  (t: string) => t.replace(/s/g, 'ſ'),
  (t: string) => t.replace(/k/g, '\u212a'),
  (t: string) => t.normalize('NFD'),
);
const context = fc.constantFrom('', 'Nou, ', 'Zoë zegt: ', 'en dan ', '(', '"', 'financiële ');

describe('the prefilter never drops a match', () => {
  test('texts generated from every HALL pattern: each one the pattern matches passes its filter', () => {
    let matched = 0;
    for (const pattern of hallPatterns) {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) continue;
      const { source, flags } = compiled.regexp;
      const regexp = new RegExp(source, flags.replace('g', ''));
      const needed = patternNeeds(source, flags);
      const sets = patternClauses(source, flags) ?? [];
      fc.assert(
        fc.property(context, fc.stringMatching(generatorFor(source)), spelling, context, (before, core, spell, after) => {
          const t = `${before}${spell(core)} ${after}`;
          if (!regexp.test(t)) return;
          matched++;
          expect(passes(needed, t), `${pattern} on ${JSON.stringify(t)}`).toBe(true);
          for (const set of sets) expect(passes(set, t), `${pattern} on ${JSON.stringify(t)}: ${set.join(', ')}`).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
    expect(matched).toBeGreaterThan(500); // the generated texts did exercise the patterns
  });

  test('auto-coding the example studies gives the same codings with and without the filter', () => {
    const filtered = compileCodebook(hall);
    const unfiltered = compileCodebook(hall);
    for (const language of ['nl', 'en']) {
      const m = unfiltered.matcher(language);
      m.patterns = m.patterns.map(({ needs: _, also: __, ...p }) => p);
    }
    const files = ['examples/rotterdam/corpus', 'examples/english/corpus'].flatMap((dir) =>
      readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'))
        .map((f) => `${dir}/${f}`),
    );
    let codings = 0;
    for (const path of files) {
      const { document } = readDocument(path, readFileSync(path, 'utf8'));
      const language = document.attributes.language === 'en' ? 'en' : 'nl';
      for (const unit of ['paragraph', 'sentence'] as const) {
        for (const segment of segmentDocument(document, unit)) {
          const a = autoCode(segment, filtered, language);
          expect(a).toEqual(autoCode(segment, unfiltered, language));
          codings += a.filter((c) => c.evidence.some((e) => e.kind === 'pattern')).length;
        }
      }
    }
    expect(codings).toBeGreaterThan(20);
  });
});
