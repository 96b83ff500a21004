/** Counts in words, in the languages qda writes: "1 document", "2 documenten", "1 codering". */
import type { CodingCount } from '../coding/tally.js';
import { nounsFor, type Noun } from './labels.js';

export type { Noun } from './labels.js';

export function counted(n: number, noun: Noun, language = 'en'): string {
  const forms = nounsFor(language)[noun];
  return `${n} ${n === 1 ? forms[0] : forms[1]}`;
}

/** "640 codings (auto 612, ana 20, bram 8)": the distinct codings, then what each source gave. */
export function codingsWithSources(count: CodingCount, language = 'en'): string {
  const sources = count.sources.map((s) => `${s.source} ${s.codings}`).join(', ');
  return `${counted(count.codings, 'coding', language)}${sources ? ` (${sources})` : ''}`;
}
