/**
 * What every corpus command does first: open the corpus (app/open.ts) and show every problem on
 * stderr. Returns only when the input has no errors, so that a command writes output only for a
 * clean corpus.
 */
import type { Memo } from '../corpus/memos.js';
import { projectMemos } from '../app/memos.js';
import { collapseRepeats, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { makeColour } from '../formatters/colour.js';
import { formatDiagnostic } from '../formatters/diagnostics.js';
import { join } from 'node:path';
import { displayPath } from '../corpus/project.js';
import { CONFIG_FILE } from '../corpus/settings.js';
import { inputProblem, ProblemsReported } from './errors.js';
import { colourOnStderr, type Io } from './io.js';
import type { CorpusFlags } from './options.js';
import { codedDocuments, newTotals, outputLanguage, type OpenedCorpus, type Progress, type Totals } from '../app/corpus.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { noTranscripts, openCorpus, prepareOpen, type OpenOptions } from '../app/open.js';
import { REQUEST, type Outcome } from '../app/outcome.js';
import { corpusProgress } from './progress.js';

export interface Session extends OpenedCorpus {
  io: Io;
  /** Every problem found in opening it (for `qda check`). */
  diagnostics: Diagnostic[];
}

export type SessionOptions = OpenOptions;

export { newTotals, outputLanguage, type Totals };

export async function openSession(paths: string[], flags: CorpusFlags, io: Io, options: SessionOptions = {}): Promise<Session> {
  let opened: ReturnType<typeof openCorpus>;
  try {
    opened = openCorpus(paths, flags, io.cwd, await prepareOpen(paths, flags, io.cwd, options));
  } finally {
    // Survey threads the corpus did not need, or that a problem left unused, end with the opening.
    options.surveyThreads?.close();
  }
  const { result, diagnostics } = opened;
  showOpening(io, diagnostics);
  if (!result) throw new ProblemsReported(1, diagnostics.some((d) => d.file === REQUEST) ? [] : diagnostics);
  requireFiles(paths, result, io, options.codebookOnly);
  return { ...result, io, diagnostics };
}

/** The diagnostics of openCorpus on stderr: those of files sorted and collapsed, then those of the request. */
export function showOpening(io: Io, diagnostics: Diagnostic[]): void {
  report(
    io,
    diagnostics.filter((d) => d.file !== REQUEST),
  );
  printInOrder(
    io,
    diagnostics.filter((d) => d.file === REQUEST),
  );
}

/** A corpus without transcripts ends the command (see noTranscripts), unless `codebookOnly` and qda.yaml says `corpus: []`. */
export function requireFiles(paths: string[], opened: OpenedCorpus, io: Io, codebookOnly = false): void {
  if (opened.files.length > 0) return;
  const { corpus } = opened.project.settings;
  if (corpus.length === 0 && !codebookOnly)
    throw inputProblem(
      `${displayPath(join(opened.project.root, CONFIG_FILE), io.cwd)} has \`corpus: []\`: this project holds a codebook only`,
      'add transcripts and name them, e.g. `corpus: [corpus/**/*.md]`; qda check and qda export qdpx work without them',
    );
  if (!(codebookOnly && corpus.length === 0)) noTranscripts(paths.length > 0 ? paths : corpus, io.cwd);
}

/** The memos of the project (or of `dir`), reported on stderr; undefined when one has an error. */
export function loadMemos(session: Session, dir?: string): Memo[] | undefined {
  const { result, diagnostics } = projectMemos(session, dir);
  report(session.io, diagnostics);
  return hasErrors(diagnostics) ? undefined : result;
}

/**
 * The result of an application function, after its diagnostics are shown on stderr in the order
 * given, at most a few of a kind per file. An outcome with errors (or without a result) ends the
 * command with exit status 1.
 */
export function reported<T>(io: Io, outcome: Outcome<T>): T {
  showDiagnostics(io, outcome.diagnostics);
  if (outcome.result === undefined || hasErrors(outcome.diagnostics)) throw new ProblemsReported(1, outcome.diagnostics);
  return outcome.result;
}

/** Diagnostics of an outcome on stderr as `reported` shows them, for a command that says more after them. */
export function showDiagnostics(io: Io, diagnostics: Diagnostic[]): void {
  printInOrder(io, collapseRuns(diagnostics));
}

/**
 * Each run of file diagnostics collapsed as `report` does (at most a few of a kind per file, then
 * how many more); problems of the request are shown as they are, where they stand.
 */
function collapseRuns(diagnostics: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < diagnostics.length;) {
    const request = diagnostics[i].file === REQUEST;
    let j = i + 1;
    while (j < diagnostics.length && (diagnostics[j].file === REQUEST) === request) j++;
    const run = diagnostics.slice(i, j);
    out.push(...(request ? run : collapseRepeats(run)));
    i = j;
  }
  return out;
}

function printInOrder(io: Io, diagnostics: Diagnostic[]): void {
  const colour = makeColour(colourOnStderr(io));
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d, colour)}\n`);
}

/** Shown sorted by file and position, at most a few of a kind per file. */
export function report(io: Io, diagnostics: Diagnostic[]): void {
  const colour = makeColour(colourOnStderr(io));
  for (const d of collapseRepeats(sortDiagnostics(diagnostics))) io.stderr.write(`${formatDiagnostic(d, colour)}\n`);
}

/** The coded documents, counting as they pass and showing progress; coded in `workers` threads when more than 0. */
export function counted(session: Session, totals: Totals, workers = 0): Generator<CodedDocument> {
  return codedDocuments(session, totals, corpusBar(session), workers);
}

/** Progress of a whole corpus pass: documents and bytes done, from the sizes of the files. */
export function corpusBar(session: Session): Progress {
  const tty = session.io.stderrIsTTY;
  const size = (path: string) => session.corpus.size?.(path) ?? 0;
  const bar = corpusProgress(session.io, session.files.length, tty ? session.files.reduce((n, f) => n + size(f), 0) : 0);
  return { step: (path) => bar.step(tty ? size(path) : 0), done: () => bar.done() };
}

/** Progress on a terminal only: one line, rewritten in place, cleared at the end. */
export function progress(io: Io, total: number): Progress {
  const show = io.stderrIsTTY && total > 20;
  let count = 0;
  let last = 0;
  return {
    step(label) {
      count++;
      const now = Date.now();
      if (!show || now - last < 100) return;
      last = now;
      io.stderr.write(`\r\x1b[K${count}/${total} ${label}`);
    },
    done() {
      if (show) io.stderr.write('\r\x1b[K');
    },
  };
}
