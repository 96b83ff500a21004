/**
 * All terms of a codebook in one language, compiled into lookups so that the cost per word of text
 * does not grow with the number of terms: a stem table for plain words, and tries for prefixes,
 * suffixes and infixes walked along the letters of each word. A phrase is filed under its first
 * word and checked against the following words only when that first word matches. Which entries a
 * word can start depends on the word alone, so it is looked up once per distinct word of the run.
 */
import { stemmerFor, type Stemmer } from './stem.js';
import { parseTerm, type TermWord } from './term.js';
import { scanWords, WordTable, type WordRun } from './words.js';

export interface Entry {
  /** Index of the code in the codebook. */
  code: number;
  /** The term as written in the codebook. */
  term: string;
  /** A `not` entry: vetoes the code instead of supporting it. */
  veto: boolean;
  kind: 'stem' | 'prefix' | 'suffix' | 'infix' | 'phrase';
  words: CompiledWord[];
}

interface CompiledWord extends TermWord {
  /** Stem of the word, for kind `stem`. */
  stem: string;
}

/** A match of an entry on tokens[first..last]. */
export interface Hit {
  entry: Entry;
  first: number;
  last: number;
}

class Trie {
  readonly next = new Map<string, Trie>();
  readonly entries: Entry[] = [];

  insert(chars: string, entry: Entry): void {
    let node: Trie = this;
    for (const c of chars) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = new Trie()));
      node = child;
    }
    node.entries.push(entry);
  }

  /** Entries whose key is a prefix of `chars` read from `from` in direction `step`. */
  walk(chars: string, from: number, step: 1 | -1, found: Entry[]): void {
    let node: Trie | undefined = this;
    for (let i = from; node && i >= 0 && i < chars.length; i += step) {
      node = node.next.get(chars[i]);
      if (node && node.entries.length > 0) found.push(...node.entries);
    }
  }
}

export interface LexiconInput {
  code: number;
  terms: string[];
  not: string[];
}

export class Lexicon {
  private readonly stems = new Map<string, Entry[]>();
  private readonly prefixes = new Trie();
  private readonly suffixes = new Trie();
  private readonly infixes = new Trie();
  private hasInfixes = false;
  readonly stem: Stemmer;
  /** Per word id of the table (see `words`), the entries it starts (filled as words are met). */
  private readonly starting: Starts[] = [];
  /** The table's generation the per-id arrays belong to. */
  private generation: number;
  /** Per word id, its stem (filled as phrases ask for it). */
  private readonly stemOf: string[] = [];

  /**
   * Words some pattern needs (see codebook/prefilter.ts), and per word id the clauses it holds: clause
   * p is the need of pattern p, the further clauses of the patterns follow.
   */
  private readonly needs = new Trie();
  private readonly needed: number[][] = [];
  /** Per clause, the last text whose words hold it (a stamp, so that nothing is cleared per text). */
  private readonly held: Int32Array;
  private stamp = 0;
  /** Per pattern with further clauses, their numbers. */
  private readonly further: { pattern: number; clauses: number[] }[] = [];

  /**
   * `needs`: per pattern, words one of which must occur inside a word of a text for it to match;
   * `also`: per pattern, further such sets, every one of which a text must hold too;
   * `words`: the table of the words of the run (shared with the survey's word count, see `scan`).
   */
  constructor(
    readonly language: string,
    codes: LexiconInput[],
    needs: (string[] | undefined)[] = [],
    also: (string[][] | undefined)[] = [],
    private readonly words = new WordTable(),
    /** The entries of `codes` made before (`lexiconEntries`, kept in the codebook cache), instead of making them again. */
    entries?: readonly Entry[],
  ) {
    this.generation = words.generation;
    this.stem = stemmerFor(language);
    for (const entry of entries ?? lexiconEntries(language, codes)) this.add(entry);
    const clause = (words: string[], id: number) => {
      for (const w of words) this.needs.insert(w, { code: id, term: w, veto: false, kind: 'infix', words: [] });
    };
    needs.forEach((words, pattern) => clause(words ?? [], pattern));
    let next = needs.length;
    also.forEach((clauses, pattern) => {
      if (!needs[pattern] || !clauses || clauses.length === 0) return;
      const ids = clauses.map((words) => {
        clause(words, next);
        return next++;
      });
      this.further.push({ pattern, clauses: ids });
    });
    this.held = new Int32Array(next);
  }

  private add(entry: Entry): void {
    const first = entry.words[0];
    if (first.kind === 'stem') push(this.stems, first.stem, entry);
    else if (first.kind === 'prefix') this.prefixes.insert(first.text, entry);
    else if (first.kind === 'suffix') this.suffixes.insert([...first.text].reverse().join(''), entry);
    else {
      this.infixes.insert(first.text, entry);
      this.hasInfixes = true;
    }
  }

  /**
   * The words of a text, with ids whose entries this lexicon remembers. With `key`, the run the
   * survey kept for it in this lexicon's table (WordTable.kept) when there is one, instead of a new scan.
   */
  scan(text: string, key?: object): WordRun {
    if (this.words.full) this.words.clear();
    if (this.words.generation !== this.generation) {
      this.starting.length = 0;
      this.stemOf.length = 0;
      this.needed.length = 0;
      this.generation = this.words.generation;
    }
    return (key && this.words.kept.take(key)) || scanWords(text, this.words);
  }

  /** The folded form of a word id of the last scan. */
  word(id: number): string {
    return this.words.folded[id];
  }

  /** Every match in the words of a text (from `scan`), in word order. */
  findAll(run: WordRun): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < run.count; i++) {
      const id = run.ids[i];
      const starts = this.starting[id] ?? (this.starting[id] = this.startsOf(this.words.folded[id]));
      const { entries, byNext, others } = starts;
      if (!byNext || !others) {
        for (const entry of entries) {
          const last = this.matchRest(entry, run, i);
          if (last >= 0) hits.push({ entry, first: i, last });
        }
        continue;
      }
      // Of the phrases that go on with a stem word, only those whose stem the next word has are
      // tried; with the other entries, in the entries' order.
      const next = (i + 1 < run.count && byNext.get(this.stemOfId(run.ids[i + 1]))) || NO_INDEXES;
      let a = 0;
      let b = 0;
      while (a < others.length || b < next.length) {
        const k = b >= next.length || (a < others.length && others[a] < next[b]) ? others[a++] : next[b++];
        const entry = entries[k];
        const last = this.matchRest(entry, run, i);
        if (last >= 0) hits.push({ entry, first: i, last });
      }
    }
    return hits;
  }

  /** The entries a word starts; when many are phrases that go on with a stem word, filed by that stem. */
  private startsOf(word: string): Starts {
    const entries = this.entriesStarting(word);
    const byStem = (e: Entry) => e.words.length > 1 && e.words[1].kind === 'stem';
    if (entries.filter(byStem).length < FILE_FROM) return { entries };
    const byNext = new Map<string, number[]>();
    const others: number[] = [];
    entries.forEach((e, k) => {
      if (!byStem(e)) others.push(k);
      else push(byNext, e.words[1].stem, k);
    });
    return { entries, byNext, others };
  }

  private stemOfId(id: number): string {
    return this.stemOf[id] ?? (this.stemOf[id] = this.stem(this.words.folded[id]));
  }

  /**
   * Per pattern, whether a word of the scanned text holds one of its needs: `held[p] === stamp`.
   * Patterns without needs are not marked.
   */
  patternsHeld(run: WordRun): { held: Int32Array; stamp: number } {
    const stamp = ++this.stamp;
    for (let i = 0; i < run.count; i++) {
      const id = run.ids[i];
      const patterns = this.needed[id] ?? (this.needed[id] = this.patternsNeeding(this.words.folded[id]));
      for (const p of patterns) this.held[p] = stamp;
    }
    // A pattern whose need is held but not each of its further clauses cannot match either.
    for (const { pattern, clauses } of this.further) {
      if (this.held[pattern] === stamp && clauses.some((c) => this.held[c] !== stamp)) this.held[pattern] = 0;
    }
    return { held: this.held, stamp };
  }

  private patternsNeeding(word: string): number[] {
    const found: Entry[] = [];
    for (let s = 0; s < word.length; s++) this.needs.walk(word, s, 1, found);
    return found.length === 0 ? NO_PATTERNS : [...new Set(found.map((e) => e.code))];
  }

  /** The entries whose first word matches `word`: stems, then prefixes, suffixes and infixes, each once. */
  private entriesStarting(word: string): Entry[] {
    const candidates: Entry[] = [];
    const byStem = this.stems.get(this.stem(word));
    if (byStem) candidates.push(...byStem);
    this.prefixes.walk(word, 0, 1, candidates);
    this.suffixes.walk(word, word.length - 1, -1, candidates);
    if (this.hasInfixes) for (let s = 0; s < word.length; s++) this.infixes.walk(word, s, 1, candidates);
    return candidates.length === 0 ? NONE : [...new Set(candidates)];
  }

  /** Index of the last token of the entry's match starting at token i, or -1. */
  private matchRest(entry: Entry, run: WordRun, i: number): number {
    for (let k = 1; k < entry.words.length; k++) {
      if (i + k >= run.count || !this.matches(entry.words[k], run.ids[i + k])) return -1;
    }
    return i + entry.words.length - 1;
  }

  private matches(w: CompiledWord, id: number): boolean {
    const word = this.words.folded[id];
    switch (w.kind) {
      case 'stem':
        return this.stemOfId(id) === w.stem;
      case 'prefix':
        return word.startsWith(w.text);
      case 'suffix':
        return word.endsWith(w.text);
      case 'infix':
        return word.includes(w.text);
    }
  }
}

/**
 * The entries of the terms and `not` words of each code, in that order: parsed and stemmed. They
 * depend on the codebook alone, so the codebook cache keeps them (codebook/plan.ts).
 */
export function lexiconEntries(language: string, codes: LexiconInput[]): Entry[] {
  const stem = stemmerFor(language);
  const entries: Entry[] = [];
  const add = (code: number, term: string, veto: boolean) => {
    const parsed = parseTerm(term);
    if (parsed.problem) return; // reported when the codebook was loaded
    const words = parsed.words.map((w) => ({ ...w, stem: w.kind === 'stem' ? stem(w.text) : '' }));
    entries.push({ code, term, veto, kind: words.length > 1 ? 'phrase' : words[0].kind, words });
  };
  for (const { code, terms, not } of codes) {
    for (const term of terms) add(code, term, false);
    for (const term of not) add(code, term, true);
  }
  return entries;
}

/** The entries a word starts (Lexicon.findAll). */
interface Starts {
  entries: Entry[];
  /** Of the entries that are phrases going on with a stem word, the indexes by that stem; */
  byNext?: Map<string, number[]>;
  /** and the indexes of all the others, in order. */
  others?: number[];
}

/**
 * From this many phrases going on with a stem word, a word's entries are filed by that stem: `niet`
 * starts dozens of HALL phrases and is among the commonest words, and trying each at every `niet`
 * was most of the lexicon's time (4.1 million phrase checks for the 1.7 million words of 10 MB).
 */
const FILE_FROM = 2;
const NO_INDEXES: number[] = [];

const NONE: Entry[] = [];
const NO_PATTERNS: number[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
