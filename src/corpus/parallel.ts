/**
 * The coding pass over worker threads: the files are cut into chunks, each worker codes the chunks
 * it is handed with `codeCorpus` (reading the files again by path), and the coded documents come
 * back in file order, so that everything made from them is byte for byte what one thread makes.
 *
 * The commands are synchronous from start to end, so the main thread does not take results from
 * events: it sleeps on a shared counter (Atomics.wait) that a worker raises after posting, and
 * takes the posted results with receiveMessageOnPort. Workers never wait on the main thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { knownPlans, type MatcherPlan } from '../codebook/plan.js';
import type { Codebook } from '../codebook/types.js';
import type { CodingCount } from '../coding/tally.js';
import type { CodingsFormat } from '../formatters/codings.js';
import type { Formatted } from '../formatters/stream.js';
import type { CounterParts } from '../words/count.js';
import { LANGUAGES } from '../codebook/types.js';
import type { Model } from '../learn/model.js';
import { LineIndex } from '../position/line-index.js';
import type { Frequencies } from '../scoring/frequencies.js';
import type { FileEncoding } from './load.js';
import { encodingOf, type CodedDocument, type CorpusOptions } from './pipeline.js';
import { PatternTimeout } from '../coding/auto-code.js';
import { threadExecArgv } from '../io/thread-args.js';

/** Everything a worker needs to code files as the main thread would, as plain data. */
export interface WorkerSetup {
  /** Folder the file paths are relative to; workers read the files from disk. */
  cwd: string;
  files: string[];
  /** The size of every file in bytes, in the order of `files`, as the listing found it. */
  sizes: number[];
  /** The encoding of every file, in the order of `files`, or one for all. */
  encodings: string | (string | FileEncoding)[];
  codebook: Codebook;
  /** The matcher plans the main thread read from the codebook cache, so that a worker does not make them again. */
  plans: Record<string, MatcherPlan>;
  options: Omit<CorpusOptions, 'encoding' | 'read' | 'size' | 'wordTable' | 'parsed' | 'model' | 'background' | 'runs'>;
  backgrounds: [string, Frequencies][];
  model?: Model;
  /** The format workers write the coded documents in; without one they hand the documents back. */
  format?: CodingsFormat;
  /** When asked, workers that hand the documents back also count their words for the report (report/words.ts). */
  words?: WorkerWords;
}

/** What a worker needs to count the report's words as the main thread would: the compare-by attribute and the project's stop words. */
export interface WorkerWords {
  by: string;
  stopWords: Record<string, string[]>;
}

/** The documents of a chunk as a worker formatted them, and what the main thread counts of them. */
export interface FormattedChunk extends Formatted {
  /** The paths of the documents, in order (for progress). */
  paths: string[];
  /** Characters of their texts (for the heap check). */
  characters: number;
  segments: number;
  /** Segments with at least one code. */
  coded: number;
  codings: CodingCount;
}

/** Messages between the threads. */
export type ToWorker = { chunk: number; from: number; to: number };
export type FromWorker =
  | { chunk: number; documents: CodedDocument[]; words?: CounterParts }
  | { chunk: number; formatted: FormattedChunk }
  | { chunk: number; error: string }
  | { chunk: number; timeout: ConstructorParameters<typeof PatternTimeout>; path?: string };

/** Chunks of about this much text: enough to keep a worker busy, small enough to keep both cores on until the end. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024;
/** Chunks handed out ahead of the one the main thread waits for, per worker: bounds what is held in memory. */
const AHEAD = 3;

const WORKER = new URL('./code-worker.js', import.meta.url);

/** Whether the compiled worker script is there (it is not when the sources are run directly). */
export function workersAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Total size in bytes of the files, for deciding whether starting workers pays: from the sizes the
 * listing found (`options.size`), so that no file is looked at again.
 */
export function corpusBytes(files: string[], options: CorpusOptions): number {
  let total = 0;
  for (const f of files) total += options.size?.(f) ?? 0;
  return total;
}

/**
 * Options a worker rebuilds from plain data, or does without (the size check and the survey's word
 * table are the survey's); a function under any other name keeps the coding in the main thread.
 */
const REBUILT = new Set(['encoding', 'read', 'size', 'wordTable', 'parsed', 'model', 'background', 'runs']);

/** Whether workers can code with these options as the main thread would. */
export function portable(options: CorpusOptions): boolean {
  return Object.entries(options).every(([key, value]) => REBUILT.has(key) || typeof value !== 'function');
}

/** The plain data a worker is started with; `options.read` must read `files` from disk relative to `cwd`. */
export function workerSetup(files: string[], codebook: Codebook, options: CorpusOptions, cwd: string): WorkerSetup {
  const { encoding, read: _read, size: _size, wordTable: _wordTable, parsed: _parsed, runs: _runs, model, background, ...plain } = options;
  const languages = new Set<string>([...LANGUAGES, codebook.language, ...(options.language ? [options.language] : [])]);
  return {
    cwd,
    files,
    sizes: files.map((f) => options.size?.(f) ?? 0),
    encodings: typeof encoding === 'string' ? encoding : files.map((f) => encodingOf(options, f)),
    codebook,
    plans: knownPlans(codebook),
    options: plain,
    backgrounds: background ? [...languages].map((l) => [l, background(l)]) : [],
    ...(model ? { model: model.model } : {}),
  };
}

/** Cuts the files of these sizes into chunks [from, to) of about `target` bytes each. */
export function chunks(sizes: number[], workers: number): { from: number; to: number }[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, total / (workers * 8)));
  const out: { from: number; to: number }[] = [];
  let from = 0;
  let bytes = 0;
  sizes.forEach((size, i) => {
    bytes += size;
    if (bytes >= target) {
      out.push({ from, to: i + 1 });
      from = i + 1;
      bytes = 0;
    }
  });
  if (from < sizes.length) out.push({ from, to: sizes.length });
  return out;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  busy: boolean;
}

type Done = Extract<FromWorker, { documents: CodedDocument[] } | { formatted: FormattedChunk }>;

/** The coded documents of `setup.files`, in file order, coded by `workers` worker threads. */
export function* codeInWorkers(setup: WorkerSetup, workers: number): Generator<CodedDocument> {
  for (const done of inOrder({ ...setup, format: undefined, words: undefined }, workers))
    if ('documents' in done) for (const coded of done.documents) yield restored(coded);
}

/** The coded documents of `setup.files` a chunk at a time, in file order, with the report's word counts of each chunk when `words` is given. */
export function* codeChunksInWorkers(
  setup: WorkerSetup,
  workers: number,
  words?: WorkerWords,
): Generator<{ documents: CodedDocument[]; words?: CounterParts }> {
  for (const done of inOrder({ ...setup, format: undefined, words }, workers))
    if ('documents' in done) yield { documents: done.documents.map(restored), ...(done.words ? { words: done.words } : {}) };
}

/**
 * The coded documents of `setup.files` as the worker threads formatted them in `format`, a chunk of
 * files at a time, in file order: the main thread only writes the bytes.
 */
export function* formatInWorkers(setup: WorkerSetup, workers: number, format: CodingsFormat): Generator<FormattedChunk> {
  for (const done of inOrder({ ...setup, format, words: undefined }, workers)) if ('formatted' in done) yield done.formatted;
}

/** What the workers made of each chunk, in the order of the chunks. */
function* inOrder(setup: WorkerSetup, workers: number): Generator<Done> {
  const plan = chunks(setup.sizes, workers);
  const signal = new Int32Array(new SharedArrayBuffer(4 * (1 + workers)));
  const pool: Running[] = [];
  const ready = new Map<number, Done>();
  let next = 0;
  let waitingFor = 0;
  const give = (w: Running) => {
    w.busy = next < plan.length && next < waitingFor + AHEAD * workers;
    if (w.busy) w.port.postMessage({ chunk: next, ...plan[next++] } satisfies ToWorker);
  };
  const take = (w: Running, message: FromWorker) => {
    if ('error' in message) throw new Error(`coding in a worker thread failed: ${message.error}`);
    if ('timeout' in message) {
      // A pattern over its time budget is the user's to fix, reported as in one thread.
      const timeout = new PatternTimeout(...message.timeout);
      timeout.path = message.path;
      throw timeout;
    }
    ready.set(message.chunk, message);
    give(w);
  };
  try {
    for (let i = 0; i < Math.min(workers, plan.length); i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER, {
        execArgv: threadExecArgv(),
        workerData: { setup, port: port2, signal, slot: i + 1 },
        transferList: [port2],
      });
      worker.unref();
      pool.push({ worker, port: port1, busy: false });
    }
    for (const w of pool) give(w);
    for (; waitingFor < plan.length; waitingFor++) {
      while (!ready.has(waitingFor)) {
        const seen = Atomics.load(signal, 0);
        let got = false;
        for (const w of pool) {
          for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
            got = true;
            take(w, m.message as FromWorker);
          }
        }
        if (got) continue;
        if (pool.some((_, i) => Atomics.load(signal, i + 1) !== 0)) throw new Error('a coding worker thread stopped before it was done');
        Atomics.wait(signal, 0, seen, 1000);
      }
      const done = ready.get(waitingFor)!;
      ready.delete(waitingFor);
      for (const w of pool) if (!w.busy) give(w);
      yield done;
    }
  } finally {
    for (const w of pool) {
      w.port.close();
      void w.worker.terminate();
    }
  }
}

/** A document as it arrives from a worker: classes lost their methods in the copy. */
function restored(coded: CodedDocument): CodedDocument {
  Object.setPrototypeOf(coded.document.lines, LineIndex.prototype);
  coded.document.text = coded.document.lines.text;
  return coded;
}
