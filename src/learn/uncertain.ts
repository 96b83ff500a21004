/**
 * Which paragraphs to review next, so that each round of review teaches the model most (active
 * learning by uncertainty). For every paragraph nobody has decided on yet, each code is a question:
 * - a code with a model asks how sure the model is: 1 − |2p − 1|, 1 at p = 0.5 and 0 at p = 0 or 1;
 * - a code without a model (too few examples) that the codebook found there counts as fully unsure;
 * - either is weighted up for codes with few examples: × (1 + m / (m + n)), with n the code's positive
 *   examples and m the fewest a code needs to be modelled, so the weight runs from 2 (none) towards 1.
 * A paragraph ranks by its most uncertain question. This stage only ranks; it reads no files.
 */
import type { Coding } from '../coding/coding.js';
import { compare } from '../diagnostics/diagnostic.js';
import type { Segment } from '../ingest/document.js';
import type { Predictor } from './predict.js';

export interface Question {
  code: string;
  /** The model's probability; absent for a code it has no model of. */
  probability?: number;
  /** Positive examples the model was trained on for this code. */
  examples: number;
  priority: number;
  /** The coding proposed there (model or codebook), when the code is proposed. */
  coding?: Coding;
}

export interface Uncertain {
  document: string;
  segment: number;
  /** The highest priority of its questions. */
  priority: number;
  /** The codes to decide on: those proposed there and the most uncertain one, highest priority first. */
  questions: Question[];
}

export function priority(probability: number | undefined, examples: number, minPositives: number): number {
  const unsure = probability === undefined ? 1 : 1 - Math.abs(2 * probability - 1);
  return unsure * (1 + minPositives / (minPositives + examples));
}

/** Positive examples per code the model knows of (modelled or too few). */
export function examplesPerCode(predictor: Predictor): Map<string, number> {
  const model = predictor.model;
  return new Map([...model.tooFew.map((t) => [t.code, t.positives] as const), ...model.models.map((m) => [m.code, m.positives] as const)]);
}

/**
 * The uncertain paragraphs of one document. `auto` are the codebook's codings (before the model and
 * people's decisions); `open` says which segments are codable and not yet reviewed.
 */
export function uncertainSegments(
  documentId: string,
  segments: Segment[],
  auto: Coding[],
  language: string,
  predictor: Predictor,
  open: (ordinal: number) => boolean,
): Uncertain[] {
  const examples = examplesPerCode(predictor);
  const least = predictor.model.fit.minPositives;
  const bySegment = new Map<number, Coding[]>();
  for (const c of auto) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  const out: Uncertain[] = [];
  for (const segment of segments) {
    if (!open(segment.ordinal)) continue;
    const found = bySegment.get(segment.ordinal) ?? [];
    const { codings, probabilities } = predictor.assess(segment, language, found);
    const proposed = new Map(codings.map((c) => [c.code, c]));
    const modelled = new Set(probabilities.map((p) => p.code));
    const questions: Question[] = probabilities.map((p) => ({
      code: p.code,
      probability: p.p,
      examples: examples.get(p.code) ?? 0,
      priority: priority(p.p, examples.get(p.code) ?? 0, least),
    }));
    for (const c of found) {
      if (!modelled.has(c.code))
        questions.push({ code: c.code, examples: examples.get(c.code) ?? 0, priority: priority(undefined, examples.get(c.code) ?? 0, least) });
    }
    if (questions.length === 0) continue;
    questions.sort((a, b) => b.priority - a.priority || compare(a.code, b.code));
    const asked = questions
      .filter((q, i) => i === 0 || proposed.has(q.code))
      .map((q) => (proposed.has(q.code) ? { ...q, coding: proposed.get(q.code) } : q));
    out.push({ document: documentId, segment: segment.ordinal, priority: questions[0].priority, questions: asked });
  }
  return out;
}

/** Most uncertain first; ties in document and segment order, so the same corpus gives the same sheet. */
export function byUncertainty(a: Uncertain, b: Uncertain): number {
  return b.priority - a.priority || compare(a.document, b.document) || a.segment - b.segment;
}

/** Keeps the `n` most uncertain of what is added, holding at most 2n at a time. */
export class MostUncertain<T extends Uncertain> {
  private kept: T[] = [];

  constructor(private readonly n: number) {}

  add(list: T[]): void {
    this.kept.push(...list);
    if (this.kept.length > 2 * this.n) this.kept = this.kept.sort(byUncertainty).slice(0, this.n);
  }

  result(): T[] {
    return this.kept.sort(byUncertainty).slice(0, this.n);
  }
}
