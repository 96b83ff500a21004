/**
 * How many worker threads code the corpus: `--workers N`, else QDA_WORKERS, else one per core (at
 * most MAX_DEFAULT) on machines with MIN_CORES cores or more when the corpus is large enough for
 * threads to pay for their start, else none (the coding runs in the main thread). 0 always means
 * the main thread. Threads cost CPU time of their own (each compiles the codebook, and for `qda
 * analyse` each reads and parses its files again after the main thread's survey and every coded
 * document is copied back to the main thread, about half as much again as coding in one thread on
 * the benchmark corpus, docs/performance.md), so with two cores, where the main thread also needs one, they save little
 * wall time and none on a busy machine; `qda code` needs less of the main thread (MIN_CORES_CODE).
 */
import { availableParallelism } from 'node:os';
import { corpusBytes, portable, workersAvailable } from '../corpus/parallel.js';
import type { CorpusOptions } from '../corpus/pipeline.js';
import { usage } from './errors.js';
import type { Session } from './session.js';

/** Below this much text, starting threads (each compiles the codebook) costs more than it saves. */
export const MIN_PARALLEL_BYTES = 4_000_000;
/** Fewer cores than this: threads by default would not pay for what they cost. */
export const MIN_CORES = 4;
/**
 * For `qda code`, whose worker threads write its output themselves (the main thread only puts the
 * bytes in order and needs no core of its own), two cores are enough: on the 20 MB benchmark corpus
 * 4.2 s of wall time against 5.5-6.0 s in one thread, for some 15% more CPU (docs/performance.md).
 */
export const MIN_CORES_CODE = 2;
const MAX_DEFAULT = 4;
const MAX_WORKERS = 64;

/** The number asked for by --workers or QDA_WORKERS, checked before any work; undefined when neither is given. */
export function askedWorkers(flag: string | undefined, env: Record<string, string | undefined>): number | undefined {
  if (flag !== undefined) return parseWorkers(flag, '--workers');
  const value = env.QDA_WORKERS;
  return value !== undefined && value !== '' ? parseWorkers(value, 'QDA_WORKERS') : undefined;
}

/** How many threads code this session's corpus (`minCores`: MIN_CORES_CODE for `qda code`). */
export function workerCount(session: Session, asked: number | undefined, minCores = MIN_CORES): number {
  return threadCount(session.files, session.corpus, asked, minCores);
}

/**
 * How many threads share the corpus: worker threads that code it (`qda code`), or threads in all,
 * the main one among them, that survey it (`qda search`, `qda words`); the same rules for both.
 */
export function threadCount(files: string[], corpus: CorpusOptions, asked: number | undefined, minCores = MIN_CORES): number {
  // --redact rewrites texts with a function of the main thread: such runs stay in one thread.
  if (!workersAvailable() || files.length < 2 || !portable(corpus)) return 0;
  if (asked !== undefined) return asked;
  const cores = availableParallelism();
  if (cores < minCores || corpusBytes(files, corpus) < MIN_PARALLEL_BYTES) return 0;
  return Math.min(cores, MAX_DEFAULT);
}

/**
 * Worker threads to start for a survey (search, words) as the command starts, before the files are
 * known, so that they are ready when the files are: those asked for, or by default as many as the
 * default could use (ended unused when the corpus turns out too small for them, see threadCount).
 */
export function surveyWorkersToStart(asked: number | undefined): number {
  if (!workersAvailable()) return 0;
  if (asked !== undefined) return Math.max(0, asked - 1);
  const cores = availableParallelism();
  return cores < MIN_CORES ? 0 : Math.min(cores, MAX_DEFAULT) - 1;
}

function parseWorkers(value: string, name: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n > MAX_WORKERS)
    throw usage(`${name} ${value}: give a whole number of worker threads from 0 to ${MAX_WORKERS}`, '0 codes in the main thread');
  return n;
}
