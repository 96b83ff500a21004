/**
 * Everything the HTML report shows, computed in one pass over the coded corpus: the theme matrix at
 * cluster and code level, the excerpts behind each cell, the district tables, the codebook and a
 * corpus overview. The HTML formatter only renders this.
 */
import { ownText } from '../ingest/own-text.js';
import { MatrixBuilder, type Matrix } from '../analysis/matrix.js';
import { SummaryBuilder, type Summary } from '../analysis/summary.js';
import { NONE, unitsOf } from '../analysis/units.js';
import { localise, type Codebook } from '../codebook/types.js';
import type { Memo } from '../corpus/memos.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { readable } from '../formatters/text.js';
import { matchedWords, type Evidence } from '../coding/coding.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { attributeOf } from '../ingest/document.js';
import type { ScannedWords } from '../match/run-store.js';
import type { CounterParts, WordCounter } from '../words/count.js';
import { countColumnWords, reportWordCounter } from './words.js';
import { wordsResult, type GroupWords } from '../words/result.js';
import { DEFAULT_MIN_G2 } from '../words/significance.js';

export interface ReportExcerpt {
  /** Index into `codes`. */
  code: number;
  /** Indexes into the matrix columns the excerpt counts in. */
  columns: number[];
  /** The segment's readable text, cut at a word after `maxExcerpt` characters (the page holds bounded data). */
  text: string;
  /** Whether `text` was cut. */
  shortened: boolean;
  /** The document's path and the segment's first line. */
  path: string;
  line: number;
  speaker?: string;
  /** The words that found the code there (auto codings). */
  matched?: string[];
}

export interface ReportCode {
  id: string;
  cluster: string;
  depth: number;
  label: string;
  description?: string;
  include?: string;
  exclude?: string;
  color?: string;
}

export interface Report {
  title: string;
  language: string;
  generator: string;
  by: string;
  clusters: Matrix;
  codes: Matrix;
  codebook: ReportCode[];
  excerpts: ReportExcerpt[];
  summary: Summary;
  /** Per column, the words that occur there more than in the rest (when words were counted). */
  words?: GroupWords[];
  /** The G² a listed word needs, when the project chose another than the default 3.84. */
  wordsMinG2?: number;
  /**
   * Documents per compare-by value and type: `types` sorted, then `null` for documents without a
   * type when there are any; each row's counts follow `types`.
   */
  overview: {
    documents: number;
    segments: number;
    coded: number;
    types: (string | null)[];
    rows: { value: string; counts: number[]; total: number }[];
  };
}

export interface ReportOptions {
  by: string;
  language: string;
  generator: string;
  filter?: Filter;
  /** Longest excerpt text kept, in characters. */
  maxExcerpt?: number;
  /** Stop words per language: when given, the words of each column are counted for "Woorden per wijk". */
  stopWords?: (language: string) => Set<string>;
  /** G² a word needs against the other columns to be listed there. Default 3.84 (p < 0.05). */
  minG2?: number;
  /** The words the coding pass scanned of a language's segments, for the word counts to take instead of scanning again. */
  scanned?: (language: string) => ScannedWords;
  /** The words are counted where the documents are coded (worker threads) and taken in with `absorbWords`, not counted by `add`. */
  wordsElsewhere?: boolean;
}

/** How many distinctive words the report shows per column, and how often a word must occur there. */
const REPORT_WORDS = { lengths: [1], top: 10, minCount: 3, measure: 'll' as const, minG2: DEFAULT_MIN_G2 };

/**
 * Excerpts the report keeps per cell (code × compare-by value): the first ones in corpus order.
 * The report is one page that holds its data, so this bounds its size for any corpus; every excerpt
 * is in excerpts.md and excerpts.csv.
 */
export const EXCERPTS_PER_CELL = 50;

export class ReportBuilder {
  private readonly clusters: MatrixBuilder;
  private readonly codes: MatrixBuilder;
  private readonly summary: SummaryBuilder;
  private readonly found: {
    code: string;
    values: string[];
    text: string;
    shortened: boolean;
    path: string;
    line: number;
    speaker?: string;
    matched: string[];
  }[] = [];
  private readonly documents = new Map<string, Map<string | null, number>>();
  /** Excerpts kept per cell, by code and then value. */
  private readonly kept = new Map<string, Map<string, number>>();
  private readonly types = new Set<string | null>();
  private totals = { documents: 0, segments: 0, coded: 0 };
  private readonly words?: WordCounter;

  constructor(
    private readonly codebook: Codebook,
    private readonly options: ReportOptions,
  ) {
    const filter = options.filter ?? NO_FILTER;
    const base = { by: options.by, count: 'segments' as const, filter, language: options.language };
    this.clusters = new MatrixBuilder(codebook, { ...base, level: 'cluster' });
    this.codes = new MatrixBuilder(codebook, { ...base, level: 'code' });
    this.summary = new SummaryBuilder(codebook, { by: options.by, filter, language: options.language, aspects: 3 });
    if (options.stopWords) this.words = reportWordCounter(options.stopWords);
  }

  add(coded: CodedDocument): void {
    this.clusters.add(coded);
    this.codes.add(coded);
    this.summary.add(coded);
    const max = this.options.maxExcerpt ?? 600;
    let any = false;
    // The evidence per segment and code, gathered only once an excerpt of the document is kept.
    let evidence: Map<number, Map<string, Evidence[]>> | undefined;
    const evidenceOf = (segment: number, code: string): Evidence[] => {
      if (!evidence) {
        evidence = new Map();
        for (const c of coded.codings) {
          let codes = evidence.get(c.segment);
          if (!codes) evidence.set(c.segment, (codes = new Map()));
          const list = codes.get(c.code);
          if (list) list.push(...c.evidence);
          else codes.set(c.code, [...c.evidence]);
        }
      }
      return evidence.get(segment)?.get(code) ?? [];
    };
    const columns = new Map<number, string[]>();
    for (const unit of unitsOf(coded, this.options.by, 'code', this.options.filter ?? NO_FILTER)) {
      any = true;
      columns.set(unit.segment.ordinal, unit.columns);
      this.totals.segments++;
      if (unit.rows.length > 0) this.totals.coded++;
      // Made only for a segment with an excerpt to keep: most segments have none, or their cells are full.
      let text: string | undefined;
      for (const code of unit.rows) {
        if (!this.keep(code, unit.columns)) continue;
        text ??= readable(unit.segment.text);
        const excerpt = {
          code,
          values: unit.columns,
          // Kept for the whole run: copies, so that no excerpt keeps its transcript in memory.
          text: ownText(text.length > max ? text.slice(0, max).replace(/\s+\S*$/, '') : text),
          shortened: text.length > max,
          path: coded.document.path,
          line: unit.segment.lines.start,
          matched: matchedWords(evidenceOf(unit.segment.ordinal, code)).map(ownText),
        };
        this.found.push(unit.segment.speaker !== undefined ? { ...excerpt, speaker: ownText(unit.segment.speaker) } : excerpt);
      }
    }
    if (!any) return;
    if (this.words && !this.options.wordsElsewhere) countColumnWords(this.words, coded, columns, this.options.scanned?.(coded.language));
    this.totals.documents++;
    const written = coded.document.attributes.type;
    const type = written === undefined || written === null ? null : String(written);
    this.types.add(type);
    const values = [attributeOf(coded.document.attributes, this.options.by) ?? []].flat();
    for (const v of values.length === 0 ? [NONE] : values) {
      const row = this.documents.get(v) ?? new Map<string | null, number>();
      row.set(type, (row.get(type) ?? 0) + 1);
      this.documents.set(v, row);
    }
  }

  /** Takes in the word counts of the next documents, counted elsewhere (`wordsElsewhere`) in the order they come. */
  absorbWords(parts: CounterParts): void {
    this.words?.absorb(parts);
  }

  /** Whether an excerpt has room in each of its cells (one per compare-by value); counts it in each. */
  private keep(code: string, values: string[]): boolean {
    let kept = this.kept.get(code);
    if (!kept) this.kept.set(code, (kept = new Map()));
    const cells = values.length === 0 ? [''] : values;
    if (cells.some((v) => (kept.get(v) ?? 0) >= EXCERPTS_PER_CELL)) return false;
    for (const v of cells) kept.set(v, (kept.get(v) ?? 0) + 1);
    return true;
  }

  result(title: string, memos: Memo[]): Report {
    const { language, by, generator } = this.options;
    const clusters = this.clusters.result();
    const codes = this.codes.result();
    const lang = this.codebook.language;
    const codebook: ReportCode[] = this.codebook.codes.map((c) => {
      const code: ReportCode = { id: c.id, cluster: c.cluster, depth: c.depth, label: localise(c.label, language, lang) ?? c.id };
      for (const key of ['description', 'include', 'exclude'] as const) {
        const text = localise(c[key], language, lang);
        if (text) code[key] = text;
      }
      if (c.color) code.color = c.color;
      return code;
    });
    const codeIndex = new Map(codebook.map((c, i) => [c.id, i]));
    const columnIndex = new Map(codes.columns.map((c, i) => [c, i]));
    const excerpts = this.found.map((e) => {
      const r: ReportExcerpt = {
        code: codeIndex.get(e.code)!,
        columns: e.values.map((v) => columnIndex.get(v)!).filter((i) => i !== undefined),
        text: e.text,
        shortened: e.shortened,
        path: e.path,
        line: e.line,
      };
      if (e.speaker !== undefined) r.speaker = e.speaker;
      if (e.matched.length > 0) r.matched = e.matched;
      return r;
    });
    const types: (string | null)[] = [...this.types].filter((t): t is string => t !== null).sort();
    if (this.types.has(null)) types.push(null);
    const rows = codes.columns
      .filter((v) => this.documents.has(v))
      .map((value) => {
        const counts = types.map((t) => this.documents.get(value)?.get(t) ?? 0);
        return { value, counts, total: counts.reduce((a, b) => a + b, 0) };
      });
    const report: Report = {
      title,
      language,
      generator,
      by,
      clusters,
      codes,
      codebook,
      excerpts,
      summary: this.summary.result(memos),
      overview: { ...this.totals, types, rows },
    };
    const counter = this.words;
    if (counter && this.options.minG2 !== undefined && this.options.minG2 !== REPORT_WORDS.minG2) report.wordsMinG2 = this.options.minG2;
    if (counter)
      report.words = wordsResult(
        counter,
        { ...REPORT_WORDS, minG2: this.options.minG2 ?? REPORT_WORDS.minG2 },
        { groups: codes.columns.filter((c) => counter.groupNames.includes(c)) },
      ).groups;
    return report;
  }
}
