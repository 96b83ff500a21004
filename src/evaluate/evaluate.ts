/**
 * How well a codebook finds what people labelled: per cluster (or code) the true and false
 * positives and negatives over labelled paragraphs, with precision, recall and F1, their micro and
 * macro averages, and, for items that name their `main` cluster, how often the cluster with the
 * highest score is that one. Each paragraph is coded as a segment of its own with the default
 * scoring; the labelled set itself is the corpus the word frequencies come from.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import { autoCode } from '../coding/auto-code.js';
import type { Segment } from '../ingest/document.js';
import { stemmerFor } from '../match/stem.js';
import { DEFAULT_SCORING, type ScoringOptions } from '../scoring/decide.js';
import { FrequencyCounter, NO_FREQUENCIES, type Frequencies } from '../scoring/frequencies.js';
import { makeScorer, scoreDocument } from '../scoring/score.js';
import { specificity } from '../scoring/specificity.js';
import { furniture } from '../scoring/statement.js';

export interface LabelledItem {
  id: string;
  text: string;
  clusters: string[];
  codes: string[];
  /** The cluster the paragraph is mainly about, when labelled. */
  main?: string;
}

export interface Score {
  label: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  level: 'cluster' | 'code';
  items: number;
  scores: Score[];
  micro: Score;
  /** Mean of the per-label F1 scores. */
  macroF1: number;
  /** Items with a labelled `main` cluster, and how many of them have it as their highest-scoring cluster. */
  top1?: { items: number; correct: number; accuracy: number };
  /** Items where prediction and label differ, for reading. */
  misses: { id: string; expected: string[]; found: string[]; main?: string; top?: string }[];
}

export interface EvaluateOptions {
  scoring?: ScoringOptions;
  /** Word frequencies of the background sample of the set's language. */
  background?: Frequencies;
}

export function evaluate(
  items: LabelledItem[],
  compiled: CompiledCodebook,
  level: 'cluster' | 'code',
  language: string = compiled.codebook.language,
  options: EvaluateOptions = {},
): Evaluation {
  const labels =
    level === 'cluster'
      ? [...new Set(compiled.codebook.codes.map((c) => c.cluster))]
      : compiled.codebook.codes.filter((c) => c.depth > 0 || c.cluster === c.id).map((c) => c.id);
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Evaluation['misses'] = [];
  const stem = stemmerFor(language);
  const corpus = new FrequencyCounter(stem);
  for (const item of items) corpus.add(item.text);
  const scoring = options.scoring ?? DEFAULT_SCORING;
  const scorer = makeScorer(compiled, stem, specificity(options.background ?? NO_FREQUENCIES, corpus.result()), scoring);
  const top1 = { items: 0, correct: 0 };
  for (const item of items) {
    const segment = itemSegment(item);
    const codable = scoring.codeAll || furniture(segment) === undefined;
    const scored = scoreDocument([{ segment, candidates: autoCode(segment, compiled, language), codable }], () => [], scorer);
    const found = new Set(scored.codings.map((c) => (level === 'cluster' ? c.cluster : c.code)));
    const expected = new Set(level === 'cluster' ? item.clusters : item.codes);
    for (const label of labels) {
      const c = counts.get(label)!;
      if (found.has(label) && expected.has(label)) c.tp++;
      else if (found.has(label)) c.fp++;
      else if (expected.has(label)) c.fn++;
    }
    const top = scored.clusters.get(segment.ordinal)?.[0]?.cluster;
    if (item.main !== undefined) {
      top1.items++;
      if (top === item.main) top1.correct++;
    }
    const same = found.size === expected.size && [...found].every((f) => expected.has(f));
    if (!same || (item.main !== undefined && top !== item.main)) {
      const miss: Evaluation['misses'][number] = { id: item.id, expected: [...expected].sort(), found: [...found].sort() };
      if (item.main !== undefined) miss.main = item.main;
      if (top !== undefined) miss.top = top;
      misses.push(miss);
    }
  }
  const scores = labels.map((label) => score(label, counts.get(label)!));
  const sum = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const evaluation: Evaluation = {
    level,
    items: items.length,
    scores,
    micro: score('micro average', sum),
    macroF1: macro(scores),
    misses,
  };
  if (top1.items > 0) evaluation.top1 = { ...top1, accuracy: top1.correct / top1.items };
  return evaluation;
}

function itemSegment(item: LabelledItem): Segment {
  return {
    documentId: item.id,
    ordinal: 1,
    section: [],
    range: { start: 0, end: item.text.length },
    lines: { start: 1, end: 1 },
    text: item.text,
    paragraphs: [{ range: { start: 0, end: item.text.length } }],
  };
}

/** Mean F1 over the labels that were labelled or found at least once. */
function macro(scores: Score[]): number {
  const used = scores.filter((s) => s.truePositives + s.falsePositives + s.falseNegatives > 0);
  return used.length === 0 ? 0 : used.reduce((a, s) => a + s.f1, 0) / used.length;
}

/** Precision, recall and F1 from counts (0 where undefined). */
export function score(label: string, c: { tp: number; fp: number; fn: number }): Score {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn, precision, recall, f1 };
}
