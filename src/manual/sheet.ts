/**
 * Reading a sheet people filled in (the review sheet, a conflicts sheet): a CSV from any spreadsheet,
 * separated by , ; or tab, with or without BOM, cells trimmed and the `'` that guards a formula taken
 * off again. Rows are numbered as the spreadsheet shows them: the header is row 1.
 */
import Papa from 'papaparse';

export interface SheetRecord {
  line: number;
  cell: (column: string) => string;
}

export function readSheet(text: string): { fields: string[]; records: SheetRecord[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
  });
  const records = parsed.data.map((record, i) => ({
    line: i + 2,
    cell: (k: string) => (record[k] ?? '').trim().replace(/^'(?=[=+\-@])/, ''),
  }));
  return { fields: parsed.meta.fields ?? [], records };
}
