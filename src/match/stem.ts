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
