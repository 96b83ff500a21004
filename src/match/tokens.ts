/**
 * Words of a text with their offsets, and the folded form matching uses: lower case, without
 * diacritics (financiële = financiele), so that terms and text meet regardless of spelling habits.
 */

export interface Token {
  /** Folded form. */
  word: string;
  /** 0-based offsets into the text given to `tokenize`. */
  start: number;
  end: number;
}

/** A word: letters and digits, with the marks that belong to them. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    tokens.push({ word: fold(m[0]), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

const folded = new Map<string, string>();

export function fold(word: string): string {
  let f = folded.get(word);
  if (f === undefined) {
    f = word
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '');
    if (folded.size > 200_000) folded.clear();
    folded.set(word, f);
  }
  return f;
}
