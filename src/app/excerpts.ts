/** `excerpts`: the coded excerpts of an opened corpus, grouped by code, with their context. */
import type { Codebook } from '../codebook/types.js';
import { collectExcerpts, type ExcerptGroup } from '../excerpts/collect.js';
import { NO_FILTER, type Filter } from '../select/filter.js';
import { checkSelection, codedDocuments, selectedDocuments, type OpenedCorpus, type Progress } from './corpus.js';
import { unlessErrors, type Outcome } from './outcome.js';
import { ExcerptStream, type ExcerptFormats } from '../excerpts/stream.js';
import type { PartFiles } from '../io/parts.js';

export interface ExcerptsRequest {
  filter?: Filter;
  /** Segments shown before and after each excerpt. Default 0. */
  context?: number;
}

export interface ExcerptsResult {
  /** One group per code of the codebook (within the filter), empty ones included. */
  groups: ExcerptGroup[];
  codebook: Codebook;
  /** The attribute each citation names (compareBy of the project). */
  attribute: string;
  /** The project's language for headings, when it sets one (else the codebook's). */
  language?: string;
  /** Documents the filter let through. */
  documents: number;
}

export function excerpts(opened: OpenedCorpus, request: ExcerptsRequest = {}, progress?: Progress): Outcome<ExcerptsResult> {
  const filter = request.filter ?? NO_FILTER;
  return unlessErrors(checkSelection(opened, filter), () => {
    const groups = collectExcerpts(codedDocuments(opened, undefined, progress), opened.codebook, filter, request.context ?? 0);
    const result: ExcerptsResult = {
      groups,
      codebook: opened.codebook,
      attribute: opened.project.settings.compareBy,
      documents: selectedDocuments(opened, filter),
    };
    if (opened.project.settings.language) result.language = opened.project.settings.language;
    return { result, diagnostics: [] };
  });
}

export interface StreamedExcerpts {
  /** Every excerpt of the corpus, held in part files; its markdown(), csv() and json() give the output piece by piece. */
  excerpts: ExcerptStream;
  /** Documents the filter let through. */
  documents: number;
}

/**
 * The excerpts of the corpus without holding them in memory: each coded document goes into an
 * ExcerptStream writing to `parts` in the formats asked, ready to be read back. The caller removes
 * the part files when the output is written.
 */
export function streamExcerpts(
  opened: OpenedCorpus,
  parts: PartFiles,
  formats: ExcerptFormats,
  request: ExcerptsRequest = {},
  progress?: Progress,
): Outcome<StreamedExcerpts> {
  const filter = request.filter ?? NO_FILTER;
  return unlessErrors(checkSelection(opened, filter), () => {
    const excerpts = new ExcerptStream(opened.codebook, filter, request.context ?? 0, parts, formats);
    for (const coded of codedDocuments(opened, undefined, progress)) excerpts.add(coded);
    return { result: { excerpts, documents: selectedDocuments(opened, filter) }, diagnostics: [] };
  });
}
