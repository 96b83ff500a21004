/**
 * Codebook → CompiledCodebook: lookups by id, and per language a Lexicon of all terms and the
 * compiled patterns, built once (lazily, on first use of a language) and then only read.
 */
import { Lexicon } from '../match/lexicon.js';
import { PatternRunner } from '../match/pattern-runner.js';
import { WordTable } from '../match/words.js';
import { planFor } from './plan.js';
import type { Code, Codebook } from './types.js';

export interface LanguageMatcher {
  lexicon: Lexicon;
  /** Patterns per code index; a pattern with `needs` is run only on text that holds one of them in a word. */
  patterns: { code: number; source: string; regexp: RegExp; needs?: string[]; also?: string[][] }[];
  /** Runs the patterns in a worker, under a time budget (one per language, started on first use). */
  runner: PatternRunner;
}

export interface CompiledCodebook {
  codebook: Codebook;
  byId: Map<string, Code>;
  /** The matcher for a language (the codebook language when none is given). */
  matcher(language?: string): LanguageMatcher;
  /** The table of words the lexicon of a language scans with, for a survey that counts the same texts first. */
  wordTable(language: string): WordTable;
}

export function compileCodebook(codebook: Codebook): CompiledCodebook {
  const byId = new Map(codebook.codes.map((c) => [c.id, c]));
  const matchers = new Map<string, LanguageMatcher>();
  const tables = new Map<string, WordTable>();
  const wordTable = (language: string) => {
    let t = tables.get(language);
    if (!t) tables.set(language, (t = new WordTable()));
    return t;
  };
  return {
    codebook,
    byId,
    matcher(language = codebook.language) {
      let m = matchers.get(language);
      if (!m) matchers.set(language, (m = buildMatcher(codebook, language, wordTable(language))));
      return m;
    },
    wordTable,
  };
}

function buildMatcher(codebook: Codebook, language: string, words: WordTable): LanguageMatcher {
  const plan = planFor(codebook, language);
  const patterns: LanguageMatcher['patterns'] = plan.patterns.map(({ regexp, ...p }) => ({ ...p, regexp: new RegExp(regexp.source, regexp.flags) }));
  const lexicon = new Lexicon(
    language,
    [],
    patterns.map((p) => p.needs),
    patterns.map((p) => p.also),
    words,
    plan.entries,
  );
  return { lexicon, patterns, runner: new PatternRunner(patterns.map((p) => ({ source: p.regexp.source, flags: p.regexp.flags }))) };
}
