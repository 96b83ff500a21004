/**
 * CSV as every qda command writes it: RFC 4180 through papaparse, UTF-8, CRLF line ends; text cells
 * that start with = + - @ (or a tab or carriage return) get a leading ' so that no spreadsheet runs
 * them as formulas; a number such as -0.500 or -12,5% is no formula and stays a number. `excel` adds
 * a BOM and uses ; as Dutch Excel expects.
 */
import Papa from 'papaparse';

export interface CsvOptions {
  excel?: boolean;
}

/** Text that a spreadsheet would run as a formula: a formula character first, and not a plain number. */
const FORMULA = /^(?![-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][-+]?\d+)?%?$)[=+\-@\t\r]/;

export function csvLines(rows: (string | number)[][], options: CsvOptions = {}): string {
  if (rows.length === 0) return '';
  return `${Papa.unparse(rows, {
    delimiter: options.excel ? ';' : ',',
    newline: '\r\n', // papaparse's own test stops at the first line break; this one looks at the first character only.
    escapeFormulae: FORMULA,
    quotes: false,
  })}\r\n`;
}

export function csvStart(options: CsvOptions = {}): string {
  return options.excel ? '\uFEFF' : '';
}
