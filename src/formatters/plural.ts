/** Counts in words, in the languages qda writes: "1 document", "2 documenten", "1 codering". */
import type { CodingCount } from '../coding/tally.js';

const NOUNS = {
  en: {
    document: ['document', 'documents'],
    segment: ['segment', 'segments'],
    coding: ['coding', 'codings'],
    code: ['code', 'codes'],
  },
  nl: {
    document: ['document', 'documenten'],
    segment: ['segment', 'segmenten'],
    coding: ['codering', 'coderingen'],
    code: ['code', 'codes'],
  },
} as const;

export type Noun = keyof (typeof NOUNS)['en'];

export function counted(n: number, noun: Noun, language = 'en'): string {
  const forms = (NOUNS[language as keyof typeof NOUNS] ?? NOUNS.en)[noun];
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}

/** "640 codings (auto 612, ana 20, bram 8)": the distinct codings, then what each source gave. */
export function codingsWithSources(count: CodingCount, language = 'en'): string {
  const sources = count.sources.map((s) => `${s.source} ${s.codings}`).join(', ');
  return `${counted(count.codings, 'coding', language)}${sources ? ` (${sources})` : ''}`;
}
