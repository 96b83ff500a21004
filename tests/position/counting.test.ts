import { describe, expect, test } from 'vitest';
import { parseXml } from '../../src/exchange/xml-read.js';
import { offsetTable } from '../../src/position/counting.js';
import { LineIndex } from '../../src/position/line-index.js';

describe('positions as other programs count them', () => {
  const text = 'a😀\r\nb';
  test('each counting maps its positions to UTF-16 offsets, the end included', () => {
    expect([...offsetTable(text, { unit: 'utf16', crlf: 2 })]).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...offsetTable(text, { unit: 'codepoint', crlf: 2 })]).toEqual([0, 1, 3, 4, 5, 6]);
    expect([...offsetTable(text, { unit: 'codepoint', crlf: 1 })]).toEqual([0, 1, 3, 5, 6]);
    expect([...offsetTable(text, { unit: 'utf16', crlf: 1 })]).toEqual([0, 1, 2, 3, 5, 6]);
  });

  test('a column in UTF-16 units becomes one in code points, and stays on its line', () => {
    const lines = new LineIndex('x\n😀😀z\n');
    expect(lines.pointOfUnits(2, 5)).toEqual({ line: 2, column: 3 });
    expect(lines.pointOfUnits(2, 99)).toEqual({ line: 2, column: 4 });
  });

  test('an XML error is a Diagnostic at its line and column in code points', () => {
    const parsed = parseXml('<a>\n<b>😀😀</c></a>', 'p.qde', 'qdpx/xml');
    expect('diagnostics' in parsed && parsed.diagnostics[0]).toMatchObject({
      file: 'p.qde',
      line: 2,
      column: 6,
      severity: 'error',
      rule: 'qdpx/xml',
    });
  });
});
