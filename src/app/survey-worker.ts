/**
 * A worker thread of the survey of `qda search`, `qda words` and, when worker threads code the
 * corpus, `qda code` (src/corpus/survey-threads.ts): it
 * loads what its job needs, waits for the files, then surveys the piece it is handed and the
 * pieces it takes from the back, each with hooks of its own made again from plain data, and posts
 * what it found in each as soon as it is done, raising the shared counter the main thread sleeps on.
 */
import { workerData } from 'node:worker_threads';
import { surveyCorpus, type CorpusOptions } from '../corpus/pipeline.js';
import { claimBack, type FromSurveyWorker, type SurveySetup, type SurveyStart } from '../corpus/survey-threads.js';
import { readBytes } from '../io/files.js';
import { jobHooks, loadJob, type SurveyJob } from './survey-job.js';

const { kind, port, signal, slot } = workerData as SurveyStart;

const post = (message: FromSurveyWorker) => {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

// Said before the thread goes, however it goes, so that the main thread does not wait for it forever.
process.on('exit', () => {
  Atomics.store(signal, slot, 1);
  Atomics.notify(signal, 0);
});

const loaded = loadJob(kind);
port.once('message', (setup: SurveySetup) => void loaded.then(() => survey(setup)));

async function survey(setup: SurveySetup): Promise<void> {
  try {
    const index = new Map(setup.files.map((f, i) => [f, i]));
    const { encodings } = setup;
    const options: CorpusOptions = {
      ...setup.options,
      encoding: typeof encodings === 'string' ? encodings : (path) => encodings[index.get(path)!] as never,
      read: (path) => readBytes(path, setup.cwd),
      size: (path) => setup.sizes[index.get(path)!],
      // Hand-made codings of documents in no piece are the main thread's to report.
      partial: true,
    };
    // Without a job, the survey of a corpus that worker threads code: its word frequencies.
    const { hooks, take } = setup.job === undefined ? { hooks: { keep: false }, take: () => undefined } : await jobHooks(setup.job as SurveyJob);
    const count = setup.pieces.length;
    for (let piece = setup.first; piece >= 0; piece = claimBack(setup.claims, count)) {
      const { from, to } = setup.pieces[piece];
      const { documents, diagnostics, frequencies } = surveyCorpus(setup.files.slice(from, to), options, hooks);
      post({ piece, documents, diagnostics, parts: take(), frequencies });
    }
  } catch (error) {
    post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
