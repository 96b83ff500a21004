/**
 * The hits of a search as a coder's decisions: one `add` row per paragraph with a hit, in the
 * sidecar format of codings/NAME.csv, so that they are reviewed, agreed on and counted like any
 * other hand-made coding. The note says which search made the row.
 */
import type { ManualRow } from '../manual/sidecar.js';
import type { SearchHit } from './collect.js';

export function hitRows(hits: SearchHit[], code: string, coder: string, query: string, file: string): ManualRow[] {
  const rows: ManualRow[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    if (!h.anchor) continue;
    const key = `${h.documentId}\u0000${h.anchor.anchor}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      document: h.documentId,
      anchor: h.anchor.anchor,
      code,
      decision: 'add',
      note: `qda search ${query}`,
      coder,
      file,
      line: 0,
      text: h.anchor.text,
      paragraphLine: h.paragraphLine,
    });
  }
  return rows;
}
