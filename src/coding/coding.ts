/** A coding: this segment carries this code, from this source, with the evidence for it. */
import type { Range } from '../position/line-index.js';

export type CodingSource = 'auto' | 'manual' | 'import' | 'model';

export interface Evidence {
  /** The codebook term or pattern that matched, as written there; for `learned`, the model's feature. */
  term: string;
  /** `learned`: a word or word pair that weighed most for a model's coding. */
  kind: 'stem' | 'prefix' | 'suffix' | 'infix' | 'phrase' | 'pattern' | 'learned';
  /** The matched text and where it lies in the file (0-based UTF-16 offsets). */
  text: string;
  range: Range;
}

export interface Coding {
  documentId: string;
  /** Ordinal of the segment in its document. */
  segment: number;
  code: string;
  cluster: string;
  source: CodingSource;
  coder: string;
  /** Matches found for the code in the segment; `evidence` lists the first of them by position. */
  hits: number;
  evidence: Evidence[];
  /** How strong the evidence is, 0–1 (docs/json.md); auto codings only. */
  score?: number;
  /** Model codings: the model's probability (0–1) and how many coded paragraphs it learned from. */
  probability?: number;
  learnedFrom?: number;
}

/**
 * The words that found a coding, as they stand in the text: what a reader recognises, where a
 * pattern's source or a `wachtlijst*` would not. Each once, compared without case; runs of white
 * space (a phrase across a line break) read as one space. Matches that overlap are one phrase:
 * the longest is listed (`wie de regie`, not also `de regie` and `regie` inside it).
 */
export function matchedWords(evidence: readonly Evidence[]): string[] {
  const longestFirst = evidence
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.range.end - b.e.range.start - (a.e.range.end - a.e.range.start) || a.i - b.i);
  const kept: { e: Evidence; i: number }[] = [];
  for (const x of longestFirst) {
    if (!kept.some((k) => x.e.range.start < k.e.range.end && k.e.range.start < x.e.range.end)) kept.push(x);
  }
  const words = new Map<string, string>();
  for (const { e } of kept.sort((a, b) => a.i - b.i)) {
    const text = e.text.replace(/\s+/g, ' ').trim();
    if (text && !words.has(text.toLowerCase())) words.set(text.toLowerCase(), text);
  }
  return [...words.values()];
}
