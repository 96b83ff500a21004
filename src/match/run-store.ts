/**
 * The word runs of the segments of one batch, kept as the coding pass scans them so that a second
 * reader of the same segments (the rows of a learned model, src/learn/row.ts) takes their words
 * instead of scanning them again. One buffer, reused from batch to batch (`reset`); a run is laid
 * out as the word table's generation, its count, then its starts, ends and ids.
 */
import type { WordRun, WordTable } from './words.js';

/** The words of a batch's segments as the coding pass scanned them, and the table their ids are of. */
export interface ScannedWords {
  table: WordTable;
  runs: RunStore;
}

/** Cells of a fresh buffer, and the most a buffer keeps from batch to batch (4 MB): a document of some million words grows it for its batch only. */
const FIRST = 1 << 16;
const KEPT = 1 << 20;

export class RunStore {
  cells = new Int32Array(FIRST);
  private used = 0;
  private readonly where = new Map<object, number>();

  /** Forgets every run: the next batch begins. */
  reset(): void {
    this.used = 0;
    this.where.clear();
    if (this.cells.length > KEPT) this.cells = new Int32Array(FIRST);
  }

  /** Keeps a copy of `run`, the words of `key` with ids of the given generation of their table. */
  keep(key: object, run: WordRun, generation: number): void {
    const n = run.count;
    const size = 2 + 3 * n;
    // A run longer than a kept buffer (a paragraph of some 350,000 words) is scanned again instead:
    // keeping the words of a 20 MB paragraph took 40 MB more at the peak for 0.3 s of CPU.
    if (size > KEPT) return;
    if (this.used + size > this.cells.length) {
      let length = this.cells.length;
      while (this.used + size > length) length *= 2;
      const bigger = new Int32Array(length);
      bigger.set(this.cells.subarray(0, this.used));
      this.cells = bigger;
    }
    const at = this.used;
    const cells = this.cells;
    cells[at] = generation;
    cells[at + 1] = n;
    cells.set(run.starts.subarray(0, n), at + 2);
    cells.set(run.ends.subarray(0, n), at + 2 + n);
    cells.set(run.ids.subarray(0, n), at + 2 + 2 * n);
    this.used += size;
    this.where.set(key, at);
  }

  /**
   * Where the run of `key` is in `cells` (its count; starts, ends and ids follow), or -1 when none is
   * kept or its ids are of another generation of the table than `generation`.
   */
  at(key: object, generation: number): number {
    const at = this.where.get(key);
    if (at === undefined || this.cells[at] !== generation) return -1;
    return at + 1;
  }
}
