/**
 * `summary`: per cluster, a table comparing the values of an attribute (districts by default):
 * the leading codes and an explanation, from a memo when one exists, else the most telling excerpt.
 */
import { SummaryBuilder, type Summary } from '../analysis/summary.js';
import type { Memo } from '../corpus/memos.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { checkSelection, codedDocuments, outputLanguage, selectedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { unlessErrors, type Outcome } from './outcome.js';

export interface SummaryRequest {
  /** One row per value of this attribute. Default: compareBy of the project. */
  by?: string;
  /** Whether `by` was the user's choice: a name that no document has is then an error, not a warning. */
  byExplicit?: boolean;
  /** How many leading codes a row names. Default 3. */
  aspects?: number;
  /** Memos to explain rows with (see projectMemos). */
  memos?: Memo[];
  filter?: Filter;
}

export interface SummaryResult {
  summary: Summary;
  /** Documents the filter let through. */
  documents: number;
}

export function summary(opened: OpenedCorpus, request: SummaryRequest = {}, progress?: Progress): Outcome<SummaryResult> {
  const filter = request.filter ?? NO_FILTER;
  const by = request.by ?? opened.project.settings.compareBy;
  return unlessErrors(checkSelection(opened, filter, { name: by, explicit: request.byExplicit ?? request.by !== undefined }), () => {
    const builder = new SummaryBuilder(opened.codebook, { by, filter, language: outputLanguage(opened), aspects: request.aspects ?? 3 });
    for (const coded of codedDocuments(opened, undefined, progress)) builder.add(coded);
    return { result: { summary: builder.result(request.memos ?? []), documents: selectedDocuments(opened, filter) }, diagnostics: [] };
  });
}
