/** `qda import qdpx`: a REFI-QDA project from another program as a new qda project. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { atLeastOne, byteSize, examples } from '../options.js';
import { DEFAULT_ZIP_LIMITS, MAX_ZIP_LIMIT } from '../../exchange/zip-limits.js';
import { formatBytes } from '../../formatters/bytes.js';
import type { ImportedProject } from '../../app/import.js';

export function registerImport(program: Command, io: Io): Command {
  const group = program
    .command('import')
    .description('import a project from another program (qdpx: REFI-QDA, from NVivo, ATLAS.ti, MAXQDA, QualCoder)');
  const qdpx = group
    .command('qdpx')
    .description('turn a REFI-QDA project (.qdpx, or a bare .qde) into a qda project: markdown per text source, codebook, codings per user, memos')
    .argument('<file>', 'the .qdpx (or .qde) file to read')
    .requiredOption('--into <dir>', 'a new (or empty) folder for the qda project')
    .option(
      '--max-entry-size <size>',
      `largest size a file in the archive may inflate to (default ${formatBytes(DEFAULT_ZIP_LIMITS.entry)}, at most 1G)`,
      byteSize('--max-entry-size', MAX_ZIP_LIMIT),
    )
    .option(
      '--max-archive-size <size>',
      `largest size the files read from the archive may inflate to together (default ${formatBytes(DEFAULT_ZIP_LIMITS.archive)}, at most 1G)`,
      byteSize('--max-archive-size', MAX_ZIP_LIMIT),
    )
    .option(
      '--max-ratio <n>',
      `how many times its compressed size a file above 1 MiB may inflate to (default ${DEFAULT_ZIP_LIMITS.ratio})`,
      atLeastOne('--max-ratio'),
    )
    .option('-q, --quiet', 'no summary line on stderr')
    .action((file: string, flags: ImportQdpxFlags) => importCommand(file, flags, io));
  examples(qdpx, ['qda import qdpx nvivo-export.qdpx --into my-study', 'qda import qdpx project.qde --into codebook-only']);
  return group;
}

export interface ImportQdpxFlags {
  into: string;
  quiet?: boolean;
  maxEntrySize?: number;
  maxArchiveSize?: number;
  maxRatio?: number;
}

async function importCommand(file: string, flags: ImportQdpxFlags, io: Io): Promise<void> {
  const [{ importQdpx }, { reported }, { summaryLine }] = await Promise.all([
    import('../../app/import.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const limits = { entry: flags.maxEntrySize, archive: flags.maxArchiveSize, ratio: flags.maxRatio };
  const result = reported(io, importQdpx({ file, into: flags.into, cwd: io.cwd, limits }));
  summaryLine(io, flags.quiet, summary(file, flags.into, result));
}

function summary(file: string, dir: string, r: ImportedProject): string {
  const codings = [...r.codings.entries()].map(([coder, n]) => `${coder} ${n}`).join(', ') || 'none';
  const left = [...r.leftOut.entries()].map(([reason, { count }]) => `${count} ${reason}`).join('; ');
  return `imported ${file}${r.origin ? ` (${r.origin})` : ''} into ${dir}: ${r.sources} sources, ${r.codes} codes, codings per user: ${codings}, ${r.memos} memos; left out: ${left || 'nothing'}`;
}
