/** `qda import qdpx`: a REFI-QDA project from another program as a new qda project. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { examples } from '../options.js';
import type { ImportQdpxFlags } from '../actions/import-qdpx.js';

export function registerImport(program: Command, io: Io): Command {
  const group = program
    .command('import')
    .description('import a project from another program (qdpx: REFI-QDA, from NVivo, ATLAS.ti, MAXQDA, QualCoder)');
  const qdpx = group
    .command('qdpx')
    .description('turn a REFI-QDA project (.qdpx, or a bare .qde) into a qda project: markdown per text source, codebook, codings per user, memos')
    .argument('<file>', 'the .qdpx (or .qde) file to read')
    .requiredOption('--into <dir>', 'a new (or empty) folder for the qda project')
    .option('-q, --quiet', 'no summary line on stderr')
    .action(async (file: string, flags: ImportQdpxFlags) => (await import('../actions/import-qdpx.js')).importQdpxAction(file, flags, io));
  examples(qdpx, ['qda import qdpx nvivo-export.qdpx --into my-study', 'qda import qdpx project.qde --into codebook-only']);
  return group;
}
