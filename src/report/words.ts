/**
 * The word counts of the report ("Woorden per wijk"): the words of each analysable segment, counted
 * under the columns it counts in. The report builder counts them as documents come; with worker
 * threads, each worker counts those of the documents it codes, from the words its coding pass
 * scanned, and the report takes in its counts (WordCounter.absorb) chunk by chunk in corpus order.
 */
import { unitsOf } from '../analysis/units.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { ScannedWords } from '../match/run-store.js';
import type { Filter } from '../select/filter.js';
import { WordCounter } from '../words/count.js';

/** The lengths of gram the report counts: words alone. */
const LENGTHS = [1];

export function reportWordCounter(stopWords: (language: string) => Set<string>): WordCounter {
  return new WordCounter(LENGTHS, stopWords);
}

/** Counts a document's segments under their columns (`columns`: by segment ordinal; a document without any is not counted). */
export function countColumnWords(counter: WordCounter, coded: CodedDocument, columns: Map<number, string[]>, scanned?: ScannedWords): void {
  if (columns.size === 0) return;
  counter.add(coded.segments, coded.language, (s) => columns.get(s.ordinal) ?? [], scanned);
}

/** Counts a document as the report builder does, by its units at code level (`by`, `filter`). */
export function countReportWords(counter: WordCounter, coded: CodedDocument, by: string, filter: Filter, scanned?: ScannedWords): void {
  const columns = new Map<number, string[]>();
  for (const unit of unitsOf(coded, by, 'code', filter)) columns.set(unit.segment.ordinal, unit.columns);
  countColumnWords(counter, coded, columns, scanned);
}
