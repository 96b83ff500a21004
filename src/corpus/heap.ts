/**
 * Memory that follows the largest file, not the corpus. What a run keeps for the whole corpus is
 * small (aggregates, the attributes of each document), but V8 lets garbage pile up to several times
 * what is live before it collects, more so the longer a run allocates: `qda analyse` of 1 GB of
 * transcripts passed 1.3 GB of memory during the survey alone, with a few hundred MB live. Between
 * documents the corpus pass asks for a full collection once the heap has grown HEADROOM past what
 * was live after the last one (and at least to HEAP_FLOOR), which bounds the peak at what is live
 * and a fixed amount. A collection takes a fraction of a second and comes every few hundred MB of input.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const HEAP_FLOOR = 384 * 1024 * 1024;
const HEADROOM = 192 * 1024 * 1024;

let collect: (() => void) | undefined;
let next = HEAP_FLOOR;

function collector(): () => void {
  if (!collect) {
    // `gc` is there for code compiled after the flag is set: a new context.
    setFlagsFromString('--expose-gc');
    // What outlives a document (its attributes, kept documents) lies scattered among the garbage, and
    // V8 moves only a few MB of it a collection: after one the survey of 250 MB of transcripts used
    // 131 MB of a heap of 479 MB. Moved together at each full collection, the heap was 162 MB.
    setFlagsFromString('--compact-on-every-full-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

// The heap's used size from V8 alone: process.memoryUsage() also reads the resident set from the
// system, which took 0.2-1.3 s of a 10 MB run at 2,590 calls, where this takes some 40 ms.
const heapUsed = (): number => getHeapStatistics().used_heap_size;

/** Input read between two looks at the heap, in bytes or characters. */
const LOOK_EVERY = 1 << 20;
let since = LOOK_EVERY;

/**
 * Called between documents, with the size of the one about to be read or just handled: a full
 * collection when the heap has grown HEADROOM past what was live after the last. The heap is
 * looked at once a megabyte of input, not at every document: a look costs 15-30 µs, which for
 * thousands of small transcripts was some 70 ms, and a megabyte more of garbage does not move the
 * bound.
 */
export function collectWhenGrown(size = LOOK_EVERY): void {
  since += size;
  if (since < LOOK_EVERY) return;
  since = 0;
  if (heapUsed() < next) return;
  collector()();
  next = Math.max(HEAP_FLOOR, heapUsed() + HEADROOM);
}
