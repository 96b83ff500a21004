/**
 * `import qdpx`: a REFI-QDA project (.qdpx, or a bare .qde) from another program as a new qda
 * project in a folder, written whole or not at all. The archive is read within a budget
 * (exchange/zip-read.ts); every problem and everything left out comes back as a Diagnostic.
 */
import { constants } from 'node:buffer';
import { basename, join } from 'node:path';
import { CONFIG_FILE } from '../corpus/settings.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readQde } from '../exchange/qde-read.js';
import { decodeText, importProject, type ImportResult, type ReadFile } from '../exchange/to-qda.js';
import { findQde, internalFile } from '../exchange/zip.js';
import { ARCHIVE_RULE, DEFAULT_ZIP_LIMITS, entryLabel, readZip, type ZipLimits } from '../exchange/zip-read.js';
import type { ExProject } from '../exchange/model.js';
import { formatBytes } from '../formatters/bytes.js';
import { exists, isDirectory, openRandomAccess, type RandomAccessFile } from '../io/files.js';
import { resolvePath } from '../io/write.js';
import { isEmptyOrMissing, writeTreeAtomic } from '../io/write-tree.js';
import { inputProblem, usage } from './errors.js';
import type { Outcome } from './outcome.js';

export interface ImportRequest {
  /** The .qdpx or .qde file, as the user named it (relative to `cwd`). */
  file: string;
  /** A new or empty folder for the qda project. */
  into: string;
  cwd: string;
  /** The budget for reading the archive; the defaults where not given. */
  limits?: Partial<ZipLimits>;
}

export interface ImportedProject extends ImportResult {
  /** The producer the project names (`origin`), e.g. `NVivo for Windows 12.6`. */
  origin?: string;
}

const IMPORT_RULE = 'qdpx/import';

/** Imports the project into `request.into`. A folder that cannot take it, or a missing file, throws CommandFailed. */
export function importQdpx(request: ImportRequest): Outcome<ImportedProject> {
  const { file, into, cwd } = request;
  checkTarget(file, into, cwd);
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...definedOnly(request.limits ?? {}) };
  const input = openRandomAccess(file, cwd);
  let read: Read;
  try {
    read = readProject(file, input, limits);
  } finally {
    input.close();
  }
  const { result, project } = read;
  if (!result || !project) return { diagnostics: read.diagnostics };
  writeTreeAtomic(resolvePath(cwd, into), result.files);
  const diagnostics = [...read.diagnostics, ...leftOutWarnings(file, result), ...readingNotes(file, result)];
  return { result: { ...result, ...(project.origin ? { origin: project.origin } : {}) }, diagnostics };
}

/** The folder must be new or empty and not a qda project, the file one that exists. */
function checkTarget(file: string, dir: string, cwd: string): void {
  if (exists(join(dir, CONFIG_FILE), cwd))
    throw inputProblem(`${join(dir, CONFIG_FILE)} already exists; ${dir} is a qda project`, 'import into a new folder; nothing was changed');
  if (exists(dir, cwd) && !isDirectory(dir, cwd)) throw usage(`--into ${dir} is a file; name a new folder`);
  if (!isEmptyOrMissing(resolvePath(cwd, dir))) throw inputProblem(`${dir} is not empty`, 'import into a new or empty folder; nothing was changed');
  if (!exists(file, cwd)) throw inputProblem(`${file}: file not found`);
  if (isDirectory(file, cwd)) throw inputProblem(`${file}: is a folder, not a .qdpx file`);
}

function definedOnly(limits: Partial<ZipLimits>): Partial<ZipLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}

type Read = { result?: ImportResult; project?: ExProject; diagnostics: Diagnostic[] };
const refused = (d: Diagnostic): Read => ({ diagnostics: [d] });

/** The project of a .qdpx (or a bare .qde) converted, read within the budget. */
function readProject(file: string, input: RandomAccessFile, limits: ZipLimits): Read {
  const magic = input.read(0, 2);
  if (magic[0] === 0x50 && magic[1] === 0x4b) return readArchive(file, input, limits);
  if (input.size > limits.entry)
    return refused(
      diagnostic(
        'error',
        file,
        ARCHIVE_RULE,
        `the file is ${formatBytes(input.size)}, above the limit of ${formatBytes(limits.entry)} per file (--max-entry-size)`,
      ),
    );
  const xml = asText(file, input.read(0, input.size));
  if (xml !== undefined && typeof xml !== 'string') return refused(xml);
  if (xml === undefined || !xml.trimStart().startsWith('<'))
    return refused(
      diagnostic(
        'error',
        file,
        IMPORT_RULE,
        'not a zip file and not a project.qde',
        undefined,
        'give a .qdpx project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder',
      ),
    );
  return convert(file, xml, () => undefined, file);
}

function readArchive(file: string, input: RandomAccessFile, limits: ZipLimits): Read {
  const { archive, diagnostics } = readZip(input, file, limits);
  if (!archive) return { diagnostics };
  const qde = findQde(archive);
  if (!qde)
    return refused(
      diagnostic('error', file, IMPORT_RULE, 'no project.qde in the archive', undefined, 'a .qdpx holds project.qde and a sources/ folder'),
    );
  const where = entryLabel(file, qde);
  const entry = archive.get(qde)!;
  if ('refused' in entry) return refused(entry.refused);
  const xml = asText(where, entry.bytes);
  if (xml === undefined)
    return refused(diagnostic('error', where, IMPORT_RULE, 'not UTF-8 text', undefined, 'export the project again; nothing was written'));
  if (typeof xml !== 'string') return refused(xml);
  const read: ReadFile = (path) => {
    const found = internalFile(archive, path);
    if (found && 'bytes' in found && found.bytes.length > MAX_TEXT) return { refused: tooLong(entryLabel(file, path), found.bytes.length) };
    return found;
  };
  return convert(where, xml, read, file);
}

function convert(where: string, xml: string, read: ReadFile, file: string): Read {
  const parsed = readQde(xml, where);
  if (!parsed.project) return { diagnostics: parsed.diagnostics.map(withNothingWritten) };
  const converted = importProject(parsed.project, read, basename(file));
  return { ...converted, project: parsed.project };
}

const withNothingWritten = (d: Diagnostic): Diagnostic =>
  d.severity === 'error' ? { ...d, hint: d.hint ? `${d.hint}; nothing was written` : 'nothing was written' } : d;

/** The longest text a JavaScript string holds, in bytes of UTF-8 at most. */
const MAX_TEXT = constants.MAX_STRING_LENGTH;
const tooLong = (where: string, bytes: number) =>
  diagnostic(
    'error',
    where,
    ARCHIVE_RULE,
    `is ${formatBytes(bytes)}, too large to read as one text (limit ${formatBytes(MAX_TEXT)})`,
    undefined,
    'nothing was written',
  );

/** The bytes as text; undefined when they are not UTF-8, a Diagnostic when they are too many for one text. */
function asText(where: string, bytes: Uint8Array): string | Diagnostic | undefined {
  if (bytes.length > MAX_TEXT) return tooLong(where, bytes.length);
  return decodeText(bytes);
}

/** One warning per reason; the kinds of things qda does not read at all (PDF, pictures…) share one. */
function leftOutWarnings(file: string, result: ImportResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  const notText: string[] = [];
  for (const [reason, { count, examples }] of result.leftOut) {
    if (reason.endsWith(NOT_TEXT)) notText.push(`${count} ${reason.slice(0, -NOT_TEXT.length)}`);
    else
      out.push(
        diagnostic('warning', file, 'qdpx/left-out', `left out ${count} ${reason}${examples.length > 0 ? ` (e.g. ${examples.join(', ')})` : ''}`),
      );
  }
  if (notText.length > 0)
    out.unshift(diagnostic('warning', file, 'qdpx/left-out', `left out what is not text (qda reads text only): ${notText.join(', ')}`));
  return out;
}

const NOT_TEXT = ' (qda reads text only)';

function readingNotes(file: string, result: ImportResult): Diagnostic[] {
  return result.readings.map((r) => diagnostic('info', file, 'qdpx/positions', `selection positions in ${r}`));
}
