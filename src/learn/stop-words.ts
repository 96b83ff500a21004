/**
 * Stop words per language, left out of the words a model learns from: they occur everywhere and
 * carry no theme. Only the word-list modules are imported, as with the stemmers.
 */
import { createRequire } from 'node:module';
import { fold } from '../match/tokens.js';

const require = createRequire(import.meta.url);
const MODULES: Record<string, string> = {
  nl: 'natural/lib/natural/util/stopwords_nl.js',
  en: 'natural/lib/natural/util/stopwords.js',
};
const lists = new Map<string, Set<string>>();

/** The folded stop words of a language (empty for a language without a list). */
export function stopWordsFor(language: string): Set<string> {
  let set = lists.get(language);
  if (!set) {
    const module = MODULES[language];
    const words = module ? (require(module) as { words: string[] }).words : [];
    lists.set(language, (set = new Set(words.map(fold))));
  }
  return set;
}
