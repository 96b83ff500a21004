/**
 * An opened corpus as the application functions use it: the project, the compiled codebook, the
 * files and their survey, and the options the pipeline codes with. Coding runs document by
 * document (`codedDocuments`); only counts are kept for the whole corpus.
 */
import { collectWhenGrown } from '../corpus/heap.js';
import type { CompiledCodebook } from '../codebook/compile.js';
import type { Codebook } from '../codebook/types.js';
import { CodingCounter } from '../coding/tally.js';
import {
  codeChunksInWorkers,
  codeInWorkers,
  CodingThreads,
  formatInWorkers,
  workerSetup,
  type FormattedChunk,
  type WorkerWords,
} from '../corpus/parallel.js';
import type { CounterParts } from '../words/count.js';
import type { CodingsFormat } from '../formatters/codings.js';
import { codeCorpus, type CodedDocument, type CorpusOptions, type DocumentInfo } from '../corpus/pipeline.js';
import type { Project } from '../corpus/project.js';
import type { Redaction } from '../anonymise/redact.js';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkBy, checkFilter, type SelectionProblem } from '../select/check.js';
import { documentSelected, NO_FILTER, type Filter } from '../select/filter.js';
import { REQUEST } from './outcome.js';

export interface OpenedCorpus {
  /** The folder its paths are relative to. */
  cwd: string;
  project: Project;
  codebook: Codebook;
  /** The codebook as outputs name it (relative, or "hall (shipped)"). */
  codebookPath: string;
  compiled: CompiledCodebook;
  files: string[];
  documents: DocumentInfo[];
  corpus: CorpusOptions;
  /** The key of --redact, applied to texts as they are read. */
  redaction?: Redaction;
  /** The worker threads that surveyed the corpus and keep what they parsed, to code it (OpenOptions.codingThreads). */
  codingThreads?: CodingThreads;
}

/** Told of each document as it is coded, e.g. to show progress on a terminal. */
export interface Progress {
  step(label: string): void;
  done(): void;
}

export interface Totals {
  documents: number;
  segments: number;
  /** Segments with at least one code. */
  coded: number;
  /** Distinct (segment, code) codings, and per source. */
  codings: CodingCounter;
}

export const newTotals = (): Totals => ({ documents: 0, segments: 0, coded: 0, codings: new CodingCounter() });

/** The coded documents, one at a time, counted into `totals` as they pass; coded in `workers` threads when more than 0. */
export function* codedDocuments(opened: OpenedCorpus, totals: Totals = newTotals(), progress?: Progress, workers = 0): Generator<CodedDocument> {
  for (const coded of coding(opened, workers)) {
    counted(coded, totals, progress);
    yield coded;
  }
  progress?.done();
}

function counted(coded: CodedDocument, totals: Totals, progress?: Progress): void {
  collectWhenGrown(coded.document.text.length);
  progress?.step(coded.document.path);
  totals.documents++;
  totals.segments += coded.segments.length;
  totals.coded += new Set(coded.codings.map((c) => c.segment)).size;
  totals.codings.add(coded.codings);
}

/**
 * The coded documents a chunk at a time, counted into `totals` as they pass. With worker threads and
 * `words`, each chunk comes with the report's word counts of its documents, counted by the worker
 * that coded them; without threads, every chunk is one document.
 */
export function* codedChunks(
  opened: OpenedCorpus,
  totals: Totals = newTotals(),
  progress?: Progress,
  workers = 0,
  words?: WorkerWords,
): Generator<{ documents: CodedDocument[]; words?: CounterParts }> {
  if (workers === 0) {
    for (const coded of codedDocuments(opened, totals, progress)) yield { documents: [coded] };
    return;
  }
  for (const chunk of codeChunksInWorkers(codingThreads(opened, workers), words)) {
    for (const coded of chunk.documents) counted(coded, totals, progress);
    yield chunk;
  }
  progress?.done();
}

/**
 * With worker threads, the coded documents as the workers formatted them in `format`, a chunk at a
 * time, counted into `totals` as they pass; without, the coded documents themselves.
 */
export function* formattedDocuments(
  opened: OpenedCorpus,
  format: CodingsFormat,
  totals: Totals = newTotals(),
  progress?: Progress,
  workers = 0,
): Generator<CodedDocument | FormattedChunk> {
  if (workers === 0) return yield* codedDocuments(opened, totals, progress, workers);
  for (const chunk of formatInWorkers(codingThreads(opened, workers), format)) {
    collectWhenGrown(chunk.characters);
    for (const path of chunk.paths) progress?.step(path);
    totals.documents += chunk.items;
    totals.segments += chunk.segments;
    totals.coded += chunk.coded;
    totals.codings.addCount(chunk.codings);
    yield chunk;
  }
  progress?.done();
}

function coding(opened: OpenedCorpus, workers: number): Iterable<CodedDocument> {
  if (workers === 0) return codeCorpus(opened.files, opened.compiled, opened.corpus);
  return codeInWorkers(codingThreads(opened, workers));
}

/** The threads that surveyed the corpus, else `workers` new ones that read the files again (what the survey kept for this thread is let go). */
function codingThreads(opened: OpenedCorpus, workers: number): CodingThreads {
  const surveyed = opened.codingThreads;
  if (surveyed) {
    opened.codingThreads = undefined;
    return surveyed;
  }
  opened.corpus.parsed?.clear();
  return CodingThreads.start(workerSetup(opened.files, opened.codebook, opened.corpus, opened.cwd), workers);
}

/** The language labels and headings are written in: the project's, else the codebook's. */
export function outputLanguage(opened: OpenedCorpus): string {
  return opened.project.settings.language ?? opened.codebook.language;
}

/** How many documents the filter lets through: what a summary line says it counted from. */
export function selectedDocuments(opened: OpenedCorpus, filter: Filter): number {
  return opened.documents.filter((d) => documentSelected(d.attributes, filter)).length;
}

export interface ByChoice {
  name: string;
  /** Named by the user (--by); otherwise compareBy of qda.yaml or its default. */
  explicit: boolean;
}

/**
 * `--code`, `--where`, `--speaker` and the compare-by attribute checked against the corpus before
 * any counting: a name that nothing has is an error (with a suggestion) instead of an empty result.
 */
export function checkSelection(opened: OpenedCorpus, filter: Filter = NO_FILTER, by?: ByChoice): Diagnostic[] {
  const problems = checkFilter(
    filter,
    opened.codebook.codes.map((c) => c.id),
    opened.documents,
  );
  const diagnostics = problems.map((p) => requestProblem('error', p));
  if (problems.length === 0 && by) {
    const checked = checkBy(by.name, opened.documents, filter);
    if (checked.problem && by.explicit)
      diagnostics.push(requestProblem('error', { ...checked.problem, message: `--by ${by.name}: ${checked.problem.message}` }));
    else if (checked.problem)
      diagnostics.push(
        requestProblem('warning', { ...checked.problem, message: `${checked.problem.message}; every document is counted under (none)` }),
      );
    diagnostics.push(...sortDiagnostics(checked.missing));
  }
  return diagnostics;
}

function requestProblem(severity: 'error' | 'warning', p: SelectionProblem): Diagnostic {
  return diagnostic(severity, REQUEST, 'selection/unknown', p.message, undefined, p.hint);
}
