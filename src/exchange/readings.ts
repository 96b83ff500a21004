/**
 * What a producer's selection positions count. The spec says code points; NVivo counts
 * UTF-16 units with CRLF as two; ATLAS.ti and MAXQDA count a line break as one. Each reading is a
 * table from positions to UTF-16 offsets into the text (BOM removed, line breaks as in the file);
 * the producer's usual reading is taken unless another one puts clearly more selections on word
 * boundaries or on the quoted text the selection's name gives.
 */
import { offsetTable, sameCounting, type Counting } from '../position/counting.js';

/** How a producer counts selection positions (src/position/counting.ts converts them). */
export type Reading = Counting;

export const READINGS: Reading[] = [
  { unit: 'codepoint', crlf: 2 },
  { unit: 'codepoint', crlf: 1 },
  { unit: 'utf16', crlf: 2 },
  { unit: 'utf16', crlf: 1 },
];

export function describeReading(r: Reading): string {
  return `${r.unit === 'utf16' ? 'UTF-16 units' : 'code points'}, CRLF as ${r.crlf}`;
}

/** The reading a producer is known to use, from the project's `origin`. */
export function producerReading(origin: string | undefined): Reading {
  const o = (origin ?? '').toLowerCase();
  if (o.startsWith('nvivo')) return { unit: 'utf16', crlf: 2 };
  if (o.startsWith('atlas') || o.startsWith('maxqda')) return { unit: 'codepoint', crlf: 1 };
  if (o.startsWith('qualcoder')) return { unit: 'utf16', crlf: 1 };
  return { unit: 'codepoint', crlf: 2 };
}

export interface Span {
  start: number;
  end: number;
  name?: string;
}

/** Resolve spans with a table; undefined where a position is out of range or start > end. */
export function resolveSpan(table: Int32Array, span: Span): { start: number; end: number } | undefined {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return undefined;
  if (end >= table.length) return undefined;
  return { start: table[start], end: table[end] };
}

const WORD = /[\p{L}\p{N}]/u;

function isWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const cp = text.codePointAt(i)!;
  // The low half of a pair: look at the whole character.
  if (cp >= 0xdc00 && cp <= 0xdfff && i > 0) return WORD.test(String.fromCodePoint(text.codePointAt(i - 1)!));
  return WORD.test(String.fromCodePoint(cp));
}

/** How well a reading fits: selections on word boundaries, and on their quoted name. */
export function score(text: string, table: Int32Array, spans: Span[]): number {
  let points = 0;
  for (const span of spans) {
    const r = resolveSpan(table, span);
    if (!r) continue;
    const startOk = !(isWord(text, r.start - 1) && isWord(text, r.start));
    const endOk = !(isWord(text, r.end - 1) && isWord(text, r.end));
    points += (startOk ? 1 : 0) + (endOk ? 1 : 0);
    const quoted = span.name?.replace(/[…\s.]+$/u, '').trim();
    if (quoted && quoted.length >= 4) points += text.slice(r.start).startsWith(quoted) ? 2 : 0;
  }
  return points;
}

/**
 * The reading to use for a text's selections: the producer's, unless another one fits clearly
 * better (by more than 5% of the selections).
 */
export function chooseReading(text: string, spans: Span[], preferred: Reading): Reading {
  const relevant = READINGS.filter((r) => !sameCounting(text, r, preferred));
  if (spans.length === 0 || relevant.length === 0) return preferred;
  const base = score(text, offsetTable(text, preferred), spans);
  let best = preferred;
  let bestScore = base;
  for (const r of relevant) {
    const s = score(text, offsetTable(text, r), spans);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return bestScore - base > spans.length * 0.05 * 2 ? best : preferred;
}
