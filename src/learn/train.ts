/**
 * Examples → Model: the vocabulary (features seen in at least `minCount` coded paragraphs, and the
 * codebook evidence of every code), then one logistic regression per code that has at least
 * `minPositives` positive examples and one negative. A cluster is modelled as a code when people
 * code with its top-level code; cluster figures (cross-validation) come from the codes' decisions.
 */
import type { Codebook } from '../codebook/types.js';
import { compare } from '../diagnostics/diagnostic.js';
import type { Example } from './examples.js';
import { Vocabulary } from './features.js';
import { FIT_DEFAULTS, fitLogistic, type FitOptions, type SparseRow } from './logistic.js';
import { codebookHash, MODEL_FORMAT, MODEL_VERSION, type CodeModel, type Model } from './model.js';

export interface TrainOptions extends FitOptions {
  minPositives: number;
  minCount: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { ...FIT_DEFAULTS, minPositives: 8, minCount: 2 };

export interface TrainInfo {
  name: string;
  generator: string;
  unit: string;
  coders: string[];
}

/** Decimal places kept for weights: enough for the same codings, few enough for readable diffs. */
const PLACES = 4;

export function round(x: number, places = PLACES): number {
  const f = 10 ** places;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0 in the file
}

/** What each example's label is for one target: a code, or any code of a cluster. */
export interface Target {
  code: string;
  level: 'code' | 'cluster';
  has: (codes: readonly string[]) => boolean;
}

export function targetsOf(codebook: Codebook): Target[] {
  const clusterOf = new Map(codebook.codes.map((c) => [c.id, c.cluster]));
  const codes: Target[] = codebook.codes.map((c) => ({ code: c.id, level: 'code', has: (list) => list.includes(c.id) }));
  const clusters: Target[] = codebook.codes
    .filter((c) => c.depth === 0)
    .map((c) => ({ code: c.id, level: 'cluster', has: (list) => list.some((id) => clusterOf.get(id) === c.id) }));
  return [...codes, ...clusters];
}

export function buildVocabulary(examples: readonly Example[], minCount: number): Vocabulary {
  const seen = new Map<string, number>();
  const keywords = new Set<string>();
  for (const e of examples) {
    for (const f of e.features.words.keys()) seen.set(f, (seen.get(f) ?? 0) + 1);
    for (const code of e.features.keywords.keys()) keywords.add(`k:${code}`);
  }
  const kept = [...seen].filter(([, n]) => n >= minCount).map(([f]) => f);
  return new Vocabulary([...kept, ...keywords].sort(compare));
}

export function trainModel(examples: readonly Example[], codebook: Codebook, info: TrainInfo, options: TrainOptions = TRAIN_DEFAULTS): Model {
  const vocabulary = buildVocabulary(examples, options.minCount);
  const rows: SparseRow[] = examples.map((e) => vocabulary.vector(e.features));
  const models: CodeModel[] = [];
  const tooFew: Model['tooFew'] = [];
  for (const target of targetsOf(codebook).filter((t) => t.level === 'code')) {
    const labels = examples.map((e) => target.has(e.codes));
    const positives = labels.filter(Boolean).length;
    if (positives === 0) continue;
    if (positives < options.minPositives || positives === labels.length) {
      tooFew.push({ code: target.code, positives });
      continue;
    }
    const fitted = fitLogistic(rows, labels, vocabulary.features.length, options);
    const weights: Record<string, number> = {};
    vocabulary.features.forEach((f, j) => {
      const w = round(fitted.weights[j]);
      if (w !== 0) weights[f] = w;
    });
    models.push({ code: target.code, positives, negatives: labels.length - positives, bias: round(fitted.bias), weights });
  }
  const paragraphs = examples
    .map((e) => ({ document: e.document, anchor: e.anchor, codes: e.codes }))
    .sort((a, b) => compare(a.document, b.document) || compare(a.anchor, b.anchor));
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: info.name,
    generator: info.generator,
    language: codebook.language,
    unit: info.unit,
    codebook: { name: codebook.name, hash: codebookHash(codebook) },
    fit: {
      l2: options.l2,
      iterations: options.iterations,
      balanced: options.balanced,
      minPositives: options.minPositives,
      minCount: options.minCount,
    },
    vocabulary: vocabulary.features.slice(),
    models,
    tooFew,
    training: { coders: [...info.coders].sort(compare), paragraphs },
  };
}
