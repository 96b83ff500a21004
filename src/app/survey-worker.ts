/**
 * A worker thread of the survey of `qda search`, `qda words` and, when worker threads code the
 * corpus, `qda code` (src/corpus/survey-threads.ts): it
 * surveys its run of the files with the command's hooks, made again from plain data, and posts
 * what it found once, then raises the shared counter the main thread sleeps on.
 */
import { workerData } from 'node:worker_threads';
import { surveyCorpus, type CorpusOptions } from '../corpus/pipeline.js';
import type { FromSurveyWorker, SurveyRun } from '../corpus/survey-threads.js';
import { readBytes } from '../io/files.js';
import { jobHooks, type SurveyJob } from './survey-job.js';

const { setup, from, to, port, signal, slot } = workerData as SurveyRun;

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

try {
  const index = new Map(setup.files.map((f, i) => [f, i]));
  const { encodings } = setup;
  const options: CorpusOptions = {
    ...setup.options,
    encoding: typeof encodings === 'string' ? encodings : (path) => encodings[index.get(path)!] as never,
    read: (path) => readBytes(path, setup.cwd),
    size: (path) => setup.sizes[index.get(path)!],
    // Hand-made codings of documents in no run are the main thread's to report.
    partial: true,
  };
  // Without a job, the survey of a corpus that worker threads code: its word frequencies.
  const { hooks, parts } = setup.job === undefined ? { hooks: { keep: false }, parts: () => undefined } : await jobHooks(setup.job as SurveyJob);
  const { documents, diagnostics, frequencies } = surveyCorpus(setup.files.slice(from, to), options, hooks);
  post({ documents, diagnostics, parts: parts(), frequencies });
} catch (error) {
  post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
