/**
 * `codebook audit`: what each term of the codebook matches in an opened corpus and how many segments
 * each code takes, with the terms that look like topic words or match words they were not meant for.
 */
import { AuditBuilder, type CodebookAudit } from '../audit/audit.js';
import type { Coding } from '../coding/coding.js';
import { codeCorpus } from '../corpus/pipeline.js';
import { stemmerFor } from '../match/stem.js';
import { DEFAULT_SCORING } from '../scoring/decide.js';
import type { OpenedCorpus, Progress } from './corpus.js';
import type { Outcome } from './outcome.js';

export interface AuditRequest {
  /** A term firing in more than this share of segments is a topic word. Default 0.1. */
  topicShare?: number;
  /** Matched words shown per term. Default 8. */
  forms?: number;
  /** Show only terms with a flag. */
  flaggedOnly?: boolean;
}

export interface AuditResult {
  audit: CodebookAudit;
  /** What the tables show: matched words per term, and whether only flagged terms. */
  view: { forms: number; flaggedOnly: boolean };
}

export function audit(opened: OpenedCorpus, request: AuditRequest = {}, progress?: Progress): Outcome<AuditResult> {
  const language = opened.codebook.language;
  const stem = stemmerFor(language);
  const background = opened.corpus.background?.(language).df;
  const builder = new AuditBuilder(opened.codebook, {
    topicShare: request.topicShare ?? 0.1,
    stem,
    everyday: (form) => (background?.get(stem(form)) ?? 0) > 0,
  });
  // The audit looks at what the terms match, so it reads the auto coder alone, every candidate before
  // thresholds: no hand-made codings, no rejections, no score cut-off.
  const scoring = { ...(opened.corpus.scoring ?? DEFAULT_SCORING), threshold: 0, secondary: 0 };
  const corpus = { ...opened.corpus, manual: undefined, scoring };
  for (const coded of codeCorpus(opened.files, opened.compiled, corpus)) {
    progress?.step(coded.document.path);
    const bySegment = new Map<number, Coding[]>();
    for (const c of coded.codings) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
    for (const segment of coded.segments) {
      if (!coded.skipped.has(segment.ordinal) && !coded.furniture.has(segment.ordinal))
        builder.addSegment(coded.document.id, bySegment.get(segment.ordinal) ?? []);
    }
  }
  progress?.done();
  return { result: { audit: builder.result(), view: { forms: request.forms ?? 8, flaggedOnly: request.flaggedOnly === true } }, diagnostics: [] };
}
