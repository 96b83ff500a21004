/**
 * District comparison tables, one per cluster, one row per value of an attribute (a district): the
 * leading codes of that cluster there, with their segment counts (the aspects), and an explanation:
 * the memo about that district and cluster when there is one, otherwise the most representative
 * excerpt, the segment where the cluster's codes found the most different terms.
 */
import { ownText } from '../ingest/own-text.js';
import { localise, type Code, type Codebook } from '../codebook/types.js';
import type { Coding } from '../coding/coding.js';
import type { Memo } from '../corpus/memos.js';
import { memosAbout } from '../corpus/memos.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Filter } from '../select/filter.js';
import { sortColumns, unitsOf } from './units.js';

export interface SummaryOptions {
  by: string;
  filter: Filter;
  language: string;
  /** How many leading codes a row names. */
  aspects: number;
}

export interface Explanation {
  kind: 'memo' | 'excerpt' | 'none';
  text: string;
  /** Memo path, or `path:line` of the excerpt. */
  source?: string;
  speaker?: string;
}

export interface SummaryRow {
  value: string;
  aspects: { id: string; label: string; count: number }[];
  explanation: Explanation;
}

export interface SummaryTable {
  cluster: { id: string; label: string };
  rows: SummaryRow[];
  /** Memos about the cluster as a whole, not about one value. */
  notes: { text: string; source: string }[];
}

export interface Summary {
  by: string;
  language: string;
  tables: SummaryTable[];
}

interface Candidate {
  /** From a document about this value alone (not a meeting of several districts). */
  specific: boolean;
  score: number;
  codes: number;
  text: string;
  path: string;
  line: number;
  speaker?: string;
}

/** A candidate kept past its document holds its own copy of the text (ingest/own-text.ts): `text`. */
function keptCopy(c: Candidate, text: string): Candidate {
  const copy = { ...c, text };
  if (c.speaker !== undefined) copy.speaker = ownText(c.speaker);
  return copy;
}

/** Specific before shared, then more different terms, then more codes. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.specific !== b.specific) return a.specific;
  if (a.score !== b.score) return a.score > b.score;
  return a.codes > b.codes;
}

export class SummaryBuilder {
  /** Segments per code and then per value. */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly best = new Map<string, Candidate>();
  private readonly values = new Set<string>();

  private readonly byId: Map<string, Code>;

  constructor(
    private readonly codebook: Codebook,
    readonly options: SummaryOptions,
  ) {
    this.byId = new Map(codebook.codes.map((c) => [c.id, c]));
  }

  add(coded: CodedDocument): void {
    const codings = new Map<number, Coding[]>();
    for (const c of coded.codings) {
      const list = codings.get(c.segment);
      if (list) list.push(c);
      else codings.set(c.segment, [c]);
    }
    for (const unit of unitsOf(coded, this.options.by, 'code', this.options.filter)) {
      // Documents without the attribute get a row of their own, (none), rather than being left out.
      for (const v of unit.columns) this.values.add(v);
      if (unit.rows.length === 0) continue;
      const own = (codings.get(unit.segment.ordinal) ?? []).filter((c) => unit.rows.includes(c.code));
      // A segment's candidate for a cluster is the same in each of its columns: made once.
      const candidates: [string, Candidate][] = [];
      for (const cluster of new Set(own.map((c) => this.byId.get(c.code)?.cluster ?? c.code))) {
        const inCluster = own.filter((c) => c.cluster === cluster);
        const candidate: Candidate = {
          specific: unit.columns.length === 1,
          score: new Set(inCluster.flatMap((c) => c.evidence.map((e) => e.term))).size,
          codes: inCluster.length,
          text: unit.segment.text,
          path: coded.document.path,
          line: unit.segment.lines.start,
        };
        if (unit.segment.speaker !== undefined) candidate.speaker = unit.segment.speaker;
        candidates.push([cluster, candidate]);
      }
      // One copy of the segment's text for all the cells it becomes the best of: a long segment is copied once.
      let copied: string | undefined;
      for (const value of unit.columns) {
        for (const row of unit.rows) {
          let values = this.counts.get(row);
          if (!values) this.counts.set(row, (values = new Map()));
          values.set(value, (values.get(value) ?? 0) + 1);
        }
        for (const [cluster, candidate] of candidates) {
          const key = `${cluster}\u0000${value}`;
          const current = this.best.get(key);
          // Documents arrive in path order, so on a tie the earlier excerpt stays.
          if (!current || better(candidate, current)) this.best.set(key, keptCopy(candidate, (copied ??= ownText(candidate.text))));
        }
      }
    }
  }

  result(memos: Memo[]): Summary {
    const { by, language, aspects } = this.options;
    const label = (id: string) => localise(this.codebook.codes.find((c) => c.id === id)?.label, language, this.codebook.language) ?? id;
    const values = sortColumns(this.values);
    const clusters = this.codebook.codes.filter((c) => c.depth === 0);
    const tables = clusters.map((cluster) => {
      const members = this.codebook.codes.filter((c) => c.cluster === cluster.id);
      const rows = values.map((value) => {
        const leading = members
          .map((c, order) => ({ id: c.id, label: label(c.id), count: this.counts.get(c.id)?.get(value) ?? 0, order }))
          .filter((a) => a.count > 0)
          .sort((a, b) => b.count - a.count || a.order - b.order)
          .slice(0, aspects)
          .map(({ id, label, count }) => ({ id, label, count }));
        return { value, aspects: leading, explanation: this.explain(cluster.id, value, memos) };
      });
      // A memo with no code is about everything; only memos that name this cluster are notes to its table.
      const notes = memosAbout(memos, cluster.id, by, undefined)
        .filter((m) => m.code !== undefined)
        .map((m) => ({ text: m.text, source: m.path }));
      return { cluster: { id: cluster.id, label: label(cluster.id) }, rows, notes };
    });
    return { by, language, tables };
  }

  private explain(cluster: string, value: string, memos: Memo[]): Explanation {
    const about = memosAbout(memos, cluster, this.options.by, value);
    if (about.length > 0) return { kind: 'memo', text: about.map((m) => m.text).join('\n\n'), source: about.map((m) => m.path).join(', ') };
    const best = this.best.get(`${cluster}\u0000${value}`);
    if (!best) return { kind: 'none', text: '' };
    const e: Explanation = { kind: 'excerpt', text: best.text, source: `${best.path}:${best.line}` };
    if (best.speaker !== undefined) e.speaker = best.speaker;
    return e;
  }
}
