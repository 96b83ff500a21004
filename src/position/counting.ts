/**
 * Positions as other programs count them. REFI-QDA says code points; NVivo counts UTF-16 units
 * with CRLF as two, ATLAS.ti and MAXQDA count a line break as one. A counting turns into a table
 * from such positions to qda's own offsets (UTF-16 units into the text as read, line breaks as in
 * the file), so that every conversion of an outside position goes through here.
 */

export interface Counting {
  /** `utf16`: UTF-16 code units; `codepoint`: Unicode code points. */
  unit: 'utf16' | 'codepoint';
  /** How many positions a CRLF counts. */
  crlf: 1 | 2;
}

/** Position → UTF-16 offset into `text`, for one counting; the last entry is the end of the text. */
export function offsetTable(text: string, counting: Counting): Int32Array {
  const table: number[] = [];
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    table.push(i);
    i += (crlf && counting.crlf === 1) || (pair && counting.unit === 'codepoint') ? 2 : 1;
  }
  table.push(text.length);
  return Int32Array.from(table);
}

/** Whether two countings give the same table for this text (it has no CRLF, or no astral characters). */
export function sameCounting(text: string, a: Counting, b: Counting): boolean {
  if (a.unit === b.unit && a.crlf === b.crlf) return true;
  const hasCrlf = text.includes('\r\n');
  const hasAstral = /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
  return (a.crlf === b.crlf || !hasCrlf) && (a.unit === b.unit || !hasAstral);
}
