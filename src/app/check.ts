/**
 * `check`: open the corpus as every command does, but go on past errors, and count what was read:
 * every problem of qda.yaml, the codebook, the codings and the transcripts, as Diagnostics.
 */
import type { OpenedCorpus } from './corpus.js';
import { openCorpus, type OpenOptions } from './open.js';
import type { Outcome } from './outcome.js';
import type { CorpusSettings } from './settings.js';

export interface CheckResult {
  /** The corpus, when the codebook could be read. */
  opened?: OpenedCorpus;
  documents: number;
  segments: number;
  codes: number;
  errors: number;
  warnings: number;
}

/** Always has a result: the counts are the finding. The diagnostics are those of openCorpus, whose `options` these are. */
export function check(paths: string[], settings: CorpusSettings, cwd: string, options: OpenOptions = {}): Outcome<CheckResult> {
  const { result: opened, diagnostics } = openCorpus(paths, settings, cwd, { ...options, keepGoing: true });
  const result: CheckResult = {
    documents: opened?.documents.length ?? 0,
    segments: opened?.documents.reduce((n, d) => n + d.segments, 0) ?? 0,
    codes: opened?.codebook.codes.length ?? 0,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
  if (opened) result.opened = opened;
  return { result, diagnostics };
}
