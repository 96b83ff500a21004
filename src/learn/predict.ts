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
import { Vocabulary, type SegmentFeatures } from './features.js';
import { probability, type SparseRow } from './logistic.js';
import type { Model } from './model.js';
import { RowMaker, type LocatedRow } from './row.js';

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
  if (chosen.size === 0) return [];
  const rank = rankOf(codes);
  return [...chosen]
    .sort((a, b) => (rank.get(a[0]) ?? rank.size) - (rank.get(b[0]) ?? rank.size))
    .map(([code, by]) => (by ? { code, by } : { code }));
}

/** Each code's place in the codebook, made once per codebook: deciding runs for every paragraph. */
const ranks = new WeakMap<Map<string, Code>, Map<string, number>>();
function rankOf(codes: Map<string, Code>): Map<string, number> {
  let rank = ranks.get(codes);
  if (!rank) ranks.set(codes, (rank = new Map([...codes.keys()].map((id, i) => [id, i]))));
  return rank;
}

export class Predictor {
  readonly vocabulary: Vocabulary;
  private readonly weights: (Float64Array | undefined)[];
  private readonly makers = new Map<string, RowMaker>();

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

  /** A segment's row over the vocabulary, with where its words are (the same row training makes of it). */
  row(segment: Segment, language: string, auto: readonly Coding[]): LocatedRow {
    let maker = this.makers.get(language);
    if (!maker) this.makers.set(language, (maker = new RowMaker(this.model.vocabulary, language)));
    return maker.row(segment, auto);
  }

  /** Every usable model's probability for a training example's features. */
  probabilitiesOf(features: SegmentFeatures): Probability[] {
    return this.probabilities(this.vocabulary.vector(features));
  }

  /** Every usable model's probability for a row. */
  probabilities(row: SparseRow): Probability[] {
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
    for (const c of auto) {
      const list = bySegment.get(c.segment);
      if (list) list.push(c);
      else bySegment.set(c.segment, [c]);
    }
    return segments.flatMap((s) => (codable(s.ordinal) ? this.code(s, language, bySegment.get(s.ordinal) ?? []) : (bySegment.get(s.ordinal) ?? [])));
  }

  /** The segment's codings: the auto codings with the model's decisions laid over them (rule above). */
  code(segment: Segment, language: string, auto: Coding[], row: LocatedRow = this.row(segment, language, auto)): Coding[] {
    const byCode = new Map(auto.map((c) => [c.code, c]));
    return decide(this.probabilities(row), byCode.keys(), this.codes).map(({ code, by }) =>
      by ? this.coding(segment, by, row, byCode.get(code)) : byCode.get(code)!,
    );
  }

  private coding(segment: Segment, by: Probability, row: LocatedRow, auto: Coding | undefined): Coding {
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
      evidence: [...(auto?.evidence ?? []), ...this.learned(segment, this.weights[by.model]!, row)],
      probability: Math.round(by.p * 1000) / 1000,
      learnedFrom: m.positives + m.negatives,
    };
  }

  /** The segment's words and pairs that raised the probability most, strongest first. */
  private learned(segment: Segment, weights: Float64Array, row: LocatedRow): Evidence[] {
    const names = this.model.vocabulary;
    const ranked: { k: number; feature: string; gain: number }[] = [];
    for (let k = 0; k < row.index.length; k++) {
      const gain = weights[row.index[k]] * row.value[k];
      // Headings and the codebook's evidence have no place in the segment's text (start -1).
      if (gain > 0 && row.starts[k] >= 0) ranked.push({ k, feature: names[row.index[k]], gain });
    }
    ranked.sort((a, b) => b.gain - a.gain || (a.feature < b.feature ? -1 : 1));
    return ranked.slice(0, SHOWN).map(({ k, feature }) => {
      const [start, end] = [row.starts[k], row.ends[k]];
      const text = segment.text.slice(start - segment.range.start, end - segment.range.start);
      return { term: feature.slice(2), kind: 'learned', text, range: { start, end } };
    });
  }
}
