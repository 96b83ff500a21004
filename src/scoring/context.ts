/**
 * The context of a segment as evidence: the words of the headings above it count as terms of the
 * section, and the paragraphs just before and after it (within the same section) lend part of
 * their evidence, so that a weak mention under "Financiering" or in a run about funding is read in
 * that light. The weights are fixed so that a score means the same in every corpus.
 */

/** Share of the evidence of the heading right above a segment. */
export const HEADING_WEIGHT = 0.5;
/** Share of the evidence of each heading further out. */
export const OUTER_HEADING_WEIGHT = 0.25;
/** Share of the own evidence of the segment before and of the one after, in the same section. */
export const NEIGHBOUR_WEIGHT = 0.25;

export type Strengths = ReadonlyMap<string, number>;

/** Weighted sum of the strengths of a segment's headings (outermost first) and neighbours. */
export function contextStrengths(headings: readonly Strengths[], neighbours: readonly Strengths[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (from: Strengths, weight: number) => {
    for (const [code, s] of from) out.set(code, (out.get(code) ?? 0) + weight * s);
  };
  headings.forEach((h, i) => add(h, i === headings.length - 1 ? HEADING_WEIGHT : OUTER_HEADING_WEIGHT));
  for (const n of neighbours) add(n, NEIGHBOUR_WEIGHT);
  return out;
}
