/**
 * `matrix`: the theme matrix of an opened corpus, codes or clusters × an attribute, documents or
 * speakers, as counts or percentages. The same function serves the command line and scripts.
 */
import { hideEmpty, MatrixBuilder, toPercent, type Count, type Matrix, type Percent } from '../analysis/matrix.js';
import type { Level } from '../analysis/units.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { checkSelection, codedDocuments, outputLanguage, selectedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { REQUEST, unlessErrors, type Outcome } from './outcome.js';

export interface MatrixRequest {
  /** Rows: codes, or clusters (a cluster counts a segment once). Default code. */
  level?: Level;
  /** Columns: an attribute, or `document`, or `speaker`. Default: compareBy of the project. */
  by?: string;
  /** Whether `by` was the user's choice: a name that no document has is then an error, not a warning. */
  byExplicit?: boolean;
  /** What a cell counts. Default segments. */
  count?: Count;
  percent?: Percent;
  hideEmpty?: boolean;
  /** Count only auto codings with at least this score (0-1); codes given by hand always count. */
  minScore?: number;
  filter?: Filter;
}

export interface MatrixResult {
  matrix: Matrix;
  /** Language of labels and headings. */
  language: string;
  /** Documents the filter let through. */
  documents: number;
}

/** What cannot be asked together; the command line says it before opening the corpus. */
export function matrixRequestProblem(request: MatrixRequest): string | undefined {
  if (request.percent && request.count === 'coverage') return '--percent does not apply to --count coverage, which is a percentage already';
  return undefined;
}

export function matrix(opened: OpenedCorpus, request: MatrixRequest = {}, progress?: Progress): Outcome<MatrixResult> {
  const problem = matrixRequestProblem(request);
  if (problem) return { diagnostics: [diagnostic('error', REQUEST, 'options/conflict', problem)] };
  const filter = request.filter ?? NO_FILTER;
  const by = request.by ?? opened.project.settings.compareBy;
  const language = outputLanguage(opened);
  return unlessErrors(checkSelection(opened, filter, { name: by, explicit: request.byExplicit ?? request.by !== undefined }), () => {
    const builder = new MatrixBuilder(opened.codebook, { level: request.level ?? 'code', by, count: request.count ?? 'segments', filter, language });
    const min = request.minScore;
    for (const coded of codedDocuments(opened, undefined, progress))
      builder.add(min === undefined ? coded : { ...coded, codings: coded.codings.filter((c) => c.score === undefined || c.score >= min) });
    let m = builder.result();
    if (request.percent) m = toPercent(m, request.percent);
    if (request.hideEmpty) m = hideEmpty(m);
    return { result: { matrix: m, language, documents: selectedDocuments(opened, filter) }, diagnostics: [] };
  });
}
