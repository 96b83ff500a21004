/** Agreement figures as a grid (table, csv, md) or JSON, each figure with the counts behind it. */
import type { AgreementReport } from '../agreement/coders.js';
import type { Agreement } from '../agreement/stats.js';
import { SCHEMA_VERSION } from './codings-json.js';
import type { AgreeResult } from '../app/agree.js';
import { figure, gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { Formatter } from './index.js';

export interface AgreementRow {
  id: string;
  label: string;
  agreement: Agreement;
}

export function agreementGrid(rows: AgreementRow[], twoCoders: boolean, missing: string): Grid {
  const f = (v: number | null) => (v === null ? missing : figure(v, 3));
  const n = (a: Agreement, key: string) => (a.counts[key] === undefined ? missing : figure(a.counts[key], 0));
  const header = [
    'code',
    'label',
    'units',
    'percent',
    ...(twoCoders ? ['kappa'] : []),
    'alpha',
    'brennan_prediger',
    ...(twoCoders ? ['both', 'first_only', 'second_only', 'neither'] : []),
  ];
  return {
    header,
    rows: rows.map(({ id, label, agreement: a }) => [
      id,
      label,
      figure(a.units, 0),
      a.units === 0 ? missing : figure(100 * a.percent, 1),
      ...(twoCoders ? [f(a.kappa)] : []),
      f(a.alpha),
      f(a.brennanPrediger),
      ...(twoCoders ? ['both', 'firstOnly', 'secondOnly', 'neither'].map((k) => n(a, k)) : []),
    ]),
    numeric: header.map((_, i) => i >= 2),
  };
}

export function agreementJson(
  report: Pick<AgreementReport, 'coders'> & Partial<AgreementReport>,
  rows: AgreementRow[],
  extra: Record<string, unknown> = {},
): string {
  const plain = ({ id, label, agreement: a }: AgreementRow) => ({
    id,
    label,
    units: a.units,
    percent: a.percent,
    kappa: a.kappa,
    alpha: a.alpha,
    brennanPrediger: a.brennanPrediger,
    counts: a.counts,
  });
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, coders: report.coders, unit: report.unit, level: report.level, ...extra, rows: rows.map(plain) }, null, 2)}\n`;
}

/** The formats of the registry (formatters/index.ts); an undefined figure is empty in CSV, — elsewhere. */
export const agreementFormats = {
  table: (r) => gridText(agreementGrid(r.rows, r.twoCoders, '—')),
  csv: (r, options) => gridCsv(agreementGrid(r.rows, r.twoCoders, ''), options),
  md: (r) => gridMarkdown(agreementGrid(r.rows, r.twoCoders, '—')),
  json: (r) => agreementJson(r.report, r.rows, r.extra),
} satisfies Record<string, Formatter<AgreeResult>>;
