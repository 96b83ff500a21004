/**
 * The words of a segment as flat arrays (start, end, word id) instead of one object per token, and
 * the table that gives each distinct word of a run its id. What depends only on the word (its folded
 * form, its stem, the terms it can start) is then computed once per distinct word, not per token.
 * Gives the same words, at the same offsets, as `tokenize`.
 */
import { ownText } from '../ingest/own-text.js';
import { fold } from './tokens.js';

/** Words of one text: `count` entries of `starts`, `ends` (offsets into the text) and `ids`. */
export interface WordRun {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  ids: Int32Array;
}

/**
 * Distinct words seen so far, by their text as written; each id also has its folded form. The table
 * is an open-addressing hash over the characters of the text itself, so that looking up a word
 * neither cuts it out of the text nor hashes a new string: only a word met for the first time is cut.
 */
export class WordTable {
  /** Per slot, 1 + the id of the word there, or 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);
  private readonly hashes: number[] = [];
  /** Per id, the word as written. */
  readonly raw: string[] = [];
  readonly folded: string[] = [];
  /** Counts the clears: ids of an earlier generation mean other words now. */
  generation = 0;
  /** Runs made with this table, kept for a second scan of the same text; dropped when the table is cleared. */
  kept = new KeptRuns();

  constructor(private readonly limit = 1_000_000) {}

  get size(): number {
    return this.folded.length;
  }

  /** True when the table is full: the caller may `clear` it between texts (ids start again). */
  get full(): boolean {
    return this.folded.length >= this.limit;
  }

  clear(): void {
    this.generation++;
    this.kept = new KeptRuns();
    this.slots.fill(0);
    this.hashes.length = 0;
    this.raw.length = 0;
    this.folded.length = 0;
  }

  id(raw: string): number {
    return this.idAt(raw, 0, raw.length);
  }

  /** The id of the word text[start..end). */
  idAt(text: string, start: number, end: number): number {
    let h = FNV_START;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    return this.idHashed(text, start, end, h);
  }

  /** The id of the word text[start..end), whose characters hash to `h` (FNV-1a over its UTF-16 units). */
  idHashed(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    let s = h & mask;
    for (let slot = this.slots[s]; slot !== 0; slot = this.slots[s]) {
      const id = slot - 1;
      if (this.hashes[id] === h) {
        const word = this.raw[id];
        if (word.length === length && text.startsWith(word, start)) return id;
      }
      s = (s + 1) & mask;
    }
    // The table lives as long as the corpus run: a word cut from a transcript would keep it in memory.
    const word = ownText(text.slice(start, end));
    const id = this.folded.length;
    this.raw.push(word);
    this.folded.push(fold(word));
    this.hashes.push(h);
    this.slots[s] = id + 1;
    if (this.folded.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** Twice the slots, every word placed again: the table stays at most half full. */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let s = this.hashes[id] & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = id + 1;
    }
  }
}

const FNV_START = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Per BMP character: 0 not yet known, 1 not a word character, 2 continues a word (a mark), 3 starts or continues one. */
const kinds = new Uint8Array(0x10000);
const START = /^[\p{L}\p{N}]$/u;
const CONTINUE = /^[\p{L}\p{M}\p{N}]$/u;

function classify(char: string): number {
  return START.test(char) ? 3 : CONTINUE.test(char) ? 2 : 1;
}

for (let c = 0; c < 128; c++) kinds[c] = classify(String.fromCharCode(c));

/** Kind of the character at i and its width in UTF-16 units (2 for a surrogate pair), packed as kind * 4 + width. */
function kindAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(i, i + 2)) * 4 + 2;
  }
  let k = kinds[c];
  if (k === 0) kinds[c] = k = classify(String.fromCharCode(c));
  return k * 4 + 1;
}

/** Arrays reused from text to text; grown as needed. */
const shared: WordRun = { count: 0, starts: new Int32Array(1024), ends: new Int32Array(1024), ids: new Int32Array(1024) };

/**
 * The words of `text` (offsets relative to it), with ids from `table`. The arrays are reused by the
 * next call: read them before scanning another text. One pass over the characters finds each word
 * and hashes it for the table (the same words as nextWord and wordEnd give): hashing in a second
 * pass made the scan a sixth slower.
 */
export function scanWords(text: string, table: WordTable): WordRun {
  const run = shared;
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    let c = text.charCodeAt(i);
    // Outside words; the common case first: ASCII.
    if (c < 128) {
      if (kinds[c] !== 3) {
        i++;
        continue;
      }
    } else {
      const packed = kindAt(text, i);
      if (packed >> 2 !== 3) {
        i += packed & 3;
        continue;
      }
    }
    const start = i;
    let h = FNV_START;
    for (;;) {
      if (c < 128) {
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      } else {
        const packed = kindAt(text, i);
        if (i > start && packed >> 2 < 2) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        if ((packed & 3) === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += packed & 3;
      }
      if (i >= length) break;
      c = text.charCodeAt(i);
      if (c < 128 && kinds[c] !== 3) break;
    }
    if (count === run.starts.length) grow(run);
    run.starts[count] = start;
    run.ends[count] = i;
    run.ids[count] = table.idHashed(text, start, i, h);
    count++;
  }
  run.count = count;
  return run;
}

/** Int32 cells per chunk of kept runs (4 MB). */
const CHUNK = 1 << 20;

/**
 * Runs of texts that will be scanned again with the same table (a segment the survey counted and
 * the coding pass matches), kept in large chunks rather than an array per text: small typed arrays
 * by the ten thousand cost more to make and collect than scanning again. A run is laid out as its
 * count, then its starts, ends and ids; a chunk goes once every run in it has been taken.
 */
export class KeptRuns {
  private readonly chunks: (Int32Array | undefined)[] = [];
  /** Per chunk, the runs in it not yet taken. */
  private readonly left: number[] = [];
  private used = CHUNK;
  /** Per key, chunk * CHUNK + offset of its run. */
  private readonly where = new WeakMap<object, number>();

  keep(key: object, run: WordRun): void {
    const n = run.count;
    const size = 1 + 3 * n;
    if (size > CHUNK) return; // scanned again instead
    if (this.used + size > CHUNK) {
      this.chunks.push(new Int32Array(CHUNK));
      this.left.push(0);
      this.used = 0;
    }
    const c = this.chunks.length - 1;
    const chunk = this.chunks[c]!;
    const at = this.used;
    chunk[at] = n;
    chunk.set(run.starts.subarray(0, n), at + 1);
    chunk.set(run.ends.subarray(0, n), at + 1 + n);
    chunk.set(run.ids.subarray(0, n), at + 1 + 2 * n);
    this.used += size;
    this.left[c]++;
    this.where.set(key, c * CHUNK + at);
  }

  /** The run kept for `key` (views into a chunk, valid until the next `take`), or undefined. */
  take(key: object): WordRun | undefined {
    const place = this.where.get(key);
    if (place === undefined) return undefined;
    const c = Math.floor(place / CHUNK);
    const chunk = this.chunks[c];
    if (!chunk) return undefined;
    const at = place - c * CHUNK;
    const n = chunk[at];
    const run = {
      count: n,
      starts: chunk.subarray(at + 1, at + 1 + n),
      ends: chunk.subarray(at + 1 + n, at + 1 + 2 * n),
      ids: chunk.subarray(at + 1 + 2 * n, at + 1 + 3 * n),
    };
    if (--this.left[c] === 0 && c < this.chunks.length - 1) this.chunks[c] = undefined;
    return run;
  }
}

/** How many words `tokenize` would give, without making them. */
export function countWords(text: string): number {
  let count = 0;
  for (let i = nextWord(text, 0); i < text.length; i = nextWord(text, wordEnd(text, i))) count++;
  return count;
}

/** Offset of the first word character at or after i (the text length when there is none). */
function nextWord(text: string, i: number): number {
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    // The common case first: ASCII outside words.
    if (c < 128 && kinds[c] !== 3) {
      i++;
      continue;
    }
    const packed = kindAt(text, i);
    if (packed >> 2 === 3) return i;
    i += packed & 3;
  }
  return length;
}

/** End of the word that starts at `start`. */
function wordEnd(text: string, start: number): number {
  const length = text.length;
  let i = start + (kindAt(text, start) & 3);
  while (i < length) {
    const d = text.charCodeAt(i);
    if (d < 128) {
      if (kinds[d] !== 3) break;
      i++;
      continue;
    }
    const packed = kindAt(text, i);
    if (packed >> 2 < 2) break;
    i += packed & 3;
  }
  return i;
}

function grow(run: WordRun): void {
  const size = run.starts.length * 2;
  for (const key of ['starts', 'ends', 'ids'] as const) {
    const bigger = new Int32Array(size);
    bigger.set(run[key]);
    run[key] = bigger;
  }
}
