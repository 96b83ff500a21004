/**
 * `analyse`: the main job. Codes the corpus once and writes every output of the analysis into a
 * folder: the codings as each document is coded, then the excerpts, matrices, co-occurrence, district
 * tables, report and an index. The folder is given by the caller (the command line gives one that
 * is swapped in whole or not at all, io/output-folder.ts); nothing is printed.
 */
import { join } from 'node:path';
import { CooccurBuilder, type Cooccurrence } from '../analysis/cooccur.js';
import type { Matrix } from '../analysis/matrix.js';
import type { Summary } from '../analysis/summary.js';
import type { Memo } from '../corpus/memos.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { OUTPUT_MARKER } from '../io/files.js';
import { ExcerptStream } from '../excerpts/stream.js';
import { analysisFiles, analysisStreams } from '../formatters/analysis.js';
import { PartFiles } from '../io/parts.js';
import type { Report } from '../report/model.js';
import { NO_FILTER } from '../select/filter.js';
import { attributeKeys, runInfo } from './code.js';
import { checkSelection, codedChunks, newTotals, outputLanguage, type OpenedCorpus, type Progress, type Totals } from './corpus.js';
import { unlessErrors, type Outcome } from './outcome.js';
import { memosOf, reportBuilder, reportTitle, workerWords } from './report.js';

export interface AnalyseRequest {
  /** Worker threads that code the corpus; 0 (the default) codes in this thread. */
  workers?: number;
  /** CSV files for Excel: BOM, `;` and decimal commas. */
  excel?: boolean;
  /** Memos for the district tables; when absent, those of memos/ in the project. */
  memos?: Memo[];
}

/** Where the files go: a folder with a `temp` path for scratch files (removed before the function returns). */
export interface AnalysisFolder {
  readonly temp: string;
  file(name: string): { write(chunk: string | Uint8Array): void; writeAll(chunks: Iterable<string | Uint8Array>): void };
}

export interface AnalyseHooks {
  progress?: Progress;
  /** Called between documents and files: a turn for the event loop, where the caller may stop the run by throwing. */
  poll?: () => Promise<void>;
}

export interface AnalyseResult {
  /** Name of the codebook. */
  codebook: string;
  language: string;
  /** The compared attribute (compareBy of the project). */
  by: string;
  totals: Totals;
  matrices: { codes: Matrix; clusters: Matrix };
  cooccurrence: Cooccurrence;
  summary: Summary;
  report: Report;
  /** The files written for people to read, in order (the marker file that says qda made the folder aside). */
  files: string[];
}

/**
 * Checks the selection and the memos, then asks for the folder (`folder` is called only when there is
 * something to write) and fills it. The caller commits the folder, or aborts it when this throws.
 */
export async function analyse(
  opened: OpenedCorpus,
  request: AnalyseRequest,
  folder: () => AnalysisFolder,
  hooks: AnalyseHooks = {},
): Promise<Outcome<AnalyseResult>> {
  const by = opened.project.settings.compareBy;
  const checked = unlessErrors(checkSelection(opened, NO_FILTER, { name: by, explicit: false }), () => memosOf(opened, request));
  if (!checked.result || hasErrors(checked.diagnostics)) return { diagnostics: checked.diagnostics };
  return { result: await run(opened, request, checked.result, folder(), hooks), diagnostics: checked.diagnostics };
}

async function run(
  opened: OpenedCorpus,
  request: AnalyseRequest,
  memos: Memo[],
  folder: AnalysisFolder,
  hooks: AnalyseHooks,
): Promise<AnalyseResult> {
  const poll = hooks.poll ?? (async () => {});
  const by = opened.project.settings.compareBy;
  const language = outputLanguage(opened);
  const csv = { excel: request.excel };
  const cooccur = new CooccurBuilder(opened.codebook, { level: 'code', within: 'segment', measure: 'count', filter: NO_FILTER, language });
  // The report counts the theme matrices (codes and clusters, segments by compareBy) and the district
  // tables that analyse writes too: they are taken from it rather than counted a second time.
  const workers = request.workers ?? 0;
  // With worker threads, the report's word counts are made by the workers from the words they scanned.
  const report = reportBuilder(opened, by, NO_FILTER, workers > 0);
  const builders = [cooccur, report];
  const parts = new PartFiles(join(folder.temp, '.parts'));
  const excerpts = new ExcerptStream(opened.codebook, NO_FILTER, 1, parts, {
    markdown: { attribute: by, language: opened.project.settings.language },
    csv,
  });
  const streams = analysisStreams(runInfo(opened), attributeKeys(opened), csv);
  const files = streams.map((s) => folder.file(s.file));
  streams.forEach((s, i) => files[i].write(s.formatter.start()));
  const totals = newTotals();
  for (const { documents, words } of codedChunks(opened, totals, hooks.progress, workers, workers > 0 ? workerWords(opened, by) : undefined)) {
    if (workers > 0) {
      if (!words) throw new Error('a coding worker thread did not count the words of its documents');
      report.absorbWords(words);
    }
    for (const coded of documents) {
      streams.forEach((s, i) => files[i].write(s.formatter.item(coded)));
      for (const b of builders) b.add(coded);
      excerpts.add(coded);
      await poll();
    }
  }
  streams.forEach((s, i) => files[i].writeAll([s.formatter.end()]));
  const shown = report.result(reportTitle(opened), memos);
  const result: AnalyseResult = {
    codebook: opened.codebook.name,
    language,
    by,
    totals,
    matrices: { codes: shown.codes, clusters: shown.clusters },
    cooccurrence: cooccur.result(),
    summary: shown.summary,
    report: shown,
    files: streams.map((s) => s.file),
  };
  try {
    for (const { file, text } of analysisFiles(result, excerpts, csv)) {
      folder.file(file).writeAll(text());
      if (file !== OUTPUT_MARKER) result.files.push(file);
      await poll();
    }
  } finally {
    parts.remove();
  }
  return result;
}
