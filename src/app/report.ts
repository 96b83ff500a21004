/**
 * `report`: everything the HTML report shows (the theme matrix with the excerpts behind each cell,
 * the district tables, the codebook, a corpus overview), computed in one pass over an opened corpus.
 */
import { basename, resolve } from 'node:path';
import type { Memo } from '../corpus/memos.js';
import { exists, readText } from '../io/files.js';
import type { WorkerWords } from '../corpus/parallel.js';
import { RunStore } from '../match/run-store.js';
import { ReportBuilder, type Report } from '../report/model.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { stopWordsOf } from '../words/stop-words.js';
import { checkSelection, codedDocuments, outputLanguage, selectedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { projectMemos } from './memos.js';
import { unlessErrors, type Outcome } from './outcome.js';
import { VERSION } from './version.js';

export interface ReportRequest {
  /** Columns of the heatmap and rows of the district tables. Default: compareBy of the project. */
  by?: string;
  /** Whether `by` was the user's choice: a name that no document has is then an error, not a warning. */
  byExplicit?: boolean;
  /** Default: the codebook name and the project folder (reportTitle). */
  title?: string;
  /** Memos to explain rows with; when absent they are read from `memoFolder`, else memos/ of the project. */
  memos?: Memo[];
  memoFolder?: string;
  filter?: Filter;
}

export interface ReportResult {
  report: Report;
  /** Documents the filter let through. */
  documents: number;
}

export function report(opened: OpenedCorpus, request: ReportRequest = {}, progress?: Progress): Outcome<ReportResult> {
  const filter = request.filter ?? NO_FILTER;
  const by = request.by ?? opened.project.settings.compareBy;
  return unlessErrors(checkSelection(opened, filter, { name: by, explicit: request.byExplicit ?? request.by !== undefined }), () => {
    const memos = memosOf(opened, request);
    return unlessErrors(memos.diagnostics, () => {
      const builder = reportBuilder(opened, by, filter);
      for (const coded of codedDocuments(opened, undefined, progress)) builder.add(coded);
      const result = {
        report: builder.result(request.title ?? reportTitle(opened), memos.result ?? []),
        documents: selectedDocuments(opened, filter),
      };
      return { result, diagnostics: [] };
    });
  });
}

/** The memos given, or those of the folder named (memos/ of the project by default), with their problems. */
export function memosOf(opened: OpenedCorpus, request: { memos?: Memo[]; memoFolder?: string }): Outcome<Memo[]> {
  return request.memos ? { result: request.memos, diagnostics: [] } : projectMemos(opened, request.memoFolder);
}

/** A builder of the report, to be fed coded documents (qda analyse feeds it in its one pass). */
export function reportBuilder(opened: OpenedCorpus, by: string, filter: Filter = NO_FILTER, wordsElsewhere = false): ReportBuilder {
  // The coding pass keeps the words it scans (one batch at a time) for the report's word counts.
  const runs = (opened.corpus.runs ??= new RunStore());
  return new ReportBuilder(opened.codebook, {
    by,
    language: outputLanguage(opened),
    generator: `qda ${VERSION}`,
    filter,
    minG2: opened.project.settings.minG2,
    stopWords: (language) =>
      stopWordsOf(language, opened.project.settings.stopWords, (file) => (exists(file, opened.cwd) ? readText(file, opened.cwd) : undefined)),
    scanned: (language) => ({ table: opened.compiled.wordTable(language), runs }),
    wordsElsewhere,
  });
}

/** What worker threads need to count the report's words of the documents they code (reportBuilder with `wordsElsewhere`). */
export function workerWords(opened: OpenedCorpus, by: string): WorkerWords {
  return { by, stopWords: opened.project.settings.stopWords };
}

/** The codebook name and the project folder, e.g. "HALL framework — rotterdam". */
export function reportTitle(opened: OpenedCorpus): string {
  return `${opened.codebook.name} — ${basename(resolve(opened.cwd, opened.project.root))}`;
}
