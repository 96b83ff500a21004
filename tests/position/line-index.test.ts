import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineIndex } from '../../src/position/line-index.js';

/** The offsets at which each line starts, read back through lineStart(). */
function starts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i + 1));
}

describe('LineIndex lines', () => {
  test.each([
    ['LF', 'ab\ncd\nef', [0, 3, 6]],
    ['CRLF', 'ab\r\ncd\r\nef', [0, 4, 8]],
    ['lone CR', 'ab\rcd\ref', [0, 3, 6]],
    ['mixed LF, CRLF, CR', 'ab\ncd\r\nef\rgh', [0, 3, 7, 10]],
    ['trailing LF opens an empty last line', 'ab\n', [0, 3]],
    ['trailing CRLF opens an empty last line', 'ab\r\n', [0, 4]],
    ['blank lines', '\n\r\n\r', [0, 1, 3, 4]],
    ['empty text', '', [0]],
  ])('%s', (_name, text, expected) => {
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(expected.length);
    expect(starts(index)).toEqual(expected);
    // Every offset lies on the last line that starts at or before it.
    for (let offset = 0; offset <= text.length; offset++) {
      const line = expected.filter((s) => s <= offset).length;
      expect(index.line(offset), `offset ${offset}`).toBe(line);
    }
  });

  test('a line break belongs to the line it ends, CR and LF of a CRLF both', () => {
    const index = new LineIndex('ab\r\ncd');
    expect(index.line(2)).toBe(1); // \r
    expect(index.line(3)).toBe(1); // \n
    expect(index.line(4)).toBe(2); // c
  });

  test('lineStart clamps lines outside the text', () => {
    const index = new LineIndex('ab\ncd\nef');
    expect(index.lineStart(0)).toBe(0);
    expect(index.lineStart(-5)).toBe(0);
    expect(index.lineStart(99)).toBe(6);
  });
});

describe('LineIndex.lines(range)', () => {
  const text = 'een\r\ntwee\ndrie\rvier';
  //            0123 4 56789 01234 5678
  const index = new LineIndex(text);

  test.each([
    ['within one line', { start: 0, end: 3 }, { start: 1, end: 1 }],
    ['ending on the CR of a CRLF stays on its line', { start: 0, end: 4 }, { start: 1, end: 1 }],
    ['ending after the LF of a CRLF stays on its line', { start: 0, end: 5 }, { start: 1, end: 1 }],
    ['one character into the next line', { start: 0, end: 6 }, { start: 1, end: 2 }],
    ['across an LF', { start: 5, end: 12 }, { start: 2, end: 3 }],
    ['across a lone CR', { start: 10, end: 19 }, { start: 3, end: 4 }],
    ['whole text', { start: 0, end: text.length }, { start: 1, end: 4 }],
    ['empty range takes the line of its start', { start: 10, end: 10 }, { start: 3, end: 3 }],
  ])('%s', (_name, range, expected) => {
    expect(index.lines(range)).toEqual(expected);
  });
});

describe('LineIndex.point', () => {
  test.each([
    ['start of text', 'ab\ncd', 0, { line: 1, column: 1 }],
    ['middle of first line', 'ab\ncd', 1, { line: 1, column: 2 }],
    ['the LF itself', 'ab\ncd', 2, { line: 1, column: 3 }],
    ['start of second line', 'ab\ncd', 3, { line: 2, column: 1 }],
    ['end of text', 'ab\ncd', 5, { line: 2, column: 3 }],
    ['after CRLF', 'ab\r\ncd', 5, { line: 2, column: 2 }],
    ['after lone CR', 'ab\rcd', 4, { line: 2, column: 2 }],
    ['emoji before counts as one column', '😀x', 2, { line: 1, column: 2 }],
    ['two emoji before', '😀😀x', 4, { line: 1, column: 3 }],
    ['emoji on an earlier line does not shift columns', '😀\nab', 4, { line: 2, column: 2 }],
    ['emoji earlier on the same line after a break', 'a\n😀b😀c', 7, { line: 2, column: 4 }],
    ['accented BMP characters are single columns', 'café x', 5, { line: 1, column: 6 }],
  ])('%s', (_name, text, offset, expected) => {
    expect(new LineIndex(text).point(offset)).toEqual(expected);
  });
});

describe('LineIndex.codePoint', () => {
  test.each([
    ['ASCII', 'abc', [0, 1, 2, 3], [0, 1, 2, 3]],
    ['one emoji', 'a😀b', [0, 1, 3, 4], [0, 1, 2, 3]],
    ['two emoji side by side', '😀🎉x', [0, 2, 4, 5], [0, 1, 2, 3]],
    ['emoji on another line', 'x\n👩🏽\ny', [2, 4, 6, 7, 8], [2, 3, 4, 5, 6]],
    ['lone high surrogate is one unit', '\uD83Dxy', [1, 2, 3], [1, 2, 3]],
    ['lone low surrogate is one unit', '\uDE00xy', [1, 2, 3], [1, 2, 3]],
    ['high surrogate at the very end', 'ab\uD83D', [2, 3], [2, 3]],
  ])('%s', (_name, text, offsets, expected) => {
    const index = new LineIndex(text);
    expect(offsets.map((o) => index.codePoint(o))).toEqual(expected);
  });

  test('agrees with Array.from on a mixed text at every code-point boundary', () => {
    const text = 'Hatice 😀: "ja" 🎉🎉\r\nné 𝄞 eind';
    const index = new LineIndex(text);
    let utf16 = 0;
    let cp = 0;
    for (const ch of Array.from(text)) {
      expect(index.codePoint(utf16)).toBe(cp);
      utf16 += ch.length;
      cp++;
    }
    expect(index.codePoint(text.length)).toBe(Array.from(text).length);
  });
});

describe('LineIndex on any text', () => {
  const piece = fc.constantFrom('a', 'é', ' ', '\n', '\r', '\r\n', '😀', '\ud800', '\udc00', 'x\n');
  const text = fc.oneof(
    fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );

  test('line starts and code points as reading every character gives them, with or without CR and astral characters', () => {
    const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
    const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
    fc.assert(
      fc.property(text, (t) => {
        const lineStarts = [0];
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
        }
        const index = new LineIndex(t);
        expect(starts(index)).toEqual(lineStarts);
        for (let o = 0; o <= t.length; o++) {
          const insidePair = o > 0 && high(t.charCodeAt(o - 1)) && low(t.charCodeAt(o));
          if (!insidePair) expect(index.codePoint(o)).toBe(Array.from(t.slice(0, o)).length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
