/**
 * Codings counted as a reader means them: one per segment and code, however many sources gave it
 * (the auto-coder and two coders agreeing is one coding), and beside that how many each source gave.
 */
import type { Coding } from './coding.js';

/** The source a coding is counted under: `auto`, or the coder who made it by hand or brought it in. */
export const sourceOf = (c: Coding): string => (c.source === 'auto' ? 'auto' : c.coder);

export interface CodingCount {
  /** Distinct (segment, code) pairs. */
  codings: number;
  /** Per source, distinct (segment, code) pairs it gave: auto first, then coders by name. */
  sources: { source: string; codings: number }[];
}

export class CodingCounter {
  private distinct = 0;
  private readonly bySource = new Map<string, number>();

  /** The codings of one document (segment ordinals are unique within a document only). */
  add(codings: readonly Coding[]): void {
    const pairs = new Set<string>();
    const given = new Set<string>();
    for (const c of codings) {
      pairs.add(`${c.segment}\u0000${c.code}`);
      const source = sourceOf(c);
      const key = `${source}\u0000${c.segment}\u0000${c.code}`;
      if (given.has(key)) continue;
      given.add(key);
      this.bySource.set(source, (this.bySource.get(source) ?? 0) + 1);
    }
    this.distinct += pairs.size;
  }

  /** The count of other documents, as `result` gave it. */
  addCount(count: CodingCount): void {
    this.distinct += count.codings;
    for (const { source, codings } of count.sources) this.bySource.set(source, (this.bySource.get(source) ?? 0) + codings);
  }

  result(): CodingCount {
    const sources = [...this.bySource]
      .map(([source, codings]) => ({ source, codings }))
      .sort((a, b) => (a.source === 'auto' ? -1 : b.source === 'auto' ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    return { codings: this.distinct, sources };
  }
}
