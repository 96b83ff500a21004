/**
 * Codebook patterns run in a worker thread under a time budget. JavaScript regexps backtrack and
 * cannot be interrupted from inside, so a static check of a pattern can always be walked around
 * (`(?:\w|\s|\w){10}(?:\w|\s|\w){10}!` passes any such check and runs for hours). Here the main
 * thread hands a document's segments to the worker and waits; the worker marks each (segment,
 * pattern) step in shared memory, and a step that runs longer than its budget ends the worker and
 * the run with an error naming the pattern. Matches come back as start/end offsets.
 *
 * Why not a linear-time engine: of the RE2 bindings on the npm registry, `re2` installs by
 * downloading a prebuilt binary from GitHub or else compiling C++ (neither works on a machine with
 * only the registry), `re2-wasm` copies the whole text into WebAssembly memory for every match
 * (3,000 matches in a 105 KB paragraph took 27 s), and the pure-JavaScript `re2js` is linear but
 * took 188 s for `.{0,1000}zzz` on a 1 MB paragraph. V8's own linear engine (`--enable-experimental-
 * regexp-engine`) refuses `\w` with the `i` and `u` flags and counted repeats.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { threadExecArgv } from '../io/thread-args.js';

/**
 * The time a pattern may take, in all, on the text it has run on: 2 s (`base`), and 1 s more per MB.
 * A plain pattern runs at tens of MB a second, so only a pattern that backtracks runs out of it,
 * whether on one long segment or a little on each of many.
 */
const BASE_MS = 2000;
export const budgetMs = (characters: number, base = BASE_MS): number => base + characters / 1000;

/**
 * The base of the budget for runners made from now on: QDA_PATTERN_BUDGET_MS when set to a number of
 * milliseconds, else 2 s. Only for tests of runaway patterns, which would otherwise wait 2 s each.
 */
export function baseBudgetMs(): number {
  const set = Number(process.env.QDA_PATTERN_BUDGET_MS);
  return set > 0 ? set : BASE_MS;
}
/** How long the worker may take to start before its first step. */
const STARTUP_MS = 60_000;

export class PatternTooSlow extends Error {
  constructor(
    /** Index of the pattern in the runner's list. */
    readonly pattern: number,
    /** Index of the segment in the job. */
    readonly segment: number,
    readonly ms: number,
  ) {
    super(`pattern ${pattern} ran longer than ${ms} ms on segment ${segment}`);
  }
}

// Shared cells: the last finished job, the segment and pattern of the step under way, a step
// counter, and the worker's state.
const DONE = 0;
const SEGMENT = 1;
const PATTERN = 2;
const STEP = 3;
const STATE = 4;
const IDLE = 0;
const BUSY = 1;
const GONE = 2;

/** The worker: plain JavaScript, run from a string so that it needs no file of its own. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { shared, spent, port, patterns } = workerData;
const regexps = patterns.map((p) => new RegExp(p.source, p.flags));
const n = patterns.length;
let idle;
port.on('message', (job) => {
  clearTimeout(idle);
  // job.runs: per text the number of patterns to run, then their numbers. The answer is one array:
  // per text and pattern run, the number of matches, then their start and end offsets.
  const { texts, runs, base } = job;
  let out = new Int32Array(1024);
  let used = 0;
  const put = (v) => {
    if (used === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[used++] = v;
  };
  let slow;
  let r = 0;
  for (let s = 0; s < texts.length && !slow; s++) {
    const text = texts[s];
    const count = runs[r++];
    for (let k = 0; k < count; k++) {
      const p = runs[r++];
      if (slow) break;
      Atomics.store(shared, ${SEGMENT}, s);
      Atomics.store(shared, ${PATTERN}, p);
      Atomics.add(shared, ${STEP}, 1);
      const regexp = regexps[p];
      regexp.lastIndex = 0;
      const at = used;
      put(0);
      const started = performance.now();
      for (const m of text.matchAll(regexp)) {
        if (m[0].length === 0) continue;
        put(m.index);
        put(m.index + m[0].length);
      }
      out[at] = (used - at - 1) / 2;
      spent[p] += performance.now() - started;
      spent[n + p] += text.length;
      if (spent[p] > base + spent[n + p] / 1000) slow = [p, s];
    }
  }
  const answer = out.slice(0, used);
  const transfer = [answer.buffer];
  port.postMessage({ id: job.id, out: answer, slow }, transfer);
  Atomics.store(shared, ${STATE}, ${IDLE});
  Atomics.store(shared, ${DONE}, job.id);
  Atomics.notify(shared, ${DONE});
  // A worker nobody uses goes away; the runner starts a new one when it is needed again.
  idle = setTimeout(() => {
    if (Atomics.compareExchange(shared, ${STATE}, ${IDLE}, ${GONE}) === ${IDLE}) process.exit(0);
  }, 2000);
});
`;

interface Running {
  worker: Worker;
  port: MessagePort;
  shared: Int32Array;
  /** Per pattern the milliseconds it has run, then per pattern the characters it has run on. */
  spent: Float64Array;
  started: boolean;
  /** The number of the last job handed to this worker. */
  jobs: number;
}

/**
 * Started workers by pattern list, so that the runs in one process (a library user's, or the tests')
 * share a worker instead of starting one and compiling the shipped codebook's patterns every run. A
 * worker is a thread that only runs patterns; what a run may still spend stays with its runner.
 */
const workers = new Map<string, Running>();

/** Start and end offsets of the matches of each pattern run on each text, in `runs` order. */
export type PatternMatches = Int32Array[][];

export class PatternRunner {
  private readonly key: string;
  /** What the patterns have spent in this runner's runs (laid out as Running.spent), whatever the worker. */
  private readonly spent: Float64Array;

  constructor(
    private readonly patterns: readonly { source: string; flags: string }[],
    /** The base of the budget (budgetMs). */
    private readonly base = baseBudgetMs(),
  ) {
    this.key = JSON.stringify(patterns.map((p) => [p.source, p.flags]));
    this.spent = new Float64Array(2 * patterns.length);
  }

  /** Run the listed patterns on each text; throws PatternTooSlow when one exceeds its budget. */
  run(texts: string[], runs: number[][]): PatternMatches {
    // Only the texts that have a pattern to run travel to the worker.
    const sent: number[] = [];
    for (let i = 0; i < runs.length; i++) if (runs[i].length > 0) sent.push(i);
    const all: PatternMatches = runs.map(() => []);
    if (sent.length === 0) return all;
    let got: PatternMatches;
    try {
      got = this.send(
        sent.map((i) => texts[i]),
        sent.map((i) => runs[i]),
      );
    } catch (error) {
      if (error instanceof PatternTooSlow) throw new PatternTooSlow(error.pattern, sent[error.segment], error.ms);
      throw error;
    }
    sent.forEach((i, k) => (all[i] = got[k]));
    return all;
  }

  private send(texts: string[], runs: number[][]): PatternMatches {
    const running = this.take();
    // The worker counts against this runner's budget only (it may have served another runner before).
    running.spent.set(this.spent);
    try {
      return this.wait(running, texts, runs);
    } finally {
      this.spent.set(running.spent);
    }
  }

  private wait(running: Running, texts: string[], runs: number[][]): PatternMatches {
    const id = ++running.jobs;
    const before = Atomics.load(running.shared, DONE);
    let size = runs.length;
    for (const list of runs) size += list.length;
    const flat = new Int32Array(size);
    let r = 0;
    for (const list of runs) {
      flat[r++] = list.length;
      for (const p of list) flat[r++] = p;
    }
    running.port.postMessage({ id, texts, runs: flat, base: this.base }, [flat.buffer]);
    let step = Atomics.load(running.shared, STEP);
    let since = performance.now();
    while (Atomics.load(running.shared, DONE) !== id) {
      Atomics.wait(running.shared, DONE, before, 50);
      const now = performance.now();
      const current = Atomics.load(running.shared, STEP);
      if (current !== step || (!running.started && current > 0)) {
        step = current;
        since = now;
        running.started = true;
        continue;
      }
      const segment = Atomics.load(running.shared, SEGMENT);
      const pattern = Atomics.load(running.shared, PATTERN);
      const n = this.patterns.length;
      const over = running.started
        ? running.spent[pattern] + (now - since) > budgetMs(running.spent[n + pattern] + (texts[segment]?.length ?? 0), this.base)
        : now - since > STARTUP_MS;
      if (over && Atomics.load(running.shared, DONE) !== id) {
        this.stop(running);
        throw new PatternTooSlow(pattern, segment, Math.round(running.spent[pattern] + (now - since)));
      }
    }
    const message = receiveMessageOnPort(running.port)?.message as { id: number; out: Int32Array; slow?: [number, number] } | undefined;
    if (!message || message.id !== id) throw new Error('pattern worker answered out of turn');
    // A pattern that used up its budget on a step it finished is stopped there (the worker checks
    // with budgetMs below, written out in its own code).
    if (message.slow) throw new PatternTooSlow(message.slow[0], message.slow[1], Math.round(running.spent[message.slow[0]]));
    return unpack(message.out, runs);
  }

  /** The worker for these patterns, idle and now marked busy; a new one when there is none or it has gone. */
  private take(): Running {
    const idle = workers.get(this.key);
    if (idle && Atomics.compareExchange(idle.shared, STATE, IDLE, BUSY) === IDLE) return idle;
    if (idle) this.stop(idle);
    const shared = new Int32Array(new SharedArrayBuffer(4 * 5));
    Atomics.store(shared, STATE, BUSY);
    const spent = new Float64Array(new SharedArrayBuffer(8 * 2 * this.patterns.length));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER, {
      eval: true,
      execArgv: threadExecArgv(),
      workerData: { shared, spent, port: port2, patterns: this.patterns },
      transferList: [port2],
    });
    // Neither the worker nor its port keeps a process alive.
    worker.unref();
    port1.unref();
    const running: Running = { worker, port: port1, shared, spent, started: false, jobs: 0 };
    workers.set(this.key, running);
    // A worker that went away when idle leaves no entry behind (a process may use many codebooks).
    const key = this.key;
    worker.once('exit', () => {
      if (workers.get(key) === running) workers.delete(key);
    });
    return running;
  }

  private stop(running: Running): void {
    void running.worker.terminate();
    running.port.close();
    if (workers.get(this.key) === running) workers.delete(this.key);
  }
}

/** The worker's one array of answers as a view per text and pattern run (see the worker's code). */
function unpack(out: Int32Array, runs: number[][]): PatternMatches {
  let at = 0;
  return runs.map((list) =>
    list.map(() => {
      const count = out[at];
      const view = out.subarray(at + 1, at + 1 + 2 * count);
      at += 1 + 2 * count;
      return view;
    }),
  );
}
