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
  /**
   * The model with the codebook, by the rule of predict.ts (the codebook deciding in folds where the
   * code was not modelled); absent when the code was modelled in no fold.
   */
  model?: Score;
  codebook: Score;
  /** Folds (1-based) whose training part had too few positive examples to model the code, and how many it had. */
  tooFew: { fold: number; positives: number }[];
}

export interface CrossValidation {
  folds: number;
  documents: number;
  paragraphs: number;
  rows: CvRow[];
  /** Micro averages over the codes (not clusters); no model figures when no code was modelled in any fold. */
  micro: { model?: Score; codebook: Score };
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
  const testedFolds = new Set(documents.map((d) => foldOf.get(d))).size;
  const tooFew = new Map<string, { fold: number; positives: number }[]>(codebook.codes.map((c) => [c.id, []]));
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((e) => foldOf.get(e.document) !== f);
    const test = examples.filter((e) => foldOf.get(e.document) === f);
    if (test.length === 0) continue;
    const trained = trainModel(train, codebook, { name: 'cv', generator: '', unit: '', coders: [] }, options);
    const modelled = new Set(trained.models.map((m) => m.code));
    for (const c of codebook.codes) {
      const positives = train.filter((e) => e.codes.includes(c.id)).length;
      // A code nobody gave anywhere has nothing to report; one too rare in this fold's training does.
      if (!modelled.has(c.id) && examples.some((e) => e.codes.includes(c.id))) tooFew.get(c.id)!.push({ fold: f + 1, positives });
    }
    const predictor = new Predictor(trained, codes);
    for (const e of test) {
      const auto = [...e.features.keywords.keys()];
      const chosen = decide(predictor.probabilitiesOf(e.features), auto, codes).map((c) => c.code);
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
    const few = tooFew.get(t.code) ?? [];
    const row: CvRow = { code: t.code, level: t.level, positives, codebook: score(t.code, book[i]), tooFew: few };
    // A cluster's figures come from its codes' decisions, so it has model figures when any of its codes was modelled in a fold.
    const modelledIn = (code: string) => (tooFew.get(code)?.length ?? 0) < testedFolds && examples.some((e) => e.codes.includes(code));
    const modelled = t.level === 'code' ? modelledIn(t.code) : codebook.codes.some((c) => c.cluster === t.code && modelledIn(c.id));
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
    micro: {
      ...(rows.some((r) => r.level === 'code' && r.model) ? { model: score('micro average', sum(model)) } : {}),
      codebook: score('micro average', sum(book)),
    },
  };
}
