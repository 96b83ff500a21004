// The work of `qda export qdpx`; its options are declared in ../commands/export.ts.
import { basename, resolve } from 'node:path';
import type { CodedDocument } from '../../corpus/pipeline.js';
import { buildExport } from '../../exchange/from-qda.js';
import { writeQde } from '../../exchange/qde-write.js';
import { packZip } from '../../exchange/zip.js';
import { resolvePath } from '../../io/write.js';
import { writeBytesAtomic } from '../../io/write-tree.js';
import { ProblemsReported } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { assertWritableFile, summaryLine } from '../output.js';
import { loadMemos, openSession, outputLanguage } from '../session.js';
import { VERSION } from '../version.js';
import { counted, newTotals } from './code.js';

export interface ExportQdpxFlags extends CorpusFlags {
  manualOnly?: boolean;
  memos?: string;
}

export function exportQdpxAction(file: string, paths: string[], flags: ExportQdpxFlags, io: Io): void {
  assertWritableFile(io, file);
  const session = openSession(paths, flags, io, { output: file });
  const memos = loadMemos(session, flags.memos);
  if (!memos) throw new ProblemsReported(1);
  const totals = newTotals();
  const documents: CodedDocument[] = [];
  for (const coded of counted(session, totals)) {
    documents.push(flags.manualOnly ? { ...coded, codings: coded.codings.filter((c) => c.source !== 'auto') } : coded);
  }
  const root = session.project.root === '.' ? basename(resolve(io.cwd)) : basename(session.project.root);
  const built = buildExport(
    { name: root || 'qda project', origin: `qda ${VERSION}`, codebook: session.codebook, language: outputLanguage(session), memos },
    documents,
  );
  const encode = (text: string) => new TextEncoder().encode(text);
  const zip = packZip([
    ['project.qde', encode(writeQde(built.project))],
    ...built.files.map(([name, text]): [string, Uint8Array] => [`sources/${name}`, encode(text)]),
  ]);
  writeBytesAtomic(resolvePath(io.cwd, file), zip);
  if (built.unknownCodes > 0) io.stderr.write(`warning: ${built.unknownCodes} codings of codes the codebook lacks were left out\n`);
  const codes = session.codebook.codes.length;
  summaryLine(
    io,
    flags.quiet,
    `exported ${built.project.sources.length} documents, ${codes} codes, ${built.selections} codings${flags.manualOnly ? ' (manual only)' : ''}, ${built.project.variables.length} variables and ${built.project.notes.length} memos to ${file}`,
  );
}
