/**
 * The review sheet as CSV: one row per code in question, with an empty decision and note for the
 * reviewer. The cells that must match again on import keep their exact text through a spreadsheet.
 */
import type { ReviewSheet } from '../app/review.js';
import type { ReviewItem } from '../manual/review.js';
import { csvLines, csvStart, guardCell } from './csv.js';
import type { FormatOptions } from './index.js';
import { REVIEW_COLUMNS } from './labels.js';
import { readable } from './text.js';

export function* reviewSheetCsv(sheet: ReviewSheet, options: FormatOptions): Generator<string> {
  const csv = { excel: options.excel };
  yield csvStart(csv) + csvLines([reviewHeader(sheet)], csv);
  for (const items of sheet.documents)
    yield csvLines(
      items.map((item) => reviewCells(item, sheet.uncertain)),
      csv,
    );
}

export function reviewHeader(sheet: Pick<ReviewSheet, 'attributes' | 'uncertain'>): string[] {
  const c = REVIEW_COLUMNS;
  return [...c.before, ...sheet.attributes.map((a) => a.column), ...c.after, ...(sheet.uncertain ? c.uncertain : []), ...c.end];
}

function reviewCells(item: ReviewItem, uncertain: boolean): string[] {
  const extra =
    uncertain && item.uncertain
      ? [item.uncertain.probability === undefined ? '' : item.uncertain.probability.toFixed(3), String(item.uncertain.examples)]
      : [];
  return [
    guardCell(item.document, true),
    item.path,
    ...item.attributes.map((v) => [v ?? ''].flat().join('; ')),
    item.speaker ?? '',
    String(item.line),
    guardCell(item.anchor, true),
    guardCell(item.code, true),
    item.label,
    item.terms.join('; '),
    ...extra,
    readable(item.text),
    '',
    '',
  ];
}
