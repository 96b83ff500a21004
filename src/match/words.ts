/**
 * The words of a segment as flat arrays (start, end, word id) instead of one object per token, and
 * the table that gives each distinct word of a run its id. What depends only on the word (its folded
 * form, its stem, the terms it can start) is then computed once per distinct word, not per token.
 * Gives the same words, at the same offsets, as `tokenize`.
 */
import { fold } from './tokens.js';

/** Words of one text: `count` entries of `starts`, `ends` (offsets into the text) and `ids`. */
export interface WordRun {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  ids: Int32Array;
}

/** Distinct words seen so far, by their text as written; each id also has its folded form. */
export class WordTable {
  private readonly ids = new Map<string, number>();
  readonly folded: string[] = [];

  constructor(private readonly limit = 1_000_000) {}

  get size(): number {
    return this.folded.length;
  }

  /** True when the table is full: the caller may `clear` it between texts (ids start again). */
  get full(): boolean {
    return this.folded.length >= this.limit;
  }

  clear(): void {
    this.ids.clear();
    this.folded.length = 0;
  }

  id(raw: string): number {
    let id = this.ids.get(raw);
    if (id === undefined) {
      id = this.folded.length;
      this.ids.set(raw, id);
      this.folded.push(fold(raw));
    }
    return id;
  }
}

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
 * next call: read them before scanning another text.
 */
export function scanWords(text: string, table: WordTable): WordRun {
  const run = shared;
  let count = 0;
  for (let i = nextWord(text, 0); i < text.length; i = nextWord(text, i)) {
    const start = i;
    i = wordEnd(text, i);
    if (count === run.starts.length) grow(run);
    run.starts[count] = start;
    run.ends[count] = i;
    run.ids[count] = table.id(text.slice(start, i));
    count++;
  }
  run.count = count;
  return run;
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
