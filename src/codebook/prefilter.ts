/**
 * What a pattern needs before it can match: a set of words, one of which every match contains. A
 * segment in which none of them occurs inside any of its words cannot match, so the pattern is not
 * run there. Most patterns of a codebook match in few segments, and running a regexp over a segment
 * costs far more than looking up its words.
 *
 * The needed words are ASCII letters and digits, lower case: a match that contains one (in any case)
 * contains it inside one word of the text, and folding a word (lower case, accents removed) keeps
 * it. The analysis reads the pattern source and knows only literal characters; everything else
 * (classes, escapes, repeats of varying count) is "any text", so it can only fail to find a need,
 * never invent one.
 */

/** Every string the part can match, when there are few; otherwise undefined. */
type Exact = string[] | undefined;
/** Words one of which every match of the part contains; undefined when there is no such set. */
type Needs = string[] | undefined;

interface Part {
  exact: Exact;
  /** Sets of words (clauses): every match holds one word of each; undefined when none is known. */
  needs: string[][] | undefined;
}

/** At most this many strings are followed through a pattern (`(?:a|b)(?:c|d)` is four). */
const MAX_EXACT = 64;
/**
 * Shorter needed words filter too little to be worth the lookup, unless a pattern has no longer
 * ones: `24/7`, `B&W` and `p x q` would otherwise run on every text, and every text would travel to
 * the pattern worker for them; `q` or `24` inside a word is rare.
 */
const MIN_NEED = 3;
const MIN_NEED_ALONE = 1;

const ANY: Part = { exact: undefined, needs: undefined };
const EMPTY: Part = { exact: [''], needs: undefined };

/**
 * The words a pattern needs, or undefined when every segment must be tried. `flags` are the flags
 * the RegExp is compiled with.
 */
export function patternNeeds(source: string, flags: string): string[] | undefined {
  return patternClauses(source, flags)?.[0];
}

/**
 * Every set of words the pattern needs, the best first (the one patternNeeds gives): a match holds
 * one word of each set (`\bken\s+\w+\s+(?:goed|lang)` needs `ken` and one of `goed`, `lang`), so
 * a text is tried only when it holds one word of every set.
 */
export function patternClauses(source: string, flags: string): string[][] | undefined {
  // Under Unicode case folding ſ matches s and the Kelvin sign k; those letters cannot be relied on.
  const unicodeCase = flags.includes('i') && (flags.includes('u') || flags.includes('v'));
  const breaks = unicodeCase ? /[^a-jl-rt-z0-9]+/ : /[^a-z0-9]+/;
  const clauses = clausesOf(source, breaks, MIN_NEED) ?? clausesOf(source, breaks, MIN_NEED_ALONE);
  if (!clauses) return undefined;
  const first = best(clauses)!;
  const out = [first, ...clauses.filter((c) => c !== first)].map((c) => [...new Set(c)].sort());
  return out.filter((c, i) => out.findIndex((d) => d.join('\u0000') === c.join('\u0000')) === i);
}

/** The sets of needed words of at least `min` characters, or undefined. */
function clausesOf(source: string, breaks: RegExp, min: number): string[][] | undefined {
  try {
    const parser = new Parser(source, breaks, min);
    const part = parser.alternatives();
    if (parser.at < source.length) return undefined;
    return parser.needsOf(part);
  } catch {
    return undefined;
  }
}

/** The best of several clauses, as `better` picks them in turn. */
function best(clauses: string[][]): Needs {
  let b: Needs;
  for (const c of clauses) b = better(b, c);
  return b;
}

/** The better of two needs: the one whose shortest word is longest (rarer), then the smaller set. */
function better(a: Needs, b: Needs): Needs {
  if (!a) return b;
  if (!b) return a;
  const shortest = (n: string[]) => Math.min(...n.map((w) => w.length));
  if (shortest(a) !== shortest(b)) return shortest(a) > shortest(b) ? a : b;
  return a.length <= b.length ? a : b;
}

function cross(a: string[], b: string[]): Exact {
  if (a.length * b.length > MAX_EXACT) return undefined;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

class Parser {
  at = 0;
  /** `breaks` splits text into the runs of characters a need may hold. */
  constructor(
    private readonly source: string,
    private readonly breaks: RegExp,
    /** The shortest word a need may be. */
    private readonly min: number,
  ) {}

  /** The longest run of each string, if every string has one long enough. */
  wordsOf(strings: string[]): Needs {
    const out: string[] = [];
    for (const s of strings) {
      let best = '';
      for (const run of s.split(this.breaks)) if (run.length > best.length) best = run;
      if (best.length < this.min) return undefined;
      out.push(best);
    }
    return out;
  }

  needsOf(part: Part): string[][] | undefined {
    if (part.needs) return part.needs;
    const words = part.exact ? this.wordsOf(part.exact) : undefined;
    return words ? [words] : undefined;
  }

  /** a|b|c */
  alternatives(): Part {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const exact: string[] = [];
    let allExact = true;
    for (const b of branches) {
      if (b.exact && exact.length + b.exact.length <= MAX_EXACT) exact.push(...b.exact);
      else allExact = false;
    }
    if (allExact) return { exact, needs: undefined };
    // Each branch must bring its own needs (its best clause); one branch without makes the whole without.
    const needs: string[] = [];
    for (const b of branches) {
      const n = this.needsOf(b);
      if (!n) return ANY;
      needs.push(...best(n)!);
    }
    return { exact: undefined, needs: [needs] };
  }

  /** abc: exact strings are joined while they stay few; the needs of all pieces are kept. */
  sequence(): Part {
    let current: string[] = [''];
    let whole = true;
    const all: string[][] = [];
    const flush = () => {
      const words = this.wordsOf(current);
      if (words) all.push(words);
      current = [''];
    };
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const part = this.quantified(this.atom());
      const joined = part.exact ? cross(current, part.exact) : undefined;
      if (joined) {
        current = joined;
        continue;
      }
      whole = false;
      flush();
      if (part.exact) current = part.exact;
      else if (part.needs) all.push(...part.needs);
    }
    if (whole) return { exact: current, needs: undefined };
    flush();
    return { exact: undefined, needs: all.length > 0 ? all : undefined };
  }

  /** An atom with the quantifiers that follow it. */
  quantified(part: Part): Part {
    for (;;) {
      const q = quantifierAt(this.source, this.at);
      if (!q) return part;
      this.at += q.length;
      if (q.min === 1 && q.max === 1) continue;
      if (q.min === 0) {
        part = q.max === 1 && part.exact ? { exact: [...part.exact, ''], needs: undefined } : ANY;
        continue;
      }
      const repeated = q.min === q.max && part.exact ? repeat(part.exact, q.min) : undefined;
      // Repeated at least once: whatever one repeat needs, the whole needs.
      part = repeated ? { exact: repeated, needs: undefined } : { exact: undefined, needs: this.needsOf(part) };
    }
  }

  atom(): Part {
    const s = this.source;
    const c = s[this.at];
    if (c === '(') {
      this.at++;
      const kind = /^\?(?:[:=!]|<[=!]|<[\w$]+>)/.exec(s.slice(this.at));
      const look = kind !== null && /^\?(?:[=!]|<[=!])$/.test(kind[0]);
      if (kind) this.at += kind[0].length;
      else if (s[this.at] === '?') throw new Error('unknown group');
      const inner = this.alternatives();
      if (s[this.at] !== ')') throw new Error('unclosed group');
      this.at++;
      // A lookaround takes no text: it is left out of what the match contains.
      return look ? EMPTY : inner;
    }
    if (c === '[') {
      this.at = classEnd(s, this.at) + 1;
      return ANY;
    }
    if (c === '\\') return this.escape();
    this.at++;
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === ']' || c === '{' || c === '}' || c === '|') return ANY;
    return literal(c);
  }

  /** \b \B take no text; \. \/ \- and the like are the character; every other escape is any text. */
  escape(): Part {
    const next = this.source[this.at + 1];
    this.at += 2;
    if (next === undefined) throw new Error('trailing backslash');
    if (next === 'b' || next === 'B') return EMPTY;
    if (/[\p{L}\p{N}]/u.test(next)) {
      // \p{L}, \u{...}, \x27, \k<name>: skip what belongs to the escape; its characters are unknown.
      const rest = /^(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|k<[^>]*>)/.exec(this.source.slice(this.at - 1));
      if (rest) this.at += rest[0].length - 1;
      return ANY;
    }
    return literal(next);
  }
}

/** A character as itself; only ASCII letters are lowered (other case mappings are left to the regexp). */
function literal(c: string): Part {
  return { exact: [c >= 'A' && c <= 'Z' ? c.toLowerCase() : c], needs: undefined };
}

function repeat(strings: string[], times: number): Exact {
  let out: Exact = [''];
  for (let i = 0; i < times && out; i++) out = cross(out, strings);
  return out;
}

function classEnd(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  throw new Error('unclosed class');
}

function quantifierAt(source: string, i: number): { min: number; max: number; length: number } | undefined {
  const c = source[i];
  const lazy = source[i + 1] === '?' ? 1 : 0;
  if (c === '*') return { min: 0, max: Infinity, length: 1 + lazy };
  if (c === '+') return { min: 1, max: Infinity, length: 1 + lazy };
  if (c === '?') return { min: 0, max: 1, length: 1 + lazy };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(i));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { min: Number(m[1]), max, length: m[0].length };
  }
  return undefined;
}
