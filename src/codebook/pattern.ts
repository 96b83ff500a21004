/**
 * Codebook patterns: `/source/flags` strings turned into RegExps, refusing the ones that can take
 * exponential time. This static check gives an early message with the pattern's place; the guard
 * that cannot be walked around is the time budget of src/match/pattern-runner.ts. Refused: a group that holds a quantifier may not itself be repeated without bound (`(a+)+`, `(\w+\s?)*`),
 * nor repeated a bounded number of times (`(\w+\s?){10}` takes time to the tenth power of the text),
 * except as a gap of words, `(?:\w+\s+){0,3}`, which cannot split a text in more than one way.
 * Backreferences are not allowed.
 */

import { competingRepeats } from './adjacent.js';

export type PatternResult = { ok: true; regexp: RegExp } | { ok: false; reason: string; hint: string };

const ALLOWED_FLAGS = /^[imsu]*$/;
const MAX_BOUNDED_REPEAT = 10;
/** A gap of words: a run of non-space, then mandatory space; each text splits one way only. */
const WORD_GAP = /^\(\?:(?:\\w|\\S|\[\^\\s\]|\\p\{L\})\+\\s\+\)$/;

export function compilePattern(text: string): PatternResult {
  const literal = /^\/(.*)\/([a-z]*)$/s.exec(text);
  const source = literal ? literal[1] : text;
  const flags = literal ? literal[2] : 'i';
  if (!ALLOWED_FLAGS.test(flags)) {
    return { ok: false, reason: `flags "${flags}" are not allowed`, hint: 'use only the flags i, m, s and u' };
  }
  const competing = competingRepeats(source);
  if (competing) return { ok: false, reason: competing, hint: 'bound one of the repeats, e.g. \\w{0,20} or .{0,60}' };
  const danger = runaway(source);
  if (danger) {
    return { ok: false, reason: danger, hint: 'do not repeat a group that repeats inside; for a gap of up to three words write (?:\\w+\\s+){0,3}' };
  }
  try {
    // Unicode mode only where the pattern needs it (\p{L}, \u{...}): it makes V8 scan about three times slower.
    const unicode = !flags.includes('u') && /\\[pP]\{|\\u\{/.test(source) ? 'u' : '';
    return { ok: true, regexp: new RegExp(source, `${flags}${unicode}g`) };
  } catch (error) {
    return {
      ok: false,
      reason: (error as Error).message.replace(/^Invalid regular expression: /, ''),
      hint: 'check the brackets and escapes of the pattern',
    };
  }
}

/** Why a pattern could run away, or undefined when it cannot. */
export function runaway(source: string): string | undefined {
  // For each open group: does its content repeat, or hold alternatives?
  const stack: { start: number; repeats: boolean; alternates: boolean }[] = [];
  let lastGroup = { start: 0, repeats: false, alternates: false };
  let lastGroupSource = '';
  let afterGroup = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return 'backreferences can take exponential time';
      i++;
      afterGroup = false;
      continue;
    }
    if (c === '[') {
      i = classEnd(source, i);
      afterGroup = false;
      continue;
    }
    if (c === '|' && stack.length > 0) stack[stack.length - 1].alternates = true;
    if (c === '(') {
      stack.push({ start: i, repeats: false, alternates: false });
      // Skip the group's kind: (?: (?= (?! (?<= (?<! (?<name>; its ? is not a quantifier.
      const kind = /^\?(?:[:=!]|<[=!]|<[\w$]+>)/.exec(source.slice(i + 1));
      if (kind) i += kind[0].length;
      afterGroup = false;
      continue;
    }
    if (c === ')') {
      lastGroup = stack.pop() ?? { start: 0, repeats: false, alternates: false };
      lastGroupSource = source.slice(lastGroup.start, i + 1);
      if (lastGroup.repeats && stack.length > 0) stack[stack.length - 1].repeats = true;
      afterGroup = true;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (afterGroup && quantifier.max > MAX_BOUNDED_REPEAT) {
        if (lastGroup.repeats) return `nested quantifier at character ${i + 1}: a repeated group that repeats inside can take exponential time`;
        if (lastGroup.alternates)
          return `repeated alternatives at character ${i + 1}: a group of alternatives repeated without bound can take exponential time`;
      }
      if (afterGroup && quantifier.max > 1 && lastGroup.repeats && !WORD_GAP.test(lastGroupSource)) {
        return `repeated group with a repeat inside at character ${i + 1}: its time grows as a power of the text length`;
      }
      if (stack.length > 0) stack[stack.length - 1].repeats = true;
      i += quantifier.length - 1;
      afterGroup = false;
      continue;
    }
    afterGroup = false;
  }
  return undefined;
}

function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

function quantifierAt(source: string, i: number): { max: number; length: number } | undefined {
  const c = source[i];
  const lazy = source[i + 1] === '?' ? 1 : 0;
  if (c === '*' || c === '+') return { max: Infinity, length: 1 + lazy };
  if (c === '?') return { max: 1, length: 1 };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(i));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { max, length: m[0].length };
  }
  return undefined;
}
