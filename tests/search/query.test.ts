import { describe, expect, test } from 'vitest';
import { parseQuery, type Query } from '../../src/search/query.js';

/** A query as a short string: the shape the parser gave it. */
function shape(text: string): string {
  const r = parseQuery(text);
  if ('problem' in r) throw new Error(r.problem.message);
  const leaf = (i: number) => {
    const l = r.parsed.leaves[i];
    return l.kind === 'term' ? l.text : l.source;
  };
  const show = (q: Query): string => {
    switch (q.kind) {
      case 'term':
        return leaf(q.leaf);
      case 'and':
      case 'or':
        return `(${q.kind} ${q.items.map(show).join(' ')})`;
      case 'not':
        return `(not ${show(q.item)})`;
      case 'near':
        return `(near/${q.distance} ${show(q.left)} ${show(q.right)})`;
    }
  };
  return show(r.parsed.query);
}

const problem = (text: string) => {
  const r = parseQuery(text);
  return 'problem' in r ? r.problem : undefined;
};

describe('the query language', () => {
  test('codebook terms: words, wildcards, phrases and patterns', () => {
    expect(shape('wijkteam*')).toBe('wijkteam*');
    expect(shape('"korte lijnen" OR *subsidie')).toBe('(or korte lijnen *subsidie)');
    expect(shape('/regiehouder(s)? of/i AND school')).toBe('(and /regiehouder(s)? of/i school)');
  });

  test('OR binds loosest, then AND (also between words side by side), NOT, NEAR', () => {
    expect(shape('a b OR c')).toBe('(or (and a b) c)');
    expect(shape('school AND NOT wijk* OR buurt')).toBe('(or (and school (not wijk*)) buurt)');
    expect(shape('school NEAR/3 wijk* NOT ouder')).toBe('(and (near/3 school wijk*) (not ouder))');
    expect(shape('school NEAR (wijkteam OR buurtteam)')).toBe('(near/5 school (or wijkteam buurtteam))');
  });

  test('lower-case and, or, not and near are words to find', () => {
    expect(shape('near not')).toBe('(and near not)');
  });

  test('problems name the column and what to do', () => {
    expect(problem('')).toMatchObject({ column: 1, message: 'the query is empty' });
    expect(problem('school AND')).toMatchObject({ column: 11, message: 'the query ends where a word to find should follow' });
    expect(problem('(school OR wijk')).toMatchObject({ column: 1, message: 'a ( without its closing )' });
    expect(problem('school)')).toMatchObject({ column: 7 });
    expect(problem('"korte lijnen')).toMatchObject({ column: 1, message: 'a phrase without its closing "' });
    expect(problem('wijk NEAR/x team')?.message).toContain('the distance must be a whole number');
    expect(problem('ab*')?.message).toContain('too short for a wildcard');
    expect(problem('/(a+)+/')?.message).toContain('exponential');
    expect(problem('NOT school')?.message).toContain('needs a word to find');
    expect(problem('wijk OR NOT school')?.message).toContain('needs a word to find');
  });
});
