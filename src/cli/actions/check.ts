// The work of `qda check`; its options are declared in ../commands/check.ts.
import type { Io } from '../io.js';
import { ProblemsReported } from '../errors.js';
import type { CorpusFlags } from '../options.js';
import { openSession } from '../session.js';
import { count } from '../output.js';
export function checkAction(paths: string[], flags: CorpusFlags, io: Io): void {
  let diagnostics: readonly { severity: string }[];
  let documents = 0;
  let segments = 0;
  let codes = 0;
  try {
    const session = openSession(paths, flags, io, { keepGoing: true, codebookOnly: true });
    diagnostics = session.diagnostics;
    documents = session.documents.length;
    segments = session.documents.reduce((n, d) => n + d.segments, 0);
    codes = session.codebook.codes.length;
  } catch (error) {
    if (!(error instanceof ProblemsReported)) throw error;
    diagnostics = error.diagnostics;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (!flags.quiet) {
    io.stderr.write(
      `checked ${count(documents, 'document')} (${count(segments, 'segment')}) and a codebook of ${count(codes, 'code')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`,
    );
  }
  if (errors > 0) throw new ProblemsReported(1);
}
