import { describe, expect, test } from 'vitest';
import { compilePattern, runaway } from '../../src/codebook/pattern.js';

describe('runaway', () => {
  test.each([
    ['\\bregie\\w*'],
    ['(?:\\w+\\s+){0,3}bereikbaar'],
    ['[a-z]+'],
    ['\\bappen?\\b'],
    ['(ab)+'],
    ['(a|b){0,10}'],
    ['(?:\\S+\\s+){1,4}niet'],
    ['(?=x)a+'],
    ['\\(a+\\)+'], // escaped brackets are no group
    ['[(]a+[)]+'], // brackets inside a class are no group
    ['[\\]]+(a)'],
    ['(?:wijk|buurt)team\\w*'],
    ['a{1,}'],
  ])('safe pattern %s passes', (source) => {
    expect(runaway(source)).toBeUndefined();
  });

  test.each([
    ['(a+)+', 'nested quantifier at character 5'],
    ['(\\w+\\s?)*', 'nested quantifier at character 9'],
    ['(a*)*', 'nested quantifier'],
    ['((a+))+', 'nested quantifier'],
    ['(a+)+?', 'nested quantifier'],
    ['(a{1,50})+', 'nested quantifier'],
    ['(.*a){11}', 'nested quantifier at character 6'],
    ['(a+){2}', 'repeated group with a repeat inside'],
    ['(?:\\w+\\s?){0,3}x', 'repeated group with a repeat inside'],
    ['(a+){2,}', 'nested quantifier'],
    ['(a|ab)*', 'repeated alternatives at character 7'],
    ['(a|a)+', 'repeated alternatives'],
    ['(a+)\\1', 'backreferences'],
    ['(?<x>a)\\k<x>', 'backreferences'],
  ])('unsafe pattern %s is named: %s', (source, reason) => {
    const why = runaway(source);
    expect(why).toBeDefined();
    expect(why).toContain(reason);
    expect(why).toMatch(/exponential time|power of the text length/);
  });

  // Regression: the ? of (?: was read as a quantifier inside the group.
  test('a non-capturing group without a quantifier inside may repeat: (?:ab)+', () => {
    expect(runaway('(ab)+')).toBeUndefined();
    expect(runaway('(?:ab)+')).toBeUndefined();
  });

  // Regression: (\w+\s?){10}! needs O(n^10) steps on a word of n letters without \"!\" (30 letters: ~8 s).
  test('a group with an unbounded quantifier repeated {10} times is refused', () => {
    expect(runaway('(\\w+\\s?){10}!')).toBeDefined();
  });
});

describe('compilePattern', () => {
  test('a /source/flags literal keeps its flags and gets g', () => {
    const r = compilePattern('/\\bappen?\\b/i');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regexp.source).toBe('\\bappen?\\b');
    expect([...r.regexp.flags].sort().join('')).toBe('gi');
  });

  test('a literal without flags is case-sensitive', () => {
    const r = compilePattern('/Regie/');
    expect(r.ok && r.regexp.flags).toBe('g');
    if (!r.ok) return;
    expect('regie'.match(r.regexp)).toBeNull();
    expect('Regie'.match(r.regexp)).not.toBeNull();
  });

  test('a bare source (no slashes) is case-insensitive', () => {
    const r = compilePattern('regie\\w*');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.regexp.source).toBe('regie\\w*');
    expect(r.regexp.flags).toBe('gi');
    expect([...'REGIEHOUDER'.matchAll(r.regexp)].map((m) => m[0])).toEqual(['REGIEHOUDER']);
  });

  test('Unicode mode is added where the pattern needs it, and kept where asked for', () => {
    const letters = compilePattern('/\\p{L}+/');
    expect(letters.ok && letters.regexp.flags).toBe('gu');
    expect(letters.ok && 'één'.match(letters.regexp)?.[0]).toBe('één');
    const asked = compilePattern('/a/u');
    expect(asked.ok && asked.regexp.flags).toBe('gu');
  });

  test.each(['/a/imsu', '/a/m', '/a/s', '/a/u'])('allowed flags %s', (text) => {
    const r = compilePattern(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.regexp.flags).toContain(text.slice(3, 4));
  });

  test.each(['g', 'y', 'x', 'ig', 'd'])('flag %s is refused', (flags) => {
    const r = compilePattern(`/abc/${flags}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(`flags "${flags}" are not allowed`);
    expect(r.hint).toMatch(/i, m, s and u/);
  });

  test.each([
    ['/(/', /Unterminated group/],
    ['/[a-/', /Unterminated character class|Invalid/],
    ['/a{2,1}/', /out of order/],
  ])('invalid regexp %s is refused with the engine message', (text, message) => {
    const r = compilePattern(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(message);
    expect(r.reason).not.toMatch(/^Invalid regular expression: /);
    expect(r.hint).toMatch(/brackets and escapes/);
  });

  test('a runaway pattern is refused with its reason and a hint', () => {
    const r = compilePattern('/(a+)+b/');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(/^nested quantifier at character 5/);
    expect(r.hint).toMatch(/do not repeat a group that repeats inside/);
  });

  test('the runaway check runs on the source inside the slashes, not on the flags', () => {
    expect(compilePattern('/(a|ab)*/i').ok).toBe(false);
    expect(compilePattern('/(ab)*/i').ok).toBe(true);
  });
});

describe('competing unbounded repeats', () => {
  test.each([
    ['/\\w*\\w*x/', 'compete'],
    ['/wachtlijst.*gemeente/', 'bounded gap'],
    ['/\\s*,?\\s+x/', 'compete'],
    ['/[a-z]+\\w*/', 'compete'],
  ])('%s is refused', (pattern, reason) => {
    const r = compilePattern(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(`${r.reason} ${r.hint}`).toContain(reason);
  });

  test.each([
    ['/\\bgeen\\s+(?:9|negen)[\\s-]+tot[\\s-]+(?:5|vijf)/i'],
    ['/\\w+(?:\\x27\\w+)?(?:\\s*,)?\\s+zie/'],
    ['/\\w+\\s+\\w+/'],
    ['/vrijwilligers?\\b.{0,60}\\bprofessionals?/'],
    ['/a+b+/'],
  ])('%s is allowed: its repeats are separated by something they cannot match', (pattern) => {
    expect(compilePattern(pattern).ok).toBe(true);
  });
});
