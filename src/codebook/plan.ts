/**
 * What the matcher of one language is made of: the codebook's terms parsed and stemmed into lexicon
 * entries, and its patterns compiled with the words they need (prefilter.ts). It depends on the
 * codebook alone and costs about a tenth of a second of CPU for the shipped one, on every run, so
 * the codebook cache keeps it beside the codebook (cache.ts) and compile.ts takes it from there.
 */
import { lexiconEntries, type Entry } from '../match/lexicon.js';
import { compilePattern } from './pattern.js';
import { patternClauses } from './prefilter.js';
import { forLanguage, type Codebook } from './types.js';

export interface PlannedPattern {
  /** Index of the code in the codebook. */
  code: number;
  /** The pattern as written in the codebook. */
  source: string;
  regexp: { source: string; flags: string };
  /** Words one of which a text must hold in a word for the pattern to match; `also`: further such sets. */
  needs?: string[];
  also?: string[][];
}

export interface MatcherPlan {
  patterns: PlannedPattern[];
  entries: Entry[];
}

export function matcherPlan(codebook: Codebook, language: string): MatcherPlan {
  const patterns: PlannedPattern[] = [];
  codebook.codes.forEach((code, index) => {
    for (const source of forLanguage(code.patterns, language)) {
      const result = compilePattern(source);
      if (!result.ok) continue;
      const { source: text, flags } = result.regexp;
      const [needs, ...also] = patternClauses(text, flags) ?? [];
      const pattern = { code: index, source, regexp: { source: text, flags } };
      patterns.push(needs ? { ...pattern, needs, ...(also.length > 0 ? { also } : {}) } : pattern);
    }
  });
  const entries = lexiconEntries(
    language,
    codebook.codes.map((code, index) => ({ code: index, terms: forLanguage(code.terms, language), not: forLanguage(code.not, language) })),
  );
  return { patterns, entries };
}

/** The languages a codebook has lists for: its own, and each one its terms, `not` words and patterns name. */
export function planLanguages(codebook: Codebook): string[] {
  const languages = new Set<string>([codebook.language]);
  for (const code of codebook.codes) {
    for (const lists of [code.terms, code.not, code.patterns]) for (const key of Object.keys(lists)) if (key !== '*') languages.add(key);
  }
  return [...languages];
}

/** Plans read from the cache, per codebook object. */
const known = new WeakMap<Codebook, Map<string, MatcherPlan>>();

export function rememberPlans(codebook: Codebook, plans: Record<string, MatcherPlan>): void {
  known.set(codebook, new Map(Object.entries(plans)));
}

/** The plans kept for this codebook (read from the cache), for a worker thread to remember too. */
export function knownPlans(codebook: Codebook): Record<string, MatcherPlan> {
  return Object.fromEntries(known.get(codebook) ?? []);
}

/** The plan of a language: the one kept for this codebook, else made now. */
export function planFor(codebook: Codebook, language: string): MatcherPlan {
  return known.get(codebook)?.get(language) ?? matcherPlan(codebook, language);
}
