/** An evaluation as a markdown table (and JSON), figures to three decimals. */
import type { EvalResult } from '../app/eval.js';
import type { Evaluation, Score } from '../evaluate/evaluate.js';
import type { Formatter } from './index.js';

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
      ? [
          `Top-1 ${e.level === 'cluster' ? '' : 'cluster '}accuracy (highest-scoring cluster is the labelled main one): ${e.top1.correct} of ${e.top1.items}, ${e.top1.accuracy.toFixed(3)}.`,
        ]
      : []),
    '',
  ].join('\n');
}

export function evaluationJson(e: Evaluation): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

function missLine(m: Evaluation['misses'][number]): string {
  const main = m.main !== undefined ? `; main ${m.main}, highest ${m.top ?? 'none'}` : '';
  return `- ${m.id}: labelled [${m.expected.join(', ')}], found [${m.found.join(', ')}]${main}`;
}

/** The formats of the registry (formatters/index.ts): one section per labelled file. */
export const evaluationFormats = {
  md: (r, options) =>
    r.evaluations
      .map(({ file, evaluation }) => evaluationMarkdown(evaluation, file) + (options.misses ? evaluation.misses.map(missLine).join('\n') + '\n' : ''))
      .join(''),
  json: (r) => r.evaluations.map(({ evaluation }) => evaluationJson(evaluation)).join(''),
} satisfies Record<string, Formatter<EvalResult>>;
