/**
 * All terms of a codebook in one language, compiled into lookups so that the cost per word of text
 * does not grow with the number of terms: a stem table for plain words, and tries for prefixes,
 * suffixes and infixes walked along the letters of each word. A phrase is filed under its first
 * word and checked against the following words only when that first word matches.
 */
import { stemmerFor, type Stemmer } from './stem.js';
import { parseTerm, type TermWord } from './term.js';
import type { Token } from './tokens.js';

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

  constructor(
    readonly language: string,
    codes: LexiconInput[],
  ) {
    this.stem = stemmerFor(language);
    for (const { code, terms, not } of codes) {
      for (const term of terms) this.add(code, term, false);
      for (const term of not) this.add(code, term, true);
    }
  }

  private add(code: number, term: string, veto: boolean): void {
    const parsed = parseTerm(term);
    if (parsed.problem) return; // reported when the codebook was loaded
    const words = parsed.words.map((w) => ({ ...w, stem: w.kind === 'stem' ? this.stem(w.text) : '' }));
    const first = words[0];
    const entry: Entry = { code, term, veto, kind: words.length > 1 ? 'phrase' : first.kind, words };
    if (first.kind === 'stem') push(this.stems, first.stem, entry);
    else if (first.kind === 'prefix') this.prefixes.insert(first.text, entry);
    else if (first.kind === 'suffix') this.suffixes.insert([...first.text].reverse().join(''), entry);
    else {
      this.infixes.insert(first.text, entry);
      this.hasInfixes = true;
    }
  }

  /** Every match in a sequence of tokens, in token order. */
  findAll(tokens: Token[]): Hit[] {
    const hits: Hit[] = [];
    const candidates: Entry[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const word = tokens[i].word;
      candidates.length = 0;
      const byStem = this.stems.get(this.stem(word));
      if (byStem) candidates.push(...byStem);
      this.prefixes.walk(word, 0, 1, candidates);
      this.suffixes.walk(word, word.length - 1, -1, candidates);
      if (this.hasInfixes) for (let s = 0; s < word.length; s++) this.infixes.walk(word, s, 1, candidates);
      for (const entry of new Set(candidates)) {
        const last = this.matchRest(entry, tokens, i);
        if (last >= 0) hits.push({ entry, first: i, last });
      }
    }
    return hits;
  }

  /** Index of the last token of the entry's match starting at token i, or -1. */
  private matchRest(entry: Entry, tokens: Token[], i: number): number {
    for (let k = 1; k < entry.words.length; k++) {
      const token = tokens[i + k];
      if (!token || !this.matches(entry.words[k], token.word)) return -1;
    }
    return i + entry.words.length - 1;
  }

  private matches(w: CompiledWord, word: string): boolean {
    switch (w.kind) {
      case 'stem':
        return this.stem(word) === w.stem;
      case 'prefix':
        return word.startsWith(w.text);
      case 'suffix':
        return word.endsWith(w.text);
      case 'infix':
        return word.includes(w.text);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
