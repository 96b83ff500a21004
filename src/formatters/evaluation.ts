/** An evaluation as a markdown table (and JSON), figures to three decimals. */
import type { Evaluation, Score } from '../evaluate/evaluate.js';

export function evaluationMarkdown(e: Evaluation, title: string): string {
  const row = (s: Score) =>
    `| ${s.label} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} |`;
  return [
    `## ${title}`,
    '',
    `${e.items} labelled paragraphs, scored per ${e.level}.`,
    '',
    `| ${e.level} | TP | FP | FN | precision | recall | F1 |`,
    '|---|---:|---:|---:|---:|---:|---:|',
    ...e.scores.map(row),
    row(e.micro),
    '',
    `Macro F1 (mean over ${e.level}s): ${e.macroF1.toFixed(3)}.`,
    ...(e.top1
      ? [`Top-1 ${e.level === 'cluster' ? '' : 'cluster '}accuracy (highest-scoring cluster is the labelled main one): ${e.top1.correct} of ${e.top1.items}, ${e.top1.accuracy.toFixed(3)}.`]
      : []),
    '',
  ].join('\n');
}

export function evaluationJson(e: Evaluation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
