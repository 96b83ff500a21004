/**
 * `learn`: the paragraphs people coded (codings/, inline comments) as examples, a model per code
 * trained on them, and its figures by k-fold cross-validation over documents next to the codebook's.
 * The model is returned; the caller writes it (learn/model-file.ts gives its JSON).
 */
import { closest } from '../codebook/suggest.js';
import { codeCorpus, rowsFor } from '../corpus/pipeline.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { crossValidate, type CrossValidation } from '../learn/cross-validate.js';
import { examplesOf, type Example } from '../learn/examples.js';
import type { Model } from '../learn/model.js';
import { trainModel } from '../learn/train.js';
import { INLINE_CODER } from '../manual/apply.js';
import type { OpenedCorpus } from './corpus.js';
import { usage } from './errors.js';
import { failed, REQUEST, type Outcome } from './outcome.js';
import { VERSION } from './version.js';

export interface LearnRequest {
  /** Learn only from these coders (default: all). */
  coders?: string[];
  /** k-fold cross-validation by document, 2 to 100 folds. */
  cv?: number;
  /** Train a model with this name, the coder of its codings. */
  train?: { name: string };
}

export interface LearnResult {
  /** Coded paragraphs learned from, and the documents they lie in. */
  examples: number;
  documents: number;
  crossValidation?: CrossValidation;
  model?: Model;
}

/** A model's name is the coder of its codings: it must be a coder's name that is not taken. */
export function modelNameProblem(name: string): string | undefined {
  if (/^[\p{L}\p{N}_.-]{1,64}$/u.test(name) && name !== 'qda' && name !== 'inline') return undefined;
  return `the model name "${name}" cannot name a coder`;
}

/** Open the corpus with `ignoreModel` (a model in qda.yaml is not what is learned from) and without a coder selection. */
export function learn(opened: OpenedCorpus, request: LearnRequest): Outcome<LearnResult> {
  const coders = request.coders ?? [];
  const known = [...new Set([INLINE_CODER, ...(opened.corpus.manual?.rows ?? []).map((r) => r.coder)])];
  for (const coder of coders) {
    const guess = closest(coder, known);
    if (!known.includes(coder))
      return failed([
        diagnostic(
          'error',
          REQUEST,
          'learn/coder',
          `no codings of "${coder}"${guess ? `; did you mean ${guess}?` : ''}`,
          undefined,
          `coders: ${known.join(', ')}`,
        ),
      ]);
  }
  const examples = collectExamples(opened, coders);
  if (examples.length === 0)
    return failed([
      diagnostic(
        'error',
        REQUEST,
        'learn/no-examples',
        `no coded paragraphs to learn from${coders.length ? ` by ${coders.join(', ')}` : ''}`,
        undefined,
        'code paragraphs by hand or import a review sheet first (qda review export, then qda review import)',
      ),
    ]);
  const documents = new Set(examples.map((e) => e.document)).size;
  const result: LearnResult = { examples: examples.length, documents };
  if (request.cv) {
    if (documents < request.cv)
      throw usage(`--cv ${request.cv} needs at least ${request.cv} documents with coded paragraphs; there are ${documents}`, 'ask for fewer folds');
    result.crossValidation = crossValidate(examples, opened.codebook, request.cv);
  }
  if (request.train)
    result.model = trainModel(examples, opened.codebook, {
      name: request.train.name,
      generator: `qda ${VERSION}`,
      unit: opened.project.settings.unit,
      coders,
    });
  return { result, diagnostics: [] };
}

/** The reviewed paragraphs of the corpus, with the codebook's codings as features. */
function collectExamples(opened: OpenedCorpus, coders: string[]): Example[] {
  const codes = opened.compiled.byId;
  const out: Example[] = [];
  for (const coded of codeCorpus(opened.files, opened.compiled, { ...opened.corpus, manual: undefined, model: undefined })) {
    const rows = rowsFor(opened.corpus, coded.document.id);
    const found = examplesOf(coded.document, coded.segments, coded.codings, coded.language, rows, coders, codes);
    out.push(...found.filter((e) => !coded.skipped.has(e.segment) && !coded.furniture.has(e.segment)));
  }
  return out;
}
