/**
 * A model put to work on segments. The rule that combines it with the codebook:
 * - a code with a model is coded where the model's probability is at least 0.5 (the codebook's
 *   matches are among the features it weighs); the coding keeps the codebook's evidence, if any, and
 *   adds the words that weighed most;
 * - a code without a model is coded as the codebook says.
 * People's decisions are laid over the result afterwards, as over auto-coding.
 */
import type { Code } from '../codebook/types.js';
import type { Coding, Evidence } from '../coding/coding.js';
import type { Segment } from '../ingest/document.js';
import { segmentFeatures, Vocabulary, type SegmentFeatures } from './features.js';
import { probability, type SparseRow } from './logistic.js';
import type { Model } from './model.js';

export const THRESHOLD = 0.5;
/** Learned words shown as evidence per model coding. */
const SHOWN = 5;

export interface Probability {
  code: string;
  p: number;
  /** Position of the model in the file's `models`. */
  model: number;
}

/**
 * The codes a segment gets by the rule above, in codebook order, from the models' probabilities and
 * the codes the codebook found; `by` is the probability of the model that decided, if one did.
 */
export function decide(probabilities: Probability[], auto: Iterable<string>, codes: Map<string, Code>): { code: string; by?: Probability }[] {
  const decided = new Set(probabilities.map((p) => p.code));
  const chosen = new Map<string, Probability | undefined>();
  for (const code of auto) if (!decided.has(code)) chosen.set(code, undefined);
  for (const p of probabilities) if (p.p >= THRESHOLD) chosen.set(p.code, p);
  const rank = new Map([...codes.keys()].map((id, i) => [id, i]));
  return [...chosen]
    .sort((a, b) => (rank.get(a[0]) ?? rank.size) - (rank.get(b[0]) ?? rank.size))
    .map(([code, by]) => (by ? { code, by } : { code }));
}

export class Predictor {
  readonly vocabulary: Vocabulary;
  private readonly weights: (Float64Array | undefined)[];

  constructor(
    readonly model: Model,
    private readonly codes: Map<string, Code>,
  ) {
    this.vocabulary = new Vocabulary(model.vocabulary);
    // A model of a code the codebook no longer has is left unused (the staleness check says so).
    this.weights = model.models.map((m) => {
      if (!codes.has(m.code)) return undefined;
      const weights = new Float64Array(model.vocabulary.length);
      for (const [f, w] of Object.entries(m.weights)) weights[this.vocabulary.index.get(f)!] = w;
      return weights;
    });
  }

  /** Every usable model's probability for a segment's features. */
  probabilities(features: SegmentFeatures, row: SparseRow = this.vocabulary.vector(features)): Probability[] {
    const out: Probability[] = [];
    this.model.models.forEach((m, i) => {
      const weights = this.weights[i];
      if (weights) out.push({ code: m.code, p: probability(row, m.bias, weights), model: i });
    });
    return out;
  }

  /** A document's codings with the model's laid over those of the codable segments. */
  codeDocument(segments: Segment[], auto: Coding[], language: string, codable: (ordinal: number) => boolean): Coding[] {
    const bySegment = new Map<number, Coding[]>();
    for (const c of auto) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
    return segments.flatMap((s) => (codable(s.ordinal) ? this.code(s, language, bySegment.get(s.ordinal) ?? []) : (bySegment.get(s.ordinal) ?? [])));
  }

  /** The segment's codings: the auto codings with the model's decisions laid over them (rule above). */
  code(segment: Segment, language: string, auto: Coding[]): Coding[] {
    const features = segmentFeatures(segment, language, auto);
    const row = this.vocabulary.vector(features);
    const byCode = new Map(auto.map((c) => [c.code, c]));
    return decide(this.probabilities(features, row), byCode.keys(), this.codes).map(({ code, by }) =>
      by ? this.coding(segment, by, row, features, byCode.get(code)) : byCode.get(code)!,
    );
  }

  private coding(segment: Segment, by: Probability, row: SparseRow, features: SegmentFeatures, auto: Coding | undefined): Coding {
    const code = this.codes.get(by.code)!;
    const m = this.model.models[by.model];
    return {
      documentId: segment.documentId,
      segment: segment.ordinal,
      code: code.id,
      cluster: code.cluster,
      source: 'model',
      coder: this.model.name,
      hits: auto?.hits ?? 0,
      evidence: [...(auto?.evidence ?? []), ...this.learned(segment, this.weights[by.model]!, row, features)],
      probability: Math.round(by.p * 1000) / 1000,
      learnedFrom: m.positives + m.negatives,
    };
  }

  /** The segment's words and pairs that raised the probability most, strongest first. */
  private learned(segment: Segment, weights: Float64Array, row: SparseRow, features: SegmentFeatures): Evidence[] {
    const names = this.model.vocabulary;
    const ranked: { feature: string; gain: number }[] = [];
    for (let k = 0; k < row.index.length; k++) {
      const feature = names[row.index[k]];
      const gain = weights[row.index[k]] * row.value[k];
      if (gain > 0 && (feature.startsWith('w:') || feature.startsWith('b:'))) ranked.push({ feature, gain });
    }
    ranked.sort((a, b) => b.gain - a.gain || (a.feature < b.feature ? -1 : 1));
    return ranked.slice(0, SHOWN).map(({ feature }) => {
      const range = features.words.get(feature)!;
      const text = segment.text.slice(range.start - segment.range.start, range.end - segment.range.start);
      return { term: feature.slice(2), kind: 'learned', text, range: { start: range.start, end: range.end } };
    });
  }
}
