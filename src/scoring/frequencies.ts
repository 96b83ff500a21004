/**
 * How many units of text (segments, background paragraphs) hold each word stem: the document
 * frequencies that tell a specific term from a word that comes up everywhere.
 */
import type { Stemmer } from '../match/stem.js';
import { fold, WORD } from '../match/tokens.js';

export interface Frequencies {
  /** Units counted. */
  units: number;
  /** Units holding each stem at least once. */
  df: ReadonlyMap<string, number>;
}

export const NO_FREQUENCIES: Frequencies = { units: 0, df: new Map() };

export class FrequencyCounter {
  private units = 0;
  private readonly df = new Map<string, number>();

  constructor(private readonly stem: Stemmer) {}

  add(text: string): void {
    // Distinct words first: folding and stemming once per word, not once per occurrence.
    const words = new Set<string>();
    for (const m of text.matchAll(WORD)) words.add(m[0]);
    const stems = new Set<string>();
    for (const w of words) stems.add(this.stem(fold(w)));
    for (const s of stems) this.df.set(s, (this.df.get(s) ?? 0) + 1);
    this.units++;
  }

  result(): Frequencies {
    return { units: this.units, df: this.df };
  }
}

/** Frequencies of the lines of a text, one unit per non-empty line (the background samples' format). */
export function lineFrequencies(text: string, stem: Stemmer): Frequencies {
  const counter = new FrequencyCounter(stem);
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '' && !line.startsWith('#')) counter.add(line);
  return counter.result();
}
