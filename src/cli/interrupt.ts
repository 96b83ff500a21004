/**
 * Ctrl-C (SIGINT) and SIGTERM, the same for every command. The command runs in a worker thread
 * (cli/thread.ts) while the main thread only waits for it and for a signal. A signal is handled by
 * the event loop of the main thread, and the work cannot give it a turn often enough: coding one
 * 20 MB transcript runs for seconds without one. So on a signal the main thread stops the worker
 * where it is (Worker.terminate), waiting only while the worker runs a step `whole`
 * (io/unfinished.ts: the renames that put a result in place, taking or giving up a lock), removes
 * every temporary file, folder, spool and lock the run made, prints one line and exits with 130
 * (143 for SIGTERM). The worker tells it of each such path before it creates it and once it is done
 * with it, so the list is complete whenever the worker stops. A second signal ends the process at
 * once. The handlers are there before the command starts, so no signal can find the process without.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { removeAll, watchUnfinished } from '../io/unfinished.js';
import { threadExecArgv } from '../io/thread-args.js';

/** Exit status after a signal: 128 + its number, as shells report it. */
const STATUS = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof STATUS;

/** How long a worker blocked outside JavaScript is waited for after a signal. */
const TERMINATE_MS = 1000;

/** The shared cell: how many `whole` steps the worker is in, or STOPPING once the main thread stops it. */
const STOPPING = -1;

type Message = { remember: string; output: boolean } | { forget: string } | { say: string };

/** What the worker is given. */
export interface ThreadData {
  argv: string[];
  port: MessagePort;
  cell: Int32Array;
}

/** Runs the command line in a worker thread; resolves to its exit status, or exits the process after a signal. */
export function runInThread(argv: string[]): Promise<number> {
  const { port1, port2 } = new MessageChannel();
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const unfinished = new Map<string, boolean>();
  let say: string | undefined;
  const take = (m: Message) => {
    if ('remember' in m) unfinished.set(m.remember, m.output);
    else if ('forget' in m) unfinished.delete(m.forget);
    else say = m.say;
  };
  port1.on('message', take);
  port1.unref();
  let finished = false;
  let stopping = false;
  const worker = new Worker(new URL('./thread.js', import.meta.url), {
    execArgv: threadExecArgv(),
    workerData: { argv, port: port2, cell } satisfies ThreadData,
    transferList: [port2],
  });
  const onSignal = async (signal: Signal) => {
    if (finished) return; // the command is done; its own status stands
    if (stopping) process.exit(STATUS[signal]);
    stopping = true;
    await stop(worker, cell);
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) take(m.message as Message);
    const removed = removeAll(unfinished);
    // On a terminal the line takes the place of the progress line the run may have left.
    const clear = isatty(2) ? '\r\x1b[K' : '';
    writeSync(2, `${clear}${say ?? (removed > 0 ? 'interrupted; nothing was written' : 'interrupted')}\n`);
    process.exit(STATUS[signal]);
  };
  for (const signal of Object.keys(STATUS) as Signal[]) process.on(signal, () => void onSignal(signal));
  return new Promise((resolve) => {
    let failed: unknown;
    worker.on('error', (error) => (failed = error));
    worker.on('exit', (code) => {
      if (stopping) return;
      finished = true;
      if (failed === undefined) return resolve(code);
      // run() turns every error into a message; one outside it (thrown by a stream) is a bug.
      writeSync(
        2,
        `internal error: ${(failed as Error)?.stack ?? String(failed)}\nThis is a bug in qda; please report it with the command you ran.\n`,
      );
      resolve(70);
    });
  });
}

/**
 * Waits until the worker is in no `whole` step and marks it stopping, then ends it. JavaScript stops
 * at once, but a thread blocked in a system call (writing to a pipe nobody reads, as in `qda code |
 * less` with less waiting) stops only when the call returns; after TERMINATE_MS the process ends
 * without it, which ends the thread too.
 */
async function stop(worker: Worker, cell: Int32Array): Promise<void> {
  while (Atomics.compareExchange(cell, 0, 0, STOPPING) !== 0) await new Promise((r) => setTimeout(r, 2));
  await Promise.race([worker.terminate(), new Promise((r) => setTimeout(r, TERMINATE_MS).unref())]);
}

let port: MessagePort | undefined;

/** In the worker: tell the main thread of what is unfinished, and guard `whole` steps. Returns the arguments. */
export function connect(data: ThreadData): string[] {
  port = data.port;
  port.unref();
  const { cell } = data;
  const to = port;
  watchUnfinished(
    {
      remember: (path, output) => to.postMessage({ remember: path, output } satisfies Message),
      forget: (path) => to.postMessage({ forget: path } satisfies Message),
    },
    {
      enter() {
        for (;;) {
          const n = Atomics.load(cell, 0);
          // Being stopped: wait here for the end.
          if (n === STOPPING) Atomics.wait(cell, 0, STOPPING);
          else if (Atomics.compareExchange(cell, 0, n, n + 1) === n) return;
        }
      },
      leave() {
        Atomics.sub(cell, 0, 1);
      },
    },
  );
  return data.argv;
}

/** The line a signal prints instead of the usual one (analyse says what became of its folder). */
export function sayOnInterrupt(text: string): void {
  port?.postMessage({ say: text } satisfies Message);
}
