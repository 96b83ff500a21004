/**
 * The survey of a command that does not code (search, words), or of a corpus that worker threads
 * code (without a job: the workers count word frequencies, added per language), on more than one core. The files are
 * cut into pieces (see `pieces`); the main thread surveys pieces from the front with the command's
 * own hooks, each worker thread pieces from the back with hooks of its own, one fresh set a piece,
 * and what the workers found is added piece by piece in file order to what the main thread's hooks
 * gathered, so that the result is that of one thread.
 *
 * The pieces are taken as the threads get to them (one shared counter for both ends), so a worker
 * that starts late or runs on a busier core takes fewer, and neither thread waits long for the
 * other at the end. Each worker is handed one piece from the back before the main thread begins,
 * so that every worker has a share. The workers are started before the files are known
 * (SurveyThreads.start, as the command starts), and load their modules while the main thread
 * opens the project and lists the files; they are told what to survey once it has.
 *
 * What the survey checks across documents (ids used twice, ids alike but for Unicode normalisation)
 * is checked again over the pieces; when it finds such ids, the survey's own findings are made
 * again in one thread, so that its messages are the same too.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { addAll } from '../diagnostics/diagnostic.js';
import { addFrequencies, type Frequencies } from '../scoring/frequencies.js';
import type { FileEncoding } from './load.js';
import { encodingOf, surveyCorpus, unknownDocuments, type CorpusOptions, type DocumentInfo, type SurveyHooks } from './pipeline.js';
import { threadExecArgv } from '../io/thread-args.js';

/** Files [from, to) of the list. */
export interface Piece {
  from: number;
  to: number;
}

/** What a worker is started with, before the files are known. */
export interface SurveyStart {
  /** The job it will be given (SurveyHooks.threads.job's kind), so that it loads that module while it waits; none to count word frequencies. */
  kind?: string;
  port: MessagePort;
  /** [0] is raised after each message; [slot] when the worker's thread ends. */
  signal: Int32Array;
  slot: number;
}

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
  pieces: Piece[];
  /** The pieces taken from the front and from the back (see claimFront). */
  claims: Int32Array;
  /** The piece the worker is handed at the start. */
  first: number;
}

export type FromSurveyWorker =
  { piece: number; documents: DocumentInfo[]; diagnostics: Diagnostic[]; parts: unknown; frequencies: Map<string, Frequencies> } | { error: string };

type Survey = ReturnType<typeof surveyCorpus>;
type Found = Extract<FromSurveyWorker, { piece: number }>;

/** No piece smaller than this (but a file): a piece costs a message and, for words, a vocabulary of its own. */
const MIN_PIECE = 64 * 1024;
/** Nor smaller than this share of the corpus, which bounds the number of pieces at about 2 × log2 of it. */
const PIECE_SHARE = 1 / 256;
/** Both ends' counts of pieces taken live in one 32-bit cell, 16 bits each. */
const BACK = 0x10000;
const MAX_PIECES = 0x7fff;

/** Worker threads started for a survey; `survey` gives them their pieces, `close` ends them. */
export class SurveyThreads {
  private readonly workers: { worker: Worker; port: MessagePort; slot: number }[] = [];
  private readonly signal: Int32Array;

  private constructor(count: number, script: URL, kind?: string) {
    this.signal = new Int32Array(new SharedArrayBuffer(4 * (count + 1)));
    for (let slot = 1; slot <= count; slot++) {
      const { port1, port2 } = new MessageChannel();
      const start: SurveyStart = { ...(kind ? { kind } : {}), port: port2, signal: this.signal, slot };
      const worker = new Worker(script, { execArgv: threadExecArgv(), workerData: start, transferList: [port2] });
      worker.unref();
      this.workers.push({ worker, port: port1, slot });
    }
  }

  /** Starts `count` worker threads of `script` (src/app/survey-worker.ts) for a job of this kind. */
  static start(count: number, script: URL, kind?: string): SurveyThreads {
    return new SurveyThreads(count, script, kind);
  }

  /** How many workers were started. */
  get size(): number {
    return this.workers.length;
  }

  /** Ends the workers (those in a survey when it is done). */
  close(from = 0): void {
    for (const w of this.workers.splice(from)) {
      w.port.close();
      void w.worker.terminate();
    }
  }

  /**
   * surveyCorpus over `threads` threads (the main one among them, the others of these workers);
   * `hooks.threads` says what the workers do, and without it they count the word frequencies, for
   * worker threads to code with: nothing is kept for a coding pass in this thread.
   */
  survey(files: string[], options: CorpusOptions, hooks: SurveyHooks, threads: number, cwd: string): Survey {
    try {
      return this.run(files, options, hooks, threads, cwd);
    } finally {
      this.close();
    }
  }

  private run(files: string[], options: CorpusOptions, hooks: SurveyHooks, threads: number, cwd: string): Survey {
    const sizes = files.map((path) => options.size?.(path) ?? 0);
    const plan = pieces(sizes, Math.min(threads, this.workers.length + 1));
    const used = Math.min(this.workers.length, plan.length - 1);
    this.close(used);
    if (used < 1) return surveyCorpus(files, options, hooks);
    const claims = new Int32Array(new SharedArrayBuffer(4));
    // The last pieces are the workers' from the start, one each.
    claims[0] = used * BACK;
    const setup: Omit<SurveySetup, 'first'> = {
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
      pieces: plan,
      claims,
    };
    this.workers.forEach((w, i) => w.port.postMessage({ ...setup, first: plan.length - 1 - i } satisfies SurveySetup));
    // Documents reached twice across pieces are reported at the end, once the ids of all are known.
    const partial = { ...options, partial: true };
    const counting = !hooks.threads && hooks.frequencies !== false;
    const own = hooks.threads ? hooks : { ...hooks, keep: false };
    const documents: DocumentInfo[] = [];
    const diagnostics: Diagnostic[] = [];
    let frequencies = new Map<string, Frequencies>();
    let front = 0;
    for (let p = claimFront(claims, plan.length); p >= 0; p = claimFront(claims, plan.length)) {
      const part = surveyCorpus(files.slice(plan[p].from, plan[p].to), partial, own);
      addAll(documents, part.documents);
      addAll(diagnostics, part.diagnostics);
      if (counting) frequencies = addFrequencies(frequencies, part.frequencies);
      front = p + 1;
    }
    const found = this.collect(front, plan.length);
    for (let p = front; p < plan.length; p++) {
      addAll(documents, found[p].documents);
      addAll(diagnostics, found[p].diagnostics);
      hooks.threads?.absorb(found[p].parts);
      if (counting) frequencies = addFrequencies(frequencies, found[p].frequencies);
    }
    const composed = new Set(documents.map((d) => d.id.normalize('NFC')));
    if (composed.size < documents.length) {
      // Counted in one thread, a document with the id of one before it is passed over, frequencies and all.
      const again = surveyCorpus(files, options, { frequencies: counting, keep: false });
      return { documents: again.documents, diagnostics: again.diagnostics, parsed: new Map(), frequencies: again.frequencies };
    }
    addAll(diagnostics, unknownDocuments(options, new Set(documents.map((d) => d.id))));
    return { documents, diagnostics, parsed: new Map(), frequencies };
  }

  /**
   * The workers' findings for pieces [from, to), by piece. The commands are synchronous, so the main
   * thread sleeps on the shared counter the workers raise after each message.
   */
  private collect(from: number, to: number): Found[] {
    const found: Found[] = [];
    let missing = to - from;
    const { signal } = this;
    while (missing > 0) {
      const seen = Atomics.load(signal, 0);
      // Read before the ports: a worker posts before it ends, so a message of an ended worker is there to be read.
      const ended = this.workers.every((w) => Atomics.load(signal, w.slot) !== 0);
      for (const w of this.workers)
        for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) {
          const message = m.message as FromSurveyWorker;
          if ('error' in message) throw new Error(`the survey in a worker thread failed: ${message.error}`);
          found[message.piece] = message;
          missing--;
        }
      if (missing === 0) break;
      if (ended) throw new Error('a survey worker thread stopped before it was done');
      Atomics.wait(signal, 0, seen, 200);
    }
    return found;
  }
}

/** The next piece from the front, or -1 when every piece is taken. */
export function claimFront(claims: Int32Array, count: number): number {
  for (;;) {
    const s = Atomics.load(claims, 0);
    const front = s % BACK;
    if (front + Math.floor(s / BACK) >= count) return -1;
    if (Atomics.compareExchange(claims, 0, s, s + 1) === s) return front;
  }
}

/** The next piece from the back, or -1 when every piece is taken. */
export function claimBack(claims: Int32Array, count: number): number {
  for (;;) {
    const s = Atomics.load(claims, 0);
    const back = Math.floor(s / BACK);
    if ((s % BACK) + back >= count) return -1;
    if (Atomics.compareExchange(claims, 0, s, s + BACK) === s) return count - 1 - back;
  }
}

/**
 * Pieces [from, to) of files of these sizes for `threads` threads, in file order, each of one file
 * or more. The main thread is expected to do 1/threads of the bytes from the front, the workers the
 * rest from the back; pieces are large at both ends and halve towards that point (down to
 * MIN_PIECE and PIECE_SHARE of the whole), so that few pieces are needed and whichever thread is
 * ahead there takes small ones. One thread, or one file: one piece.
 */
export function pieces(sizes: number[], threads: number): Piece[] {
  const n = sizes.length;
  if (n === 0) return [];
  if (threads < 2 || n < 2) return [{ from: 0, to: n }];
  const total = sizes.reduce((a, b) => a + b, 0);
  const floor = Math.max(MIN_PIECE, total * PIECE_SHARE);
  const meet = total / threads;
  const front: Piece[] = [];
  let at = 0;
  let done = 0;
  // The front leaves at least one file for the back.
  while (at < n - 1 && done < meet) {
    const target = Math.max(floor, (meet - done) / 2);
    const from = at;
    let bytes = 0;
    while (at < n - 1 && (at === from || bytes < target)) bytes += sizes[at++];
    front.push({ from, to: at });
    done += bytes;
  }
  const back: Piece[] = [];
  const workers = threads - 1;
  let end = n;
  done = 0;
  while (end > at) {
    const target = Math.max(floor, (total - meet - done) / (2 * workers));
    const to = end;
    let bytes = 0;
    while (end > at && (end === to || bytes < target)) bytes += sizes[--end];
    back.push({ from: end, to });
    done += bytes;
  }
  const all = [...front, ...back.reverse()];
  // Never more than the shared cell can count: neighbours joined.
  while (all.length > MAX_PIECES) all.splice(0, 2, { from: all[0].from, to: all[1].to });
  return all;
}
