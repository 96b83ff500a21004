/**
 * Parts of opening a corpus that only some runs need: the anonymiser for --redact and the learner
 * for a model. openCorpus is synchronous, so a command loads them first (prepareOpen in
 * app/open.ts), and only when the run asks for them: a run without either loads neither, which
 * saves some 20 modules and their start-up time.
 */
import type { parseKey } from '../anonymise/key.js';
import type { redaction } from '../anonymise/redact.js';
import type { readModel } from '../learn/model-file.js';
import type { Predictor } from '../learn/predict.js';
import type { CorpusNowCollector, staleness } from '../learn/stale.js';

export interface Anonymiser {
  parseKey: typeof parseKey;
  redaction: typeof redaction;
}

export interface Learner {
  readModel: typeof readModel;
  Predictor: typeof Predictor;
  CorpusNowCollector: typeof CorpusNowCollector;
  staleness: typeof staleness;
}

export interface Parts {
  anonymiser?: Anonymiser;
  learner?: Learner;
}

export async function loadAnonymiser(): Promise<Anonymiser> {
  const [{ parseKey }, { redaction }] = await Promise.all([import('../anonymise/key.js'), import('../anonymise/redact.js')]);
  return { parseKey, redaction };
}

export async function loadLearner(): Promise<Learner> {
  const [{ readModel }, { Predictor }, { CorpusNowCollector, staleness }] = await Promise.all([
    import('../learn/model-file.js'),
    import('../learn/predict.js'),
    import('../learn/stale.js'),
  ]);
  return { readModel, Predictor, CorpusNowCollector, staleness };
}

/** A part asked for but not loaded: a mistake in the calling code, never in the input. */
export function missingPart(name: string): Error {
  return new Error(`openCorpus needs the ${name} for this run: open the corpus with the options of prepareOpen`);
}
