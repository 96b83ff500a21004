/**
 * A segment's sparse row over a model's vocabulary, made without naming every feature: each word of
 * the text is looked up once (folded, stop word or not, stemmed, its stem's number and unigram), and
 * pairs are found by the numbers of their two stems. Gives the same row, entry for entry and in the
 * same order, as `Vocabulary.vector(segmentFeatures(...))`, which training uses; prediction runs over
 * every paragraph of a corpus, so it must not build a string per word pair.
 */
import type { Coding } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import { stemmerFor, type Stemmer } from '../match/stem.js';
import { fold, WORD } from '../match/tokens.js';
import type { SparseRow } from './logistic.js';
import { stopWordsFor } from './stop-words.js';

/** A word as the text writes it: skipped (stop word, one letter, a number), or its stem's number and unigram. */
interface Word {
  stem: number;
  unigram: number;
}

export interface LocatedRow extends SparseRow {
  /** File offsets of the first occurrence of each entry's word or pair; -1 for headings and codebook evidence. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Without a score, matches beyond this many add nothing to the codebook feature (as in features.ts). */
const HIT_CAP = 3;
const CACHE = 200_000;
/** Its own copy of the word pattern: `exec` moves `lastIndex`, which others must not see. */
const WORDS = new RegExp(WORD.source, WORD.flags);

export class RowMaker {
  private readonly stem: Stemmer;
  private readonly stop: Set<string>;
  private readonly stems = new Map<string, number>();
  private readonly unigrams = new Map<number, number>();
  /** Pair index by `first stem number × 2³² + second`. */
  private readonly pairs = new Map<number, number>();
  private readonly headings = new Map<string, number>();
  private readonly keywords = new Map<string, number>();
  private readonly words = new Map<string, Word | null>();
  private readonly titles = new Map<string, number[]>();
  /** The generation in which each feature was last put in a row, so a feature enters a row once. */
  private readonly seen: Uint32Array;
  private generation = 0;
  /** The row being made: reused buffers, copied out at the end. */
  private index = new Int32Array(256);
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);
  private length = 0;

  constructor(vocabulary: readonly string[], language: string) {
    this.stem = stemmerFor(language);
    this.stop = stopWordsFor(language);
    this.seen = new Uint32Array(vocabulary.length);
    const stemNumber = (s: string) => {
      let n = this.stems.get(s);
      if (n === undefined) this.stems.set(s, (n = this.stems.size));
      return n;
    };
    vocabulary.forEach((feature, i) => {
      const body = feature.slice(2);
      if (feature.startsWith('w:')) this.unigrams.set(stemNumber(body), i);
      else if (feature.startsWith('b:')) {
        const space = body.indexOf(' ');
        this.pairs.set(stemNumber(body.slice(0, space)) * 2 ** 32 + stemNumber(body.slice(space + 1)), i);
      } else if (feature.startsWith('h:')) this.headings.set(body, i);
      else if (feature.startsWith('k:')) this.keywords.set(body, i);
    });
  }

  row(segment: Segment, auto: readonly Coding[]): LocatedRow {
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    this.length = 0;
    const base = segment.range.start;
    // The word before, when it was not skipped: its stem's number (-1: none in the vocabulary) and start.
    let previousStem = -2;
    let previousStart = 0;
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(segment.text); m; m = WORDS.exec(segment.text)) {
      const word = this.word(m[0]);
      if (!word) {
        previousStem = -2;
        continue;
      }
      const start = base + m.index;
      const end = start + m[0].length;
      if (word.unigram >= 0) this.add(word.unigram, start, end);
      if (previousStem >= 0 && word.stem >= 0) {
        const pair = this.pairs.get(previousStem * 2 ** 32 + word.stem);
        if (pair !== undefined) this.add(pair, previousStart, end);
      }
      previousStem = word.stem;
      previousStart = start;
    }
    for (const title of segment.section) for (const i of this.title(title)) this.add(i, -1, -1);
    const words = this.length;
    // The codebook's evidence per code: a later coding of the same code gives the value, as in features.ts.
    let evidence: Map<string, number> | undefined;
    for (const c of auto) if (c.source === 'auto') (evidence ??= new Map()).set(c.code, c.score ?? Math.min(c.hits, HIT_CAP) / HIT_CAP);
    const values: number[] = [];
    for (const [code, v] of evidence ?? []) {
      const i = this.keywords.get(code);
      if (i !== undefined && v > 0) {
        this.add(i, -1, -1);
        values.push(v);
      }
    }
    const n = this.length;
    const scale = words > 0 ? 1 / Math.sqrt(words) : 0;
    const value = new Float64Array(n);
    value.fill(scale, 0, words);
    value.set(values, words);
    return { index: this.index.slice(0, n), value, starts: this.starts.slice(0, n), ends: this.ends.slice(0, n) };
  }

  /** Puts a feature in the row being made, once. */
  private add(i: number, start: number, end: number): void {
    if (this.seen[i] === this.generation) return;
    this.seen[i] = this.generation;
    if (this.length === this.index.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      [this.index, this.starts, this.ends] = [grow(this.index), grow(this.starts), grow(this.ends)];
    }
    this.index[this.length] = i;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  private word(raw: string): Word | null {
    let word = this.words.get(raw);
    if (word === undefined) {
      const folded = fold(raw);
      if (this.stop.has(folded) || folded.length < 2 || /^\d+$/.test(folded)) word = null;
      else {
        const stem = this.stems.get(this.stem(folded)) ?? -1;
        word = { stem, unigram: stem >= 0 ? (this.unigrams.get(stem) ?? -1) : -1 };
      }
      if (this.words.size > CACHE) this.words.clear();
      this.words.set(raw, word);
    }
    return word;
  }

  /** Heading features of a title, in the order features.ts gives them (no digit rule for headings). */
  private title(title: string): number[] {
    let list = this.titles.get(title);
    if (!list) {
      list = [];
      for (const m of title.matchAll(WORD)) {
        const folded = fold(m[0]);
        if (this.stop.has(folded) || folded.length < 2) continue;
        const i = this.headings.get(this.stem(folded));
        if (i !== undefined) list.push(i);
      }
      if (this.titles.size > CACHE) this.titles.clear();
      this.titles.set(title, list);
    }
    return list;
  }
}
