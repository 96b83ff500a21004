/**
 * Auto-coding: a segment gets a code when at least `minHits` separate matches of its terms or
 * patterns occur in it and none of its `not` words does. Every coding carries its evidence.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Segment } from '../ingest/document.js';
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
  const { lexicon, patterns } = compiled.matcher(language);
  const words = lexicon.scan(segment.text);
  const base = segment.range.start;
  const found = new Map<number, Found>();
  const vetoed = new Set<number>();
  const add = (code: number, e: Evidence) => {
    let f = found.get(code);
    if (!f) found.set(code, (f = new Found()));
    f.add(e);
  };

  for (const hit of lexicon.findAll(words)) {
    const { entry } = hit;
    if (entry.veto) {
      vetoed.add(entry.code);
      continue;
    }
    const start = base + words.starts[hit.first];
    const end = base + words.ends[hit.last];
    add(entry.code, { term: entry.term, kind: entry.kind, text: slice(segment, start, end), range: { start, end } });
  }
  const { held, stamp } = lexicon.patternsHeld(words);
  for (let p = 0; p < patterns.length; p++) {
    const { code, source, regexp, needs } = patterns[p];
    if (needs && held[p] !== stamp) continue; // none of the words it needs: it cannot match here
    regexp.lastIndex = 0;
    for (const m of segment.text.matchAll(regexp)) {
      if (m[0].length === 0) continue;
      const start = segment.range.start + m.index;
      add(code, { term: source, kind: 'pattern', text: m[0], range: { start, end: start + m[0].length } });
    }
  }

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
