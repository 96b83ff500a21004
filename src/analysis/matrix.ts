/**
 * The theme matrix: rows are codes or clusters, columns the values of an attribute (or documents, or
 * speakers). A cell counts segments, documents or respondents that carry the row, or gives its
 * coverage: the share of the column's words that lie in segments carrying the row. A list-valued
 * attribute counts a segment in each of its values; a cluster counts a segment once.
 *
 * Built by feeding coded documents one at a time (`add`), so a corpus never has to be held whole.
 */
import { localise, type Codebook } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Filter } from '../select/filter.js';
import { rowCodes, sortColumns, unitsOf, unitWords, type By, type Level } from './units.js';

export type Count = 'segments' | 'documents' | 'respondents' | 'coverage';
export type Percent = 'row' | 'col';

export interface MatrixOptions {
  level: Level;
  by: By;
  count: Count;
  filter: Filter;
  /** Language of the row labels. */
  language: string;
}

export interface Matrix {
  level: Level;
  by: By;
  count: Count;
  percent?: Percent;
  rows: { id: string; label: string }[];
  columns: string[];
  /** values[row][column]: a count, or a percentage for coverage and percent views. */
  values: number[][];
  /** The Total column: the row over the whole (filtered) corpus. */
  rowTotals: number[];
  /** The Total row: units carrying any row, per column. */
  columnTotals: number[];
  grandTotal: number;
  /** Units per column (segments, documents, respondents, or words for coverage), coded or not. */
  bases: number[];
  baseTotal: number;
}

/**
 * Distinct keys counted per cell (a row and a column), row and column; `seal` turns a document's
 * keys into counts. Counts are kept per row and then per column: a key made of both would be a new
 * string to hash for every cell of every segment.
 */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly seen = new Set<string>();

  /** Count `amount` under the cell, once per `unit` (a segment, document or respondent key). */
  add(row: string, column: string, unit: string, amount = 1): void {
    const key = `${row}\u0000${column}\u0001${unit}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.count(row, column, amount);
  }

  /** Count `amount` under the cell for a unit that is counted only here: no need to remember it. */
  count(row: string, column: string, amount = 1): void {
    let columns = this.counts.get(row);
    if (!columns) this.counts.set(row, (columns = new Map()));
    columns.set(column, (columns.get(column) ?? 0) + amount);
  }

  /** Units never recur across documents, so what was seen can be forgotten after each one. */
  seal(): void {
    this.seen.clear();
  }

  get(row: string, column: string): number {
    return this.counts.get(row)?.get(column) ?? 0;
  }
}

const ANY = '\u0002any';
const ALL = '\u0002all';

export class MatrixBuilder {
  private readonly tally = new Tally();
  private readonly base = new Tally();
  private readonly columns = new Set<string>();

  constructor(
    private readonly codebook: Codebook,
    readonly options: MatrixOptions,
  ) {}

  add(coded: CodedDocument): void {
    const { by, level, filter, count } = this.options;
    for (const unit of unitsOf(coded, by, level, filter)) {
      const key = count === 'documents' ? unit.document : count === 'respondents' ? unit.respondent : `${unit.document}\u0000${unit.segment.ordinal}`;
      const amount = count === 'coverage' ? unitWords(unit) : 1;
      // A segment is a unit of its own: in one column, each of its cells is met once, and the
      // distinct units need not be remembered (most of the work of a large corpus).
      const once = (count === 'segments' || count === 'coverage') && unit.columns.length === 1 && unit.columns[0] !== ALL;
      for (const column of [...unit.columns, ALL]) {
        if (column !== ALL) this.columns.add(column);
        if (once) {
          this.base.count('', column, amount);
          for (const row of unit.rows) this.tally.count(row, column, amount);
          if (unit.rows.length > 0) this.tally.count(ANY, column, amount);
          continue;
        }
        this.base.add('', column, key, amount);
        for (const row of unit.rows) this.tally.add(row, column, key, amount);
        if (unit.rows.length > 0) this.tally.add(ANY, column, key, amount);
      }
    }
    this.tally.seal();
    this.base.seal();
  }

  result(): Matrix {
    const { level, by, count, filter, language } = this.options;
    const rows = rowCodes(this.codebook, level, filter).map((c) => ({
      id: c.id,
      label: localise(c.label, language, this.codebook.language) ?? c.id,
    }));
    const columns = sortColumns(this.columns);
    const cell = (row: string, column: string) => this.tally.get(row, column);
    const share = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
    const coverage = count === 'coverage';
    const bases = columns.map((c) => this.base.get('', c));
    const baseTotal = this.base.get('', ALL);
    return {
      level,
      by,
      count,
      rows,
      columns,
      values: rows.map((r) => columns.map((c, j) => (coverage ? share(cell(r.id, c), bases[j]) : cell(r.id, c)))),
      rowTotals: rows.map((r) => (coverage ? share(cell(r.id, ALL), baseTotal) : cell(r.id, ALL))),
      columnTotals: columns.map((c, j) => (coverage ? share(cell(ANY, c), bases[j]) : cell(ANY, c))),
      grandTotal: coverage ? share(cell(ANY, ALL), baseTotal) : cell(ANY, ALL),
      bases,
      baseTotal,
    };
  }
}

/**
 * Row percentages (each cell as a share of its row's total) or column percentages (each cell as a
 * share of the units in its column, coded or not).
 */
export function toPercent(m: Matrix, percent: Percent): Matrix {
  const share = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);
  if (percent === 'row') {
    return {
      ...m,
      percent,
      values: m.values.map((row, i) => row.map((v) => share(v, m.rowTotals[i]))),
      rowTotals: m.rowTotals.map((t) => (t === 0 ? 0 : 100)),
      columnTotals: m.columnTotals.map((v) => share(v, m.grandTotal)),
      grandTotal: m.grandTotal === 0 ? 0 : 100,
    };
  }
  return {
    ...m,
    percent,
    values: m.values.map((row) => row.map((v, j) => share(v, m.bases[j]))),
    rowTotals: m.rowTotals.map((t) => share(t, m.baseTotal)),
    columnTotals: m.columnTotals.map((v, j) => share(v, m.bases[j])),
    grandTotal: share(m.grandTotal, m.baseTotal),
  };
}

/** Without the rows and columns whose cells are all zero. */
export function hideEmpty(m: Matrix): Matrix {
  const keepRows = m.values.map((row) => row.some((v) => v !== 0));
  const keepCols = m.columns.map((_, j) => m.values.some((row) => row[j] !== 0));
  const pick = <T>(list: T[], keep: boolean[]) => list.filter((_, i) => keep[i]);
  return {
    ...m,
    rows: pick(m.rows, keepRows),
    columns: pick(m.columns, keepCols),
    values: pick(m.values, keepRows).map((row) => pick(row, keepCols)),
    rowTotals: pick(m.rowTotals, keepRows),
    columnTotals: pick(m.columnTotals, keepCols),
    bases: pick(m.bases, keepCols),
  };
}
