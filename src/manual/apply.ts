/**
 * Hand-made codings laid over the auto-coding of one document: inline codes and sidecar rows find
 * their paragraphs by anchor; a reject by any coder removes that auto (or model) code there; every add
 * becomes a manual coding of its coder. Rows whose paragraph is gone are returned, never moved.
 */
import type { Code } from '../codebook/types.js';
import type { Coding } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import { anchorOf } from './anchor.js';
import type { ManualRow } from './sidecar.js';

/** The coder of `<!-- qda: ... -->` comments. */
export const INLINE_CODER = 'inline';

export interface Selection {
  /** Only codes added by hand. */
  manualOnly?: boolean;
  /** Only the codings of this coder (`qda` for the auto-coder). */
  coder?: string;
}

export interface Decision {
  code: string;
  add: boolean;
  coder: string;
}

/** Anchor → ordinals of the segments in or around that paragraph. */
export function anchorsOf(text: string, segments: Segment[]): Map<string, number[]> {
  const anchors = new Map<string, number[]>();
  for (const s of segments) {
    for (const p of s.paragraphs) {
      const anchor = anchorOf(text.slice(p.range.start, p.range.end));
      const list = anchors.get(anchor) ?? [];
      if (!list.includes(s.ordinal)) list.push(s.ordinal);
      anchors.set(anchor, list);
    }
  }
  return anchors;
}

/** Every decision people made in a document, by segment ordinal; rows whose paragraph is gone are `stale`. */
export function decisionsOf(text: string, segments: Segment[], rows: ManualRow[]): { decisions: Map<number, Decision[]>; stale: ManualRow[] } {
  const decisions = new Map<number, Decision[]>();
  const decide = (ordinal: number, d: Decision) => decisions.set(ordinal, [...(decisions.get(ordinal) ?? []), d]);
  for (const s of segments) {
    for (const p of s.paragraphs) {
      for (const inline of p.inline ?? []) {
        inline.add.forEach((code) => decide(s.ordinal, { code, add: true, coder: INLINE_CODER }));
        inline.reject.forEach((code) => decide(s.ordinal, { code, add: false, coder: INLINE_CODER }));
      }
    }
  }
  const anchors = rows.length > 0 ? anchorsOf(text, segments) : new Map<string, number[]>();
  const stale: ManualRow[] = [];
  for (const row of rows) {
    const ordinals = anchors.get(row.anchor);
    if (!ordinals) stale.push(row);
    else ordinals.forEach((o) => decide(o, { code: row.code, add: row.decision === 'add', coder: row.coder }));
  }
  return { decisions, stale };
}

export function applyManual(
  text: string,
  segments: Segment[],
  auto: Coding[],
  rows: ManualRow[],
  codes: Map<string, Code>,
  selection: Selection = {},
): { codings: Coding[]; stale: ManualRow[] } {
  const { decisions, stale } = decisionsOf(text, segments, rows);
  const documentId = segments[0]?.documentId ?? auto[0]?.documentId ?? '';
  const manual: Coding[] = [];
  const rejected = new Set<string>();
  for (const [segment, list] of decisions) {
    const added = new Set<string>();
    for (const d of list) {
      const code = codes.get(d.code);
      if (!code) continue; // unknown codes are reported when the corpus is checked
      if (!d.add) rejected.add(`${segment}\u0000${d.code}`);
      else if (!added.has(`${d.coder}\u0000${d.code}`)) {
        added.add(`${d.coder}\u0000${d.code}`);
        manual.push({ documentId, segment, code: d.code, cluster: code.cluster, source: 'manual', coder: d.coder, hits: 0, evidence: [] });
      }
    }
  }
  const kept = auto.filter((c) => !rejected.has(`${c.segment}\u0000${c.code}`));
  const rank = new Map([...codes.keys()].map((id, i) => [id, i]));
  const order = (id: string) => rank.get(id) ?? rank.size;
  let codings = [...kept, ...manual].sort(
    (a, b) => a.segment - b.segment || order(a.code) - order(b.code) || (a.coder < b.coder ? -1 : a.coder > b.coder ? 1 : 0),
  );
  if (selection.manualOnly) codings = codings.filter((c) => c.source === 'manual');
  if (selection.coder) codings = codings.filter((c) => c.coder === selection.coder);
  return { codings, stale };
}
