/**
 * Coded documents → excerpts grouped by code, in codebook order, each with its citation and, on
 * request, the segments around it. Held in memory: excerpts are the aggregate this command returns.
 */
import type { Code, Codebook } from '../codebook/types.js';
import { matchedWords } from '../coding/coding.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { AttributeValue, Segment } from '../ingest/document.js';
import { codeSelected, documentSelected, speakerSelected, type Filter } from '../select/filter.js';

export interface ContextSegment {
  speaker?: string;
  line: number;
  text: string;
}

export interface Excerpt {
  code: string;
  documentId: string;
  path: string;
  lines: { start: number; end: number };
  speaker?: string;
  speakerRole?: string;
  section: string[];
  attributes: Record<string, AttributeValue>;
  text: string;
  /** Codebook terms and patterns that matched, as written there (empty for manual codings). */
  terms: string[];
  /** The words of the text that they matched, each once. */
  matched: string[];
  before: ContextSegment[];
  after: ContextSegment[];
}

export interface ExcerptGroup {
  code: Code;
  excerpts: Excerpt[];
}

export function collectExcerpts(documents: Iterable<CodedDocument>, codebook: Codebook, filter: Filter, context = 0): ExcerptGroup[] {
  const groups = new Map<string, Excerpt[]>(codebook.codes.map((c) => [c.id, []]));
  for (const coded of documents) for (const excerpt of documentExcerpts(coded, filter, context)) groups.get(excerpt.code)?.push(excerpt);
  return codebook.codes.filter((c) => codeSelected(c.id, filter)).map((code) => ({ code, excerpts: groups.get(code.id) ?? [] }));
}

/** The excerpts of one document, in the order of its codings. */
export function documentExcerpts(coded: CodedDocument, filter: Filter, context: number): Excerpt[] {
  const { document, segments } = coded;
  const out: Excerpt[] = [];
  if (!documentSelected(document.attributes, filter)) return out;
  const seen = new Set<string>();
  for (const coding of coded.codings) {
    if (!codeSelected(coding.code, filter)) continue;
    // Several coders may give a segment the same code: one excerpt.
    if (seen.has(`${coding.segment}\u0000${coding.code}`)) continue;
    seen.add(`${coding.segment}\u0000${coding.code}`);
    const index = coding.segment - 1;
    const segment = segments[index];
    if (!speakerSelected(segment, filter)) continue;
    const excerpt: Excerpt = {
      code: coding.code,
      documentId: document.id,
      path: document.path,
      lines: segment.lines,
      section: segment.section,
      attributes: document.attributes,
      text: segment.text,
      terms: [...new Set(coding.evidence.map((e) => e.term))],
      matched: matchedWords(coding.evidence),
      before: segments.slice(Math.max(0, index - context), index).map(contextOf),
      after: segments.slice(index + 1, index + 1 + context).map(contextOf),
    };
    if (segment.speaker !== undefined) excerpt.speaker = segment.speaker;
    if (segment.speakerRole !== undefined) excerpt.speakerRole = segment.speakerRole;
    out.push(excerpt);
  }
  return out;
}

function contextOf(segment: Segment): ContextSegment {
  const c: ContextSegment = { line: segment.lines.start, text: segment.text };
  if (segment.speaker !== undefined) c.speaker = segment.speaker;
  return c;
}
