/** The memos of a project: markdown notes under memos/ (or a folder named), read and checked. */
import { join } from 'node:path';
import { readMemos, type Memo } from '../corpus/memos.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { findFiles, isDirectory } from '../io/files.js';
import type { OpenedCorpus } from './corpus.js';
import { inputProblem } from './errors.js';
import type { Outcome } from './outcome.js';

/**
 * The memos of `dir`, or of memos/ in the project (none when it has no such folder). A `dir` that
 * does not exist is a problem with the input (exit 1). The result is there even when a memo has an error.
 */
export function projectMemos(opened: OpenedCorpus, dir?: string): Outcome<Memo[]> {
  const { cwd } = opened;
  const folder = dir ?? join(opened.project.root, 'memos');
  if (!isDirectory(folder, cwd)) {
    if (dir) throw inputProblem(`memo folder ${dir} not found`);
    return { result: [], diagnostics: [] };
  }
  const { files } = findFiles([folder], cwd);
  const redact = opened.redaction;
  const read = redact ? (path: string) => redact.memo(opened.corpus.read(path)) : opened.corpus.read;
  const { memos, diagnostics } = readMemos(files, read, new Set(opened.codebook.codes.map((c) => c.id)));
  return { result: memos, diagnostics: sortDiagnostics(diagnostics) };
}
