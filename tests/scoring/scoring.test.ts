import { describe, expect, test } from 'vitest';
import type { Coding, Evidence } from '../../src/coding/coding.js';
import { contextStrengths, HEADING_WEIGHT, NEIGHBOUR_WEIGHT, OUTER_HEADING_WEIGHT } from '../../src/scoring/context.js';
import { decide, type CodeInfo, type ScoringOptions } from '../../src/scoring/decide.js';
import { FrequencyCounter, lineFrequencies, NO_FREQUENCIES } from '../../src/scoring/frequencies.js';
import { specificity } from '../../src/scoring/specificity.js';
import { KIND_WEIGHT, matchWeigher, matchWeight, saturate, strength } from '../../src/scoring/strength.js';
import { stemmerFor } from '../../src/match/stem.js';
import { tokenize } from '../../src/match/tokens.js';

const same = (w: string) => w;
const evidence = (term: string, start: number, kind: Evidence['kind'] = 'stem', text = term): Evidence => ({
  term,
  kind,
  text,
  range: { start, end: start + text.length },
});
const flat = () => 1;

describe('strength and saturation', () => {
  test('a score grows with evidence but never reaches 1', () => {
    expect(saturate(0)).toBe(0);
    expect(saturate(1)).toBeCloseTo(0.632, 3);
    expect(saturate(2)).toBeGreaterThan(saturate(1));
    expect(saturate(2) - saturate(1)).toBeLessThan(saturate(1) - saturate(0));
    expect(saturate(50)).toBeLessThanOrEqual(1);
  });

  test('each repeat of one term adds half of what the one before added', () => {
    const once = strength([evidence('wachtlijst', 0)], flat);
    const thrice = strength([evidence('wachtlijst', 0), evidence('wachtlijst', 20), evidence('wachtlijst', 40)], flat);
    expect(once).toBe(1);
    expect(thrice).toBeCloseTo(1.75, 6);
    // two different terms add fully
    expect(strength([evidence('wachtlijst', 0), evidence('werkdruk', 20)], flat)).toBe(2);
  });

  test('overlapping matches count once, as the strongest', () => {
    const phrase = evidence('korte lijnen', 0, 'phrase');
    const word = evidence('lijn', 6, 'stem', 'lijnen');
    const weight = (e: Evidence) => KIND_WEIGHT[e.kind];
    expect(strength([phrase, word], weight)).toBe(KIND_WEIGHT.phrase);
  });

  test('kinds weigh phrase and pattern over stem over wildcards', () => {
    const k = KIND_WEIGHT;
    expect(k.phrase).toBeGreaterThan(k.stem);
    expect(k.pattern).toBeGreaterThan(k.stem);
    expect(k.stem).toBeGreaterThan(k.prefix);
    expect(k.prefix).toBeGreaterThan(k.suffix);
    expect(k.suffix).toBeGreaterThan(k.infix);
    const specific = specificity(NO_FREQUENCIES, NO_FREQUENCIES);
    expect(matchWeight(evidence('regie*', 0, 'prefix', 'regiehouder'), same, specific)).toBeCloseTo(k.prefix, 6);
    expect(matchWeight(evidence('regie', 0, 'stem'), same, specific)).toBeCloseTo(k.stem, 6);
  });
});

describe('specificity', () => {
  const background = lineFrequencies(
    Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? `de gemeente zegt iets over ding${i}` : `de buurt en ding${i}`)).join('\n'),
    same,
  );

  test('a word in every background line weighs little, a rare one fully', () => {
    const s = specificity(background, NO_FREQUENCIES);
    expect(s('de')).toBeLessThan(0.15);
    expect(s('gemeente')).toBeLessThan(s('ding3'));
    expect(s('wachtlijst')).toBe(1);
  });

  test("the corpus's own topic words lose weight as the corpus grows", () => {
    const corpus = (n: number) => {
      const c = new FrequencyCounter(same);
      for (let i = 0; i < n; i++) c.add(i % 2 === 0 ? `het leernetwerk en punt${i}` : `over punt${i}`);
      return c.result();
    };
    const small = specificity(background, corpus(2))('leernetwerk');
    const large = specificity(background, corpus(400))('leernetwerk');
    expect(small).toBeGreaterThan(0.9);
    expect(large).toBeLessThan(0.3);
    expect(specificity(background, corpus(400))('wachtlijst')).toBe(1);
  });

  test('a topic word makes a weaker coding than a rare word of the same kind', () => {
    const c = new FrequencyCounter(same);
    for (let i = 0; i < 300; i++) c.add(`samenwerking in zin ${i}`);
    const s = specificity(background, c.result());
    expect(matchWeight(evidence('samenwerking', 0), same, s)).toBeLessThan(matchWeight(evidence('wachtlijst', 0), same, s) / 3);
  });
});

describe('counting and weighing many texts at once', () => {
  const texts = ['De Financiële regie', 'financiele REGIE', 'wachtlijst', 'Wachtlijsten en wachttijden', 'één, twee; drie', 'regie', '', '--'];

  test('the counter gives each stem the number of units that hold it, as counting by tokens does', () => {
    const stem = stemmerFor('nl');
    const counter = new FrequencyCounter(stem);
    const expected = new Map<string, number>();
    for (const text of [...texts, ...texts.slice(2)]) {
      counter.add(text);
      for (const s of new Set(tokenize(text).map((t) => stem(t.word)))) expected.set(s, (expected.get(s) ?? 0) + 1);
    }
    const result = counter.result();
    expect(result.units).toBe(texts.length * 2 - 2);
    expect(new Map([...result.df].sort())).toEqual(new Map([...expected].sort()));
  });

  test('the weigher gives every match the weight matchWeight gives it, also when a text comes again', () => {
    const stem = stemmerFor('nl');
    const counter = new FrequencyCounter(stem);
    for (let i = 0; i < 50; i++) counter.add(i % 3 === 0 ? 'de regie en de wachtlijst' : `de buurt ${i}`);
    const s = specificity(NO_FREQUENCIES, counter.result());
    const weigh = matchWeigher(stem, s);
    const kinds: Evidence['kind'][] = ['stem', 'phrase', 'infix', 'pattern'];
    for (const round of [0, 1])
      texts.forEach((text, i) => {
        const e = evidence(text, 0, kinds[(i + round) % kinds.length], text);
        expect(weigh(e)).toBe(matchWeight(e, stem, s));
      });
  });
});

describe('deciding which codes a segment keeps', () => {
  const info: CodeInfo = {
    clusterOf: new Map([
      ['personal.relations', 'personal'],
      ['institutional.capacity', 'institutional'],
      ['institutional.funding', 'institutional'],
      ['organisation.roles', 'organisation'],
    ]),
    order: new Map([
      ['personal', 0],
      ['institutional', 1],
      ['organisation', 2],
    ]),
  };
  const candidate = (code: string): Coding => ({
    documentId: 'd',
    segment: 1,
    code,
    cluster: info.clusterOf.get(code)!,
    source: 'auto',
    coder: 'qda',
    hits: 1,
    evidence: [evidence('x', 0)],
  });
  const options = (o: Partial<ScoringOptions> = {}): ScoringOptions => ({ threshold: 0.3, secondary: 0.5, codeAll: false, ...o });
  const run = (own: Record<string, number>, o?: Partial<ScoringOptions>, context: Record<string, number> = {}) =>
    decide(Object.keys(own).map(candidate), new Map(Object.entries(own)), new Map(Object.entries(context)), info, options(o));

  test('a code below the threshold is left out, one at it kept with its score', () => {
    const d = run({ 'personal.relations': 0.2, 'institutional.capacity': 1 });
    expect(d.codings.map((c) => c.code)).toEqual(['institutional.capacity']);
    expect(d.codings[0].score).toBe(0.632);
    expect(run({ 'personal.relations': 0.2 }, { threshold: 0.18 }).codings).toHaveLength(1);
    expect(run({ 'personal.relations': 0.2 }, { threshold: 0.19 }).codings).toHaveLength(0);
  });

  test('a secondary cluster needs the given share of the leading cluster', () => {
    const own = { 'institutional.capacity': 2, 'personal.relations': 0.7, 'organisation.roles': 1.2 };
    // scores: institutional 0.865, organisation 0.699, personal 0.503
    const half = run(own).codings.map((c) => c.cluster);
    expect(half).toEqual(['institutional', 'personal', 'organisation']);
    expect(run(own, { secondary: 0.6 }).codings.map((c) => c.cluster)).toEqual(['institutional', 'organisation']);
    expect(run(own, { secondary: 1 }).codings.map((c) => c.cluster)).toEqual(['institutional']);
  });

  test('a cluster scores all its codes together, and clusters are listed highest first', () => {
    const d = run({ 'institutional.capacity': 0.5, 'institutional.funding': 0.5, 'organisation.roles': 0.8 });
    expect(d.clusters).toEqual([
      { cluster: 'institutional', score: 0.632 },
      { cluster: 'organisation', score: 0.551 },
    ]);
  });

  test('context lifts a weak code over the threshold, but gives no code by itself', () => {
    const own = { 'institutional.funding': 0.3 };
    expect(run(own).codings).toHaveLength(0);
    const lifted = run(own, {}, { 'institutional.funding': 0.1, 'organisation.roles': 3 });
    expect(lifted.codings.map((c) => [c.code, c.score])).toEqual([['institutional.funding', 0.33]]);
    expect(lifted.clusters.map((c) => c.cluster)).toEqual(['institutional']);
  });
});

describe('context weights', () => {
  test('the heading right above counts half, outer headings and neighbours a quarter', () => {
    const h = (n: number) => new Map([['c', n]]);
    expect(HEADING_WEIGHT).toBe(0.5);
    expect(OUTER_HEADING_WEIGHT).toBe(0.25);
    expect(NEIGHBOUR_WEIGHT).toBe(0.25);
    expect(contextStrengths([h(1), h(1)], []).get('c')).toBeCloseTo(0.75, 6);
    expect(contextStrengths([], [h(1), h(2)]).get('c')).toBeCloseTo(0.75, 6);
    expect(contextStrengths([h(2)], [h(4)]).get('c')).toBeCloseTo(2, 6);
  });
});
