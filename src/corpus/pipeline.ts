/**
 * The corpus run: files → Documents → Segments → Codings, one document at a time, so that only
 * aggregates are held for the whole corpus. `surveyCorpus` is the cheap first pass that finds every
 * problem before any output is written.
 */
import type { CompiledCodebook } from '../codebook/compile.js';
import { LANGUAGES } from '../codebook/types.js';
import { autoCode } from '../coding/auto-code.js';
import type { Coding } from '../coding/coding.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { segmentDocument, type Document, type Segment, type Unit } from '../ingest/document.js';
import { loadDocument } from './load.js';

export interface CorpusOptions {
  encoding: string;
  unit: Unit;
  /** Language for documents that do not name one; defaults to the codebook's. */
  language?: string;
  /** Speaker labels or roles whose segments are not coded (e.g. `interviewer`). */
  skipSpeakers: string[];
  /** Reads a file's bytes; the pipeline itself does no I/O. */
  read: (path: string) => Uint8Array;
}

export interface DocumentInfo {
  id: string;
  path: string;
  attributes: Document['attributes'];
  segments: number;
}

export interface CodedDocument {
  document: Document;
  language: string;
  segments: Segment[];
  /** Ordinals of segments left uncoded because of their speaker. */
  skipped: Set<number>;
  codings: Coding[];
}

/** Read and parse every file once, without coding: all problems, and what each document holds. */
export function surveyCorpus(files: string[], options: CorpusOptions): { documents: DocumentInfo[]; diagnostics: Diagnostic[] } {
  const documents: DocumentInfo[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, string>();
  for (const path of files) {
    const loaded = loadDocument(path, options.read(path), options.encoding);
    diagnostics.push(...loaded.diagnostics);
    const document = loaded.document;
    if (!document) continue;
    const first = ids.get(document.id);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(
          'error',
          path,
          'document/duplicate-id',
          `document id "${document.id}" is also the id of ${first}`,
          { line: 1, column: 1 },
          'give one of them its own `id:` in the front matter',
        ),
      );
      continue;
    }
    ids.set(document.id, path);
    const segments = segmentDocument(document, options.unit).length;
    if (segments === 0)
      diagnostics.push(diagnostic('warning', path, 'document/no-text', 'document has no text to code', undefined, 'add text below the front matter'));
    documents.push({ id: document.id, path, attributes: document.attributes, segments });
  }
  return { documents, diagnostics };
}

/** Code each file in turn. Files with problems are passed over (the survey reported them). */
export function* codeCorpus(files: string[], compiled: CompiledCodebook, options: CorpusOptions): Generator<CodedDocument> {
  const skip = new Set(options.skipSpeakers.map((s) => s.toLowerCase()));
  for (const path of files) {
    const { document } = loadDocument(path, options.read(path), options.encoding);
    if (!document) continue;
    const language = documentLanguage(document, options.language ?? compiled.codebook.language);
    const segments = segmentDocument(document, options.unit);
    const skipped = new Set<number>();
    const codings: Coding[] = [];
    for (const segment of segments) {
      if (isSkipped(segment, skip)) skipped.add(segment.ordinal);
      else codings.push(...autoCode(segment, compiled, language));
    }
    yield { document, language, segments, skipped, codings };
  }
}

function isSkipped(segment: Segment, skip: Set<string>): boolean {
  if (skip.size === 0) return false;
  return (
    (segment.speaker !== undefined && skip.has(segment.speaker.toLowerCase())) || (segment.speakerRole !== undefined && skip.has(segment.speakerRole))
  );
}

function documentLanguage(document: Document, fallback: string): string {
  const value = document.attributes.language;
  return typeof value === 'string' && LANGUAGES.includes(value as never) ? value : fallback;
}
