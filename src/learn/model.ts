/**
 * The model file's content: per code the weights of a logistic regression over
 * named features, with what it was trained on, so that a changed codebook or changed coded
 * paragraphs can be noticed when it is used.
 */
import { createHash } from 'node:crypto';
import type { Codebook } from '../codebook/types.js';

export const MODEL_FORMAT = 'qda-model';
export const MODEL_VERSION = 1;

export interface CodeModel {
  code: string;
  positives: number;
  negatives: number;
  bias: number;
  /** Feature → weight; features with weight 0 are left out. */
  weights: Record<string, number>;
}

export interface TrainingParagraph {
  document: string;
  anchor: string;
  codes: string[];
}

export interface Model {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name: string;
  generator: string;
  language: string;
  unit: string;
  codebook: { name: string; hash: string };
  fit: { l2: number; iterations: number; balanced: boolean; minPositives: number; minCount: number };
  /** Every feature the models know, sorted. */
  vocabulary: string[];
  models: CodeModel[];
  /** Codes and clusters with too few positive examples to be modelled. */
  tooFew: { code: string; positives: number }[];
  training: { coders: string[]; paragraphs: TrainingParagraph[] };
}

/**
 * A hash of what decides codings in a codebook (ids, hierarchy, terms, patterns, vetoes, minimum
 * hits), so that relabelling or re-describing a code does not make a model stale.
 */
export function codebookHash(codebook: Codebook): string {
  const essence = codebook.codes.map((c) => [c.id, c.parent ?? null, c.terms, c.patterns, c.not, c.minHits]);
  return createHash('sha1')
    .update(JSON.stringify([codebook.language, essence]))
    .digest('hex');
}
