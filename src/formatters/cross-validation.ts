/** The table of `qda learn --cv`: per code and cluster, the model's figures next to the codebook's. */
import type { Score } from '../evaluate/evaluate.js';
import type { CrossValidation } from '../learn/cross-validate.js';
import { gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { Formatter } from './index.js';

const figures = (s: Score | undefined) => (s ? [s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3)] : ['', '', '']);

/** Why a code's model figures are missing or partly the codebook's. */
function note(r: CrossValidation['rows'][number], folds: number): string {
  if (r.level === 'cluster') return r.model ? '' : 'too few examples: not modelled';
  if (r.tooFew.length === 0) return '';
  const range = (list: number[]) => {
    const [low, high] = [Math.min(...list), Math.max(...list)];
    return low === high ? String(low) : `${low}–${high}`;
  };
  const inTraining = `${range(r.tooFew.map((f) => f.positives))} in training`;
  if (!r.model) return r.tooFew.length >= folds ? `too few examples (${inTraining}): not modelled` : 'too few examples: not modelled';
  return `codebook in fold${r.tooFew.length > 1 ? 's' : ''} ${r.tooFew.map((f) => f.fold).join(', ')}: too few examples (${inTraining})`;
}

export function cvGrid(cv: CrossValidation): Grid {
  const header = ['level', 'code', 'examples', 'model P', 'model R', 'model F1', 'codebook P', 'codebook R', 'codebook F1', 'note'];
  const rows = cv.rows.map((r) => [r.level, r.code, String(r.positives), ...figures(r.model), ...figures(r.codebook), note(r, cv.folds)]);
  rows.push([
    'codes',
    'micro average',
    String(cv.paragraphs),
    ...figures(cv.micro.model),
    ...figures(cv.micro.codebook),
    `${cv.folds} folds over ${cv.documents} documents${cv.micro.model ? '' : '; no code had enough examples to model in any fold'}`,
  ]);
  return { header, rows, numeric: header.map((_, i) => i >= 2 && i <= 8) };
}

export function cvJson(cv: CrossValidation): string {
  return `${JSON.stringify(cv, null, 2)}\n`;
}

export const crossValidationFormats = {
  table: (cv) => gridText(cvGrid(cv)),
  csv: (cv) => gridCsv(cvGrid(cv)),
  md: (cv) => gridMarkdown(cvGrid(cv)),
  json: (cv) => cvJson(cv),
} satisfies Record<string, Formatter<CrossValidation>>;
