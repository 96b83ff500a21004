// The work of `qda export qdpx`; its options are declared in ../commands/export.ts.
import { basename, resolve } from 'node:path';
import type { CodedDocument } from '../../corpus/pipeline.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { buildExport } from '../../exchange/from-qda.js';
import { writeQde } from '../../exchange/qde-write.js';
import { validateRefi } from '../../exchange/validate.js';
import { packZip } from '../../exchange/zip.js';
import { resolvePath } from '../../io/write.js';
import { writeBytesAtomic } from '../../io/write-tree.js';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { assertWritableFile, count, summaryLine } from '../output.js';
import { counted, loadMemos, newTotals, openSession, outputLanguage, report } from '../session.js';
import { VERSION } from '../version.js';


export interface ExportQdpxFlags extends CorpusFlags {
  manualOnly?: boolean;
  memos?: string;
  validate?: boolean;
}

export async function exportQdpxAction(file: string, paths: string[], flags: ExportQdpxFlags, io: Io): Promise<void> {
  assertWritableFile(io, file);
  const session = openSession(paths, flags, io, { output: file, codebookOnly: true });
  const memos = loadMemos(session, flags.memos);
  if (!memos) throw new ProblemsReported(1);
  const totals = newTotals();
  // Handed on one at a time: the export keeps each document's text and selections, not its segments and evidence.
  const documents = function* (): Generator<CodedDocument> {
    for (const coded of counted(session, totals)) {
      yield flags.manualOnly ? { ...coded, codings: coded.codings.filter((c) => c.source === 'manual') } : coded;
    }
  };
  const root = session.project.root === '.' ? basename(resolve(io.cwd)) : basename(session.project.root);
  const built = buildExport(
    { name: root || 'qda project', origin: `qda ${VERSION}`, codebook: session.codebook, language: outputLanguage(session), memos },
    documents(),
  );
  const encode = (text: string) => new TextEncoder().encode(text);
  const qde = writeQde(built.project);
  if (flags.validate) await assertValid(file, qde, io);
  const zip = packZip([['project.qde', encode(qde)], ...built.files.map(([name, text]): [string, Uint8Array] => [`sources/${name}`, encode(text)])]);
  writeBytesAtomic(resolvePath(io.cwd, file), zip);
  if (built.unknownCodes > 0)
    report(io, [diagnostic('warning', '', 'export/unknown-code', `left out ${built.unknownCodes} codings of codes the codebook lacks`)]);
  const codes = session.codebook.codes.length;
  summaryLine(
    io,
    flags.quiet,
    `exported ${count(built.project.sources.length, 'document')}, ${count(codes, 'code')}, ${count(built.selections, 'coding')}${flags.manualOnly ? ' (manual only)' : ''}, ${count(built.project.variables.length, 'variable')} and ${count(built.project.notes.length, 'memo')} to ${file}${flags.validate ? ' (valid REFI-QDA)' : ''}`,
  );
}

/** The project.qde checked against the bundled schema before anything is written. */
async function assertValid(file: string, qde: string, io: Io): Promise<void> {
  const problems = await validateRefi(qde, 'Project');
  if (problems.length === 0) return;
  const where = `${file} (project.qde)`;
  report(
    io,
    problems.map((p) => ({
      file: where,
      ...(p.line ? { line: p.line } : {}),
      severity: 'error' as const,
      rule: 'export/schema',
      message: `does not validate against the REFI-QDA project schema: ${p.message}`,
    })),
  );
  report(io, [diagnostic('error', '', 'export/schema', `${file} was not written`, undefined, "this is a fault in qda's export, not in the project: please report it with the lines above")]);
  throw new ProblemsReported(1);
}
