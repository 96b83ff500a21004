/**
 * The coding pass over worker threads: the files are cut into chunks, each worker codes the chunks
 * it is handed with `codeCorpus` (with what it kept of its survey of them, or reading the files
 * again by path), and the coded documents come back in file order, so that everything made from
 * them is byte for byte what one thread makes.
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
import { addFrequencies, type Frequencies } from '../scoring/frequencies.js';
import { addAll, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FileEncoding } from './load.js';
import { encodingOf, keptCharacters, surveyCorpus, unknownDocuments, type CodedDocument, type CorpusOptions, type DocumentInfo } from './pipeline.js';
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
}

/** What the workers are told to do with the chunks, once the main thread has the survey's findings (CodingThreads.run). */
export interface Go {
  /** The format workers write the coded documents in; without one they hand the documents back. */
  format?: CodingsFormat;
  /** When asked, workers that hand the documents back also count their words for the report (report/words.ts). */
  words?: WorkerWords;
  /** The word frequencies of the corpus, when the workers surveyed it (otherwise in the setup's options). */
  frequencies?: Map<string, Frequencies>;
}

/** What a worker is started with. */
export interface WorkerStart {
  setup: WorkerSetup;
  port: MessagePort;
  /** [0] is raised after each message; [slot] when the worker's thread ends. */
  signal: Int32Array;
  slot: number;
  /** When the worker surveys chunks before it codes. */
  survey?: WorkerSurvey;
}

/** The survey of the chunks, shared by the workers: each takes the next chunk not taken. */
export interface WorkerSurvey {
  chunks: Chunk[];
  /** The number of chunks taken. */
  claims: Int32Array;
  /** Characters of text a worker keeps parsed for its coding pass; beyond them its files are read again. */
  keep: number;
}

/** Files [from, to) of the list. */
export interface Chunk {
  from: number;
  to: number;
}

/** What a worker's survey found in a chunk (see surveyCorpus), and whether it kept the chunk's documents. */
export interface SurveyedChunk {
  documents: DocumentInfo[];
  diagnostics: Diagnostic[];
  kept: boolean;
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
export type ToWorker = ({ chunk: number } & Chunk) | { go: Go } | { forget: number };
export type FromWorker =
  | { chunk: number; surveyed: SurveyedChunk }
  /** A worker's survey is done: the word frequencies of all the chunks it surveyed. */
  | { frequencies: Map<string, Frequencies> }
  | { chunk: number; documents: CodedDocument[]; words?: CounterParts }
  | { chunk: number; formatted: FormattedChunk }
  | { chunk: number; error: string }
  | { chunk: number; timeout: ConstructorParameters<typeof PatternTimeout>; path?: string };

/** Chunks of about this much text: enough to keep a worker busy, small enough to keep both cores on until the end. */
const MIN_CHUNK = 64 * 1024;
const MAX_CHUNK = 1024 * 1024;
/** Chunks handed out ahead of the one the main thread waits for, per worker: bounds what is held in memory. */
const AHEAD = 3;

/**
 * The share of what one thread keeps of its survey (pipeline.ts, keptCharacters) that the threads
 * that survey keep between them. None: on the 20 MB benchmark corpus with two threads, keeping all
 * of it saved no CPU time within the noise (7.30 s user + sys against 7.37 s, eight pairs at load
 * 3-5), since the garbage collection of the kept documents (0.4 s more in a profile) took what
 * reading and scanning them again costs, and it raised peak memory by some 180 MB.
 */
const THREADS_KEEP = 0;

/** Characters of parsed text the threads that survey a corpus of this many bytes keep between them. */
export function threadsKeep(bytes: number): number {
  return keptCharacters(bytes) * THREADS_KEEP;
}

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
export function chunks(sizes: number[], workers: number): Chunk[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, total / (workers * 8)));
  const out: Chunk[] = [];
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

/** The coded documents of the files, in file order, coded by the threads. */
export function* codeInWorkers(threads: CodingThreads): Generator<CodedDocument> {
  for (const done of threads.run({})) if ('documents' in done) for (const coded of done.documents) yield restored(coded);
}

/** The coded documents of the files a chunk at a time, in file order, with the report's word counts of each chunk when `words` is given. */
export function* codeChunksInWorkers(threads: CodingThreads, words?: WorkerWords): Generator<{ documents: CodedDocument[]; words?: CounterParts }> {
  for (const done of threads.run(words ? { words } : {}))
    if ('documents' in done) yield { documents: done.documents.map(restored), ...(done.words ? { words: done.words } : {}) };
}

/**
 * The coded documents of the files as the threads formatted them in `format`, a chunk of files at
 * a time, in file order: the main thread only writes the bytes.
 */
export function* formatInWorkers(threads: CodingThreads, format: CodingsFormat): Generator<FormattedChunk> {
  for (const done of threads.run({ format })) if ('formatted' in done) yield done.formatted;
}

interface Running {
  worker: Worker;
  port: MessagePort;
  busy: boolean;
}

type Done = Extract<FromWorker, { documents: CodedDocument[] } | { formatted: FormattedChunk }>;
type Survey = ReturnType<typeof surveyCorpus>;

/**
 * Worker threads that code the chunks of the files (`chunks`), started either to code alone
 * (`start`) or to survey the chunks first (`startSurvey`, then `survey`), each keeping the
 * documents it parsed for its coding pass up to its budget (threadsKeep) and reading the files
 * again beyond it. The threads live from the survey to the end of the coding
 * pass, which they begin when told to (`go`), once the main thread has every problem and nothing
 * stops the run; a thread codes the chunks it keeps, and takes those of others only when it has
 * none of its own left.
 */
export class CodingThreads {
  private readonly pool: Running[] = [];
  private readonly signal: Int32Array;
  private readonly plan: Chunk[];
  /** The thread that keeps each chunk parsed, or -1. */
  private readonly keeper: number[];
  /** The word frequencies the survey found, for the coding pass. */
  private frequencies?: Map<string, Frequencies>;

  private constructor(setup: WorkerSetup, workers: number, keep?: number) {
    this.plan = chunks(setup.sizes, workers);
    this.keeper = this.plan.map(() => -1);
    const count = Math.min(workers, this.plan.length);
    this.signal = new Int32Array(new SharedArrayBuffer(4 * (1 + count)));
    const survey: WorkerSurvey | undefined =
      keep === undefined
        ? undefined
        : { chunks: this.plan, claims: new Int32Array(new SharedArrayBuffer(4)), keep: Math.floor(keep / Math.max(1, count)) };
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const start: WorkerStart = { setup, port: port2, signal: this.signal, slot: i + 1, ...(survey ? { survey } : {}) };
      const worker = new Worker(WORKER, { execArgv: threadExecArgv(), workerData: start, transferList: [port2] });
      worker.unref();
      this.pool.push({ worker, port: port1, busy: false });
    }
  }

  /** `workers` threads that code the files of `setup`, reading them again. */
  static start(setup: WorkerSetup, workers: number): CodingThreads {
    return new CodingThreads(setup, workers);
  }

  /**
   * `workers` threads that survey the files of `setup` (see `survey`) and then code them, keeping
   * at most `keep` characters of parsed text between them (threadsKeep).
   */
  static startSurvey(setup: WorkerSetup, workers: number, keep: number): CodingThreads {
    return new CodingThreads(setup, workers, keep);
  }

  /**
   * surveyCorpus of `files` (those of the setup) as one thread makes it, from the threads' findings
   * chunk by chunk in file order; nothing is kept for a coding pass in this thread. As in
   * survey-threads.ts, ids used twice across chunks make the survey again here, for its messages.
   */
  survey(files: string[], options: CorpusOptions): Survey {
    const found: SurveyedChunk[] = [];
    let missing = this.plan.length;
    let surveying = this.pool.length;
    let frequencies = new Map<string, Frequencies>();
    this.receive(
      () => missing === 0 && surveying === 0,
      (thread, message) => {
        if ('surveyed' in message) {
          found[message.chunk] = message.surveyed;
          if (message.surveyed.kept) this.keeper[message.chunk] = thread;
          missing--;
        } else if ('frequencies' in message) {
          frequencies = addFrequencies(frequencies, message.frequencies);
          surveying--;
        } else failed(message);
      },
    );
    const documents = found.flatMap((f) => f.documents);
    const composed = new Set(documents.map((d) => d.id.normalize('NFC')));
    if (composed.size < documents.length) {
      const again = surveyCorpus(files, options, { keep: false });
      this.frequencies = again.frequencies;
      return { ...again, parsed: new Map() };
    }
    const diagnostics = found.flatMap((f) => f.diagnostics);
    addAll(diagnostics, unknownDocuments(options, new Set(documents.map((d) => d.id))));
    this.frequencies = frequencies;
    return { documents, diagnostics, parsed: new Map(), frequencies };
  }

  /** Ends the threads. */
  close(): void {
    for (const w of this.pool.splice(0)) {
      w.port.close();
      void w.worker.terminate();
    }
  }

  /** What the threads made of each chunk, in the order of the chunks, told to code with `go`; the threads end with it. */
  *run(go: Go): Generator<Done> {
    const { plan, keeper, pool } = this;
    const given = plan.map(() => false);
    const ready = new Map<number, Done>();
    let lowest = 0;
    let waitingFor = 0;
    // A thread codes the first chunk it keeps; with none left, the first chunk no thread has taken.
    const give = (thread: number) => {
      const w = pool[thread];
      const limit = Math.min(plan.length, waitingFor + AHEAD * pool.length);
      while (lowest < plan.length && given[lowest]) lowest++;
      let own = lowest;
      while (own < plan.length && (given[own] || keeper[own] !== thread)) own++;
      const mine = own < limit;
      const chunk = mine ? own : lowest;
      w.busy = mine || (lowest < limit && (keeper[lowest] < 0 || own === plan.length));
      if (!w.busy) return;
      given[chunk] = true;
      if (keeper[chunk] >= 0 && keeper[chunk] !== thread) pool[keeper[chunk]].port.postMessage({ forget: chunk } satisfies ToWorker);
      w.port.postMessage({ chunk, ...plan[chunk] } satisfies ToWorker);
    };
    try {
      const told: Go = this.frequencies ? { ...go, frequencies: this.frequencies } : go;
      for (const w of pool) w.port.postMessage({ go: told } satisfies ToWorker);
      pool.forEach((_, thread) => give(thread));
      for (; waitingFor < plan.length; waitingFor++) {
        this.receive(
          () => ready.has(waitingFor),
          (thread, message) => {
            if (!('chunk' in message) || !('documents' in message || 'formatted' in message)) return failed(message);
            ready.set(message.chunk, message);
            give(thread);
          },
        );
        const done = ready.get(waitingFor)!;
        ready.delete(waitingFor);
        pool.forEach((w, thread) => w.busy || give(thread));
        yield done;
      }
    } finally {
      this.close();
    }
  }

  /**
   * Takes the threads' messages until `done`. The commands are synchronous, so the main thread
   * sleeps on the shared counter a thread raises after posting.
   */
  private receive(done: () => boolean, take: (thread: number, message: FromWorker) => void): void {
    const { signal, pool } = this;
    while (!done()) {
      const seen = Atomics.load(signal, 0);
      // Read before the ports: a thread posts before it ends, so a message of an ended thread is there to be read.
      const ended = pool.some((_, i) => Atomics.load(signal, i + 1) !== 0);
      let got = false;
      pool.forEach((w, thread) => {
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          got = true;
          take(thread, m.message as FromWorker);
        }
      });
      if (got) continue;
      if (ended) throw new Error('a coding worker thread stopped before it was done');
      Atomics.wait(signal, 0, seen, 1000);
    }
  }
}

/** A message that is not a result: a failure, said as in one thread when it is a pattern over its time budget. */
function failed(message: FromWorker): never {
  if ('timeout' in message) {
    // A pattern over its time budget is the user's to fix, reported as in one thread.
    const timeout = new PatternTimeout(...message.timeout);
    timeout.path = message.path;
    throw timeout;
  }
  if ('error' in message) throw new Error(`coding in a worker thread failed: ${message.error}`);
  throw new Error('a coding worker thread sent what was not asked for');
}

/** A document as it arrives from a worker: classes lost their methods in the copy. */
function restored(coded: CodedDocument): CodedDocument {
  Object.setPrototypeOf(coded.document.lines, LineIndex.prototype);
  coded.document.text = coded.document.lines.text;
  return coded;
}
