/**
 * How specific a word is, from 0 (it comes up in nearly every unit) to 1 (rare): an inverse document
 * frequency against the background sample of the language and the corpus being coded. The corpus
 * rate is drawn towards the background rate by PRIOR_UNITS imagined background units, so that a
 * small corpus (one interview, one labelled paragraph) is judged mostly by the background and a
 * large one mostly by itself: the corpus's own topic words then lose weight.
 */
import type { Frequencies } from './frequencies.js';

/** Weight of the background against the corpus, in units. */
export const PRIOR_UNITS = 50;
/** A word found in at most this share of units counts as fully specific. */
export const SPECIFIC_RATE = 0.02;
/** No matched word weighs less than this: even a common word says something. */
export const MIN_SPECIFICITY = 0.1;

export type Specificity = (stem: string) => number;

export function specificity(background: Frequencies, corpus: Frequencies): Specificity {
  // Laplace-smoothed background rate; an empty background makes every word rare a priori.
  const backgroundRate = (stem: string) => ((background.df.get(stem) ?? 0) + 1) / (background.units + 1 / SPECIFIC_RATE);
  const full = -Math.log(SPECIFIC_RATE);
  const memo = new Map<string, number>();
  return (stem) => {
    let s = memo.get(stem);
    if (s === undefined) {
      const rate = ((corpus.df.get(stem) ?? 0) + PRIOR_UNITS * backgroundRate(stem)) / (corpus.units + PRIOR_UNITS);
      s = Math.min(1, Math.max(MIN_SPECIFICITY, -Math.log(rate) / full));
      memo.set(stem, s);
    }
    return s;
  };
}
