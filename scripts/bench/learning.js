// The learning benchmark: `qda learn` on a generated study with 2,000 coded paragraphs, and
// `qda code --model` over the whole corpus, each next to `qda code` on the same files in the same
// run (the reference), and the model's own work timed inside one process: fitting the models, and
// predicting over every paragraph inside the coding pass, against the same pass without a model.
// Prediction is given in MB of corpus text per CPU second of what the model adds: to the coding
// pass in one process (the pass with the model less the pass without, and the CPU inside
// Predictor.codeDocument alone), and to a whole `qda code` run (model file, staleness check,
// prediction and writing the model's codings: `qda code --model` less `qda code`).
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

/**
 * The coding pass over every document, without the model and with it, alternated `rounds` times
 * (the texts read into memory first): CPU seconds of each whole pass, and of the calls to
 * Predictor.codeDocument within the passes with the model. Medians of the rounds.
 */
function predictInProcess(compiled, model, all, rounds = 3) {
  const texts = new Map(all.map((path) => [path, readFileSync(path)]));
  let bytes = 0;
  for (const path of all) bytes += texts.get(path).length;
  const plain = [];
  const withModel = [];
  const inCalls = [];
  let codings = 0;
  for (let r = 0; r < rounds; r++) {
    for (const modelled of [false, true]) {
      const options = { ...corpusOptions(), read: (path) => texts.get(path) };
      let calls = 0;
      if (modelled) {
        const predictor = new Predictor(model, compiled.byId);
        options.model = {
          codeDocument: (...args) => {
            const c = process.cpuUsage();
            const out = predictor.codeDocument(...args);
            calls += cpuSeconds(c);
            return out;
          },
        };
      }
      const start = process.cpuUsage();
      let n = 0;
      for (const coded of codeCorpus(all, compiled, options)) n += coded.codings.length;
      (modelled ? withModel : plain).push(cpuSeconds(start));
      if (modelled) {
        inCalls.push(calls);
        codings = n;
      }
    }
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return { bytes, plain: median(plain), withModel: median(withModel), inCalls: median(inCalls), codings, rounds };
}

export function learningBench({ documents = 10000, paragraphs = 10, codedDocuments = 200, keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'qda-bench-learn-'));
  try {
    const made = writeStudy(dir, { documents, paragraphs, coded: codedDocuments });
    console.log(
      `\nlearning: ${made.documents} documents, ${mb(made.bytes).toFixed(1)} MB, ${made.coded} coded paragraphs in ${codedDocuments} documents (scripts/bench/learn-study.js) in ${dir}`,
    );
    const node = process.execPath;
    const learn = measure(node, [QDA, 'learn', '--out', 'model.json', '--quiet'], dir);
    // Twice each, alternated, the run with the lower CPU time kept: the model's share is a difference of two runs.
    const runs = [];
    for (let round = 0; round < 2; round++) {
      runs.push(['reference', measure(node, [QDA, 'code', '.', '--format', 'json', '--quiet'], dir)]);
      runs.push(['model', measure(node, [QDA, 'code', '.', '--model', 'model.json', '--format', 'json', '--quiet'], dir)]);
    }
    const best = (kind) =>
      runs
        .filter(([k]) => k === kind)
        .map(([, run]) => run)
        .reduce((a, b) => ((b.cpu ?? Infinity) < (a.cpu ?? Infinity) ? b : a));
    const reference = best('reference');
    const withModel = best('model');
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
    const predicted = predictInProcess(compiled, model, all);
    const rate = (seconds) => mb(predicted.bytes) / seconds;
    const added = predicted.withModel - predicted.plain;
    console.log(
      `prediction in the pass   cpu ${added.toFixed(2)} s (${rate(added).toFixed(1)} MB/s): the coding pass with the model ${predicted.withModel.toFixed(2)} s less without ${predicted.plain.toFixed(2)} s; inside Predictor.codeDocument ${predicted.inCalls.toFixed(2)} s (${rate(predicted.inCalls).toFixed(1)} MB/s); medians of ${predicted.rounds} alternated passes, in process`,
    );
    const cliAdded = withModel.cpu !== undefined && reference.cpu !== undefined ? withModel.cpu - reference.cpu : undefined;
    const cliRate = cliAdded === undefined ? undefined : mb(made.bytes) / cliAdded;
    console.log(
      `model's part of qda code --model  ${cliAdded === undefined ? 'no CPU times' : `cpu ${cliAdded.toFixed(2)} s (${cliRate.toFixed(1)} MB/s): qda code --model less qda code, lower of two runs each (model file, staleness check, prediction, writing its codings)`}`,
    );
    const met = (r) => `${verdict(r >= PREDICTION_TARGET)} (${r.toFixed(1)} MB/s)`;
    console.log(
      `  prediction target ≥ ${PREDICTION_TARGET} MB/s of CPU: in the pass ${met(rate(added))}, inside codeDocument ${met(rate(predicted.inCalls))}${cliRate === undefined ? '' : `, whole qda code --model less qda code ${met(cliRate)}`}`,
    );
    return { made, reference, learn, withModel, fit, predicted };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
