/** A codebook as loaded and validated: the codes in file order, each knowing its cluster. */

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** Text in one or more languages (`{ nl: ..., en: ... }`); a plain string counts for every language. */
export type Localised = Record<string, string>;

/** Lists per language; the key `*` holds entries that apply in every language. */
export type PerLanguage<T> = Record<string, T[]>;

export interface Code {
  id: string;
  label: Localised;
  description?: Localised;
  include?: Localised;
  exclude?: Localised;
  examples: string[];
  terms: PerLanguage<string>;
  patterns: PerLanguage<string>;
  not: PerLanguage<string>;
  minHits: number;
  color?: string;
  parent?: string;
  /** Id of the top-level ancestor (the code itself at the top). */
  cluster: string;
  depth: number;
  /** 1-based line of the code's `id` in the codebook file, for messages. */
  line: number;
  /** Where each pattern stands in the codebook file, for messages about a pattern that runs too long. */
  patternPlaces?: Map<string, { line: number; column: number }>;
}

export interface Codebook {
  path: string;
  name: string;
  language: Language;
  description?: Localised;
  source?: string;
  /** Lowest score an auto code needs, when qda.yaml and the command line do not say. */
  threshold?: number;
  /** Every code, parents before children, in file order. */
  codes: Code[];
}

/** A label in the wanted language, falling back to the codebook language, English, then any. */
export function localise(text: Localised | undefined, language: string, fallback: string): string | undefined {
  if (!text) return undefined;
  return text[language] ?? text['*'] ?? text[fallback] ?? text.en ?? Object.values(text)[0];
}

/** The entries of a per-language list that apply to a language. */
export function forLanguage<T>(lists: PerLanguage<T>, language: string): T[] {
  return [...(lists['*'] ?? []), ...(lists[language] ?? [])];
}
