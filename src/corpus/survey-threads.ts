/**
 * The survey of a command that does not code (search, words) on more than one core: the files are
 * cut into as many runs of about the same size as there are threads, the main thread surveys the
 * first and a worker thread each of the others, and what the workers found is added in file order
 * to what the main thread's hooks gathered, so that the result is that of one thread.
 *
 * What the survey checks across documents (ids used twice, ids alike but for Unicode normalisation)
 * is checked again over the runs; when it finds such ids, the survey's own findings are made again
 * in one thread, so that its messages are the same too.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { addAll } from '../diagnostics/diagnostic.js';
import { addFrequencies, type Frequencies } from '../scoring/frequencies.js';
import type { FileEncoding } from './load.js';
import { encodingOf, surveyCorpus, unknownDocuments, type CorpusOptions, type DocumentInfo, type SurveyHooks } from './pipeline.js';

/** Everything a worker needs to survey files as the main thread would, as plain data. */
export interface SurveySetup {
  /** Folder the file paths are relative to; workers read the files from disk. */
  cwd: string;
  files: string[];
  sizes: number[];
  /** The encoding of every file, in the order of `files`, or one for all. */
  encodings: string | (string | FileEncoding)[];
  options: Pick<CorpusOptions, 'unit' | 'language' | 'skipSpeakers' | 'maxFileSize' | 'manual' | 'codes'>;
  /** What the worker does with each document (SurveyHooks.threads.job); without one, it counts word frequencies (for coding). */
  job?: unknown;
}

export interface SurveyRun {
  setup: SurveySetup;
  from: number;
  to: number;
  port: MessagePort;
  /** [0] is raised after each message; [slot] when the worker's thread ends. */
  signal: Int32Array;
  slot: number;
}

export type FromSurveyWorker =
  { documents: DocumentInfo[]; diagnostics: Diagnostic[]; parts: unknown; frequencies: Map<string, Frequencies> } | { error: string };

type Survey = ReturnType<typeof surveyCorpus>;

/**
 * surveyCorpus over `threads` threads (the main one among them); `hooks.threads` says what the
 * workers do, and without it they count the word frequencies, for worker threads to code with:
 * nothing is kept for a coding pass in this thread.
 */
export function surveyInThreads(files: string[], options: CorpusOptions, hooks: SurveyHooks, threads: number, cwd: string, script: URL): Survey {
  const sizes = files.map((path) => options.size?.(path) ?? 0);
  const cuts = runs(sizes, threads);
  if (cuts.length < 2) return surveyCorpus(files, options, hooks);
  const setup: SurveySetup = {
    cwd,
    files,
    sizes,
    encodings: typeof options.encoding === 'string' ? options.encoding : files.map((f) => encodingOf(options, f)),
    options: {
      unit: options.unit,
      language: options.language,
      skipSpeakers: options.skipSpeakers,
      maxFileSize: options.maxFileSize,
      manual: options.manual,
      codes: options.codes,
    },
    ...(hooks.threads ? { job: hooks.threads.job } : {}),
  };
  const signal = new Int32Array(new SharedArrayBuffer(4 * cuts.length));
  const started = cuts.slice(1).map(({ from, to }, i) => {
    const { port1, port2 } = new MessageChannel();
    const run: SurveyRun = { setup, from, to, port: port2, signal, slot: i + 1 };
    const worker = new Worker(script, { workerData: run, transferList: [port2] });
    worker.unref();
    return { worker, port: port1, slot: i + 1 };
  });
  try {
    // Documents reached twice across runs are reported at the end, once the ids of all runs are known.
    const counting = !hooks.threads && hooks.frequencies !== false;
    const first = surveyCorpus(
      files.slice(cuts[0].from, cuts[0].to),
      { ...options, partial: true },
      hooks.threads ? hooks : { ...hooks, keep: false },
    );
    const documents = first.documents;
    const diagnostics = first.diagnostics;
    let frequencies = first.frequencies;
    const found = started.map((w) => waitFor(w.port, signal, w.slot));
    for (const part of found) {
      addAll(documents, part.documents);
      addAll(diagnostics, part.diagnostics);
      hooks.threads?.absorb(part.parts);
      if (counting) frequencies = addFrequencies(frequencies, part.frequencies);
    }
    const composed = new Set(documents.map((d) => d.id.normalize('NFC')));
    if (composed.size < documents.length) {
      // Counted in one thread, a document with the id of one before it is passed over, frequencies and all.
      const again = surveyCorpus(files, options, { frequencies: counting, keep: false });
      return { ...first, documents: again.documents, diagnostics: again.diagnostics, frequencies: again.frequencies };
    }
    addAll(diagnostics, unknownDocuments(options, new Set(documents.map((d) => d.id))));
    return { ...first, documents, diagnostics, frequencies };
  } finally {
    for (const w of started) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}

/** Runs [from, to) of the files, one per thread, of about the same number of bytes. */
export function runs(sizes: number[], threads: number): { from: number; to: number }[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const out: { from: number; to: number }[] = [];
  let from = 0;
  let bytes = 0;
  sizes.forEach((size, i) => {
    bytes += size;
    if (out.length < threads - 1 && bytes >= (total * (out.length + 1)) / threads) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  });
  out.push({ from, to: sizes.length });
  return out.filter((r) => r.to > r.from);
}

/** The one message of a worker; the commands are synchronous, so the main thread sleeps on the shared counter the worker raises. */
function waitFor(port: MessagePort, signal: Int32Array, slot: number): Extract<FromSurveyWorker, { documents: DocumentInfo[] }> {
  for (;;) {
    const seen = Atomics.load(signal, 0);
    const m = receiveMessageOnPort(port);
    if (m) {
      const message = m.message as FromSurveyWorker;
      if ('error' in message) throw new Error(`the survey in a worker thread failed: ${message.error}`);
      return message;
    }
    if (Atomics.load(signal, slot) !== 0) throw new Error('a survey worker thread stopped before it was done');
    Atomics.wait(signal, 0, seen, 200);
  }
}
