/** The table of `qda learn --cv`: per code and cluster, the model's figures next to the codebook's. */
import type { Score } from '../evaluate/evaluate.js';
import type { CrossValidation } from '../learn/cross-validate.js';
import type { Grid } from './grid.js';

const figures = (s: Score | undefined) => (s ? [s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3)] : ['', '', '']);

export function cvGrid(cv: CrossValidation): Grid {
  const header = ['level', 'code', 'examples', 'model P', 'model R', 'model F1', 'codebook P', 'codebook R', 'codebook F1', 'note'];
  const rows = cv.rows.map((r) => [
    r.level,
    r.code,
    String(r.positives),
    ...figures(r.model),
    ...figures(r.codebook),
    r.model ? '' : 'too few examples: not modelled',
  ]);
  rows.push([
    'codes',
    'micro average',
    String(cv.paragraphs),
    ...figures(cv.micro.model),
    ...figures(cv.micro.codebook),
    `${cv.folds} folds over ${cv.documents} documents`,
  ]);
  return { header, rows, numeric: header.map((_, i) => i >= 2 && i <= 8) };
}

export function cvJson(cv: CrossValidation): string {
  return `${JSON.stringify(cv, null, 2)}\n`;
}
