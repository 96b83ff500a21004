import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { codeCorpus, type CorpusOptions } from '../../src/corpus/pipeline.js';
import { DEFAULT_SCORING, type ScoringOptions } from '../../src/scoring/decide.js';

const book = parseCodebook('small.yaml', readFileSync('tests/fixtures/small-codebook.yaml', 'utf8')).codebook!;
const compiled = compileCodebook(book);

function code(text: string, scoring: Partial<ScoringOptions> = {}) {
  const options: CorpusOptions = {
    encoding: 'utf-8',
    unit: 'paragraph',
    skipSpeakers: [],
    read: () => new TextEncoder().encode(`---\nid: d\n---\n${text}`),
    scoring: { ...DEFAULT_SCORING, threshold: 0, ...scoring },
  };
  return [...codeCorpus(['d.md'], compiled, options)][0];
}
const scoreOf = (text: string, segment: number, id: string) => code(text).codings.find((c) => c.segment === segment && c.code === id)?.score;

describe('context in the corpus run', () => {
  const paragraph = 'Ouders vertellen dat de wachtlijst lang is.';

  test('the heading above a paragraph strengthens the codes its words name', () => {
    const bare = scoreOf(`${paragraph}\n`, 1, 'institutional.capacity')!;
    const headed = scoreOf(`# Wachtlijsten\n\n${paragraph}\n`, 1, 'institutional.capacity')!;
    expect(bare).toBeGreaterThan(0);
    expect(headed).toBeGreaterThan(bare);
  });

  test('a neighbouring paragraph about the same code strengthens it; one in another section does not', () => {
    const bare = scoreOf(`Het regent vandaag flink.\n\n${paragraph}\n`, 2, 'institutional.capacity')!;
    const run = scoreOf(`Die wachtlijst groeit elke maand.\n\n${paragraph}\n`, 2, 'institutional.capacity')!;
    const apart = scoreOf(`Die wachtlijst groeit elke maand.\n\n# Verder\n\n${paragraph}\n`, 2, 'institutional.capacity')!;
    expect(run).toBeGreaterThan(bare);
    expect(apart).toBeLessThan(run);
  });

  test('a heading alone gives no code to a paragraph without evidence of its own', () => {
    const coded = code('# Wachtlijsten\n\nHet regent vandaag flink.\n');
    expect(coded.codings).toEqual([]);
    expect(coded.clusters.get(1)).toBeUndefined();
  });
});

describe('segments that are not statements in the corpus run', () => {
  const text = '# Inhoud\n\n1. Korte lijnen ........ 3\n\nWe hebben korte lijnen met de school.\n\n- Korte lijnen\n';

  test('are not auto-coded by default, and are with --code-all', () => {
    const coded = code(text);
    expect(coded.codings.map((c) => c.segment)).toEqual([2]);
    expect([...coded.furniture]).toEqual([
      [1, 'contents'],
      [3, 'fragment'],
    ]);
    const all = code(text, { codeAll: true });
    expect(all.codings.map((c) => c.segment)).toEqual([1, 2, 3]);
    expect(all.furniture.size).toBe(0);
  });
});
