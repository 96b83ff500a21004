/**
 * Which candidate codes a segment keeps. A code's score adds its own evidence and the weighted
 * evidence of its context; a cluster's score adds those of all its codes. Precision first: a code
 * needs a score of at least `threshold`, and a cluster other than the segment's leading one (the
 * cluster with the highest score among those with evidence in the segment itself) is kept only
 * when its score is at least `secondary` times the leader's.
 */
import type { Coding } from '../coding/coding.js';
import { saturate } from './strength.js';

export interface ScoringOptions {
  /** Lowest score a code needs, 0–1. */
  threshold: number;
  /** Share of the leading cluster's score another cluster needs; 1 keeps the leading cluster only. */
  secondary: number;
  /** Code every segment, also headings-like fragments, captions, lists of references. */
  codeAll: boolean;
}

export const DEFAULT_SCORING: ScoringOptions = { threshold: 0.3, secondary: 0.5, codeAll: false };

export interface ClusterScore {
  cluster: string;
  score: number;
}

export interface Decision {
  /** The kept candidates, each with its score. */
  codings: Coding[];
  /** Clusters with evidence in the segment, highest score first. */
  clusters: ClusterScore[];
}

export interface CodeInfo {
  /** Cluster of each code id. */
  clusterOf: ReadonlyMap<string, string>;
  /** Position of each cluster in the codebook, for ties. */
  order: ReadonlyMap<string, number>;
}

/** Scores are kept to three decimals, so that every output shows the number that was compared. */
export const round = (x: number) => Math.round(x * 1000) / 1000;

export function decide(
  candidates: readonly Coding[],
  own: ReadonlyMap<string, number>,
  context: ReadonlyMap<string, number>,
  info: CodeInfo,
  options: ScoringOptions,
): Decision {
  const clusterStrength = new Map<string, number>();
  const add = (code: string, s: number) => {
    const cluster = info.clusterOf.get(code);
    if (cluster !== undefined) clusterStrength.set(cluster, (clusterStrength.get(cluster) ?? 0) + s);
  };
  for (const [code, s] of own) add(code, s);
  for (const [code, s] of context) add(code, s);
  const present = new Set(candidates.map((c) => c.cluster));
  const clusters = [...present]
    .map((cluster) => ({ cluster, score: round(saturate(clusterStrength.get(cluster) ?? 0)) }))
    .sort((a, b) => b.score - a.score || (info.order.get(a.cluster) ?? 0) - (info.order.get(b.cluster) ?? 0));
  const leader = clusters[0];
  const kept = new Set(
    clusters.filter((c) => c === leader || (options.secondary < 1 && c.score >= options.secondary * leader.score)).map((c) => c.cluster),
  );
  const codings: Coding[] = [];
  for (const candidate of candidates) {
    const score = round(saturate((own.get(candidate.code) ?? 0) + (context.get(candidate.code) ?? 0)));
    if (score >= options.threshold && kept.has(candidate.cluster)) codings.push({ ...candidate, score });
  }
  return { codings, clusters };
}
