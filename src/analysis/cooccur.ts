/**
 * Co-occurrence: how often two codes (or clusters) are given to the same segment, or to the same
 * document; as counts, or as Jaccard similarity (units with both / units with either). The diagonal
 * holds how many units carry the code at all.
 */
import { localise, type Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Filter } from '../select/filter.js';
import { rowCodes, unitsOf, type Level } from './units.js';

export type Within = 'segment' | 'document';
export type Measure = 'count' | 'jaccard';

export interface CooccurOptions {
  level: Level;
  within: Within;
  measure: Measure;
  filter: Filter;
  language: string;
}

export interface Cooccurrence {
  level: Level;
  within: Within;
  measure: Measure;
  codes: { id: string; label: string }[];
  /** values[a][b]: units with both a and b (or their Jaccard similarity); values[a][a]: units with a. */
  values: number[][];
  /** Units (segments or documents) looked at. */
  units: number;
}

export class CooccurBuilder {
  private readonly pairs = new Map<string, Map<string, number>>();
  private units = 0;

  constructor(
    private readonly codebook: Codebook,
    readonly options: CooccurOptions,
  ) {}

  add(coded: CodedDocument): void {
    const { level, filter, within } = this.options;
    const perDocument = new Set<string>();
    for (const unit of unitsOf(coded, 'document', level, filter)) {
      if (within === 'document') unit.rows.forEach((r) => perDocument.add(r));
      else this.count(unit.rows);
    }
    if (within === 'document') this.count([...perDocument]);
  }

  // Kept per code and then per code: a key made of both would be a new string to hash for every pair of every unit.
  private count(rows: string[]): void {
    this.units++;
    for (const a of rows) {
      let withA = this.pairs.get(a);
      if (!withA) this.pairs.set(a, (withA = new Map()));
      for (const b of rows) withA.set(b, (withA.get(b) ?? 0) + 1);
    }
  }

  result(): Cooccurrence {
    const { level, within, measure, filter, language } = this.options;
    const codes = rowCodes(this.codebook, level, filter).map((c) => ({
      id: c.id,
      label: localise(c.label, language, this.codebook.language) ?? c.id,
    }));
    const n = (a: string, b: string) => this.pairs.get(a)?.get(b) ?? 0;
    const values = codes.map(({ id: a }) =>
      codes.map(({ id: b }) => {
        if (measure === 'count') return n(a, b);
        const either = n(a, a) + n(b, b) - n(a, b);
        return either === 0 ? 0 : n(a, b) / either;
      }),
    );
    return { level, within, measure, codes, values, units: this.units };
  }
}
