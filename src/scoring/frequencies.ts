/**
 * How many units of text (segments, background paragraphs) hold each word stem: the document
 * frequencies that tell a specific term from a word that comes up everywhere.
 */
import type { Stemmer } from '../match/stem.js';
import { scanWords, WordTable } from '../match/words.js';

export interface Frequencies {
  /** Units counted. */
  units: number;
  /** Units holding each stem at least once. */
  df: ReadonlyMap<string, number>;
}

export const NO_FREQUENCIES: Frequencies = { units: 0, df: new Map() };

/** The frequencies of two parts of a corpus as those of the whole, per language (the order of stems differs, which nothing reads). */
export function addFrequencies(a: Map<string, Frequencies>, b: Map<string, Frequencies>): Map<string, Frequencies> {
  const out = new Map(a);
  for (const [language, more] of b) {
    const known = out.get(language);
    if (!known) {
      out.set(language, more);
      continue;
    }
    const df = new Map(known.df);
    for (const [stem, n] of more.df) df.set(stem, (df.get(stem) ?? 0) + n);
    out.set(language, { units: known.units + more.units, df });
  }
  return out;
}

/**
 * Counts per stem number: each distinct word of the run is folded and stemmed once (through the
 * word table), and a unit marks its stems with its own stamp, so nothing is cleared per unit.
 */
export class FrequencyCounter {
  private units = 0;
  /** Stem number of each word id (of the table's generation `generation`). */
  private readonly stemOf: number[] = [];
  private generation: number;
  private readonly stems = new Map<string, number>();
  private readonly names: string[] = [];
  private counts: Int32Array = new Int32Array(1024);
  private marks: Int32Array = new Int32Array(1024);

  /**
   * `words`: the table to scan with; the coding pass's own (CompiledCodebook.wordTable), so that a
   * run kept in it (`add`'s `keep`) serves both passes.
   */
  constructor(
    private readonly stem: Stemmer,
    private readonly words = new WordTable(),
  ) {
    this.generation = words.generation;
  }

  /** Counts the stems of `text`; with `keep`, its words are kept for the next scan of it (WordTable.kept). */
  add(text: string, keep?: object): void {
    if (this.words.full) this.words.clear();
    if (this.words.generation !== this.generation) {
      this.stemOf.length = 0;
      this.generation = this.words.generation;
    }
    const run = scanWords(text, this.words);
    if (keep) this.words.kept.keep(keep, run);
    const stamp = ++this.units;
    for (let i = 0; i < run.count; i++) {
      const id = run.ids[i];
      let s = this.stemOf[id];
      if (s === undefined) this.stemOf[id] = s = this.stemNumber(this.stem(this.words.folded[id]));
      if (this.marks[s] !== stamp) {
        this.marks[s] = stamp;
        this.counts[s]++;
      }
    }
  }

  private stemNumber(stem: string): number {
    let s = this.stems.get(stem);
    if (s === undefined) {
      s = this.names.length;
      this.stems.set(stem, s);
      this.names.push(stem);
      if (s === this.counts.length) {
        this.counts = grown(this.counts);
        this.marks = grown(this.marks);
      }
    }
    return s;
  }

  result(): Frequencies {
    const df = new Map<string, number>();
    for (let s = 0; s < this.names.length; s++) if (this.counts[s] > 0) df.set(this.names[s], this.counts[s]);
    return { units: this.units, df };
  }
}

function grown(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** Frequencies of the lines of a text, one unit per non-empty line (the background samples' format). */
export function lineFrequencies(text: string, stem: Stemmer): Frequencies {
  const counter = new FrequencyCounter(stem);
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '' && !line.startsWith('#')) counter.add(line);
  return counter.result();
}
