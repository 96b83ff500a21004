/**
 * A segment's sparse row over a model's vocabulary, made without naming every feature: the words of
 * the text are scanned into a word table (src/match/words.ts), and what a model needs of each word —
 * skipped (stop word, one letter, a number) or its stem's number — is worked out once per distinct
 * word and kept by word id; pairs are found by the numbers of their two stems. Gives the same row,
 * entry for entry and in the same order, as `Vocabulary.vector(segmentFeatures(...))`, which training
 * uses; prediction runs over every paragraph of a corpus, so it must not build a string per word, nor
 * arrays per paragraph: the row is made in buffers that the next row reuses.
 */
import type { Coding } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import { stemmerFor, type Stemmer } from '../match/stem.js';
import { fold, WORD } from '../match/tokens.js';
import type { RunStore } from '../match/run-store.js';
import { scanWords, WordTable } from '../match/words.js';
import type { SparseRow } from './logistic.js';
import { stopWordsFor } from './stop-words.js';

export interface LocatedRow extends SparseRow {
  /** File offsets of the first occurrence of each entry's word or pair; -1 for headings and codebook evidence. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Without a score, matches beyond this many add nothing to the codebook feature (as in features.ts). */
const HIT_CAP = 3;
const CACHE = 200_000;
/** Per word id in `kinds`: not yet known, skipped; beyond these, 2 + its stem's number + 1 (-1: a stem the vocabulary lacks). */
const UNKNOWN = 0;
const SKIPPED = 1;

export class RowMaker {
  private readonly stem: Stemmer;
  private readonly stop: Set<string>;
  private readonly stems = new Map<string, number>();
  /** Per stem number, the index of its unigram, or -1. */
  private readonly unigrams: Int32Array;
  /** Per stem number, whether some pair starts (bit 1) or ends (bit 2) with it: most words are in no pair. */
  private readonly inPairs: Uint8Array;
  /** Pair index by `first stem number × stem count + second`. */
  private readonly pairs = new Map<number, number>();
  private readonly headings = new Map<string, number>();
  private readonly keywords = new Map<string, number>();
  private readonly titles = new Map<string, number[]>();
  /** Per word id of `words`, what it is to the model (UNKNOWN, SKIPPED, or its stem's number + 3). */
  private kinds = new Int32Array(1024);
  private tableGeneration: number;
  /** The generation in which each feature was last put in a row, so a feature enters a row once. */
  private readonly seen: Uint32Array;
  private generation = 0;
  /** The row last made (`make`): its first `length` entries, valid until the next row. */
  index = new Int32Array(256);
  value = new Float64Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  length = 0;
  /** Codebook evidence of the row being made: code ids and values, in the order first met. */
  private readonly evidenceCodes: string[] = [];
  private evidenceValues = new Float64Array(16);

  constructor(
    vocabulary: readonly string[],
    language: string,
    /** The table words are scanned with: the coding pass's own, for its kept runs to be used. */
    readonly words = new WordTable(),
  ) {
    this.stem = stemmerFor(language);
    this.stop = stopWordsFor(language);
    this.seen = new Uint32Array(vocabulary.length);
    this.tableGeneration = words.generation;
    const stemNumber = (s: string) => {
      let n = this.stems.get(s);
      if (n === undefined) this.stems.set(s, (n = this.stems.size));
      return n;
    };
    const unigrams: [number, number][] = [];
    const pairs: [number, number, number][] = [];
    vocabulary.forEach((feature, i) => {
      const body = feature.slice(2);
      if (feature.startsWith('w:')) unigrams.push([stemNumber(body), i]);
      else if (feature.startsWith('b:')) {
        const space = body.indexOf(' ');
        pairs.push([stemNumber(body.slice(0, space)), stemNumber(body.slice(space + 1)), i]);
      } else if (feature.startsWith('h:')) this.headings.set(body, i);
      else if (feature.startsWith('k:')) this.keywords.set(body, i);
    });
    const count = this.stems.size;
    this.unigrams = new Int32Array(count).fill(-1);
    for (const [stem, i] of unigrams) this.unigrams[stem] = i;
    this.inPairs = new Uint8Array(count);
    for (const [first, second, i] of pairs) {
      this.pairs.set(first * count + second, i);
      this.inPairs[first] |= 1;
      this.inPairs[second] |= 2;
    }
  }

  /** The segment's row, in arrays of its own. */
  row(segment: Segment, auto: readonly Coding[]): LocatedRow {
    const n = this.make(segment, auto);
    return { index: this.index.slice(0, n), value: this.value.slice(0, n), starts: this.starts.slice(0, n), ends: this.ends.slice(0, n) };
  }

  /**
   * Makes the segment's row in `index`, `value`, `starts` and `ends` (the first `length` entries)
   * and returns its length; the segment's codings are auto[from..to). With `kept`, the words the
   * coding pass scanned with this maker's table are taken from there instead of scanning again.
   */
  make(segment: Segment, auto: readonly Coding[], from = 0, to = auto.length, kept?: RunStore): number {
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    this.length = 0;
    this.follow();
    const base = segment.range.start;
    const at = kept ? kept.at(segment, this.words.generation) : -1;
    let ids: Int32Array;
    let starts: Int32Array;
    let ends: Int32Array;
    let count: number;
    // Offsets of the starts, ends and ids in their arrays (one buffer for a kept run).
    let s0 = 0;
    let e0 = 0;
    let i0 = 0;
    if (at >= 0) {
      ids = starts = ends = kept!.cells;
      count = ids[at];
      s0 = at + 1;
      e0 = s0 + count;
      i0 = e0 + count;
    } else {
      if (this.words.full) this.words.clear();
      this.follow();
      const run = scanWords(segment.text, this.words);
      ({ ids, starts, ends, count } = run);
    }
    if (this.kinds.length < this.words.size) this.grow();
    const stemCount = this.stems.size;
    // The word before, when it was not skipped: its stem's number (-1: none in the vocabulary) and start.
    let previousStem = -2;
    let previousStart = 0;
    for (let w = 0; w < count; w++) {
      const id = ids[i0 + w];
      let kind = this.kinds[id];
      if (kind === UNKNOWN) this.kinds[id] = kind = this.kindOf(this.words.folded[id]);
      if (kind === SKIPPED) {
        previousStem = -2;
        continue;
      }
      const stem = kind - 3;
      const start = base + starts[s0 + w];
      const end = base + ends[e0 + w];
      if (stem >= 0) {
        const unigram = this.unigrams[stem];
        if (unigram >= 0) this.add(unigram, start, end);
        if (previousStem >= 0 && (this.inPairs[previousStem] & 1) !== 0 && (this.inPairs[stem] & 2) !== 0) {
          const pair = this.pairs.get(previousStem * stemCount + stem);
          if (pair !== undefined) this.add(pair, previousStart, end);
        }
      }
      previousStem = stem;
      previousStart = start;
    }
    for (const title of segment.section) for (const i of this.title(title)) this.add(i, -1, -1);
    const words = this.length;
    const scale = words > 0 ? 1 / Math.sqrt(words) : 0;
    this.value.fill(scale, 0, words);
    // The codebook's evidence per code: a later coding of the same code gives the value, as in features.ts.
    const codes = this.evidenceCodes;
    codes.length = 0;
    for (let k = from; k < to; k++) {
      const c = auto[k];
      if (c.source !== 'auto') continue;
      const v = c.score ?? Math.min(c.hits, HIT_CAP) / HIT_CAP;
      let e = codes.indexOf(c.code);
      if (e < 0) {
        e = codes.push(c.code) - 1;
        if (e === this.evidenceValues.length) {
          const bigger = new Float64Array(2 * e);
          bigger.set(this.evidenceValues);
          this.evidenceValues = bigger;
        }
      }
      this.evidenceValues[e] = v;
    }
    for (let e = 0; e < codes.length; e++) {
      const i = this.keywords.get(codes[e]);
      const v = this.evidenceValues[e];
      if (i !== undefined && v > 0) {
        this.add(i, -1, -1);
        this.value[this.length - 1] = v;
      }
    }
    return this.length;
  }

  /** Puts a feature in the row being made, once. */
  private add(i: number, start: number, end: number): void {
    if (this.seen[i] === this.generation) return;
    this.seen[i] = this.generation;
    if (this.length === this.index.length) {
      const size = 2 * this.length;
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.index = grow(this.index, new Int32Array(size));
      this.value = grow(this.value, new Float64Array(size));
      this.starts = grow(this.starts, new Int32Array(size));
      this.ends = grow(this.ends, new Int32Array(size));
    }
    this.index[this.length] = i;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** What the maker knows per word id goes when the table is cleared (its ids then mean other words). */
  private follow(): void {
    if (this.words.generation !== this.tableGeneration) {
      this.kinds.fill(UNKNOWN);
      this.tableGeneration = this.words.generation;
    }
  }

  /** What a word (folded) is to the model: SKIPPED, or its stem's number (-1 when the vocabulary has none) + 3. */
  private kindOf(folded: string): number {
    if (this.stop.has(folded) || folded.length < 2 || /^\d+$/.test(folded)) return SKIPPED;
    return (this.stems.get(this.stem(folded)) ?? -1) + 3;
  }

  /** Room for a kind per word id of the table. */
  private grow(): void {
    let size = this.kinds.length;
    while (size < this.words.size) size *= 2;
    const bigger = new Int32Array(size);
    bigger.set(this.kinds);
    this.kinds = bigger;
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
