/**
 * Whether a term's keyness could be chance. G² (log-likelihood) follows a chi-square distribution
 * with one degree of freedom, so its critical values are those of the chi-square table: a term is
 * significant at p < 0.05 from G² 3.84, at p < 0.01 from 6.63, at p < 0.001 from 10.83.
 */

export const CRITICAL_G2 = [
  { p: 0.001, g2: 10.83 },
  { p: 0.01, g2: 6.63 },
  { p: 0.05, g2: 3.84 },
] as const;

/** Distinctive terms are listed from this G² on (p < 0.05) unless asked otherwise. */
export const DEFAULT_MIN_G2 = 3.84;

export type PBelow = 0.05 | 0.01 | 0.001;

/** The smallest of 0.05, 0.01 and 0.001 that p is below for this G², or null when it is not below 0.05. */
export function pBelow(g2: number): PBelow | null {
  for (const level of CRITICAL_G2) if (g2 >= level.g2) return level.p;
  return null;
}
