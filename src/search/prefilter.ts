/**
 * What a text must hold for a query to have a chance of matching it: letters that the folded words
 * of the text must contain (a wildcard's fixed part, the start of a stem, the words a pattern
 * needs), joined as the query joins its parts. A segment that holds none of what the query needs
 * is passed over without scanning its words, and most segments of a corpus are such. Only what is
 * certain is asked: a part of the query that promises nothing (NOT, a term in a language whose
 * stems are not prefixes) asks nothing, so the search finds what it found without the filter.
 */
import { patternNeeds } from '../codebook/prefilter.js';
import { stemmerFor, stemPrefix } from '../match/stem.js';
import { parseTerm } from '../match/term.js';
import { fold } from '../match/tokens.js';
import type { Leaf, Query } from './query.js';

/** A condition on a text: all or any of its items, or one literal (an index into `literals`). */
export type Need = { kind: 'all' | 'any'; items: Need[] } | { kind: 'literal'; literal: number };

export interface Needs {
  need: Need;
  /** Per literal, an expression that finds it in a text as written (any case, accents, marks). */
  literals: RegExp[];
}

/** What a text in `language` must hold to match `query`, or undefined when any text may match. */
export function queryNeeds(query: Query, leaves: Leaf[], language: string): Needs | undefined {
  const literals: string[] = [];
  const literal = (text: string): Need | undefined => {
    if (!/^[a-z0-9]+$/.test(text)) return undefined;
    let index = literals.indexOf(text);
    if (index < 0) index = literals.push(text) - 1;
    return { kind: 'literal', literal: index };
  };
  const leafNeed = (leaf: Leaf): Need | undefined => {
    if (leaf.kind === 'pattern') {
      const words = patternNeeds(leaf.regexp.source, leaf.regexp.flags);
      return words && any(words.map(literal));
    }
    const stem = stemmerFor(language);
    const words = parseTerm(leaf.text).words.map((w) => literal(w.kind === 'stem' ? (stemPrefix(language, stem(w.text)) ?? '') : w.text));
    return all(words);
  };
  const of = (q: Query): Need | undefined => {
    switch (q.kind) {
      case 'term':
        return leafNeed(leaves[q.leaf]);
      case 'and':
        return all(q.items.map(of));
      case 'or':
        return any(q.items.map(of));
      case 'not':
        return undefined;
      case 'near':
        return all([of(q.left), of(q.right)]);
    }
  };
  const need = of(query);
  return need && { need, literals: literals.map(literalExpression) };
}

/** All of the items that promise something; nothing when none does. */
function all(items: (Need | undefined)[]): Need | undefined {
  const known = items.filter((n): n is Need => n !== undefined);
  return known.length === 0 ? undefined : known.length === 1 ? known[0] : { kind: 'all', items: known };
}

/** Any of the items, when each promises something. */
function any(items: (Need | undefined)[]): Need | undefined {
  if (items.length === 0 || items.some((n) => n === undefined)) return undefined;
  return items.length === 1 ? items[0] : { kind: 'any', items: items as Need[] };
}

/** Whether `text` holds what `needs` asks; `seen` keeps per literal 0 (not tested), 1 (absent) or 2 (present). */
export function holds(needs: Needs, text: string, seen: Uint8Array): boolean {
  seen.fill(0, 0, needs.literals.length);
  const test = (need: Need): boolean => {
    if (need.kind !== 'literal') return need.kind === 'all' ? need.items.every(test) : need.items.some(test);
    if (seen[need.literal] === 0) seen[need.literal] = needs.literals[need.literal].test(text) ? 2 : 1;
    return seen[need.literal] === 2;
  };
  return test(needs.need);
}

/**
 * A folded literal of letters a-z and digits as it may be written: each letter in either case or
 * with accents (every character whose folded form is that letter), combining marks anywhere
 * between, since folding drops them.
 */
export function literalExpression(literal: string): RegExp {
  const classes = foldClasses();
  const escape = (chars: string) => chars.replace(/[\]\\^-]/g, '\\$&');
  return new RegExp([...literal].map((c) => `[${escape(classes.get(c) ?? c)}]`).join('\\p{M}*'), 'u');
}

/**
 * The characters outside ASCII whose folded form is one letter a-z or digit lie in these blocks
 * (Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional, Letterlike Symbols:
 * the Kelvin and Ångström signs); tests/search/prefilter.test.ts checks every code point.
 */
export const FOLDING_BLOCKS: [number, number][] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
  [0x2100, 0x214f],
];

let classes: Map<string, string> | undefined;

/** Per letter a-z and digit, every character that folds to it. */
function foldClasses(): Map<string, string> {
  if (classes) return classes;
  classes = new Map();
  const add = (char: string) => {
    const folded = fold(char);
    if (/^[a-z0-9]$/.test(folded)) classes!.set(folded, (classes!.get(folded) ?? '') + char);
  };
  for (let c = 0x30; c < 0x80; c++) add(String.fromCharCode(c));
  for (const [from, to] of FOLDING_BLOCKS) for (let c = from; c <= to; c++) add(String.fromCharCode(c));
  return classes;
}
