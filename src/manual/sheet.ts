/**
 * Reading a table people filled in (the review sheet, a conflicts sheet, a codings file): a CSV from
 * any spreadsheet, separated by , ; or tab, with or without BOM, cells trimmed and the `'` that guards
 * a formula taken off again. Rows are numbered as the spreadsheet shows them: the header is row 1.
 *
 * A broken quote must not swallow rows: papaparse's errors are problems with their row, and so is a
 * quoted cell that runs over lines that look like rows of their own.
 */
import { papa } from '../io/papaparse.js';
import { unguardCell } from '../formatters/csv.js';

export interface SheetRecord {
  line: number;
  cell: (column: string) => string;
}

export interface SheetProblem {
  line: number;
  message: string;
}

export interface Sheet {
  fields: string[];
  records: SheetRecord[];
  problems: SheetProblem[];
}

export function readSheet(text: string, options: { delimiter?: string } = {}): Sheet {
  const body = text.replace(/^\uFEFF/, '');
  const parsed = papa().parse<string[]>(body, { delimiter: options.delimiter ?? headerDelimiter(body) });
  const problems: SheetProblem[] = [];
  const rows = parsed.data;
  const header = rows[0] ?? [];
  const fields = header.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
  const delimiter = parsed.meta.delimiter;
  const column = new Map<string, number>();
  fields.forEach((f, i) => {
    if (!column.has(f)) column.set(f, i);
  });
  const records: SheetRecord[] = [];
  // Where each row starts: one line after the previous row and the line breaks inside its cells.
  const lineOf: number[] = [];
  let line = 1;
  for (let r = 0; r < rows.length; r++) {
    lineOf.push(line);
    const row = rows[r];
    let breaks = 0;
    for (const value of row) if (value.includes('\n')) breaks += value.split('\n').length - 1;
    line += 1 + breaks;
    if (r === 0) continue;
    if (row.every((v) => v.trim() === '')) continue;
    const at = lineOf[r];
    if (row.length > fields.length && row.slice(fields.length).some((v) => v.trim() !== ''))
      problems.push({
        line: at,
        message: `row ${at}: ${row.length} cells where the header has ${fields.length}; is a quote missing around a cell with ${delimiter}?`,
      });
    const swallowed =
      fields.length < 4
        ? -1
        : row.findIndex(
            (v) =>
              v.includes('\n') &&
              v
                .split('\n')
                .slice(1)
                .some((l) => l.split(delimiter).length >= fields.length),
          );
    if (swallowed >= 0)
      problems.push({
        line: at,
        message: `row ${at}: the quoted cell ${fields[swallowed] ?? swallowed + 1} runs over lines that look like rows; is a quote unbalanced?`,
      });
    records.push({ line: at, cell: (k: string) => unguardCell(row[column.get(k) ?? -1] ?? '').trim() });
  }
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter' || error.code === 'TooFewFields' || error.code === 'TooManyFields') continue;
    const at = error.row === undefined ? 1 : (lineOf[error.row] ?? line);
    problems.push({ line: at, message: `row ${at}: ${error.message.replace(/^./, (c) => c.toLowerCase())}` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { fields, records, problems };
}

/** The delimiter of a sheet, from its header row: cells there are names, so it has no quoted , or ;. */
function headerDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string) => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}
