/**
 * `export qdpx`: the project as a REFI-QDA project file (.qdpx) for NVivo, ATLAS.ti, MAXQDA and
 * QualCoder: codes, documents, every coding as a selection, attributes as variables, memos as
 * notes. Written as a stream (exchange/qdpx-write.ts) into a temporary file renamed into place only
 * when complete, so memory holds one document at a time and a failed run leaves nothing.
 */
import { basename, resolve } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { QdpxWriter } from '../exchange/qdpx-write.js';
import { validateRefi } from '../exchange/validate.js';
import { TooLargeForZip } from '../exchange/zip-write.js';
import { codedDocuments, outputLanguage, type OpenedCorpus, type Progress } from './corpus.js';
import { projectMemos } from './memos.js';
import { REQUEST, type Outcome } from './outcome.js';
import { VERSION } from './version.js';

export interface ExportRequest {
  /** The .qdpx file to write, relative to the corpus's folder (`opened.cwd`). */
  file: string;
  /** Only the codings given by hand (coders' files and inline comments), no auto codings. */
  manualOnly?: boolean;
  /** The memo folder (default memos/ of the project). */
  memos?: string;
  /** Check project.qde against the REFI-QDA schema; on a problem nothing is written. It needs project.qde in memory whole. */
  validate?: boolean;
}

export interface ExportResult {
  file: string;
  documents: number;
  codes: number;
  codings: number;
  variables: number;
  memos: number;
  /** Whether project.qde was checked against the schema (and passed). */
  validated: boolean;
}

export async function exportQdpx(opened: OpenedCorpus, request: ExportRequest, progress?: Progress): Promise<Outcome<ExportResult>> {
  const memos = projectMemos(opened, request.memos);
  if (!memos.result || hasErrors(memos.diagnostics)) return { diagnostics: memos.diagnostics };
  const root = opened.project.root === '.' ? basename(resolve(opened.cwd)) : basename(opened.project.root);
  const writer = new QdpxWriter(resolve(opened.cwd, request.file), {
    name: root || 'qda project',
    origin: `qda ${VERSION}`,
    codebook: opened.codebook,
    language: outputLanguage(opened),
    memos: memos.result,
  });
  try {
    for (const coded of codedDocuments(opened, undefined, progress))
      writer.add(request.manualOnly ? { ...coded, codings: coded.codings.filter((c) => c.source === 'manual') } : coded);
    const { counts, qde } = writer.finish(request.validate);
    if (qde !== undefined) {
      const problems = await schemaProblems(request.file, qde);
      if (problems.length > 0) {
        writer.abort();
        return { diagnostics: [...memos.diagnostics, ...problems] };
      }
    }
    writer.commit();
    const diagnostics = [...memos.diagnostics];
    if (counts.unknownCodes > 0)
      diagnostics.push(diagnostic('warning', REQUEST, 'export/unknown-code', `left out ${counts.unknownCodes} codings of codes the codebook lacks`));
    const result: ExportResult = {
      file: request.file,
      documents: counts.sources,
      codes: opened.codebook.codes.length,
      codings: counts.selections,
      variables: counts.variables,
      memos: counts.notes,
      validated: request.validate === true,
    };
    return { result, diagnostics };
  } catch (error) {
    writer.abort();
    if (!(error instanceof TooLargeForZip)) throw error;
    return {
      diagnostics: [
        diagnostic(
          'error',
          REQUEST,
          'export/too-large',
          `${request.file} was not written: ${error.message}`,
          undefined,
          'export a part of the corpus at a time (name folders or files)',
        ),
      ],
    };
  }
}

/** project.qde against the bundled schema; a problem is a fault of qda's export, said so. */
async function schemaProblems(file: string, qde: string): Promise<Diagnostic[]> {
  const problems = await validateRefi(qde, 'Project');
  if (problems.length === 0) return [];
  const where = `${file} (project.qde)`;
  return [
    ...problems.map((p) =>
      diagnostic(
        'error',
        where,
        'export/schema',
        `does not validate against the REFI-QDA project schema: ${p.message}`,
        p.line ? { line: p.line, column: 1 } : undefined,
      ),
    ),
    diagnostic(
      'error',
      REQUEST,
      'export/schema',
      `${file} was not written`,
      undefined,
      "this is a fault in qda's export, not in the project: please report it with the lines above",
    ),
  ];
}
