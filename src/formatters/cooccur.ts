/** Co-occurrence as a square grid (csv, md, terminal) or JSON. */
import type { Cooccurrence } from '../analysis/cooccur.js';
import { SCHEMA_VERSION } from './codings-json.js';
import type { CooccurResult } from '../app/cooccur.js';
import { figure, gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { Formatter } from './index.js';

export function cooccurGrid(c: Cooccurrence): Grid {
  const decimals = c.measure === 'jaccard' ? 3 : 0;
  return {
    header: [c.level, 'label', ...c.codes.map((x) => x.id)],
    rows: c.codes.map((x, i) => [x.id, x.label, ...c.values[i].map((v) => figure(v, decimals))]),
    numeric: [false, false, ...c.codes.map(() => true)],
  };
}

export function cooccurJson(c: Cooccurrence): string {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, level: c.level, within: c.within, measure: c.measure, units: c.units, codes: c.codes, values: c.values.map((r) => r.map(round)) }, null, 2)}\n`;
}

/** The formats of the registry (formatters/index.ts): the grid three ways, and JSON. */
export const cooccurFormats = {
  table: (r) => gridText(cooccurGrid(r.cooccurrence)),
  csv: (r, options) => gridCsv(cooccurGrid(r.cooccurrence), options),
  md: (r) => gridMarkdown(cooccurGrid(r.cooccurrence)),
  json: (r) => cooccurJson(r.cooccurrence),
} satisfies Record<string, Formatter<CooccurResult>>;
