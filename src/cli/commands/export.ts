/** `qda export qdpx`: the project as a REFI-QDA project file for NVivo, ATLAS.ti, MAXQDA, QualCoder. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption } from '../options.js';
import type { ExportQdpxFlags } from '../actions/export-qdpx.js';

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
  redactOption(corpusOptions(qdpx)).action(async (file: string, paths: string[], flags: ExportQdpxFlags) =>
    (await import('../actions/export-qdpx.js')).exportQdpxAction(file, paths, flags, io),
  );
  examples(qdpx, ['qda export qdpx study.qdpx examples/rotterdam --validate', 'qda export qdpx coded-by-hand.qdpx --manual-only']);
  return group;
}
