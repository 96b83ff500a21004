/**
 * How much more a term occurs in one part of a corpus than in the rest. Log-likelihood (G², Dunning
 * 1993) tests whether the difference could be chance: G² of 3.84 is p < 0.05, 6.63 p < 0.01, 10.83
 * p < 0.001 (one degree of freedom). The log ratio says how big it is: log2 of the ratio of the
 * relative frequencies; 1 is twice as frequent. TF-IDF weighs a term's share of a part by how few
 * documents hold it.
 */

/**
 * G² of a term with `a` occurrences in a part of `c` tokens and `b` in the rest of `d` tokens,
 * negative when the term is relatively rarer in the part than in the rest.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c === 0 || d === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const g2 = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  return a / c >= b / d ? g2 : -g2;
}

/** log2 of (a/c) / (b/d); a count of 0 is taken as 0.5 so that a term of one part only has a finite ratio. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  if (c === 0 || d === 0) return 0;
  return Math.log2(Math.max(a, 0.5) / c / (Math.max(b, 0.5) / d));
}

/** The share of a part's tokens that are the term, times ln(documents / documents holding the term). */
export function tfIdf(count: number, tokens: number, documents: number, holding: number): number {
  if (tokens === 0 || holding === 0) return 0;
  return (count / tokens) * Math.log(documents / holding);
}
