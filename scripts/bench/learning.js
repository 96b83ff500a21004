// The learning benchmark: `qda learn` on a generated study with 2,000 coded paragraphs, and
// `qda code --model` over the whole corpus, each next to `qda code` on the same files in the same
// run (the reference), and the model's own work timed inside one process: fitting the models, and
// predicting over every paragraph beside the codebook's auto-coding of the same paragraphs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compileCodebook } from '../../dist/codebook/compile.js';
import { parseCodebook } from '../../dist/codebook/load.js';
import { codeCorpus } from '../../dist/corpus/pipeline.js';
import { examplesOf } from '../../dist/learn/examples.js';
import { readModel } from '../../dist/learn/model-file.js';
import { Predictor } from '../../dist/learn/predict.js';
import { trainModel } from '../../dist/learn/train.js';
import { writeStudy } from './learn-study.js';
import { files, measure } from './throughput.js';

const QDA = resolve('bin/qda.js');
const TRAINING_TARGET = 10; // seconds, for 2,000 coded paragraphs
const PREDICTION_TARGET = 10; // MB/s

const mb = (bytes) => bytes / 1e6;
/** CPU seconds of this process since `start` (user and system), which a busy machine inflates less than wall time. */
const cpuSeconds = (start) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};
const cpu = (run) => (run.cpu === undefined ? '' : `  cpu ${run.cpu.toFixed(2)} s`);
const failed = (run) => (run.status === 0 ? '' : `  EXIT ${run.status}: ${run.stderr.trim().split('\n').pop()}`);
const verdict = (ok) => (ok ? 'target met' : 'TARGET MISSED');

/** Options of the pipeline for the generated study: one encoding, paragraphs, nobody skipped. */
function corpusOptions() {
  return { encoding: 'utf-8', unit: 'paragraph', skipSpeakers: [], read: (path) => readFileSync(path) };
}

/** Fitting alone: the examples of the coded documents collected first, then trainModel timed. */
function fitInProcess(dir, codebook, compiled, codedFiles) {
  const codes = compiled.byId;
  const examples = [];
  for (const coded of codeCorpus(codedFiles, compiled, corpusOptions())) {
    examples.push(...examplesOf(coded.document, coded.segments, coded.codings, coded.language, [], [], codes));
  }
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const model = trainModel(examples, codebook, { name: 'bench', generator: 'bench', unit: 'paragraph', coders: [] });
  return { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpuStart), examples: examples.length, models: model.models.length };
}

/** Prediction alone over every paragraph, and the codebook's coding of the same documents, timed apart. */
function predictInProcess(dir, compiled, predictor, all) {
  let bytes = 0;
  let coding = 0;
  let predicting = 0;
  let predictingCpu = 0;
  let codings = 0;
  const documents = codeCorpus(all, compiled, corpusOptions());
  for (;;) {
    const start = performance.now();
    const next = documents.next();
    coding += performance.now() - start;
    if (next.done) break;
    const coded = next.value;
    bytes += Buffer.byteLength(coded.document.text);
    const t = performance.now();
    const c = process.cpuUsage();
    codings += predictor.codeDocument(coded.segments, coded.codings, coded.language, () => true).length;
    predictingCpu += cpuSeconds(c);
    predicting += performance.now() - t;
  }
  return { bytes, coding: coding / 1000, predicting: predicting / 1000, predictingCpu, codings };
}

export function learningBench({ documents = 10000, paragraphs = 10, codedDocuments = 200, keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qda-bench-learn-'));
  try {
    const made = writeStudy(dir, { documents, paragraphs, coded: codedDocuments });
    console.log(
      `\nlearning: ${made.documents} documents, ${mb(made.bytes).toFixed(1)} MB, ${made.coded} coded paragraphs in ${codedDocuments} documents (scripts/bench/learn-study.js) in ${dir}`,
    );
    const node = process.execPath;
    const reference = measure(node, [QDA, 'code', '.', '--format', 'json', '--quiet'], dir);
    const learn = measure(node, [QDA, 'learn', '--out', 'model.json', '--quiet'], dir);
    const withModel = measure(node, [QDA, 'code', '.', '--model', 'model.json', '--format', 'json', '--quiet'], dir);
    const speed = (run) => `${(mb(made.bytes) / run.seconds).toFixed(1)} MB/s`;
    const ratio = (run) => `${(run.seconds / reference.seconds).toFixed(2)}× qda code`;
    console.log(
      `qda code (reference)     ${reference.seconds.toFixed(2).padStart(7)} s ${speed(reference).padStart(11)}${cpu(reference)}${failed(reference)}`,
    );
    console.log(
      `qda learn --out          ${learn.seconds.toFixed(2).padStart(7)} s ${''.padStart(11)}${cpu(learn)}  ${ratio(learn)}${failed(learn)}`,
    );
    console.log(
      `qda code --model         ${withModel.seconds.toFixed(2).padStart(7)} s ${speed(withModel).padStart(11)}${cpu(withModel)}  ${ratio(withModel)}${failed(withModel)}`,
    );

    const book = parseCodebook('codebook.yaml', readFileSync(join(dir, 'codebook.yaml'), 'utf8')).codebook;
    const compiled = compileCodebook(book);
    const all = files(join(dir, 'corpus'));
    const fit = fitInProcess(dir, book, compiled, all.slice(0, codedDocuments));
    const within = (seconds, limit) => `${verdict(seconds < limit)} (${seconds.toFixed(2)} s)`;
    console.log(
      `fitting alone            ${fit.seconds.toFixed(2).padStart(7)} s ${''.padStart(11)}  cpu ${fit.cpu.toFixed(2)} s  ${fit.models} codes on ${fit.examples} paragraphs, in process`,
    );
    console.log(
      `  training target < ${TRAINING_TARGET} s: fitting ${within(fit.seconds, TRAINING_TARGET)}; whole qda learn: wall ${within(learn.seconds, TRAINING_TARGET)}, cpu ${within(learn.cpu ?? Infinity, TRAINING_TARGET)}`,
    );
    const model = readModel('model.json', readFileSync(join(dir, 'model.json'), 'utf8')).model;
    const predicted = predictInProcess(dir, compiled, new Predictor(model, compiled.byId), all);
    const rate = mb(predicted.bytes) / predicted.predicting;
    const cpuRate = mb(predicted.bytes) / predicted.predictingCpu;
    console.log(
      `prediction alone         ${predicted.predicting.toFixed(2).padStart(7)} s ${`${rate.toFixed(1)} MB/s`.padStart(11)}  cpu ${predicted.predictingCpu.toFixed(2)} s (${cpuRate.toFixed(1)} MB/s)  ${(predicted.predicting / predicted.coding).toFixed(2)}× the codebook's coding (${predicted.coding.toFixed(2)} s) of the same paragraphs, in process`,
    );
    console.log(
      `  prediction target ≥ ${PREDICTION_TARGET} MB/s: wall ${verdict(rate >= PREDICTION_TARGET)} (${rate.toFixed(1)} MB/s), cpu ${verdict(cpuRate >= PREDICTION_TARGET)} (${cpuRate.toFixed(1)} MB/s)`,
    );
    return { made, reference, learn, withModel, fit, predicted };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
