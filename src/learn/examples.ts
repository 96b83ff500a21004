/**
 * What people taught: the paragraphs they made decisions on, each with the codes they gave it.
 * A paragraph counts as reviewed when a coder added or rejected any code there; it then carries
 * exactly the codes added (an add wins over another coder's reject) and none of the others.
 */
import type { Code } from '../codebook/types.js';
import type { Coding } from '../coding/coding.js';
import type { Document, Segment } from '../ingest/document.js';
import { anchorOf } from '../manual/anchor.js';
import { decisionsOf } from '../manual/apply.js';
import type { ManualRow } from '../manual/sidecar.js';
import { segmentFeatures, type SegmentFeatures } from './features.js';

export interface Reviewed {
  document: string;
  anchor: string;
  /** Segment ordinal in the document. */
  segment: number;
  /** Code ids added, in codebook order. */
  codes: string[];
}

export interface Example extends Reviewed {
  features: SegmentFeatures;
}

/** Reviewed segments of one document; `coders` limits whose decisions count (all when empty). */
export function reviewedSegments(
  document: Document,
  segments: Segment[],
  rows: ManualRow[],
  coders: readonly string[],
  codes: Map<string, Code>,
): Reviewed[] {
  if (rows.length === 0 && !hasInline(segments)) return [];
  const { decisions } = decisionsOf(document.text, segments, rows);
  if (decisions.size === 0) return [];
  const rank = new Map([...codes.keys()].map((id, i) => [id, i]));
  const out: Reviewed[] = [];
  for (const [ordinal, list] of [...decisions].sort((a, b) => a[0] - b[0])) {
    const counted = list.filter((d) => codes.has(d.code) && (coders.length === 0 || coders.includes(d.coder)));
    if (counted.length === 0) continue;
    const added = [...new Set(counted.filter((d) => d.add).map((d) => d.code))].sort((a, b) => rank.get(a)! - rank.get(b)!);
    const segment = segments[ordinal - 1];
    out.push({ document: document.id, anchor: segmentAnchor(document, segment), segment: ordinal, codes: added });
  }
  return out;
}

/** Whether any paragraph of the segments carries an inline coding comment: most documents of a large corpus have none. */
function hasInline(segments: Segment[]): boolean {
  for (const s of segments) for (const p of s.paragraphs) if (p.inline !== undefined && p.inline.length > 0) return true;
  return false;
}

/** Training examples of one auto-coded document (people's decisions not yet applied to `auto`). */
export function examplesOf(
  document: Document,
  segments: Segment[],
  auto: Coding[],
  language: string,
  rows: ManualRow[],
  coders: readonly string[],
  codes: Map<string, Code>,
): Example[] {
  return reviewedSegments(document, segments, rows, coders, codes).map((r) => {
    const found = auto.filter((c) => c.segment === r.segment);
    return { ...r, features: segmentFeatures(segments[r.segment - 1], language, found) };
  });
}

/** The anchor of the (first) paragraph a segment lies in. */
export function segmentAnchor(document: Document, segment: Segment): string {
  const p = segment.paragraphs[0]?.range ?? segment.range;
  return anchorOf(document.text.slice(p.start, p.end));
}
