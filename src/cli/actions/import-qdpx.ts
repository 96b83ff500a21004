// The work of `qda import qdpx`; its options are declared in ../commands/import.ts.
import { basename, join } from 'node:path';
import { readQde } from '../../exchange/qde-read.js';
import { importProject, decodeText, type ImportResult } from '../../exchange/to-qda.js';
import { findQde, internalFile, unpackZip } from '../../exchange/zip.js';
import { CONFIG_FILE } from '../../corpus/settings.js';
import { exists, isDirectory, readBytes } from '../../io/files.js';
import { resolvePath } from '../../io/write.js';
import { isEmptyOrMissing, writeTreeAtomic } from '../../io/write-tree.js';
import { inputProblem, usage } from '../errors.js';
import type { Io } from '../io.js';
import { summaryLine } from '../output.js';

export interface ImportQdpxFlags {
  into: string;
  quiet?: boolean;
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

  const bytes = readBytes(file, io.cwd);
  let xml: string | undefined;
  let read: (path: string) => Uint8Array | undefined = () => undefined;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const archive = unpackZip(bytes);
    if ('error' in archive) throw inputProblem(`${file}: ${archive.error}`);
    const qde = findQde(archive);
    if (!qde) throw inputProblem(`${file}: no project.qde in the archive`, 'a .qdpx holds project.qde and a sources/ folder');
    xml = decodeText(archive.get(qde)!);
    if (xml === undefined) throw inputProblem(`${file}: ${qde} is not UTF-8 text`);
    read = (path) => internalFile(archive, path);
  } else {
    xml = decodeText(bytes);
    if (xml === undefined || !xml.trimStart().startsWith('<'))
      throw inputProblem(`${file}: not a zip file and not a project.qde`, 'give a .qdpx project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder');
  }
  const parsed = readQde(xml);
  if ('error' in parsed) throw inputProblem(`${file}: ${parsed.error}`);
  const result = importProject(parsed.project, read, basename(file));
  writeTreeAtomic(resolvePath(io.cwd, dir), result.files);

  for (const line of leftOutLines(result)) io.stderr.write(`warning: ${file}: left out ${line}\n`);
  for (const r of result.readings) io.stderr.write(`note: selection positions in ${r}\n`);
  summaryLine(io, flags.quiet, summary(file, parsed.project.origin, dir, result));
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
