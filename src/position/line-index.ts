/**
 * Positions, in one convention for the whole program.
 *
 * Inside qda an offset is a 0-based index into the decoded text of a file (a JavaScript string, so
 * UTF-16 code units), BOM removed, CRLF kept as two characters. Lines and columns are 1-based, as an
 * editor shows them. Outside (JSON, exchange formats) character ranges are given in Unicode code
 * points, so that Python and R can slice the text with them; this module is the one place that
 * converts.
 */

/** A half-open range [start, end) of 0-based UTF-16 offsets. */
export interface Range {
  start: number;
  end: number;
}

/** A 1-based line and column (column counted in code points, as editors do). */
export interface Point {
  line: number;
  column: number;
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/;

export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[];
  /** Offsets of the high half of each surrogate pair, ascending. */
  private readonly astral: number[];

  constructor(readonly text: string) {
    this.starts = [0];
    this.astral = [];
    // Most texts have \n line breaks only and no character beyond the BMP: the breaks are found by
    // indexOf, some ten times faster than reading every character here.
    if (text.indexOf('\r') < 0 && !SURROGATE_PAIR.test(text)) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.astral.push(i++);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. An offset at a line break belongs to the line it ends. */
  line(offset: number): number {
    return upperBound(this.starts, offset);
  }

  point(offset: number): Point {
    const line = this.line(offset);
    const start = this.starts[line - 1];
    return { line, column: this.codePoint(offset) - this.codePoint(start) + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }

  /** Lines a range covers: the line of its first and of its last character. */
  lines(range: Range): { start: number; end: number } {
    const start = this.line(range.start);
    const end = range.end > range.start ? this.line(range.end - 1) : start;
    return { start, end };
  }

  /**
   * The Point of a 1-based line and a column counted in UTF-16 units from 1, as some parsers give
   * it (fast-xml-parser's validator does): the column is then counted in code points, as everywhere.
   */
  pointOfUnits(line: number, unitColumn: number): Point {
    const start = this.lineStart(line);
    // At most the line break that ends the line, which belongs to it.
    const end = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    return this.point(Math.min(start + Math.max(unitColumn - 1, 0), end));
  }

  /** Code-point offset of a UTF-16 offset. */
  codePoint(offset: number): number {
    return offset - lowerBound(this.astral, offset);
  }
}

/** Number of items <= value in a sorted array. */
function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of items < value in a sorted array. */
function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
