/**
 * CSV as every qda command writes it: RFC 4180, UTF-8, CRLF line ends. `excel` adds a BOM and uses ;
 * as Dutch Excel expects.
 *
 * No spreadsheet may run a cell as a formula, whichever delimiter it splits on: a text cell that
 * contains , or ; (either delimiter), a quote, CR or LF is quoted, and every part of a cell that a
 * spreadsheet could take for a cell of its own (the start, and the text after each , ; CR or LF) gets
 * a leading ' when it starts with = + - @ or a tab. A plain number such as -0.500 or -12,5% is no
 * formula and stays as it is.
 */

export interface CsvOptions {
  excel?: boolean;
}

/** A number as qda writes it: data, never a formula, whichever decimal mark. */
const NUMBER = /^[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][-+]?\d+)?%?$/;
/** What starts a formula at the start of a cell (a carriage return too: some spreadsheets drop it). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A part after a delimiter or line break that starts like a formula, up to the next one. */
const FORMULA_PART = /([,;\r\n])([=+\-@\t][^,;\r\n]*)/g;
/** A cell that must be quoted: either delimiter, a quote, a line break, a BOM, or a space at either end. */
const NEEDS_QUOTES = /[,;"\r\n\uFEFF]|^ | $/;

/** The text of a cell with each part that could start a formula guarded by a leading '. */
export function guardCell(text: string, store = false): string {
  const starts = (part: string) => (store && part.startsWith("'")) || (FORMULA_START.test(part) && !NUMBER.test(part));
  const first = starts(text) ? `'${text}` : text;
  if (!/[,;\r\n]/.test(first)) return first;
  return first.replace(store ? STORE_PART : FORMULA_PART, (whole, mark: string, part: string) =>
    (store && part.startsWith("'")) || !NUMBER.test(part) ? `${mark}'${part}` : whole,
  );
}

/**
 * Parts that the exact (store) form guards: those above and those that start with ' themselves, so
 * that `unguardCell` gives back every text exactly (qda's own codings files, read again by qda).
 */
const STORE_PART = /([,;\r\n])([=+\-@\t'][^,;\r\n]*)/g;

/** The inverse of `guardCell(text, true)`; also takes the guard off cells written by a spreadsheet. */
export function unguardCell(text: string): string {
  // Most cells hold no ' at all; a million-row codings file reads each cell several times.
  if (!text.includes("'")) return text;
  return text.replace(/^'(?=[=+\-@\t\r'])/, '').replace(/([,;\r\n])'(?=[=+\-@\t'])/g, '$1');
}

function cellText(value: string | number, delimiter: string, store: boolean): string {
  if (typeof value === 'number') return String(value);
  if (NUMBER.test(value)) return value.includes(delimiter) ? `"${value}"` : value;
  const guarded = guardCell(value, store);
  return guarded !== value || NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLines(rows: (string | number)[][], options: CsvOptions & { store?: boolean } = {}): string {
  let out = '';
  for (const row of rows) out += `${csvRow(row, options)}\r\n`;
  return out;
}

/** One row of `csvLines` without its line end: each cell stands alone, so a row can be made in pieces. */
export function csvRow(row: (string | number)[], options: CsvOptions & { store?: boolean } = {}): string {
  const delimiter = csvDelimiter(options);
  const store = options.store === true;
  let line = '';
  for (let i = 0; i < row.length; i++) line += (i > 0 ? delimiter : '') + cellText(row[i], delimiter, store);
  return line;
}

export function csvDelimiter(options: CsvOptions = {}): string {
  return options.excel ? ';' : ',';
}

export function csvStart(options: CsvOptions = {}): string {
  return options.excel ? '\uFEFF' : '';
}
