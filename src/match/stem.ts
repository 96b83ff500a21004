/**
 * Stemmers per codebook language, memoised: a corpus repeats its words, and stemming is the costly
 * step per word. Only the stemmer modules are imported; loading all of `natural` is slow and noisy.
 */
import { createRequire } from 'node:module';

export type Stemmer = (word: string) => string;

const require = createRequire(import.meta.url);
const MODULES: Record<string, string> = {
  nl: 'natural/lib/natural/stemmers/porter_stemmer_nl.js',
  en: 'natural/lib/natural/stemmers/porter_stemmer.js',
};
const stemmers = new Map<string, Stemmer>();

/** The memoised stemmer of a language; words must already be folded. */
export function stemmerFor(language: string): Stemmer {
  const known = stemmers.get(language);
  if (known) return known;
  const module = MODULES[language];
  const natural = module ? (require(module) as { stem(w: string): string }) : undefined;
  const stem = (w: string) => (natural ? natural.stem(w) : w);
  const memo = new Map<string, string>();
  const memoised: Stemmer = (word) => {
    let s = memo.get(word);
    if (s === undefined) {
      s = stem(word);
      if (memo.size > 200_000) memo.clear();
      memo.set(word, s);
    }
    return s;
  };
  stemmers.set(language, memoised);
  return memoised;
}

/**
 * A prefix that every folded word with this stem starts with, or undefined when the stemmer gives
 * no such promise. Without a stemmer a word is its own stem. The Dutch stemmer (Porter's, as
 * natural has it) only cuts endings off a word, save two steps: `heden` becomes `heid`
 * (`mogelijkheden` → `mogelijkheid`), and a doubled vowel before the last consonant is undoubled
 * (`school` → `schol`); so a stem ending in `heid` may lose its last two letters and one ending in
 * consonant, vowel, consonant its last one. The English stemmer replaces endings by others
 * (`ational` → `ate`) in too many ways to be summed up here.
 */
export function stemPrefix(language: string, stem: string): string | undefined {
  if (!MODULES[language]) return stem;
  if (language !== 'nl') return undefined;
  if (stem.endsWith('heid')) return stem.slice(0, -2);
  if (/[bcdfghjklmnpqrstvwxz][aeou][bcdfghjklmnpqrstvwxz]$/.test(stem)) return stem.slice(0, -1);
  return stem;
}
