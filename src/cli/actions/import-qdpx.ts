// The work of `qda import qdpx`; its options are declared in ../commands/import.ts.
import { constants } from 'node:buffer';
import { basename, join } from 'node:path';
import { readQde } from '../../exchange/qde-read.js';
import { importProject, decodeText, type ImportResult } from '../../exchange/to-qda.js';
import { findQde, internalFile } from '../../exchange/zip.js';
import { ArchiveRefused, DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from '../../exchange/zip-read.js';
import { CONFIG_FILE } from '../../corpus/settings.js';
import { formatBytes } from '../../formatters/bytes.js';
import { exists, isDirectory, openRandomAccess } from '../../io/files.js';
import { resolvePath } from '../../io/write.js';
import { isEmptyOrMissing, writeTreeAtomic } from '../../io/write-tree.js';
import { inputProblem, usage } from '../errors.js';
import type { Io } from '../io.js';
import { summaryLine } from '../output.js';

export interface ImportQdpxFlags {
  into: string;
  quiet?: boolean;
  maxEntrySize?: number;
  maxArchiveSize?: number;
  maxRatio?: number;
}

/** The budget of the flags, the defaults where a flag is not given. */
export function zipLimits(flags: ImportQdpxFlags): ZipLimits {
  return {
    entry: flags.maxEntrySize ?? DEFAULT_ZIP_LIMITS.entry,
    archive: flags.maxArchiveSize ?? DEFAULT_ZIP_LIMITS.archive,
    ratio: flags.maxRatio ?? DEFAULT_ZIP_LIMITS.ratio,
  };
}

export function importQdpxAction(file: string, flags: ImportQdpxFlags, io: Io): void {
  const dir = flags.into;
  if (exists(join(dir, CONFIG_FILE), io.cwd))
    throw inputProblem(`${join(dir, CONFIG_FILE)} already exists; ${dir} is a qda project`, 'import into a new folder; nothing was changed');
  if (exists(dir, io.cwd) && !isDirectory(dir, io.cwd)) throw usage(`--into ${dir} is a file; name a new folder`);
  if (!isEmptyOrMissing(resolvePath(io.cwd, dir)))
    throw inputProblem(`${dir} is not empty`, 'import into a new or empty folder; nothing was changed');
  if (!exists(file, io.cwd)) throw inputProblem(`${file}: file not found`);
  if (isDirectory(file, io.cwd)) throw inputProblem(`${file}: is a folder, not a .qdpx file`);

  const limits = zipLimits(flags);
  const input = openRandomAccess(file, io.cwd);
  let result: ImportResult;
  let origin: string | undefined;
  try {
    ({ result, origin } = readProject(file, input, limits));
  } catch (error) {
    if (error instanceof ArchiveRefused) throw inputProblem(`${file}: ${error.message}`, 'nothing was written');
    throw error;
  } finally {
    input.close();
  }
  writeTreeAtomic(resolvePath(io.cwd, dir), result.files);

  for (const line of leftOutLines(result)) io.stderr.write(`warning: ${file}: left out ${line}\n`);
  for (const r of result.readings) io.stderr.write(`note: selection positions in ${r}\n`);
  summaryLine(io, flags.quiet, summary(file, origin, dir, result));
}

/** The project of a .qdpx (or a bare .qde) converted, read within the budget; a refusal is thrown. */
function readProject(file: string, input: ReturnType<typeof openRandomAccess>, limits: ZipLimits): { result: ImportResult; origin?: string } {
  const magic = input.read(0, 2);
  let xml: string | undefined;
  let where = file;
  let read: (path: string) => Uint8Array | undefined = () => undefined;
  if (magic[0] === 0x50 && magic[1] === 0x4b) {
    const archive = readZip(input, limits);
    if ('error' in archive) throw inputProblem(`${file}: ${archive.error}`);
    const qde = findQde(archive);
    if (!qde) throw inputProblem(`${file}: no project.qde in the archive`, 'a .qdpx holds project.qde and a sources/ folder');
    where = `${file} (${qde})`;
    xml = asText(qde, archive.get(qde)!);
    if (xml === undefined) throw inputProblem(`${where}: not UTF-8 text`);
    read = (path) => {
      const bytes = internalFile(archive, path);
      if (bytes !== undefined && bytes.length > MAX_TEXT) throw new ArchiveRefused(tooLong(path, bytes.length));
      return bytes;
    };
  } else {
    if (input.size > limits.entry)
      throw inputProblem(`${file} is ${formatBytes(input.size)}, above the limit of ${formatBytes(limits.entry)} per file (--max-entry-size)`);
    xml = asText('the file', input.read(0, input.size));
    if (xml === undefined || !xml.trimStart().startsWith('<'))
      throw inputProblem(`${file}: not a zip file and not a project.qde`, 'give a .qdpx project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder');
  }
  const parsed = readQde(xml);
  if ('error' in parsed) throw inputProblem(`${where}: ${parsed.error}`, 'nothing was written');
  return { result: importProject(parsed.project, read, basename(file)), origin: parsed.project.origin };
}

/** The longest text a JavaScript string holds, in bytes of UTF-8 at most. */
const MAX_TEXT = constants.MAX_STRING_LENGTH;
const tooLong = (name: string, bytes: number) => `${name} is ${formatBytes(bytes)}, too large to read as one text (limit ${formatBytes(MAX_TEXT)})`;

function asText(name: string, bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_TEXT) throw new ArchiveRefused(tooLong(name, bytes.length));
  return decodeText(bytes);
}

function leftOutLines(result: ImportResult): string[] {
  return [...result.leftOut.entries()].map(
    ([reason, { count, examples }]) => `${count} ${reason}${examples.length > 0 ? ` (e.g. ${examples.join(', ')})` : ''}`,
  );
}

function summary(file: string, origin: string | undefined, dir: string, r: ImportResult): string {
  const codings = [...r.codings.entries()].map(([coder, n]) => `${coder} ${n}`).join(', ') || 'none';
  const left = [...r.leftOut.entries()].map(([reason, { count }]) => `${count} ${reason}`).join('; ');
  return `imported ${file}${origin ? ` (${origin})` : ''} into ${dir}: ${r.sources} sources, ${r.codes} codes, codings per user: ${codings}, ${r.memos} memos; left out: ${left || 'nothing'}`;
}
