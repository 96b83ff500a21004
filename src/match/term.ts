/**
 * The term syntax of a codebook: `word` (matches its stem), `word*` (any word starting with it),
 * `*word` (any word ending in it), `*word*` (any word containing it), and phrases of such words
 * separated by spaces (`"korte lijnen"`, `"de regie*"`), matched as consecutive words.
 */
import { tokenize } from './tokens.js';

export type WordKind = 'stem' | 'prefix' | 'suffix' | 'infix';

export interface TermWord {
  kind: WordKind;
  /** Folded word (for prefix, suffix and infix the fixed part). */
  text: string;
}

export interface ParsedTerm {
  words: TermWord[];
  problem?: string;
}

const MIN_AFFIX = 3;

export function parseTerm(term: string): ParsedTerm {
  const words: TermWord[] = [];
  for (const raw of term.trim().split(/\s+/)) {
    if (raw === '') continue;
    const head = raw.startsWith('*');
    const tail = raw.endsWith('*') && raw.length > 1;
    const core = raw.slice(head ? 1 : 0, tail ? -1 : undefined);
    if (core.includes('*')) return { words: [], problem: 'a * may stand only at the start or end of a word' };
    const parts = tokenize(core).map((t) => t.word);
    if (parts.length === 0) return { words: [], problem: 'no letters or digits to match' };
    // "e-mail*" is two words; the wildcards stay on the outer ends.
    parts.forEach((text, i) => {
      const first = i === 0;
      const last = i === parts.length - 1;
      const kind: WordKind = head && first && tail && last ? 'infix' : head && first ? 'suffix' : tail && last ? 'prefix' : 'stem';
      words.push({ kind, text });
    });
  }
  if (words.length === 0) return { words, problem: 'empty term' };
  const short = words.find((w) => w.kind !== 'stem' && w.text.length < MIN_AFFIX);
  if (short) return { words: [], problem: `"${short.text}" is too short for a wildcard (at least ${MIN_AFFIX} letters)` };
  return { words };
}
