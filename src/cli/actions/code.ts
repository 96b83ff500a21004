// The work of `qda code`; its options are declared in ../commands/code.ts.
import { codeCorpus, type CodedDocument } from '../../corpus/pipeline.js';
import { codeInWorkers, workerSetup } from '../../corpus/parallel.js';
import { codingsCsv } from '../../formatters/codings-csv.js';
import { codingsJson, type RunInfo } from '../../formatters/codings-json.js';
import { codingsMarkdown } from '../../formatters/codings-md.js';
import { codingsWithSources } from '../../formatters/plural.js';
import { CodingCounter } from '../../coding/tally.js';
import { stream } from '../../formatters/stream.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { count, percent, summaryLine, writeOutput } from '../output.js';
import { VERSION } from '../version.js';
import { openSession, type Session } from '../session.js';
import { askedWorkers, workerCount } from '../workers.js';
import { corpusProgress } from '../progress.js';
export interface CodeFlags extends CorpusFlags {
  format: 'json' | 'csv' | 'md';
  out?: string;
  excel?: boolean;
  workers?: string;
}

export function codeAction(paths: string[], flags: CodeFlags, io: Io): void {
  const asked = askedWorkers(flags.workers, io.env);
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const totals = newTotals();
  const documents = counted(session, totals, workerCount(session, asked));
  writeOutput(io, flags.out, chunks(session, flags, documents));
  summaryLine(
    io,
    flags.quiet,
    `coded ${count(totals.documents, 'document')}: ${totals.coded} of ${count(totals.segments, 'segment')} coded (${percent(totals.coded, totals.segments)}), ${codingsWithSources(totals.codings.result())} with ${session.codebook.name}`,
  );
}

function chunks(session: Session, flags: CodeFlags, documents: Iterable<CodedDocument>): Iterable<string> {
  const run = runInfo(session);
  if (flags.format === 'json') return stream(codingsJson(run), documents);
  if (flags.format === 'csv') return stream(codingsCsv(attributeKeys(session), { excel: flags.excel }), documents);
  return stream(codingsMarkdown(`Codings — ${session.codebook.name}`), documents);
}

export function runInfo(session: Session): RunInfo {
  return { generator: `qda ${VERSION}`, codebook: session.codebook, codebookPath: session.codebookPath, unit: session.project.settings.unit };
}

export function attributeKeys(session: Session): string[] {
  return session.documents.flatMap((d) => Object.keys(d.attributes));
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

/** The coded documents, counting as they pass and showing progress; coded in `workers` threads when more than 0. */
export function* counted(session: Session, totals: Totals, workers = 0): Generator<CodedDocument> {
  const size = (path: string) => session.corpus.size?.(path) ?? 0;
  const bar = corpusProgress(session.io, session.files.length, session.io.stderrIsTTY ? session.files.reduce((n, f) => n + size(f), 0) : 0);
  for (const coded of codedDocuments(session, workers)) {
    bar.step(session.io.stderrIsTTY ? size(coded.document.path) : 0);
    totals.documents++;
    totals.segments += coded.segments.length;
    totals.coded += new Set(coded.codings.map((c) => c.segment)).size;
    totals.codings.add(coded.codings);
    yield coded;
  }
  bar.done();
}

function codedDocuments(session: Session, workers: number): Iterable<CodedDocument> {
  if (workers === 0) return codeCorpus(session.files, session.compiled, session.corpus);
  // The workers read the files again; what the survey kept for the main thread is not needed.
  session.corpus.parsed?.clear();
  return codeInWorkers(workerSetup(session.files, session.codebook, session.corpus, session.io.cwd), workers);
}
