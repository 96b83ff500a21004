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
import { probability, sigmoid, type SparseRow } from './logistic.js';
import type { Model } from './model.js';
import type { RunStore, ScannedWords } from '../match/run-store.js';
import type { WordTable } from '../match/words.js';
import { RowMaker } from './row.js';

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
  /** Positions in the file's `models` of the models the codebook still has a code for. */
  private readonly usable: number[];
  /** Their weights by feature: `byFeature[feature × usable.length + u]`, so that a row is read once for every model. */
  private readonly byFeature: Float64Array;
  private readonly biases: Float64Array;
  /** Per usable model, its code's place in the codebook. */
  private readonly ranks: Int32Array;
  /** Per usable model, its probability for the row last scored. */
  private readonly p: Float64Array;
  /** The codes chosen for the segment being coded, in codebook order: code, rank, deciding usable model (-1: none) and auto coding. */
  private readonly chosen: { code: string[]; rank: number[]; by: number[]; auto: (Coding | undefined)[]; length: number } = {
    code: [],
    rank: [],
    by: [],
    auto: [],
    length: 0,
  };
  /** Learned evidence of a coding being made: the entries of the row that weigh most, strongest first. */
  private readonly top = { entry: new Int32Array(SHOWN), gain: new Float64Array(SHOWN), length: 0 };

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
    this.usable = model.models.flatMap((_, i) => (this.weights[i] ? [i] : []));
    const n = this.usable.length;
    this.byFeature = new Float64Array(model.vocabulary.length * n);
    this.usable.forEach((i, u) => {
      const weights = this.weights[i]!;
      for (let f = 0; f < weights.length; f++) this.byFeature[f * n + u] = weights[f];
    });
    this.biases = Float64Array.from(this.usable, (i) => model.models[i].bias);
    const rank = rankOf(codes);
    this.ranks = Int32Array.from(this.usable, (i) => rank.get(model.models[i].code)!);
    this.p = new Float64Array(n);
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
  codeDocument(segments: Segment[], auto: Coding[], language: string, codable: (ordinal: number) => boolean, words?: ScannedWords): Coding[] {
    const out: Coding[] = [];
    const row = this.maker(language, words?.table);
    const kept = words && row.words === words.table ? words.runs : undefined;
    if (!inSegmentOrder(segments, auto)) {
      const bySegment = new Map<number, Coding[]>();
      for (const c of auto) {
        const list = bySegment.get(c.segment);
        if (list) list.push(c);
        else bySegment.set(c.segment, [c]);
      }
      for (const s of segments) {
        const own = bySegment.get(s.ordinal) ?? [];
        if (codable(s.ordinal)) this.codeInto(out, s, row, own, 0, own.length, kept);
        else for (const c of own) out.push(c);
      }
      return out;
    }
    // The codebook's codings come in segment order (scoreDocument): each segment's are a range of them.
    let from = 0;
    for (const s of segments) {
      while (from < auto.length && auto[from].segment < s.ordinal) from++;
      let to = from;
      while (to < auto.length && auto[to].segment === s.ordinal) to++;
      if (codable(s.ordinal)) this.codeInto(out, s, row, auto, from, to, kept);
      else for (let k = from; k < to; k++) out.push(auto[k]);
      from = to;
    }
    return out;
  }

  /** The segment's codings: the auto codings with the model's decisions laid over them (rule above). */
  code(segment: Segment, language: string, auto: Coding[]): Coding[] {
    const out: Coding[] = [];
    this.codeInto(out, segment, this.maker(language), auto, 0, auto.length);
    return out;
  }

  /** The segment's codings (as `code` gives them) and every usable model's probability there. */
  assess(segment: Segment, language: string, auto: Coding[]): { codings: Coding[]; probabilities: Probability[] } {
    const codings = this.code(segment, language, auto);
    const probabilities = this.usable.map((i, u) => ({ code: this.model.models[i].code, p: this.p[u], model: i }));
    return { codings, probabilities };
  }

  /** The row maker of a language; the first caller's table (the coding pass's, when it gives one) is the one it scans with. */
  private maker(language: string, table?: WordTable): RowMaker {
    let maker = this.makers.get(language);
    if (!maker) this.makers.set(language, (maker = new RowMaker(this.model.vocabulary, language, table)));
    return maker;
  }

  /** Adds to `out` the codings of a segment whose auto codings are auto[from..to). */
  private codeInto(out: Coding[], segment: Segment, row: RowMaker, auto: readonly Coding[], from: number, to: number, kept?: RunStore): void {
    this.score(row, row.make(segment, auto, from, to, kept));
    const chosen = this.chosen;
    chosen.length = 0;
    // A code with a model is decided by it; the others as the codebook says (a later coding of a code wins, as in a Map).
    for (let k = from; k < to; k++) {
      const c = auto[k];
      if (this.modelled(c.code)) continue;
      this.choose(c.code, rankOf(this.codes).get(c.code) ?? this.codes.size, -1, c);
    }
    for (let u = 0; u < this.usable.length; u++) {
      if (!(this.p[u] >= THRESHOLD)) continue;
      const code = this.model.models[this.usable[u]].code;
      let found: Coding | undefined;
      for (let k = to - 1; k >= from && !found; k--) if (auto[k].code === code) found = auto[k];
      this.choose(code, this.ranks[u], u, found);
    }
    for (let k = 0; k < chosen.length; k++) {
      const u = chosen.by[k];
      out.push(u < 0 ? chosen.auto[k]! : this.coding(segment, u, row, chosen.auto[k]));
    }
  }

  /** Whether a usable model decides the code. */
  private modelled(code: string): boolean {
    for (const i of this.usable) if (this.model.models[i].code === code) return true;
    return false;
  }

  /** Puts a code among the chosen, in codebook order (after the codes of the same rank), or updates it when it is there. */
  private choose(code: string, rank: number, by: number, auto: Coding | undefined): void {
    const c = this.chosen;
    let at = c.code.indexOf(code);
    if (at >= 0 && at < c.length) {
      c.by[at] = by;
      c.auto[at] = auto;
      return;
    }
    at = c.length;
    while (at > 0 && c.rank[at - 1] > rank) {
      c.code[at] = c.code[at - 1];
      c.rank[at] = c.rank[at - 1];
      c.by[at] = c.by[at - 1];
      c.auto[at] = c.auto[at - 1];
      at--;
    }
    c.code[at] = code;
    c.rank[at] = rank;
    c.by[at] = by;
    c.auto[at] = auto;
    c.length++;
  }

  /** Every usable model's probability for the row in `row`'s buffers, into `p`: the sums run in entry order, as in `probability`. */
  private score(row: RowMaker, length: number): void {
    const n = this.usable.length;
    const { index, value } = row;
    const z = this.p;
    z.set(this.biases);
    for (let k = 0; k < length; k++) {
      const at = index[k] * n;
      const v = value[k];
      for (let u = 0; u < n; u++) z[u] += this.byFeature[at + u] * v;
    }
    for (let u = 0; u < n; u++) z[u] = sigmoid(z[u]);
  }

  private coding(segment: Segment, u: number, row: RowMaker, auto: Coding | undefined): Coding {
    const i = this.usable[u];
    const m = this.model.models[i];
    const code = this.codes.get(m.code)!;
    const evidence = auto ? auto.evidence.slice() : [];
    this.learned(segment, u, row, evidence);
    return {
      documentId: segment.documentId,
      segment: segment.ordinal,
      code: code.id,
      cluster: code.cluster,
      source: 'model',
      coder: this.model.name,
      hits: auto?.hits ?? 0,
      evidence,
      probability: Math.round(this.p[u] * 1000) / 1000,
      learnedFrom: m.positives + m.negatives,
    };
  }

  /** Adds the segment's words and pairs that raised model u's probability most, strongest first (ties by name). */
  private learned(segment: Segment, u: number, row: RowMaker, evidence: Evidence[]): void {
    const names = this.model.vocabulary;
    const n = this.usable.length;
    const top = this.top;
    top.length = 0;
    for (let k = 0; k < row.length; k++) {
      // Headings and the codebook's evidence have no place in the segment's text (start -1).
      if (row.starts[k] < 0) continue;
      const gain = this.byFeature[row.index[k] * n + u] * row.value[k];
      if (!(gain > 0)) continue;
      const name = names[row.index[k]];
      let at = top.length;
      while (at > 0 && (top.gain[at - 1] < gain || (top.gain[at - 1] === gain && names[row.index[top.entry[at - 1]]] > name))) at--;
      if (at >= SHOWN) continue;
      for (let j = Math.min(top.length, SHOWN - 1); j > at; j--) {
        top.entry[j] = top.entry[j - 1];
        top.gain[j] = top.gain[j - 1];
      }
      top.entry[at] = k;
      top.gain[at] = gain;
      if (top.length < SHOWN) top.length++;
    }
    const base = segment.range.start;
    for (let j = 0; j < top.length; j++) {
      const k = top.entry[j];
      const [start, end] = [row.starts[k], row.ends[k]];
      evidence.push({
        term: names[row.index[k]].slice(2),
        kind: 'learned',
        text: segment.text.slice(start - base, end - base),
        range: { start, end },
      });
    }
  }
}

/** Whether each segment's codings follow the segments' order, so that they can be walked once. */
function inSegmentOrder(segments: Segment[], auto: Coding[]): boolean {
  for (let k = 1; k < segments.length; k++) if (segments[k].ordinal <= segments[k - 1].ordinal) return false;
  for (let k = 1; k < auto.length; k++) if (auto[k].segment < auto[k - 1].segment) return false;
  return true;
}
