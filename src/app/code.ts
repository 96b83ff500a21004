/**
 * `code`: auto-code an opened corpus. The result holds the coded documents as a stream, coded as
 * they are read, so that a formatter writes each one before the next is coded; the totals fill in
 * as the stream is read.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import type { RunInfo } from '../formatters/codings-json.js';
import { codedDocuments, newTotals, type OpenedCorpus, type Progress, type Totals } from './corpus.js';
import type { Outcome } from './outcome.js';
import { VERSION } from './version.js';

export interface CodeResult {
  run: RunInfo;
  /** Attribute keys of the documents, as the CSV columns name them. */
  attributeKeys: string[];
  /** The coded documents, coded one by one as they are read: read them once. */
  documents: Iterable<CodedDocument>;
  /** Documents, segments and codings seen so far in `documents`. */
  totals: Totals;
}

export interface CodeRequest {
  /** Worker threads that code the corpus; 0 (the default) codes in this thread. */
  workers?: number;
}

export function code(opened: OpenedCorpus, request: CodeRequest = {}, progress?: Progress): Outcome<CodeResult> {
  const totals = newTotals();
  const documents = codedDocuments(opened, totals, progress, request.workers);
  return {
    result: { run: runInfo(opened), attributeKeys: attributeKeys(opened), documents, totals },
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
