/**
 * Word counts of a corpus per group (a district, a role, a document, or the segments coded with a
 * code against the rest): words by stem, and word pairs and triples, each once per occurrence.
 * Stop words, numbers and one-letter words are not counted, and a pair or triple may not begin or end
 * with one. Only counts are held, by id: every distinct word is folded, stemmed and looked up once.
 */
import { stemmerFor } from '../match/stem.js';
import type { ScannedWords } from '../match/run-store.js';
import { scanWords, WordTable, type WordRun } from '../match/words.js';
import type { Segment } from '../ingest/document.js';
import { PairIds } from './pairs.js';

/** Whether text[from..to), between two words, holds anything but white space, hyphens and apostrophes. */
function punctuationBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // Most gaps are one space; other characters go to the expression, without cutting the gap out.
    if (c === 32) continue;
    PUNCTUATION.lastIndex = k;
    if (PUNCTUATION.test(text)) return true;
  }
  return false;
}

/** Counts of grams by id, dense for the first groups (few, large) and sparse beyond (many, small). */
interface Counts {
  add(id: number): void;
  /** Adds `n` occurrences at once (merging counts of another thread). */
  addMany(id: number, n: number): void;
  get(id: number): number;
  /** Each id counted at least `atLeast` times (1: every id counted), with its count, ids ascending for dense counts. */
  forEach(visit: (id: number, count: number) => void, atLeast?: number): void;
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

  addMany(id: number, n: number): void {
    this.add(id);
    this.data[id] += n - 1;
  }

  get(id: number): number {
    return id < this.data.length ? this.data[id] : 0;
  }

  forEach(visit: (id: number, count: number) => void, atLeast = 1): void {
    // Most pairs and triples occur once or twice: those below a list's minimum are passed over here, not called for.
    const min = Math.max(1, atLeast);
    for (let i = 0; i < this.top; i++) if (this.data[i] >= min) visit(i, this.data[i]);
  }
}

class SparseCounts implements Counts {
  private readonly map = new Map<number, number>();
  add(id: number): void {
    this.map.set(id, (this.map.get(id) ?? 0) + 1);
  }
  addMany(id: number, n: number): void {
    this.map.set(id, (this.map.get(id) ?? 0) + n);
  }
  get(id: number): number {
    return this.map.get(id) ?? 0;
  }
  forEach(visit: (id: number, count: number) => void, atLeast = 1): void {
    for (const [id, n] of this.map) if (n >= atLeast) visit(id, n);
  }
}

const DENSE_GROUPS = 64;
/** Between two words: anything but white space, hyphens and apostrophes ends a word sequence. */
const PUNCTUATION = /[^\s'’\-]/y;

/** The words of one language: per distinct word as written, its term (stem) id and whether it is left out. */
class Vocabulary {
  readonly table = new WordTable(Number.MAX_SAFE_INTEGER);
  termOf = new Int32Array(1024).fill(-1);
  left = new Uint8Array(1024);
  /** Occurrences per word as written, for showing each term in its commonest form. */
  seen = new Int32Array(1024);
  readonly raw: string[] = [];

  /**
   * Per word id of another table (the coding pass's), 1 + the id of the same word here, or 0 when
   * not yet looked up: each distinct word is looked up once, in the order counting meets it, so the
   * ids are those a scan with this table would give. Valid for one table and generation of it.
   */
  private fromIds = new Int32Array(0);
  private from?: WordTable;
  private fromGeneration = -1;
  private readonly taken: WordRun = { count: 0, starts: new Int32Array(0), ends: new Int32Array(0), ids: new Int32Array(1024) };

  constructor(
    readonly language: string,
    readonly stem: (word: string) => string,
    readonly stop: Set<string>,
  ) {}

  /**
   * The words of a segment from the run the coding pass kept for it (`at` in `cells`: its count,
   * then starts, ends and ids of `source`), with ids of this vocabulary's table. The ids array is
   * reused by the next call.
   */
  takeRun(source: WordTable, cells: Int32Array, at: number): WordRun {
    if (source !== this.from || source.generation !== this.fromGeneration) {
      this.from = source;
      this.fromGeneration = source.generation;
      this.fromIds = new Int32Array(Math.max(1024, source.size));
    }
    if (this.fromIds.length < source.size) {
      const bigger = new Int32Array(Math.max(source.size, this.fromIds.length * 2));
      bigger.set(this.fromIds);
      this.fromIds = bigger;
    }
    const n = cells[at];
    const run = this.taken;
    if (run.ids.length < n) run.ids = new Int32Array(Math.max(n, run.ids.length * 2));
    const { fromIds, table } = this;
    const ids = run.ids;
    const first = at + 1 + 2 * n;
    for (let i = 0; i < n; i++) {
      const other = cells[first + i];
      let id = fromIds[other] - 1;
      if (id < 0) fromIds[other] = (id = table.id(source.raw[other])) + 1;
      ids[i] = id;
    }
    run.count = n;
    run.starts = cells.subarray(at + 1, at + 1 + n);
    run.ends = cells.subarray(at + 1 + n, at + 1 + 2 * n);
    return run;
  }

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

/**
 * One length of gram: ids, counts per group and documents holding each. A pair's id is that of its
 * two term ids, a triple's that of the id of its first two words' pair and its third term id.
 */
export class Grams {
  readonly ids = new PairIds();
  readonly groups: Counts[] = [];
  readonly all = new DenseCounts();
  readonly documents = new DenseCounts();
  private lastDocument = new Int32Array(1024).fill(-1);
  readonly totals: GramTotals = { perGroup: [], all: 0 };

  constructor(readonly n: number) {}

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

  /** The counts as plain data, for another thread to add to its own (see WordCounter.absorb). */
  parts(): GramParts {
    return {
      all: countsPart(this.all),
      documents: countsPart(this.documents),
      groups: this.groups.map(countsPart),
      totals: this.totals,
      ...this.ids.parts(),
    };
  }

  /** Adds the counts of `parts`, whose gram ids are `ids[id]` here and group indices `groups[g]`. */
  absorb(parts: GramParts, ids: Int32Array, groups: number[]): void {
    addPart(this.all, parts.all, ids);
    addPart(this.documents, parts.documents, ids);
    this.totals.all += parts.totals.all;
    parts.groups.forEach((part, g) => {
      const here = groups[g];
      while (this.groups.length <= here) {
        this.groups.push(this.groups.length < DENSE_GROUPS ? new DenseCounts() : new SparseCounts());
        this.totals.perGroup.push(0);
      }
      addPart(this.groups[here], part, ids);
      this.totals.perGroup[here] += parts.totals.perGroup[g];
    });
  }
}

/** Counts by id as two arrays, ids ascending. */
interface CountsPart {
  ids: Int32Array;
  counts: Int32Array;
}

export interface GramParts {
  all: CountsPart;
  documents: CountsPart;
  groups: CountsPart[];
  totals: GramTotals;
  /** The two numbers of each pair id (PairIds), in id order. */
  lefts: Int32Array;
  rights: Int32Array;
}

function countsPart(counts: Counts): CountsPart {
  const ids: number[] = [];
  const values: number[] = [];
  counts.forEach((id, n) => {
    ids.push(id);
    values.push(n);
  });
  return { ids: Int32Array.from(ids), counts: Int32Array.from(values) };
}

function addPart(counts: Counts, part: CountsPart, ids: Int32Array): void {
  for (let i = 0; i < part.ids.length; i++) counts.addMany(ids[part.ids[i]], part.counts[i]);
}

/**
 * What a WordCounter counted, as plain data a worker thread posts: the words as written per
 * language with their term, the terms in id order, the groups, and the grams' counts.
 */
export interface CounterParts {
  documents: number;
  groupNames: string[];
  groupDocuments: number[];
  /** Per term id, its key (language and stem). */
  terms: string[];
  vocabularies: { language: string; raw: string[]; termOf: Int32Array; left: Uint8Array; seen: Int32Array }[];
  grams: GramParts[];
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

  /** The counts as plain data (for a worker thread to post). */
  parts(): CounterParts {
    const vocabularies = [...this.vocabularies.values()].map((v) => {
      const size = v.table.size;
      return {
        language: v.language,
        raw: v.table.raw.slice(0, size),
        termOf: v.termOf.slice(0, size),
        left: v.left.slice(0, size),
        seen: v.seen.slice(0, size),
      };
    });
    return {
      documents: this.documents,
      groupNames: this.groupNames,
      groupDocuments: this.groupDocuments,
      terms: [...this.termIds.keys()],
      vocabularies,
      grams: this.grams.map((g) => g.parts()),
    };
  }

  /**
   * Adds the counts of documents read after this counter's (by another thread): the same counts,
   * ids and order of terms, grams and groups as counting those documents here would give, since
   * what is new to this counter is taken in the order the other met it.
   */
  absorb(parts: CounterParts): void {
    const terms = Int32Array.from(parts.terms, (key) => {
      let term = this.termIds.get(key);
      if (term === undefined) {
        this.termIds.set(key, (term = this.termWords.length));
        this.termWords.push([]);
      }
      return term;
    });
    for (const part of parts.vocabularies) {
      const vocabulary = this.vocabulary(part.language);
      part.raw.forEach((word, r) => {
        if (part.termOf[r] < 0) return;
        const raw = vocabulary.table.id(word);
        vocabulary.grow(vocabulary.table.size);
        if (vocabulary.termOf[raw] < 0) {
          const term = terms[part.termOf[r]];
          vocabulary.raw[raw] = vocabulary.table.raw[raw];
          vocabulary.termOf[raw] = term;
          vocabulary.left[raw] = part.left[r];
          this.termWords[term].push({ vocabulary, raw });
        }
        vocabulary.seen[raw] += part.seen[r];
      });
    }
    const groups = parts.groupNames.map((name, g) => {
      const here = this.groupOf(name);
      this.groupDocuments[here] += parts.groupDocuments[g];
      return here;
    });
    const [one, two, three] = this.grams;
    const pairs = new Int32Array(parts.grams[1].lefts.length);
    parts.grams[1].lefts.forEach((a, p) => (pairs[p] = two.ids.id(terms[a], terms[parts.grams[1].rights[p]])));
    const triples = new Int32Array(parts.grams[2].lefts.length);
    parts.grams[2].lefts.forEach((a, t) => (triples[t] = three.ids.id(pairs[a], terms[parts.grams[2].rights[t]])));
    one.absorb(parts.grams[0], terms, groups);
    two.absorb(parts.grams[1], pairs, groups);
    three.absorb(parts.grams[2], triples, groups);
    this.documents += parts.documents;
  }

  /**
   * Counts the segments of a document under the groups `groupsOf` gives (none: not counted). With
   * `scanned`, a segment whose words the coding pass kept is not scanned again: the same words, by
   * the same function over the same text, with this counter's ids looked up once per distinct word.
   */
  add(segments: Segment[], language: string, groupsOf: (segment: Segment) => string[], scanned?: ScannedWords): void {
    const vocabulary = this.vocabulary(language);
    const document = this.documents;
    let counted = false;
    const sequences = this.lengths.some((n) => n > 1);
    for (const segment of segments) {
      const names = groupsOf(segment);
      if (names.length === 0) continue;
      counted = true;
      const groups = names.map((name) => this.group(name, document));
      const text = segment.text;
      const at = scanned ? scanned.runs.at(segment, scanned.table.generation) : -1;
      const run = at >= 0 ? vocabulary.takeRun(scanned!.table, scanned!.runs.cells, at) : scanWords(text, vocabulary.table);
      vocabulary.grow(vocabulary.table.size);
      const { count, ids, starts, ends } = run;
      const breaks = sequences ? this.breaksOf(count) : undefined;
      for (let i = 0; i < count; i++) {
        const raw = ids[i];
        if (vocabulary.termOf[raw] < 0) this.learn(vocabulary, raw);
        vocabulary.seen[raw]++;
        // A pair or triple does not run across punctuation: "tafel, stoel" is no pair.
        if (breaks) breaks[i] = i + 1 < count && punctuationBetween(text, ends[i], starts[i + 1]) ? 1 : 0;
      }
      this.countGrams(vocabulary, ids, count, breaks, groups, document);
    }
    if (counted) this.documents++;
  }

  /** Per word of a segment, whether punctuation follows it; reused from segment to segment. */
  private breaks = new Uint8Array(1024);

  private breaksOf(count: number): Uint8Array {
    if (count > this.breaks.length) this.breaks = new Uint8Array(Math.max(count, this.breaks.length * 2));
    return this.breaks;
  }

  /** Counts the grams of the first `count` words of a segment (word ids of the vocabulary's table). */
  private countGrams(
    vocabulary: Vocabulary,
    raws: Int32Array,
    count: number,
    breaks: Uint8Array | undefined,
    groups: number[],
    document: number,
  ): void {
    const { termOf, left } = vocabulary;
    const [one, two, three] = this.grams;
    // Words are always counted: they are the totals every report gives.
    const pairs = breaks !== undefined && this.lengths.includes(2);
    const triples = breaks !== undefined && this.lengths.includes(3);
    for (let i = 0; i < count; i++) {
      const a = raws[i];
      if (left[a]) continue;
      const ta = termOf[a];
      one.count(ta, groups, document);
      if (!breaks) continue;
      // Pairs and triples end on a counted word too; stop words may stand between.
      if (pairs && i + 1 < count && !breaks[i] && !left[raws[i + 1]]) two.count(two.ids.id(ta, termOf[raws[i + 1]]), groups, document);
      if (triples && i + 2 < count && !breaks[i] && !breaks[i + 1] && !left[raws[i + 2]]) {
        const pair = two.ids.id(ta, termOf[raws[i + 1]]);
        three.count(three.ids.id(pair, termOf[raws[i + 2]]), groups, document);
      }
    }
  }

  private learn(vocabulary: Vocabulary, raw: number): void {
    const folded = vocabulary.table.folded[raw];
    vocabulary.raw[raw] = vocabulary.table.raw[raw];
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

  private groupOf(name: string): number {
    let g = this.groupIndex.get(name);
    if (g === undefined) {
      g = this.groupNames.length;
      this.groupIndex.set(name, g);
      this.groupNames.push(name);
      this.groupDocuments.push(0);
      this.groupLastDocument.push(-1);
    }
    return g;
  }

  private group(name: string, document: number): number {
    const g = this.groupOf(name);
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
    return this.gramTerms(n, id)
      .map((t) => this.form(t))
      .join(' ');
  }

  /** The term ids of a gram's words. */
  gramTerms(n: number, id: number): number[] {
    const [, two, three] = this.grams;
    if (n === 1) return [id];
    if (n === 2) return [two.ids.left(id), two.ids.right(id)];
    const pair = three.ids.left(id);
    return [two.ids.left(pair), two.ids.right(pair), three.ids.right(id)];
  }

  /** The stem of a term. */
  stemOf(term: number): string {
    const { vocabulary, raw } = this.termWords[term][0];
    return vocabulary.stem(vocabulary.table.folded[raw]);
  }
}
