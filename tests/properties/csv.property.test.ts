/** Property 4: every CSV qda writes parses back (papaparse) to its cells, formula-like cells with a leading '. */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvLines, csvStart } from '../../src/formatters/csv.js';

const special = fc.constantFrom(
  '"',
  ',',
  ';',
  '\n',
  '\r',
  '\r\n',
  '=',
  '+',
  '-',
  '@',
  '\t',
  ' ',
  "'",
  'é',
  '😀',
  '\u00a0',
  '\ufeff',
  'a',
  'Crooswijk',
  '1',
  '\u2028',
);
const cellText = fc.oneof(
  fc.string({ unit: special, maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string({ unit: special, maxLength: 6 })).map(([a, b]) => a + b),
  fc.constantFrom('=SUM(A1:A2)', '-2', '+31 10 123', '@home', '=HYPERLINK("http://x";"klik")', 'Let op: "zo"; echt, ja'),
);

/** Rectangular tables, as qda writes them (a header and rows of the same width). */
const table = <T>(cell: fc.Arbitrary<T>) =>
  fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }));

/** A number (as text, with a decimal point or comma, an exponent or a % sign) is data, not a formula. */
const numeric = (cell: string) => /^[-+]?(\d+([.,]\d+)?|[.,]\d+)([eE][-+]?\d+)?%?$/.test(cell);
/**
 * The guard as a spreadsheet needs it: the cell's start, and each part after a , ; CR or LF (where a
 * spreadsheet splitting on the other delimiter, or on lines, would start a cell), gets a ' before = + - @ or a tab.
 */
const guarded = (cell: string) => {
  const parts = cell.split(/(?<=[,;\r\n])/);
  return parts
    .map((part, i) => {
      if (i === 0) return /^[=+\-@\t\r]/.test(cell) && !numeric(cell) ? `'${part}` : part;
      const body = part.replace(/[,;\r\n]$/, '');
      return /^[=+\-@\t]/.test(body) && !numeric(body) ? `'${part}` : part;
    })
    .join('');
};

function parse(csv: string, delimiter: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(0, -2), { delimiter, newline: '\r\n' });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** A one-column table whose cells are all empty is written as empty lines; papaparse cannot tell those apart. */
const ambiguous = (rows: unknown[][]) => rows[0].length === 1 && rows.length === 1 && rows[0][0] === '';

describe('CSV round trip', () => {
  // Regression: papaparse's own formula test stopped at a line break, so a cell "=1" + newline went out unguarded.
  test('csvLines: cells come back, formula-like cells with a leading quote', () => {
    fc.assert(
      fc.property(table(cellText), (rows) => {
        fc.pre(!ambiguous(rows));
        expect(parse(csvLines(rows), ',')).toEqual(rows.map((r) => r.map(guarded)));
      }),
      { numRuns: 300 },
    );
  });

  test('csvLines with excel: BOM, `;`, cells come back guarded', () => {
    fc.assert(
      fc.property(table(cellText), (rows) => {
        fc.pre(!ambiguous(rows));
        const csv = csvStart({ excel: true }) + csvLines(rows, { excel: true });
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(parse(csv.slice(1), ';')).toEqual(rows.map((r) => r.map(guarded)));
      }),
      { numRuns: 300 },
    );
  });

  test('cells without a line break after a formula character round-trip (both dialects)', () => {
    const noBreakAfterGuard = cellText.filter((c) => !/^[=+\-@\t\r][^]*[\r\n\u2028\u2029]/.test(c));
    fc.assert(
      fc.property(table(noBreakAfterGuard), fc.boolean(), (rows, excel) => {
        fc.pre(!ambiguous(rows));
        const csv = csvStart({ excel }) + csvLines(rows, { excel });
        expect(parse(excel ? csv.slice(1) : csv, excel ? ';' : ',')).toEqual(rows.map((r) => r.map(guarded)));
      }),
      { numRuns: 300 },
    );
  });

  test('numbers come back as their decimal text, unguarded', () => {
    const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(
        table(
          fc.oneof(
            number,
            cellText.filter((c) => !/^[=+\-@\t\r][^]*[\r\n\u2028\u2029]/.test(c)),
          ),
        ),
        fc.boolean(),
        (rows, excel) => {
          fc.pre(!ambiguous(rows));
          const csv = csvLines(rows, { excel });
          expect(parse(csv, excel ? ';' : ',')).toEqual(rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : guarded(c)))));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('negative numbers written as text are numbers, not formulas; text after a sign is guarded', () => {
    const numbers = ['-0.500', '-0,500', '+1', '-12%', '-1e5', '-.5', '-2'];
    const text = ['-2 wachtlijsten', '-', '--1', '-1-1', '+31 10 123', '=1', '@SUM(1)', '-0.5)+cmd'];
    expect(parse(csvLines([numbers]), ',')).toEqual([numbers]);
    expect(parse(csvLines([text]), ',')).toEqual([text.map((c) => `'${c}`)]);
    expect(parse(csvLines([['-1\n=2']]), ',')).toEqual([["'-1\n'=2"]]);
    expect(csvLines([['kappa', '-0,500']], { excel: true })).toBe('kappa;-0,500\r\n');
  });

  // A Dutch Excel splits a comma file on ; and an English one a ; file on ,: quotes hold the cell
  // together, and the part after the other delimiter is guarded in case they do not.
  test('the other delimiter: quoted, and the part after it guarded', () => {
    expect(csvLines([['x;=1+1;', 'a']])).toBe(`"x;'=1+1;",a\r\n`);
    expect(csvLines([['x,=1+1,', 'a']], { excel: true })).toBe(`"x,'=1+1,";a\r\n`);
    expect(csvLines([['ja; nee', 'ja, nee', 'regel\n@SUM(1)', 'a;-1']])).toBe(`"ja; nee","ja, nee","regel\n'@SUM(1)","a;-1"\r\n`);
    expect(csvLines([['-0,5', '12,5%']], { excel: true })).toBe('-0,5;12,5%\r\n');
    // Split as a careless reader would: on every , ; and line break, quotes ignored.
    for (const excel of [false, true]) {
      const csv = csvLines([['x;=1+1;,+2', 'y,@SUM(A1);-cmd', 'z\n=1']], { excel });
      const parts = csv.replace(/"/g, '').split(/[,;\r\n]/);
      expect(parts.filter((c) => /^[=+\-@]/.test(c) && !numeric(c))).toEqual([]);
    }
  });

  test('an empty table writes nothing', () => {
    expect(csvLines([])).toBe('');
    expect(csvStart()).toBe('');
  });
});
