/**
 * How well a codebook finds what people labelled: per cluster (or code) the true and false
 * positives and negatives over labelled paragraphs, with precision, recall and F1, and their
 * micro average.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import { autoCode } from '../coding/auto-code.js';
import type { Segment } from '../ingest/document.js';

export interface LabelledItem {
  id: string;
  text: string;
  clusters: string[];
  codes: string[];
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
  /** Items where prediction and label differ, for reading. */
  misses: { id: string; expected: string[]; found: string[] }[];
}

export function evaluate(items: LabelledItem[], compiled: CompiledCodebook, level: 'cluster' | 'code', language?: string): Evaluation {
  const labels =
    level === 'cluster'
      ? [...new Set(compiled.codebook.codes.map((c) => c.cluster))]
      : compiled.codebook.codes.filter((c) => c.depth > 0 || c.cluster === c.id).map((c) => c.id);
  const counts = new Map(labels.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Evaluation['misses'] = [];
  for (const item of items) {
    const segment: Segment = {
      documentId: item.id,
      ordinal: 1,
      section: [],
      range: { start: 0, end: item.text.length },
      lines: { start: 1, end: 1 },
      text: item.text,
      paragraphs: [{ range: { start: 0, end: item.text.length } }],
    };
    const codings = autoCode(segment, compiled, language);
    const found = new Set(codings.map((c) => (level === 'cluster' ? c.cluster : c.code)));
    const expected = new Set(level === 'cluster' ? item.clusters : item.codes);
    for (const label of labels) {
      const c = counts.get(label)!;
      if (found.has(label) && expected.has(label)) c.tp++;
      else if (found.has(label)) c.fp++;
      else if (expected.has(label)) c.fn++;
    }
    const same = found.size === expected.size && [...found].every((f) => expected.has(f));
    if (!same) misses.push({ id: item.id, expected: [...expected].sort(), found: [...found].sort() });
  }
  const scores = labels.map((label) => score(label, counts.get(label)!));
  const sum = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { level, items: items.length, scores, micro: score('micro average', sum), misses };
}

function score(label: string, c: { tp: number; fp: number; fn: number }): Score {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, truePositives: c.tp, falsePositives: c.fp, falseNegatives: c.fn, precision, recall, f1 };
}
