/**
 * A parsed query compiled for matching: its terms go into one Lexicon per language (the matcher of
 * the codebook, so stems, wildcards and phrases mean here what they mean there), its patterns are
 * run only on texts whose words hold what they need (src/codebook/prefilter.ts). `find` gives the
 * spans of a text that the query points at, or undefined when the text does not match.
 */
import { patternNeeds } from '../codebook/prefilter.js';
import { Lexicon } from '../match/lexicon.js';
import type { WordRun } from '../match/words.js';
import { holds, queryNeeds, type Needs } from './prefilter.js';
import type { Leaf, ParsedQuery, Query } from './query.js';

/** A stretch of matched text: 0-based offsets into the text, and the indexes of its first and last word. */
export interface Span {
  start: number;
  end: number;
  first: number;
  last: number;
}

interface Compiled {
  lexicon: Lexicon;
  /** What a text must hold to match (src/search/prefilter.ts); undefined when anything may. */
  needs?: Needs;
  /** Pattern leaves, in the order their needs were given to the lexicon. */
  patterns: { leaf: number; regexp: RegExp; needs?: string[] }[];
}

export class QueryMatcher {
  private readonly byLanguage = new Map<string, Compiled>();
  private readonly spans: Span[][];
  private seen = new Uint8Array(16);

  /** `prefilter: false` scans every text (to check the prefilter against). */
  constructor(
    private readonly parsed: ParsedQuery,
    private readonly options: { prefilter?: boolean } = {},
  ) {
    this.spans = parsed.leaves.map(() => []);
  }

  get leaves(): Leaf[] {
    return this.parsed.leaves;
  }

  /** The matched spans of `text` in text order, overlapping ones joined; undefined when it does not match. */
  find(text: string, language: string): Span[] | undefined {
    const { lexicon, patterns, needs } = this.compiled(language);
    if (needs) {
      if (needs.literals.length > this.seen.length) this.seen = new Uint8Array(needs.literals.length);
      if (!holds(needs, text, this.seen)) return undefined;
    }
    const run = lexicon.scan(text);
    for (const list of this.spans) list.length = 0;
    let any = false;
    for (const hit of lexicon.findAll(run)) {
      this.spans[hit.entry.code].push({ start: run.starts[hit.first], end: run.ends[hit.last], first: hit.first, last: hit.last });
      any = true;
    }
    if (patterns.length > 0) {
      const { held, stamp } = lexicon.patternsHeld(run);
      patterns.forEach((p, i) => {
        if (p.needs && held[i] !== stamp) return;
        if (patternSpans(p.regexp, text, run, this.spans[p.leaf])) any = true;
      });
    }
    // Every query has a word to find (query.ts), so a text where no leaf matched cannot match.
    if (!any) return undefined;
    const found = evaluate(this.parsed.query, this.spans);
    return found && join(found);
  }

  private compiled(language: string): Compiled {
    let c = this.byLanguage.get(language);
    if (c) return c;
    const terms: { code: number; terms: string[]; not: string[] }[] = [];
    const patterns: Compiled['patterns'] = [];
    this.parsed.leaves.forEach((leaf, i) => {
      if (leaf.kind === 'term') terms.push({ code: i, terms: [leaf.text], not: [] });
      else {
        const needs = patternNeeds(leaf.regexp.source, leaf.regexp.flags);
        patterns.push(needs ? { leaf: i, regexp: leaf.regexp, needs } : { leaf: i, regexp: leaf.regexp });
      }
    });
    c = {
      lexicon: new Lexicon(
        language,
        terms,
        patterns.map((p) => p.needs),
      ),
      patterns,
    };
    const needs = this.options.prefilter === false ? undefined : queryNeeds(this.parsed.query, this.parsed.leaves, language);
    if (needs) c.needs = needs;
    this.byLanguage.set(language, c);
    return c;
  }
}

/** Adds the matches of a pattern to `out` (with the words they lie on); true when there was one. */
function patternSpans(regexp: RegExp, text: string, run: WordRun, out: Span[]): boolean {
  regexp.lastIndex = 0;
  let found = false;
  for (let m = regexp.exec(text); m; m = regexp.exec(text)) {
    if (m[0] === '') {
      regexp.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    // The first word ending after the start, the last word starting before the end.
    const first = countBelow(run.ends, run.count, start + 1);
    const last = Math.max(first, countBelow(run.starts, run.count, end) - 1);
    out.push({ start, end, first, last });
    found = true;
  }
  return found;
}

/** Number of the first `count` (ascending) values below `value`. */
function countBelow(values: Int32Array, count: number, value: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans a query points at in a text, or undefined when the text does not match it. */
export function evaluate(query: Query, leaves: Span[][]): Span[] | undefined {
  switch (query.kind) {
    case 'term': {
      const spans = leaves[query.leaf];
      return spans.length > 0 ? spans : undefined;
    }
    case 'and': {
      const out: Span[] = [];
      for (const item of query.items) {
        const spans = evaluate(item, leaves);
        if (!spans) return undefined;
        out.push(...spans);
      }
      return out;
    }
    case 'or': {
      let matched = false;
      const out: Span[] = [];
      for (const item of query.items) {
        const spans = evaluate(item, leaves);
        if (spans) {
          matched = true;
          out.push(...spans);
        }
      }
      return matched ? out : undefined;
    }
    case 'not':
      return evaluate(query.item, leaves) ? undefined : [];
    case 'near': {
      const left = evaluate(query.left, leaves);
      const right = left && evaluate(query.right, leaves);
      if (!left || !right) return undefined;
      const out = near(left, right, query.distance);
      return out.length > 0 ? out : undefined;
    }
  }
}

/** For every pair of a left and a right span at most `distance` words apart: the span covering both. */
function near(left: Span[], right: Span[], distance: number): Span[] {
  const out: Span[] = [];
  const sorted = [...right].sort((a, b) => a.first - b.first);
  // A right span can end near a only if it starts no further back than its own length allows.
  const longest = sorted.reduce((max, b) => Math.max(max, b.last - b.first), 0);
  for (const a of left) {
    let i = countFirstBelow(sorted, a.first - distance - longest);
    for (; i < sorted.length && sorted[i].first <= a.last + distance; i++) {
      const b = sorted[i];
      const gap = b.first > a.last ? b.first - a.last : a.first > b.last ? a.first - b.last : 0;
      if (gap > distance) continue;
      out.push({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) });
    }
  }
  return out;
}

function countFirstBelow(spans: Span[], value: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].first < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans in text order, those that overlap joined into one. */
export function join(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) {
        last.end = s.end;
        last.last = Math.max(last.last, s.last);
      }
    } else out.push({ ...s });
  }
  return out;
}
