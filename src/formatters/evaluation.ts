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
  ].join('\n');
}

export function evaluationJson(e: Evaluation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}
