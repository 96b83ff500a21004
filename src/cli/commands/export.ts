/** `qda export qdpx`: the project as a REFI-QDA project file for NVivo, ATLAS.ti, MAXQDA, QualCoder. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption, type CorpusFlags } from '../options.js';

export interface ExportQdpxFlags extends CorpusFlags {
  manualOnly?: boolean;
  memos?: string;
  validate?: boolean;
}

export function registerExport(program: Command, io: Io): Command {
  const group = program
    .command('export')
    .description('export the project to another program (qdpx: REFI-QDA, for NVivo, ATLAS.ti, MAXQDA, QualCoder)');
  const qdpx = group
    .command('qdpx')
    .description('write a REFI-QDA project (.qdpx): codes, documents, every coding as a selection, attributes as variables, memos as notes')
    .argument('<file>', 'the .qdpx file to write')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('--memos <dir>', 'memo folder (default: memos/ of the project)')
    .option('--validate', 'check project.qde against the REFI-QDA schema first; if it fails, write nothing and exit 1');
  redactOption(corpusOptions(qdpx)).action((file: string, paths: string[], flags: ExportQdpxFlags) => exportCommand(file, paths, flags, io));
  examples(qdpx, ['qda export qdpx study.qdpx examples/rotterdam --validate', 'qda export qdpx coded-by-hand.qdpx --manual-only']);
  return group;
}

async function exportCommand(file: string, paths: string[], flags: ExportQdpxFlags, io: Io): Promise<void> {
  const [{ exportQdpx }, { openSession, corpusBar, reported }, { assertWritableFile, count, summaryLine }] = await Promise.all([
    import('../../app/export.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  assertWritableFile(io, file);
  const session = await openSession(paths, flags, io, { output: file, codebookOnly: true });
  const request = { file, manualOnly: flags.manualOnly, memos: flags.memos, validate: flags.validate };
  const r = reported(io, await exportQdpx(session, request, corpusBar(session)));
  summaryLine(
    io,
    flags.quiet,
    `exported ${count(r.documents, 'document')}, ${count(r.codes, 'code')}, ${count(r.codings, 'coding')}${flags.manualOnly ? ' (manual only)' : ''}, ${count(r.variables, 'variable')} and ${count(r.memos, 'memo')} to ${file}${r.validated ? ' (valid REFI-QDA)' : ''}`,
  );
}
