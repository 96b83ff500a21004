/**
 * `code`: auto-code an opened corpus. The result holds the coded documents as a stream, coded as
 * they are read, so that a formatter writes each one before the next is coded; the totals fill in
 * as the stream is read.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import type { FormattedChunk } from '../corpus/parallel.js';
import type { CodingsFormat } from '../formatters/codings.js';
import type { RunInfo } from '../formatters/codings-json.js';
import { codedDocuments, formattedDocuments, newTotals, type OpenedCorpus, type Progress, type Totals } from './corpus.js';
import type { Outcome } from './outcome.js';
import { VERSION } from './version.js';

/** The result; its documents are CodedDocument unless the request named a format (`Written`). */
export interface CodeResult<D = CodedDocument> {
  run: RunInfo;
  /** Attribute keys of the documents, as the CSV columns name them. */
  attributeKeys: string[];
  /**
   * The coded documents, coded one by one as they are read: read them once. With worker threads and
   * a format asked for, chunks of them as the workers formatted them in it instead.
   */
  documents: Iterable<D>;
  /** Documents, segments and codings seen so far in `documents`. */
  totals: Totals;
}

export interface CodeRequest {
  /** Worker threads that code the corpus; 0 (the default) codes in this thread. */
  workers?: number;
  /**
   * The format the result will be written in: worker threads then write the documents in it
   * themselves, so that the main thread only puts the bytes in order.
   */
  format?: Pick<CodingsFormat, 'name' | 'excel'>;
}

/** What the codings formatters take: coded documents, or chunks of them formatted by worker threads. */
export type Written = CodeResult<CodedDocument | FormattedChunk>;

export function code(opened: OpenedCorpus, request: CodeRequest & Required<Pick<CodeRequest, 'format'>>, progress?: Progress): Outcome<Written>;
export function code(opened: OpenedCorpus, request?: CodeRequest, progress?: Progress): Outcome<CodeResult>;
export function code(opened: OpenedCorpus, request: CodeRequest = {}, progress?: Progress): Outcome<Written> {
  const totals = newTotals();
  const run = runInfo(opened);
  const keys = attributeKeys(opened);
  const { format, workers } = request;
  const documents = format
    ? formattedDocuments(opened, { ...format, run, attributeKeys: keys }, totals, progress, workers)
    : codedDocuments(opened, totals, progress, workers);
  return {
    result: { run, attributeKeys: keys, documents, totals },
    diagnostics: [],
  };
}

/** What codings.json says about the run that made it. */
export function runInfo(opened: OpenedCorpus): RunInfo {
  return { generator: `qda ${VERSION}`, codebook: opened.codebook, codebookPath: opened.codebookPath, unit: opened.project.settings.unit };
}

export function attributeKeys(opened: OpenedCorpus): string[] {
  return opened.documents.flatMap((d) => Object.keys(d.attributes));
}
