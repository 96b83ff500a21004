/**
 * Word counts of a corpus per group (a district, a role, a document, or the segments coded with a
 * code against the rest): words by stem, and word pairs and triples, each once per occurrence.
 * Stop words, numbers and one-letter words are not counted, and a pair or triple may not begin or end
 * with one. Only counts are held, by id: every distinct word is folded, stemmed and looked up once.
 */
import { ownText } from '../ingest/own-text.js';
import { stemmerFor } from '../match/stem.js';
import { scanWords, WordTable } from '../match/words.js';
import type { Segment } from '../ingest/document.js';

/** Counts of grams by id, dense for the first groups (few, large) and sparse beyond (many, small). */
interface Counts {
  add(id: number): void;
  get(id: number): number;
  forEach(visit: (id: number, count: number) => void): void;
}

class DenseCounts implements Counts {
  private data = new Int32Array(1024);
  private top = 0;

  add(id: number): void {
    if (id >= this.data.length) {
      const bigger = new Int32Array(Math.max(this.data.length * 2, id + 1));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[id]++;
    if (id >= this.top) this.top = id + 1;
  }

  get(id: number): number {
    return id < this.data.length ? this.data[id] : 0;
  }

  forEach(visit: (id: number, count: number) => void): void {
    for (let i = 0; i < this.top; i++) if (this.data[i] > 0) visit(i, this.data[i]);
  }
}

class SparseCounts implements Counts {
  private readonly map = new Map<number, number>();
  add(id: number): void {
    this.map.set(id, (this.map.get(id) ?? 0) + 1);
  }
  get(id: number): number {
    return this.map.get(id) ?? 0;
  }
  forEach(visit: (id: number, count: number) => void): void {
    for (const [id, n] of this.map) visit(id, n);
  }
}

const DENSE_GROUPS = 64;
/** Between two words: anything but white space, hyphens and apostrophes ends a word sequence. */
const PUNCTUATION = /[^\s'’\-]/;
/** Ids of terms fit in 26 bits, so that a pair (and a pair id with a third word) fits a double exactly. */
const SHIFT = 2 ** 26;

/** The words of one language: per distinct word as written, its term (stem) id and whether it is left out. */
class Vocabulary {
  readonly table = new WordTable(Number.MAX_SAFE_INTEGER);
  termOf = new Int32Array(1024).fill(-1);
  left = new Uint8Array(1024);
  /** Occurrences per word as written, for showing each term in its commonest form. */
  seen = new Int32Array(1024);
  readonly raw: string[] = [];

  constructor(
    readonly language: string,
    readonly stem: (word: string) => string,
    readonly stop: Set<string>,
  ) {}

  grow(size: number): void {
    if (size <= this.termOf.length) return;
    const length = Math.max(size, this.termOf.length * 2);
    const termOf = new Int32Array(length).fill(-1);
    termOf.set(this.termOf);
    this.termOf = termOf;
    for (const key of ['left', 'seen'] as const) {
      const bigger = key === 'left' ? new Uint8Array(length) : new Int32Array(length);
      bigger.set(this[key]);
      (this as Record<typeof key, Uint8Array | Int32Array>)[key] = bigger;
    }
  }
}

export interface GramTotals {
  /** Grams counted per group index, and in all. */
  perGroup: number[];
  all: number;
}

/** One length of gram: ids, the terms they are made of, counts per group and documents holding each. */
export class Grams {
  readonly ids = new Map<number, number>();
  /** Per gram id, the term ids of its words. */
  readonly terms: number[][] = [];
  readonly groups: Counts[] = [];
  readonly all = new DenseCounts();
  readonly documents = new DenseCounts();
  private lastDocument = new Int32Array(1024).fill(-1);
  readonly totals: GramTotals = { perGroup: [], all: 0 };

  constructor(readonly n: number) {}

  id(key: number, words: () => number[]): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(key, id);
      this.terms.push(words());
    }
    return id;
  }

  count(id: number, groups: number[], document: number): void {
    this.all.add(id);
    this.totals.all++;
    for (const g of groups) {
      while (this.groups.length <= g) {
        this.groups.push(this.groups.length < DENSE_GROUPS ? new DenseCounts() : new SparseCounts());
        this.totals.perGroup.push(0);
      }
      this.groups[g].add(id);
      this.totals.perGroup[g]++;
    }
    if (id >= this.lastDocument.length) {
      const bigger = new Int32Array(Math.max(id + 1, this.lastDocument.length * 2)).fill(-1);
      bigger.set(this.lastDocument);
      this.lastDocument = bigger;
    }
    if (this.lastDocument[id] !== document) {
      this.lastDocument[id] = document;
      this.documents.add(id);
    }
  }

  countIn(id: number, group: number): number {
    return this.groups[group]?.get(id) ?? 0;
  }
}

export class WordCounter {
  private readonly vocabularies = new Map<string, Vocabulary>();
  /** Term ids by language and stem, and the vocabulary words of each term. */
  private readonly termIds = new Map<string, number>();
  readonly termWords: { vocabulary: Vocabulary; raw: number }[][] = [];
  readonly grams: Grams[];
  readonly groupNames: string[] = [];
  private readonly groupIndex = new Map<string, number>();
  /** Documents counted, in all and per group. */
  documents = 0;
  readonly groupDocuments: number[] = [];
  private readonly groupLastDocument: number[] = [];

  constructor(
    /** The lengths of gram to count, from 1 to 3. */
    readonly lengths: number[],
    private readonly stopWords: (language: string) => Set<string>,
  ) {
    this.grams = [1, 2, 3].map((n) => new Grams(n));
  }

  /** Counts the segments of a document under the groups `groupsOf` gives (none: not counted). */
  add(segments: Segment[], language: string, groupsOf: (segment: Segment) => string[]): void {
    const vocabulary = this.vocabulary(language);
    const document = this.documents;
    let counted = false;
    const ids: number[] = [];
    const breaks: boolean[] = [];
    const sequences = this.lengths.some((n) => n > 1);
    for (const segment of segments) {
      const names = groupsOf(segment);
      if (names.length === 0) continue;
      counted = true;
      const groups = names.map((name) => this.group(name, document));
      const run = scanWords(segment.text, vocabulary.table);
      vocabulary.grow(vocabulary.table.size);
      ids.length = 0;
      breaks.length = 0;
      const text = segment.text;
      for (let i = 0; i < run.count; i++) {
        const raw = run.ids[i];
        if (vocabulary.termOf[raw] < 0) this.learn(vocabulary, raw, text.slice(run.starts[i], run.ends[i]));
        vocabulary.seen[raw]++;
        ids.push(raw);
        // A pair or triple does not run across punctuation: "tafel, stoel" is no pair.
        if (sequences) breaks.push(i + 1 < run.count && PUNCTUATION.test(text.slice(run.ends[i], run.starts[i + 1])));
      }
      this.countGrams(vocabulary, ids, breaks, groups, document);
    }
    if (counted) this.documents++;
  }

  private countGrams(vocabulary: Vocabulary, raws: number[], breaks: boolean[], groups: number[], document: number): void {
    const { termOf, left } = vocabulary;
    const [one, two, three] = this.grams;
    // Words are always counted: they are the totals every report gives.
    const wants = (n: number) => n === 1 || this.lengths.includes(n);
    for (let i = 0; i < raws.length; i++) {
      const a = raws[i];
      if (left[a]) continue;
      const ta = termOf[a];
      if (wants(1)) one.count(ta, groups, document);
      // Pairs and triples end on a counted word too; stop words may stand between.
      if (wants(2) && i + 1 < raws.length && !breaks[i] && !left[raws[i + 1]]) {
        const tb = termOf[raws[i + 1]];
        two.count(
          two.id(ta * SHIFT + tb, () => [ta, tb]),
          groups,
          document,
        );
      }
      if (wants(3) && i + 2 < raws.length && !breaks[i] && !breaks[i + 1] && !left[raws[i + 2]]) {
        const tb = termOf[raws[i + 1]];
        const tc = termOf[raws[i + 2]];
        const pair = two.id(ta * SHIFT + tb, () => [ta, tb]);
        three.count(
          three.id(pair * SHIFT + tc, () => [ta, tb, tc]),
          groups,
          document,
        );
      }
    }
  }

  private learn(vocabulary: Vocabulary, raw: number, text: string): void {
    const folded = vocabulary.table.folded[raw];
    vocabulary.raw[raw] = ownText(text);
    const stem = vocabulary.stem(folded);
    const key = `${vocabulary.language}\u0000${stem}`;
    let term = this.termIds.get(key);
    if (term === undefined) {
      term = this.termWords.length;
      this.termIds.set(key, term);
      this.termWords.push([]);
    }
    this.termWords[term].push({ vocabulary, raw });
    vocabulary.termOf[raw] = term;
    vocabulary.left[raw] = folded.length < 2 || !/\p{L}/u.test(folded) || vocabulary.stop.has(folded) ? 1 : 0;
  }

  private vocabulary(language: string): Vocabulary {
    let v = this.vocabularies.get(language);
    if (!v) this.vocabularies.set(language, (v = new Vocabulary(language, stemmerFor(language), this.stopWords(language))));
    return v;
  }

  private group(name: string, document: number): number {
    let g = this.groupIndex.get(name);
    if (g === undefined) {
      g = this.groupNames.length;
      this.groupIndex.set(name, g);
      this.groupNames.push(name);
      this.groupDocuments.push(0);
      this.groupLastDocument.push(-1);
    }
    if (this.groupLastDocument[g] !== document) {
      this.groupLastDocument[g] = document;
      this.groupDocuments[g]++;
    }
    return g;
  }

  /**
   * A term as people write it: its commonest form in lower case (ties: the first in alphabetical
   * order), among the forms that were counted; a stop word inside a pair or triple has only others.
   */
  form(term: number): string {
    const forms = new Map<string, number>();
    const words = this.termWords[term];
    const counted = words.filter(({ vocabulary, raw }) => !vocabulary.left[raw]);
    for (const { vocabulary, raw } of counted.length > 0 ? counted : words) {
      const lower = vocabulary.raw[raw].toLowerCase();
      forms.set(lower, (forms.get(lower) ?? 0) + vocabulary.seen[raw]);
    }
    let best = '';
    let most = -1;
    for (const [form, n] of forms) if (n > most || (n === most && form < best)) [best, most] = [form, n];
    return best;
  }

  /** The forms of a gram's words, joined by spaces. */
  gramForm(n: number, id: number): string {
    return n === 1 ? this.form(id) : this.grams[n - 1].terms[id].map((t) => this.form(t)).join(' ');
  }

  /** The term ids of a gram's words. */
  gramTerms(n: number, id: number): number[] {
    return n === 1 ? [id] : this.grams[n - 1].terms[id];
  }

  /** The stem of a term. */
  stemOf(term: number): string {
    const { vocabulary, raw } = this.termWords[term][0];
    return vocabulary.stem(vocabulary.table.folded[raw]);
  }
}
