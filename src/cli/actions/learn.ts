// The work of `qda learn`; its options are declared in ../commands/learn.ts.
import { basename } from 'node:path';
import { closest } from '../../codebook/suggest.js';
import { INLINE_CODER } from '../../manual/apply.js';
import { codeCorpus, rowsFor } from '../../corpus/pipeline.js';
import { cvGrid, cvJson } from '../../formatters/cross-validation.js';
import { renderGrid } from '../../formatters/grid.js';
import { resolvePath, writeFileAtomic } from '../../io/write.js';
import { crossValidate } from '../../learn/cross-validate.js';
import { examplesOf, type Example } from '../../learn/examples.js';
import { modelJson } from '../../learn/model-file.js';
import { trainModel, TRAIN_DEFAULTS } from '../../learn/train.js';
import { inputProblem, usage } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { assertWritableFile, count, summaryLine } from '../output.js';
import { openSession, type Session } from '../session.js';
import { VERSION } from '../version.js';

export interface LearnFlags extends Omit<CorpusFlags, 'coder'> {
  out?: string;
  cv?: number;
  coder?: string[];
  name?: string;
  format: 'table' | 'csv' | 'md' | 'json';
}

export function learnAction(paths: string[], flags: LearnFlags, io: Io): void {
  if (!flags.out && !flags.cv)
    throw usage('nothing to do: name the model file with --out FILE, or ask for --cv K', 'e.g. qda learn --out models/ana.json');
  if (flags.out) assertWritableFile(io, flags.out);
  const name = flags.name ?? (flags.out ? basename(flags.out).replace(/\.json$/i, '') : 'model');
  if (!/^[\p{L}\p{N}_.-]{1,64}$/u.test(name) || name === 'qda' || name === 'inline')
    throw usage(`the model name "${name}" cannot name a coder`, 'use letters, digits, ., - and _ (qda and inline are taken), with --name');
  const session = openSession(paths, { ...flags, coder: undefined }, io, { ...(flags.out ? { output: flags.out } : {}), ignoreModel: true });
  const coders = flags.coder ?? [];
  const known = [...new Set([INLINE_CODER, ...(session.corpus.manual?.rows ?? []).map((r) => r.coder)])];
  for (const coder of coders) {
    const guess = closest(coder, known);
    if (!known.includes(coder))
      throw inputProblem(`no codings of "${coder}"${guess ? `; did you mean ${guess}?` : ''}`, `coders: ${known.join(', ')}`);
  }
  const examples = collectExamples(session, coders);
  if (examples.length === 0)
    throw inputProblem(
      `no coded paragraphs to learn from${coders.length ? ` by ${coders.join(', ')}` : ''}`,
      'code paragraphs by hand or import a review sheet first (qda review export, then qda review import)',
    );
  const documents = new Set(examples.map((e) => e.document)).size;
  if (flags.cv) {
    if (documents < flags.cv)
      throw usage(`--cv ${flags.cv} needs at least ${flags.cv} documents with coded paragraphs; there are ${documents}`, 'ask for fewer folds');
    const cv = crossValidate(examples, session.codebook, flags.cv);
    io.stdout.write(renderGrid(cvGrid(cv), flags.format, () => cvJson(cv)));
  }
  if (!flags.out) return;
  const model = trainModel(examples, session.codebook, { name, generator: `qda ${VERSION}`, unit: session.project.settings.unit, coders });
  writeFileAtomic(resolvePath(io.cwd, flags.out), modelJson(model));
  const few = model.tooFew;
  summaryLine(
    io,
    flags.quiet,
    `learned ${count(model.models.length, 'code')} from ${count(examples.length, 'coded paragraph')} in ${count(documents, 'document')} into ${flags.out}` +
      (few.length > 0
        ? `; not modelled, fewer than ${TRAIN_DEFAULTS.minPositives} examples: ${few.map((t) => `${t.code} (${t.positives})`).join(', ')}`
        : ''),
  );
}

/** The reviewed paragraphs of the corpus, with the codebook's codings as features. */
function collectExamples(session: Session, coders: string[]): Example[] {
  const codes = session.compiled.byId;
  const out: Example[] = [];
  for (const coded of codeCorpus(session.files, session.compiled, { ...session.corpus, manual: undefined, model: undefined })) {
    const segments = coded.segments;
    const rows = rowsFor(session.corpus, coded.document.id);
    const found = examplesOf(coded.document, segments, coded.codings, coded.language, rows, coders, codes);
    out.push(...found.filter((e) => !coded.skipped.has(e.segment) && !coded.furniture.has(e.segment)));
  }
  return out;
}
