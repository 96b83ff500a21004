/**
 * Auto-coding: a segment gets a code when at least `minHits` separate matches of its terms or
 * patterns occur in it and none of its `not` words does. Every coding carries its evidence.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Segment } from '../ingest/document.js';
import { tokenize } from '../match/tokens.js';
import type { Coding, Evidence } from './coding.js';

export const AUTO_CODER = 'qda';

export function autoCode(segment: Segment, compiled: CompiledCodebook, language?: string): Coding[] {
  const { lexicon, patterns } = compiled.matcher(language);
  const tokens = tokenize(segment.text, segment.range.start);
  const evidence = new Map<number, Evidence[]>();
  const vetoed = new Set<number>();

  for (const hit of lexicon.findAll(tokens)) {
    const { entry } = hit;
    if (entry.veto) {
      vetoed.add(entry.code);
      continue;
    }
    const start = tokens[hit.first].start;
    const end = tokens[hit.last].end;
    add(evidence, entry.code, { term: entry.term, kind: entry.kind, text: slice(segment, start, end), range: { start, end } });
  }
  for (const { code, source, regexp } of patterns) {
    regexp.lastIndex = 0;
    for (const m of segment.text.matchAll(regexp)) {
      if (m[0].length === 0) continue;
      const start = segment.range.start + m.index;
      add(evidence, code, { term: source, kind: 'pattern', text: m[0], range: { start, end: start + m[0].length } });
    }
  }

  const codings: Coding[] = [];
  const codes = compiled.codebook.codes;
  for (const [index, found] of [...evidence].sort((a, b) => a[0] - b[0])) {
    const code = codes[index];
    if (vetoed.has(index)) continue;
    found.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || (a.term < b.term ? -1 : 1));
    if (separateMatches(found) < code.minHits) continue;
    codings.push({
      documentId: segment.documentId,
      segment: segment.ordinal,
      code: code.id,
      cluster: code.cluster,
      source: 'auto',
      coder: AUTO_CODER,
      evidence: found,
    });
  }
  return codings;
}

function add(map: Map<number, Evidence[]>, code: number, e: Evidence): void {
  const list = map.get(code);
  if (!list) map.set(code, [e]);
  else if (!list.some((x) => x.term === e.term && x.range.start === e.range.start && x.range.end === e.range.end)) list.push(e);
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
