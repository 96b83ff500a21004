/**
 * Honest figures: k-fold cross-validation by document. Documents (in id order) are dealt over the
 * folds in turn; each fold is coded by a model trained on the other folds only, so no paragraph of a
 * test document is ever seen in training. The codebook alone is scored on the same paragraphs.
 */
import type { Codebook } from '../codebook/types.js';
import { compare } from '../diagnostics/diagnostic.js';
import { score, type Score } from '../evaluate/evaluate.js';
import type { Example } from './examples.js';
import { decide, Predictor } from './predict.js';
import { targetsOf, trainModel, TRAIN_DEFAULTS, type TrainOptions } from './train.js';

export interface CvRow {
  code: string;
  level: 'code' | 'cluster';
  /** Positive examples in all folds together. */
  positives: number;
  /** The model with the codebook, by the rule of predict.ts; absent when too few positives to model. */
  model?: Score;
  codebook: Score;
}

export interface CrossValidation {
  folds: number;
  documents: number;
  paragraphs: number;
  rows: CvRow[];
  /** Micro averages over the codes (not clusters). */
  micro: { model: Score; codebook: Score };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function crossValidate(
  examples: readonly Example[],
  codebook: Codebook,
  folds: number,
  options: TrainOptions = TRAIN_DEFAULTS,
): CrossValidation {
  const documents = [...new Set(examples.map((e) => e.document))].sort(compare);
  const foldOf = new Map(documents.map((d, i) => [d, i % folds]));
  const codes = new Map(codebook.codes.map((c) => [c.id, c]));
  const targets = targetsOf(codebook);
  const model = targets.map((): Counts => ({ tp: 0, fp: 0, fn: 0 }));
  const book = targets.map((): Counts => ({ tp: 0, fp: 0, fn: 0 }));
  const count = (c: Counts, predicted: boolean, actual: boolean) => {
    if (predicted && actual) c.tp++;
    else if (predicted) c.fp++;
    else if (actual) c.fn++;
  };
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((e) => foldOf.get(e.document) !== f);
    const test = examples.filter((e) => foldOf.get(e.document) === f);
    if (test.length === 0) continue;
    const predictor = new Predictor(trainModel(train, codebook, { name: 'cv', generator: '', unit: '', coders: [] }, options), codes);
    for (const e of test) {
      const auto = [...e.features.keywords.keys()];
      const chosen = decide(predictor.probabilities(e.features), auto, codes).map((c) => c.code);
      targets.forEach((t, i) => {
        const actual = t.has(e.codes);
        count(model[i], t.has(chosen), actual);
        count(book[i], t.has(auto), actual);
      });
    }
  }
  const rows: CvRow[] = [];
  targets.forEach((t, i) => {
    const positives = examples.filter((e) => t.has(e.codes)).length;
    if (positives === 0 && book[i].fp === 0 && model[i].fp === 0) return;
    const row: CvRow = { code: t.code, level: t.level, positives, codebook: score(t.code, book[i]) };
    // A cluster's figures come from its codes' decisions, so it has model figures when any of its codes is modelled.
    const modelled =
      t.level === 'code'
        ? positives >= options.minPositives
        : codebook.codes.some((c) => c.cluster === t.code && examples.filter((e) => e.codes.includes(c.id)).length >= options.minPositives);
    if (modelled) row.model = score(t.code, model[i]);
    rows.push(row);
  });
  const sum = (list: Counts[]) =>
    list
      .filter((_, i) => targets[i].level === 'code')
      .reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return {
    folds,
    documents: documents.length,
    paragraphs: examples.length,
    rows,
    micro: { model: score('micro average', sum(model)), codebook: score('micro average', sum(book)) },
  };
}
