/**
 * The scoring stage: candidate codings of a document's segments (what the matcher found) → the
 * codings kept, each with a score from 0 to 1, and the score of each cluster per segment.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Coding } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import type { Stemmer } from '../match/stem.js';
import { contextStrengths, type Strengths } from './context.js';
import { decide, type ClusterScore, type CodeInfo, type ScoringOptions } from './decide.js';
import type { Specificity } from './specificity.js';
import { matchWeigher, strength } from './strength.js';

export interface Scorer {
  options: ScoringOptions;
  info: CodeInfo;
  /** Strength per code of a set of candidate codings. */
  strengths(candidates: readonly Coding[]): Map<string, number>;
}

export function makeScorer(compiled: CompiledCodebook, stem: Stemmer, specific: Specificity, options: ScoringOptions): Scorer {
  const info = codeInfo(compiled);
  const weight = matchWeigher(stem, specific);
  return {
    options,
    info,
    strengths: (candidates) => new Map(candidates.map((c) => [c.code, strength(c.evidence, weight)])),
  };
}

export function codeInfo(compiled: CompiledCodebook): CodeInfo {
  const codes = compiled.codebook.codes;
  const clusters = [...new Set(codes.map((c) => c.cluster))];
  return { clusterOf: new Map(codes.map((c) => [c.id, c.cluster])), order: new Map(clusters.map((c, i) => [c, i])) };
}

export interface SegmentInput {
  segment: Segment;
  /** What the matcher found in the segment. */
  candidates: Coding[];
  /** Whether the segment may get codes (not a skipped speaker, not furniture). */
  codable: boolean;
}

export interface ScoredDocument {
  codings: Coding[];
  /** Cluster scores per segment ordinal, for segments that were coded and had evidence. */
  clusters: Map<number, ClusterScore[]>;
}

/** Score the segments of one document; `headings` gives the candidates found in a heading's title. */
export function scoreDocument(inputs: readonly SegmentInput[], headings: (title: string) => Coding[], scorer: Scorer): ScoredDocument {
  const own = inputs.map((i) => scorer.strengths(i.candidates));
  const headingStrengths = new Map<string, Strengths>();
  const ofHeading = (title: string) => {
    let s = headingStrengths.get(title);
    if (!s) headingStrengths.set(title, (s = scorer.strengths(headings(title))));
    return s;
  };
  const codings: Coding[] = [];
  const clusters = new Map<number, ClusterScore[]>();
  inputs.forEach((input, i) => {
    if (!input.codable || input.candidates.length === 0) return;
    const neighbours = [i - 1, i + 1].filter((j) => j >= 0 && j < inputs.length && sameSection(inputs[j].segment, input.segment)).map((j) => own[j]);
    const context = contextStrengths(input.segment.section.map(ofHeading), neighbours);
    const decision = decide(input.candidates, own[i], context, scorer.info, scorer.options);
    codings.push(...decision.codings);
    clusters.set(input.segment.ordinal, decision.clusters);
  });
  return { codings, clusters };
}

function sameSection(a: Segment, b: Segment): boolean {
  return a.section.length === b.section.length && a.section.every((s, i) => s === b.section[i]);
}
