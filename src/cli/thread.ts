/**
 * The worker thread a command runs in (cli/interrupt.ts): the command line with the process's own
 * stdout and stderr, its exit status the thread's.
 */
import { workerData } from 'node:worker_threads';
import { connect, type ThreadData } from './interrupt.js';
import { run } from './run.js';

process.exitCode = await run(connect(workerData as ThreadData));
