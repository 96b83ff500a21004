/**
 * What a model sees of a segment: its stemmed words and word pairs (stop words left out), the words
 * of the headings above it, and the codebook's own evidence per code (the auto coding's score). Features are named by a
 * prefix and the stem(s): `w:wachtlijst`, `b:lang wachtlijst`, `h:zorg`, `k:<code id>`.
 */
import type { Coding } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import { stemmerFor } from '../match/stem.js';
import { tokenize } from '../match/tokens.js';
import { stopWordsFor } from './stop-words.js';

export interface SegmentFeatures {
  /** Word, pair and heading features present, each with the range of its first occurrence in the file (headings: none). */
  words: Map<string, { start: number; end: number } | undefined>;
  /** Codebook evidence per code id, 0–1. */
  keywords: Map<string, number>;
}

/** Without a score, matches beyond this many add nothing to the codebook feature. */
const HIT_CAP = 3;

export function segmentFeatures(segment: Segment, language: string, auto: readonly Coding[]): SegmentFeatures {
  const stem = stemmerFor(language);
  const stop = stopWordsFor(language);
  const words = new Map<string, { start: number; end: number } | undefined>();
  let previous: { stem: string; start: number } | undefined;
  for (const token of tokenize(segment.text, segment.range.start)) {
    if (stop.has(token.word) || token.word.length < 2 || /^\d+$/.test(token.word)) {
      previous = undefined;
      continue;
    }
    const s = stem(token.word);
    const unigram = `w:${s}`;
    if (!words.has(unigram)) words.set(unigram, { start: token.start, end: token.end });
    if (previous) {
      const pair = `b:${previous.stem} ${s}`;
      if (!words.has(pair)) words.set(pair, { start: previous.start, end: token.end });
    }
    previous = { stem: s, start: token.start };
  }
  for (const title of segment.section) {
    for (const token of tokenize(title)) {
      if (!stop.has(token.word) && token.word.length >= 2) words.set(`h:${stem(token.word)}`, words.get(`h:${stem(token.word)}`));
    }
  }
  const keywords = new Map<string, number>();
  for (const c of auto) if (c.source === 'auto') keywords.set(c.code, c.score ?? Math.min(c.hits, HIT_CAP) / HIT_CAP);
  return { words, keywords };
}

/** A feature as people read it: `lang wachtlijst` for a pair, `zorg (heading)` for a heading word. */
export function featureLabel(feature: string): string {
  if (feature.startsWith('h:')) return `${feature.slice(2)} (heading)`;
  if (feature.startsWith('k:')) return `codebook ${feature.slice(2)}`;
  return feature.slice(2);
}

/** Index of each known feature, and a segment's features as a sparse vector over them. */
export class Vocabulary {
  readonly index: Map<string, number>;

  constructor(readonly features: readonly string[]) {
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  /**
   * Words count 1 each, scaled so that the words of a segment have length 1 whatever its size;
   * codebook evidence keeps its 0–1 value. Unknown features are left out.
   */
  vector(f: SegmentFeatures): { index: Int32Array; value: Float64Array } {
    const words: number[] = [];
    for (const name of f.words.keys()) {
      const i = this.index.get(name);
      if (i !== undefined) words.push(i);
    }
    const keywords: [number, number][] = [];
    for (const [code, v] of f.keywords) {
      const i = this.index.get(`k:${code}`);
      if (i !== undefined && v > 0) keywords.push([i, v]);
    }
    const n = words.length + keywords.length;
    const index = new Int32Array(n);
    const value = new Float64Array(n);
    const scale = words.length > 0 ? 1 / Math.sqrt(words.length) : 0;
    words.forEach((i, k) => {
      index[k] = i;
      value[k] = scale;
    });
    keywords.forEach(([i, v], k) => {
      index[words.length + k] = i;
      value[words.length + k] = v;
    });
    return { index, value };
  }
}
