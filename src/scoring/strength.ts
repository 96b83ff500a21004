/**
 * The strength of the evidence for one code in one unit of text: each match weighs by its kind and
 * by how specific the matched words are; a term that matches again adds less each time; matches
 * that overlap (a phrase and a word inside it) count once, as the strongest of them.
 */
import type { Evidence } from '../coding/coding.js';
import type { Stemmer } from '../match/stem.js';
import { tokenize } from '../match/tokens.js';
import { scanWords, WordTable } from '../match/words.js';
import type { Specificity } from './specificity.js';

/** A phrase or a pattern says most; a stem more than a wildcard, which catches more unrelated words. */
export const KIND_WEIGHT: Record<Evidence['kind'], number> = {
  phrase: 1,
  pattern: 1,
  stem: 0.7,
  prefix: 0.55,
  suffix: 0.45,
  infix: 0.35,
  // A model's words are its own evidence, never the codebook's.
  learned: 0,
};

/** Each further match of the same term counts this share of the one before. */
export const REPEAT = 0.5;

/** Weight of one match: its kind times the specificity of its most specific word. */
export function matchWeight(e: Evidence, stem: Stemmer, specific: Specificity): number {
  let best = 0;
  for (const token of tokenize(e.text)) best = Math.max(best, specific(stem(token.word)));
  return KIND_WEIGHT[e.kind] * best;
}

/**
 * `matchWeight` for many matches: the same text weighs the same, so each distinct matched text is
 * weighed once, and each distinct word of it is stemmed and looked up once (through a word table).
 */
export function matchWeigher(stem: Stemmer, specific: Specificity): (e: Evidence) => number {
  const words = new WordTable();
  const wordWeight: number[] = [];
  const byText = new Map<string, number>();
  const best = (text: string) => {
    if (words.full) {
      words.clear();
      wordWeight.length = 0;
    }
    const run = scanWords(text, words);
    let b = 0;
    for (let i = 0; i < run.count; i++) {
      const id = run.ids[i];
      let w = wordWeight[id];
      if (w === undefined) wordWeight[id] = w = specific(stem(words.folded[id]));
      if (w > b) b = w;
    }
    return b;
  };
  return (e) => {
    let b = byText.get(e.text);
    if (b === undefined) {
      b = best(e.text);
      if (byText.size >= 100_000) byText.clear();
      byText.set(e.text, b);
    }
    return KIND_WEIGHT[e.kind] * b;
  };
}

/** Summed weight of a code's matches in a unit; evidence sorted by position. */
export function strength(evidence: readonly Evidence[], weight: (e: Evidence) => number): number {
  const repeats = new Map<string, number>();
  let total = 0;
  let group: { end: number; best: number; term: string } | undefined;
  const close = () => {
    if (!group) return;
    const seen = repeats.get(group.term) ?? 0;
    repeats.set(group.term, seen + 1);
    total += group.best * REPEAT ** seen;
  };
  for (const e of evidence) {
    const w = weight(e);
    if (group && e.range.start < group.end) {
      group.end = Math.max(group.end, e.range.end);
      if (w > group.best) Object.assign(group, { best: w, term: e.term });
      continue;
    }
    close();
    group = { end: e.range.end, best: w, term: e.term };
  }
  close();
  return total;
}

/** Strength turned into a score from 0 to 1 that grows ever slower with more evidence. */
export function saturate(s: number): number {
  return 1 - Math.exp(-s);
}
