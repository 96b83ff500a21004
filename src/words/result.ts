/**
 * Word counts → what `qda words` reports: the commonest words (and pairs, triples) of the corpus,
 * and per group the terms that occur more there than in the rest, with their statistic.
 */
import { logLikelihood, logRatio, tfIdf } from './keyness.js';
import { pBelow, type PBelow } from './significance.js';
import type { WordCounter } from './count.js';

export type Measure = 'll' | 'tfidf';

export interface WordsQuery {
  lengths: number[];
  top: number;
  minCount: number;
  measure: Measure;
  /** Distinctive terms need at least this G² against the rest, with either measure (see significance.ts). Default 0: every term relatively more frequent. */
  minG2?: number;
}

export interface TermRow {
  n: number;
  /** The words in their commonest form. */
  term: string;
  count: number;
  documents: number;
}

export interface DistinctiveRow extends TermRow {
  /** Occurrences in the rest of the corpus. */
  other: number;
  /** G² (signed) or TF-IDF, as `measure` says. */
  statistic: number;
  /** The significance of the term's G² against the rest: p is below this, or null when not below 0.05. */
  pBelow: PBelow | null;
  logRatio: number;
}

export interface GroupWords {
  value: string;
  documents: number;
  /** Words counted (without stop words). */
  words: number;
  distinctive: DistinctiveRow[];
}

export interface WordsResult {
  measure: Measure;
  lengths: number[];
  minCount: number;
  minG2: number;
  documents: number;
  words: number;
  frequencies: TermRow[];
  groups: GroupWords[];
}

/**
 * `groups`: the groups to report, in order (default: every group). `skip` leaves a gram out of the
 * distinctive terms (for suggestions: what the codebook already has).
 */
export function wordsResult(
  counter: WordCounter,
  query: WordsQuery,
  options: { groups?: string[]; skip?: (n: number, terms: number[]) => boolean } = {},
): WordsResult {
  const frequencies: TermRow[] = [];
  for (const n of query.lengths) {
    const grams = counter.grams[n - 1];
    const rows: { id: number; count: number }[] = [];
    grams.all.forEach((id, count) => rows.push({ id, count }), query.minCount);
    frequencies.push(...top(counter, n, rows, query.top).map(({ id, count, term }) => ({ n, term, count, documents: grams.documents.get(id) })));
  }
  const minG2 = query.minG2 ?? 0;
  const names = options.groups ?? counter.groupNames;
  const groups = names.map((value) => {
    const g = counter.groupNames.indexOf(value);
    const distinctive: DistinctiveRow[] = [];
    for (const n of query.lengths) {
      const grams = counter.grams[n - 1];
      const c = g < 0 ? 0 : (grams.totals.perGroup[g] ?? 0);
      const d = grams.totals.all - c;
      const rows: { id: number; count: number; other: number; statistic: number; g2: number }[] = [];
      grams.groups[g]?.forEach((id, a) => {
        if (options.skip?.(n, counter.gramTerms(n, id))) return;
        const b = grams.all.get(id) - a;
        // Only what occurs relatively more here than in the rest; with nothing else, nothing stands out.
        if (d <= 0 || a / c <= b / d) return;
        // A difference that could well be chance is no distinctive term, whatever ranks the list.
        const g2 = logLikelihood(a, b, c, d);
        if (g2 < minG2) return;
        const statistic = query.measure === 'll' ? g2 : tfIdf(a, c, counter.documents, grams.documents.get(id));
        rows.push({ id, count: a, other: b, statistic, g2 });
      }, query.minCount);
      rows.sort((x, y) => y.statistic - x.statistic || y.count - x.count);
      for (const r of top(counter, n, rows, query.top, true))
        distinctive.push({
          n,
          term: r.term,
          count: r.count,
          documents: grams.documents.get(r.id),
          other: r.other,
          statistic: r.statistic,
          pBelow: pBelow(r.g2),
          logRatio: logRatio(r.count, r.other, c, d),
        });
    }
    return { value, documents: g < 0 ? 0 : counter.groupDocuments[g], words: g < 0 ? 0 : (counter.grams[0].totals.perGroup[g] ?? 0), distinctive };
  });
  return {
    measure: query.measure,
    lengths: query.lengths,
    minCount: query.minCount,
    minG2,
    documents: counter.documents,
    words: counter.grams[0].totals.all,
    frequencies,
    groups,
  };
}

/**
 * The first `limit` rows, each with its form: by count (or in the given order when `sorted`), ties
 * by form, so that the output does not depend on the order words were met.
 */
function top<T extends { id: number; count: number }>(
  counter: WordCounter,
  n: number,
  rows: T[],
  limit: number,
  sorted = false,
): (T & { term: string })[] {
  const key = sorted ? (r: T) => (r as T & { statistic: number }).statistic : (r: T) => r.count;
  rows.sort((a, b) => key(b) - key(a) || b.count - a.count);
  // Forms are made only for rows that can reach the list: those tied with the last one kept.
  const cut = rows.length > limit ? key(rows[limit - 1]) : -Infinity;
  const candidates = rows.filter((r, i) => i < limit || key(r) === cut).map((r) => ({ ...r, term: counter.gramForm(n, r.id) }));
  candidates.sort((a, b) => key(b) - key(a) || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return candidates.slice(0, limit);
}
