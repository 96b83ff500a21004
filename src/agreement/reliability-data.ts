/**
 * Reliability data in long form, one value per row: a CSV with the header `unit,coder,value` (extra
 * columns ignored, any order). Turns it into the units × coders layout that `agreement` reads; a coder
 * who gave a unit no row did not see it. Units and coders come sorted by name, numbers within names by
value ("2" before "10"), so the order of the rows changes nothing.
 *
 * Rows that cannot be used are reported, not guessed at: a missing or empty unit, coder or value, or a
 * second value from one coder for one unit (the first is kept). Problems carry the 1-based data row:
 * the header is row 0 and blank lines count, so without multi-line cells the file line is row + 1.
 */
import { papa } from '../io/papaparse.js';
import type { UnitValues } from './stats.js';

export interface ReliabilityProblem {
  row: number;
  message: string;
}

export interface ReliabilityData {
  units: UnitValues[];
  coders: string[];
  problems: ReliabilityProblem[];
}

const COLUMNS = ['unit', 'coder', 'value'] as const;

export function readReliabilityData(csvText: string): ReliabilityData {
  const text = csvText.replace(/^\uFEFF/, '');
  // Not papaparse's header mode: reading rows as arrays keeps blank lines countable and short rows visible.
  const parsed = papa().parse<string[]>(text, { header: false, skipEmptyLines: false });
  const problems: ReliabilityProblem[] = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: e.row ?? 0, message: `CSV: ${e.message}` }));
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const at = COLUMNS.map((name) => header.indexOf(name));
  const absent = COLUMNS.filter((_, i) => at[i] < 0);
  if (absent.length > 0) {
    problems.push({ row: 0, message: `the header needs the columns unit,coder,value; missing: ${absent.join(', ')}` });
    return { units: [], coders: [], problems };
  }

  const unitIndex = new Map<string, number>();
  const coderIndex = new Map<string, number>();
  const cells: (number | string)[][] = []; // per unit, by coder index (sparse until the end)
  const firstRow = new Map<string, number>(); // unit + coder → the row that gave it a value
  for (let row = 1; row < rows.length; row++) {
    const fields = rows[row];
    if (fields.every((f) => f.trim() === '')) continue;
    const [unit, coder, raw] = at.map((i) => fields[i]?.trim() ?? '');
    const missing = COLUMNS.filter((_, i) => [unit, coder, raw][i] === '');
    if (missing.length > 0) {
      problems.push({ row, message: `no ${missing.join(', ')}` });
      continue;
    }
    const key = JSON.stringify([unit, coder]);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problems.push({ row, message: `coder ${coder} already gave unit ${unit} a value in row ${earlier}` });
      continue;
    }
    firstRow.set(key, row);
    if (!unitIndex.has(unit)) {
      unitIndex.set(unit, cells.length);
      cells.push([]);
    }
    if (!coderIndex.has(coder)) coderIndex.set(coder, coderIndex.size);
    cells[unitIndex.get(unit)!][coderIndex.get(coder)!] = asValue(raw);
  }

  const coders = [...coderIndex.keys()].sort(byName);
  const unitNames = [...unitIndex.keys()].sort(byName);
  // A coder who did not see a unit has a hole in its row, which reads as undefined.
  const units = unitNames.map((name) => {
    const values = cells[unitIndex.get(name)!];
    return { values: coders.map((coder) => values[coderIndex.get(coder)!]) };
  });
  return { units, coders, problems };
}

// A fixed locale, so that the same file gives the same order on every machine.
const byName = new Intl.Collator('en', { numeric: true }).compare;

// Plain decimal numbers only: Number() would also read "0x10" and "" as numbers.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number where the text is one ("3", "2.5", "-1"), else the text itself: categories may be words. */
function asValue(raw: string): number | string {
  return NUMBER.test(raw) ? Number(raw) : raw;
}
