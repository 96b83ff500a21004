/**
 * qda as a library: the functions the command line uses, for scripts and notebooks.
 */
export { LineIndex, type Point, type Range } from './position/line-index.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { decode } from './io/decode.js';
export { readDocument, segmentDocument, type Document, type Segment, type Unit, type AttributeValue } from './ingest/document.js';
export { parseCodebook } from './codebook/load.js';
export { compileCodebook, type CompiledCodebook } from './codebook/compile.js';
export type { Code, Codebook, Language } from './codebook/types.js';
export { autoCode } from './coding/auto-code.js';
export type { Coding, Evidence } from './coding/coding.js';
export { surveyCorpus, codeCorpus, type CodedDocument, type CorpusOptions } from './corpus/pipeline.js';
export { collectExcerpts, type Excerpt, type ExcerptGroup } from './excerpts/collect.js';
export { evaluate, type Evaluation, type LabelledItem } from './evaluate/evaluate.js';
export { evaluateLabelled, type EvalRequest, type EvalResult } from './app/eval.js';
export type { Outcome } from './app/outcome.js';
export { openCorpus, prepareOpen, type OpenOptions } from './app/open.js';
export type { CorpusSettings } from './app/settings.js';
export { codedDocuments, checkSelection, type OpenedCorpus, type Progress, type Totals } from './app/corpus.js';
export { check, type CheckResult } from './app/check.js';
export { agree, agreeConflicts, agreeOnData, type AgreeRequest, type AgreeResult } from './app/agree.js';
export type { ConflictsView } from './formatters/conflicts.js';
export { code, runInfo, attributeKeys, type CodeRequest, type CodeResult } from './app/code.js';
export { matrix, type MatrixRequest, type MatrixResult } from './app/matrix.js';
export { cooccur, type CooccurRequest, type CooccurResult } from './app/cooccur.js';
export { summary, type SummaryRequest, type SummaryResult } from './app/summary.js';
export { excerpts, type ExcerptsRequest, type ExcerptsResult } from './app/excerpts.js';
export { projectMemos } from './app/memos.js';
export { words, wordsPass, type WordsRequest, type WordsResult, type WordsPass } from './app/words.js';
export {
  search,
  searchPass,
  codeHits,
  queryProblem,
  coderProblem,
  type SearchRequest,
  type SearchResult,
  type SearchPass,
  type CodeHitsRequest,
  type CodeHitsResult,
} from './app/search.js';
export type { SearchResult as SearchFound, SearchHit, GroupCount } from './search/collect.js';
export { lockedWrite, type LockedWriter } from './app/locked-write.js';
export { learn, modelNameProblem, type LearnRequest, type LearnResult } from './app/learn.js';
export type { CrossValidation } from './learn/cross-validate.js';
export type { Model } from './learn/model.js';
export { modelJson } from './learn/model-file.js';
export {
  anonymise,
  anonymiseOpenOptions,
  checkAnonymiseRequest,
  ANONYMISED_MARKER,
  type AnonymiseRequest,
  type AnonymiseResult,
  type AnonymiseWriters,
  type Staged,
} from './app/anonymise.js';
export type { KeyEntry } from './anonymise/key.js';
export type { WordsResult as WordLists, TermRow, DistinctiveRow, GroupWords, Measure as WordsMeasure } from './words/result.js';
export { analyse, type AnalyseRequest, type AnalyseResult, type AnalyseHooks, type AnalysisFolder } from './app/analyse.js';
export { ANALYSIS_FILES } from './formatters/analysis.js';
export { OutputFolder } from './io/output-folder.js';
export { report, reportTitle, type ReportRequest, type ReportResult } from './app/report.js';
export type { Report } from './report/model.js';
export { importQdpx, type ImportRequest, type ImportedProject } from './app/import.js';
export { exportQdpx, type ExportRequest, type ExportResult } from './app/export.js';
export {
  exportCodebook,
  importCodebook,
  type CodebookFormat,
  type CodebookText,
  type CodebookImportRequest,
  type ImportedCodebook,
} from './app/codebook.js';
export type { ZipLimits } from './exchange/zip-read.js';
export {
  reviewExport,
  reviewImport,
  checkReviewImport,
  type ReviewExportRequest,
  type ReviewSheet,
  type ReviewImportRequest,
  type ReviewImportResult,
} from './app/review.js';
export type { ReviewItem } from './manual/review.js';
export { merge, checkMerge, type MergeRequest, type MergeResult } from './app/merge.js';
export { audit, type AuditRequest, type AuditResult } from './app/audit.js';
export { init, type InitResult } from './app/init.js';
export type { CodebookAudit } from './audit/audit.js';
export type { Cooccurrence, Measure, Within } from './analysis/cooccur.js';
export type { Summary } from './analysis/summary.js';
export type { Memo } from './corpus/memos.js';
export type { Matrix, Count, Percent } from './analysis/matrix.js';
export type { Filter } from './select/filter.js';
export {
  FORMATTERS,
  formatNames,
  getFormatter,
  type Formatter,
  type FormatOptions,
  type FormatName,
  type FormatterOf,
  type Kind,
} from './formatters/index.js';
export { run } from './cli/run.js';
