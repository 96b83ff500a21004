/**
 * Replacing known strings everywhere in a text, consistently: every occurrence that stands as a whole
 * word (no letter or digit right before or after it, and no hyphen joining it to another word) is
 * replaced, the longest string first where several start at one place. One left-to-right pass, so
 * a replacement is never replaced again; the cost grows with the text, not with the number of strings.
 */
import { isWordChar } from './kinds.js';

export interface Replacement {
  from: string;
  to: string;
}

/** A place that was replaced: offsets into the text before replacement. */
export interface Replaced {
  start: number;
  end: number;
  replacement: Replacement;
}

export class Replacer {
  /** Replacements by the first two UTF-16 units of `from` (as one number), longest first. */
  private readonly byStart = new Map<number, Replacement[]>();
  /** First units of any `from`: most places in a text start none, and are passed at once. */
  private readonly firsts = new Set<number>();

  constructor(replacements: Iterable<Replacement>) {
    for (const r of replacements) {
      if (r.from.length === 0) continue;
      const key = pairKey(r.from, 0);
      this.firsts.add(r.from.charCodeAt(0));
      const list = this.byStart.get(key) ?? [];
      list.push(r);
      this.byStart.set(key, list);
    }
    for (const list of this.byStart.values()) list.sort((a, b) => b.from.length - a.from.length || (a.from < b.from ? -1 : 1));
  }

  get size(): number {
    let n = 0;
    for (const list of this.byStart.values()) n += list.length;
    return n;
  }

  /** Every whole-word occurrence, left to right, never overlapping. */
  find(text: string): Replaced[] {
    const out: Replaced[] = [];
    if (this.byStart.size === 0) return out;
    for (let i = 0; i < text.length; i++) {
      if (!this.firsts.has(text.charCodeAt(i)) || (i > 0 && isWordChar(text[i - 1]))) continue;
      const list = this.byStart.get(pairKey(text, i));
      if (!list) continue;
      const hit = list.find((r) => text.startsWith(r.from, i) && standsAlone(text, i, i + r.from.length));
      if (!hit) continue;
      out.push({ start: i, end: i + hit.from.length, replacement: hit });
      i += hit.from.length - 1;
    }
    return out;
  }

  /** The text with every occurrence replaced; `to` may choose the written form by place. */
  replace(text: string, to: (r: Replaced) => string = (r) => r.replacement.to): string {
    const parts: string[] = [];
    let last = 0;
    for (const r of this.find(text)) {
      parts.push(text.slice(last, r.start), to(r));
      last = r.end;
    }
    if (last === 0) return text;
    parts.push(text.slice(last));
    return parts.join('');
  }
}

/** The UTF-16 units at i and i + 1 as one number (a missing second unit counts as 0xffff + 1). */
function pairKey(text: string, i: number): number {
  const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x10000;
  return text.charCodeAt(i) * 0x10001 + second;
}

function standsAlone(text: string, start: number, end: number): boolean {
  if (isWordChar(text[start]) && start > 0 && isWordChar(text[start - 1])) return false;
  const after = text[end];
  if (isWordChar(text[end - 1]) && isWordChar(after)) return false;
  // "Jan-Willem" and "Piet-Jan" are one name each: "Jan" alone does not stand in them.
  if (after === '-' && isWordChar(text[end + 1]) && isWordChar(text[end - 1])) return false;
  return !(text[start - 1] === '-' && isWordChar(text[start - 2]) && isWordChar(text[start]));
}
