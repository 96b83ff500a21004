/**
 * The query language of `qda search`: the codebook's terms (`wijkteam`, `wijkteam*`, `*subsidie`,
 * `"korte lijnen"`, `/regiehouder(s)?/i`) joined by AND, OR, NOT and NEAR/n, with parentheses.
 * Words next to each other without an operator must all occur (AND). Operators are written in
 * capitals, so that the words and, or, not and near can still be searched for.
 *
 * Precedence, loosest first: OR, AND, NOT, NEAR. A segment matches `A NEAR/n B` when a match of A
 * and one of B lie at most n words apart, in either order (next to each other is 1 apart); NEAR
 * alone is NEAR/5. This module only parses; src/search/match.ts evaluates.
 */
import { compilePattern } from '../codebook/pattern.js';
import { parseTerm } from '../match/term.js';

export type Query =
  | { kind: 'term'; leaf: number }
  | { kind: 'and' | 'or'; items: Query[] }
  | { kind: 'not'; item: Query }
  | { kind: 'near'; left: Query; right: Query; distance: number };

/** A word, wildcard or phrase term, or a pattern: what the matcher looks for. */
export type Leaf = { kind: 'term'; text: string } | { kind: 'pattern'; source: string; regexp: RegExp };

export interface ParsedQuery {
  query: Query;
  leaves: Leaf[];
}

/** What is wrong with a query, and where: a 1-based column in the query text. */
export interface QueryProblem {
  column: number;
  message: string;
  hint?: string;
}

export const DEFAULT_NEAR = 5;

type Token =
  | { kind: 'word' | 'phrase' | 'pattern'; text: string; at: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; at: number }
  | { kind: 'near'; distance: number; at: number };

class Failure extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem.message);
  }
}

const fail = (at: number, message: string, hint?: string): never => {
  throw new Failure(hint ? { column: at + 1, message, hint } : { column: at + 1, message });
};

export function parseQuery(text: string): { parsed: ParsedQuery } | { problem: QueryProblem } {
  try {
    const tokens = tokenizeQuery(text);
    if (tokens.length === 0) fail(0, 'the query is empty', 'give a word to find, e.g. qda search "wijkteam*"');
    const parser = new Parser(tokens, text.length);
    const query = parser.or();
    if (parser.at < tokens.length) fail(tokens[parser.at].at, 'a closing ) without an opening one');
    requirePositive(query, tokens[0].at);
    return { parsed: { query, leaves: parser.leaves } };
  } catch (error) {
    if (error instanceof Failure) return { problem: error.problem };
    throw error;
  }
}

function tokenizeQuery(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'open' : 'close', at: i });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) fail(i, 'a phrase without its closing "');
      tokens.push({ kind: 'phrase', text: text.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '/') {
      let end = i + 1;
      while (end < text.length && text[end] !== '/') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) fail(i, 'a pattern without its closing /', 'write a pattern as /regiehouder(s)?/i');
      const flags = /^[a-z]*/.exec(text.slice(end + 1))![0];
      tokens.push({ kind: 'pattern', text: text.slice(i, end + 1 + flags.length), at: i });
      i = end + 1 + flags.length;
    } else {
      const word = /^[^\s()"]+/.exec(text.slice(i))![0];
      tokens.push(operator(word, i) ?? { kind: 'word', text: word, at: i });
      i += word.length;
    }
  }
  return tokens;
}

function operator(word: string, at: number): Token | undefined {
  if (word === 'AND' || word === 'OR' || word === 'NOT') return { kind: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', at };
  const near = /^NEAR(?:\/(.*))?$/.exec(word);
  if (!near) return undefined;
  if (near[1] === undefined) return { kind: 'near', distance: DEFAULT_NEAR, at };
  if (!/^\d+$/.test(near[1]) || Number(near[1]) < 1) fail(at, `${word}: the distance must be a whole number of words from 1`, 'e.g. NEAR/5');
  return { kind: 'near', distance: Number(near[1]), at };
}

class Parser {
  at = 0;
  readonly leaves: Leaf[] = [];

  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  or(): Query {
    const items = [this.and()];
    while (this.peek()?.kind === 'or') {
      this.at++;
      items.push(this.and());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  and(): Query {
    const items = [this.unary()];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') this.at++;
      items.push(this.unary());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  unary(): Query {
    if (this.peek()?.kind === 'not') {
      this.at++;
      return { kind: 'not', item: this.unary() };
    }
    let left = this.primary();
    for (let next = this.peek(); next?.kind === 'near'; next = this.peek()) {
      this.at++;
      left = { kind: 'near', left, right: this.primary(), distance: next.distance };
    }
    return left;
  }

  primary(): Query {
    const token = this.peek();
    if (!token) return fail(this.length, 'the query ends where a word to find should follow');
    this.at++;
    switch (token.kind) {
      case 'open': {
        const inner = this.or();
        if (this.peek()?.kind !== 'close') fail(token.at, 'a ( without its closing )');
        this.at++;
        return inner;
      }
      case 'word':
      case 'phrase': {
        const parsed = parseTerm(token.text);
        if (parsed.problem) return fail(token.at, `${token.kind === 'phrase' ? `"${token.text}"` : token.text}: ${parsed.problem}`);
        return this.leaf({ kind: 'term', text: token.text });
      }
      case 'pattern': {
        const compiled = compilePattern(token.text);
        if (!compiled.ok) return fail(token.at, `pattern ${token.text}: ${compiled.reason}`, compiled.hint);
        return this.leaf({ kind: 'pattern', source: token.text, regexp: compiled.regexp });
      }
      case 'close':
        return fail(token.at, 'a ) where a word to find should stand');
      default:
        return fail(token.at, `${token.kind === 'near' ? 'NEAR' : token.kind.toUpperCase()} needs a word to find before it`);
    }
  }

  private leaf(leaf: Leaf): Query {
    this.leaves.push(leaf);
    return { kind: 'term', leaf: this.leaves.length - 1 };
  }
}

/** Whether a match of the query always points at some text (a NOT alone finds nothing to show). */
function positive(query: Query): boolean {
  switch (query.kind) {
    case 'term':
      return true;
    case 'and':
      return query.items.some(positive);
    case 'or':
      return query.items.every(positive);
    case 'not':
      return false;
    case 'near':
      return positive(query.left) && positive(query.right);
  }
}

function requirePositive(query: Query, at: number): void {
  if (!positive(query))
    fail(at, 'every part of the query needs a word to find: NOT only leaves segments out', 'write A NOT B, e.g. wijkteam NOT school');
}
