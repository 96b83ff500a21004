/**
 * A worker thread of the coding pass (see parallel.ts): it codes the chunks of files it is handed
 * and posts the coded documents back, then raises the shared counter the main thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { compileCodebook } from '../codebook/compile.js';
import { PatternTimeout } from '../coding/auto-code.js';
import { readBytes } from '../io/files.js';
import { Predictor } from '../learn/predict.js';
import { NO_FREQUENCIES } from '../scoring/frequencies.js';
import type { FromWorker, ToWorker, WorkerSetup } from './parallel.js';
import { codeCorpus, type CorpusOptions } from './pipeline.js';

const { setup, port, signal, slot } = workerData as { setup: WorkerSetup; port: MessagePort; signal: Int32Array; slot: number };

const compiled = compileCodebook(setup.codebook);
const index = new Map(setup.files.map((f, i) => [f, i]));
const backgrounds = new Map(setup.backgrounds);
const { encodings } = setup;
const options: CorpusOptions = {
  ...setup.options,
  encoding: typeof encodings === 'string' ? encodings : (path) => encodings[index.get(path)!] as never,
  read: (path) => readBytes(path, setup.cwd),
  ...(setup.backgrounds.length > 0 ? { background: (language: string) => backgrounds.get(language) ?? NO_FREQUENCIES } : {}),
  ...(setup.model && setup.options.codes ? { model: new Predictor(setup.model, setup.options.codes) } : {}),
};

const post = (message: FromWorker) => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

port.on('message', ({ chunk, from, to }: ToWorker) => {
  try {
    post({ chunk, documents: [...codeCorpus(setup.files.slice(from, to), compiled, options)] });
  } catch (error) {
    if (error instanceof PatternTimeout) {
      const { source, code, codebook, place, segment, ms, path } = error;
      return post({ chunk, timeout: [source, code, codebook, place, segment, ms], path });
    }
    post({ chunk, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Said before the thread goes, however it goes, so that the main thread does not wait for it forever.
process.on('exit', () => {
  Atomics.store(signal, slot, 1);
  Atomics.notify(signal, 0);
});
