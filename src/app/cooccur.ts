/**
 * `cooccur`: code × code (or cluster × cluster) co-occurrence within a segment or a document, as
 * counts or Jaccard similarity, of an opened corpus.
 */
import { CooccurBuilder, type Cooccurrence, type Measure, type Within } from '../analysis/cooccur.js';
import type { Level } from '../analysis/units.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { checkSelection, codedDocuments, outputLanguage, selectedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { unlessErrors, type Outcome } from './outcome.js';

export interface CooccurRequest {
  /** Codes or clusters. Default code. */
  level?: Level;
  /** Codes given together to a segment, or to a document. Default segment. */
  within?: Within;
  /** Default count. */
  measure?: Measure;
  filter?: Filter;
}

export interface CooccurResult {
  cooccurrence: Cooccurrence;
  /** Documents the filter let through. */
  documents: number;
}

export function cooccur(opened: OpenedCorpus, request: CooccurRequest = {}, progress?: Progress): Outcome<CooccurResult> {
  const filter = request.filter ?? NO_FILTER;
  return unlessErrors(checkSelection(opened, filter), () => {
    const builder = new CooccurBuilder(opened.codebook, {
      level: request.level ?? 'code',
      within: request.within ?? 'segment',
      measure: request.measure ?? 'count',
      filter,
      language: outputLanguage(opened),
    });
    for (const coded of codedDocuments(opened, undefined, progress)) builder.add(coded);
    return { result: { cooccurrence: builder.result(), documents: selectedDocuments(opened, filter) }, diagnostics: [] };
  });
}
