/**
 * Auto-coding: a segment gets a code when at least `minHits` separate matches of its terms or
 * patterns occur in it and none of its `not` words does. Every coding carries its evidence.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Segment } from '../ingest/document.js';
import { PatternTooSlow, type PatternMatches } from '../match/pattern-runner.js';
import type { WordRun } from '../match/words.js';
import type { Coding, Evidence } from './coding.js';

export const AUTO_CODER = 'qda';

/** Evidence kept per code and segment while matching; enough to decide any minHits (at most 100). */
const KEEP = 400;
/** Evidence reported per coding; `hits` tells how many matches there were in all. */
export const MAX_EVIDENCE = 20;

/** The matches of one code in one segment: every one counted, the first KEEP kept, duplicates dropped. */
class Found {
  readonly list: Evidence[] = [];
  private readonly seen = new Set<string>();
  /** Distinct places matched: two terms on the same word are one hit. */
  private readonly places = new Set<string>();

  get hits(): number {
    return this.places.size;
  }

  add(e: Evidence): void {
    const place = `${e.range.start}\u0000${e.range.end}`;
    const key = `${e.term}\u0000${place}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.places.add(place);
    if (this.list.length < KEEP) this.list.push(e);
  }
}

export function autoCode(segment: Segment, compiled: CompiledCodebook, language?: string): Coding[] {
  return autoCodeAll([segment], compiled, language)[0];
}

/**
 * The codings of each segment. The patterns of all segments run in one call to the pattern worker
 * (src/match/pattern-runner.ts), under a time budget per segment and pattern. `scanned` is shown
 * each segment's words as they are scanned (valid only during the call).
 */
export function autoCodeAll(
  segments: readonly Segment[],
  compiled: CompiledCodebook,
  language?: string,
  scanned?: (segment: Segment, words: WordRun) => void,
): Coding[][] {
  const matcher = compiled.matcher(language);
  const { lexicon, patterns } = matcher;
  const states = segments.map((segment) => {
    const words = lexicon.scan(segment.text, segment);
    scanned?.(segment, words);
    const base = segment.range.start;
    const found = new Map<number, Found>();
    const vetoed = new Set<number>();
    for (const hit of lexicon.findAll(words)) {
      const { entry } = hit;
      if (entry.veto) {
        vetoed.add(entry.code);
        continue;
      }
      const start = base + words.starts[hit.first];
      const end = base + words.ends[hit.last];
      add(found, entry.code, { term: entry.term, kind: entry.kind, text: slice(segment, start, end), range: { start, end } });
    }
    const { held, stamp } = lexicon.patternsHeld(words);
    const runs: number[] = [];
    // A pattern whose words are all absent cannot match here and is not run.
    for (let p = 0; p < patterns.length; p++) if (!patterns[p].needs || held[p] === stamp) runs.push(p);
    return { segment, found, vetoed, runs };
  });
  const matches = runPatterns(
    compiled,
    language,
    segments,
    states.map((s) => s.runs),
  );
  return states.map(({ segment, found, vetoed, runs }, i) => {
    runs.forEach((p, r) => {
      const { code, source } = patterns[p];
      const at = matches[i][r];
      for (let k = 0; k < at.length; k += 2) {
        const start = segment.range.start + at[k];
        const end = segment.range.start + at[k + 1];
        add(found, code, { term: source, kind: 'pattern', text: slice(segment, start, end), range: { start, end } });
      }
    });
    return codingsOf(segment, compiled, found, vetoed);
  });
}

function add(found: Map<number, Found>, code: number, e: Evidence): void {
  let f = found.get(code);
  if (!f) found.set(code, (f = new Found()));
  f.add(e);
}

/** The patterns' matches, or a PatternTimeout naming the pattern, its place and the segment's. */
function runPatterns(compiled: CompiledCodebook, language: string | undefined, segments: readonly Segment[], runs: number[][]): PatternMatches {
  const { runner, patterns } = compiled.matcher(language);
  try {
    return runner.run(
      segments.map((s) => s.text),
      runs,
    );
  } catch (error) {
    if (!(error instanceof PatternTooSlow)) throw error;
    const pattern = patterns[error.pattern];
    const code = compiled.codebook.codes[pattern.code];
    const place = code.patternPlaces?.get(pattern.source) ?? { line: code.line, column: 1 };
    throw new PatternTimeout(pattern.source, code.id, compiled.codebook.path, place, segments[error.segment], error.ms);
  }
}

function codingsOf(segment: Segment, compiled: CompiledCodebook, found: Map<number, Found>, vetoed: Set<number>): Coding[] {
  const codings: Coding[] = [];
  const codes = compiled.codebook.codes;
  for (const [index, { hits, list }] of [...found].sort((a, b) => a[0] - b[0])) {
    const code = codes[index];
    if (vetoed.has(index)) continue;
    list.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.term < b.term ? -1 : 1));
    if (separateMatches(list) < code.minHits) continue;
    codings.push({
      documentId: segment.documentId,
      segment: segment.ordinal,
      code: code.id,
      cluster: code.cluster,
      source: 'auto',
      coder: AUTO_CODER,
      hits,
      evidence: list.slice(0, MAX_EVIDENCE),
    });
  }
  return codings;
}

/** A codebook pattern that ran longer than its budget on a segment: the run stops with this error. */
export class PatternTimeout extends Error {
  /** The transcript of the segment, once the pipeline knows it. */
  path?: string;

  constructor(
    readonly source: string,
    readonly code: string,
    readonly codebook: string,
    readonly place: { line: number; column: number },
    readonly segment: Segment,
    readonly ms: number,
  ) {
    super(`pattern ${source} of ${code} ran ${(ms / 1000).toFixed(1)} s, over its time budget`);
  }
}

function slice(segment: Segment, start: number, end: number): string {
  return segment.text.slice(start - segment.range.start, end - segment.range.start);
}

/** Matches that overlap (a phrase and a word inside it) count once. Evidence must be sorted. */
function separateMatches(sorted: Evidence[]): number {
  let count = 0;
  let end = -1;
  for (const e of sorted) {
    if (e.range.start >= end) count++;
    end = Math.max(end, e.range.end);
  }
  return count;
}
