/**
 * The only module besides io/write.ts that touches the file system: finding corpus files and
 * reading them as bytes. Paths handed on are relative to the working folder, with `/` separators,
 * sorted, so that every later stage sees the corpus in the same order.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { LineIndex } from '../position/line-index.js';
import { crOnlyToLf, decode, encodingMismatch } from './decode.js';

export const CORPUS_EXTENSIONS = ['md', 'markdown', 'txt'];
const IGNORED_DIRS = ['**/node_modules/**', '**/.*/**'];
/** A path with `.` or `..` steps or doubled separators, which path.relative would normalise. */
const UNNORMAL = /[\\/]\.{1,2}(?:[\\/]|$)|[\\/]{2}/;

export interface FoundFiles {
  files: string[];
  /** Paths or globs that matched nothing. */
  missing: string[];
  /** Paths that were found but are not read: not regular files, or a file already reached by another path. */
  skipped: SkippedFile[];
  /** The size in bytes of each file when it was listed, so that the size need not be asked again before reading. */
  sizes: Map<string, number>;
}

export interface SkippedFile {
  file: string;
  /** Why, as a sentence part: "is a named pipe (FIFO)". */
  reason: string;
  hint: string;
}

/**
 * Expand paths (files, folders, globs) into corpus files. A folder stands for the markdown files
 * below it; `exclude` lists folders to leave out (output, memos, codings).
 */
export function findFiles(patterns: string[], cwd: string, exclude: string[] = []): FoundFiles {
  const files = new Set<string>();
  const missing: string[] = [];
  const ignore = [
    ...IGNORED_DIRS,
    ...exclude.flatMap((d) => {
      const rel = toPosix(relative(cwd, resolve(cwd, d)));
      return [rel, `${rel}/**`];
    }),
  ];
  // The absolute path of each file listed, as the glob gave it (resolved once, not again for each use).
  const full = new Map<string, string>();
  // Most files lie below the working folder: their paths are cut out of the absolute ones instead of asking path.relative.
  const below = `${resolve(cwd)}${sep}`;
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let found: string[];
    // A path named on its own that is not a folder is taken as it is; what it is gets checked below.
    if (existsSync(absolute) && !statSync(absolute).isDirectory()) found = [absolute];
    else {
      const glob = existsSync(absolute) ? `${toPosix(relative(cwd, absolute)) || '.'}/**/*.{${CORPUS_EXTENSIONS.join(',')}}` : pattern;
      found = globSync(glob, { cwd, ignore, absolute: true, dot: false, expandDirectories: false });
    }
    if (found.length === 0) missing.push(pattern);
    for (const f of found) {
      // Inside the working folder a path is shown relative to it; outside, whole.
      const rel = f.startsWith(below) && !UNNORMAL.test(f) ? f.slice(below.length) : relative(cwd, f);
      const shown = rel && !rel.startsWith('..') ? toPosix(rel) : toPosix(f);
      if (!files.has(shown)) full.set(shown, f);
      files.add(shown);
    }
  }
  const marked = new Map<string, boolean>();
  const listed = [...files].filter((f) => !inOutputFolder(full.get(f)!, cwd, marked)).sort();
  const regular = regularFiles(listed, cwd, full);
  const unlisted = specialEntries(patterns, cwd, exclude).filter((f) => !files.has(f.file) && !inOutputFolder(f.file, cwd, marked));
  return {
    files: regular.files,
    skipped: [...regular.skipped, ...unlisted].sort((a, b) => (a.file < b.file ? -1 : 1)),
    missing,
    sizes: regular.sizes,
  };
}

/**
 * The glob walk passes over named pipes, devices, sockets and broken or looping links without a
 * word. They are looked for below each path or glob base, so that a warning names them: someone
 * who put a transcript there as a pipe or a link would otherwise wonder where it went.
 */
function specialEntries(patterns: string[], cwd: string, exclude: string[]): SkippedFile[] {
  const out: SkippedFile[] = [];
  const skip = new Set(exclude.map((d) => resolve(cwd, d)));
  const done = new Set<string>();
  const corpusName = new RegExp(`\\.(?:${CORPUS_EXTENSIONS.join('|')})$`, 'i');
  const walk = (dir: string) => {
    if (done.has(dir) || skip.has(dir)) return;
    done.add(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isFile()) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
        continue;
      }
      if (!corpusName.test(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        try {
          statSync(full);
          continue; // a link the walk follows; checked with the listed files
        } catch {
          // broken or looping: reported below
        }
      }
      const rel = relative(cwd, full);
      const shown = rel && !rel.startsWith('..') ? toPosix(rel) : toPosix(full);
      out.push(...regularFiles([shown], cwd).skipped);
    }
  };
  for (const pattern of patterns) {
    const base = resolve(cwd, pattern.split(/[*?[\]{}]/)[0] || '.');
    if (existsSync(base) && statSync(base).isDirectory()) walk(base);
    else if (existsSync(base) || lstatSafe(base)) continue;
    else if (existsSync(dirname(base))) walk(dirname(base));
  }
  return out;
}

/**
 * Only regular files are read. A symbolic link is followed to a regular file wherever it lies; one
 * that leads to a named pipe, a device or a socket (reading those can block for ever or never end),
 * to nothing, or round in a loop is skipped, and so is a second path to a file already listed (what
 * a link to a folder above it gives).
 */
function regularFiles(
  listed: string[],
  cwd: string,
  absolute?: Map<string, string>,
): { files: string[]; skipped: SkippedFile[]; sizes: Map<string, number> } {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const sizes = new Map<string, number>();
  // The same file reached twice has one device and inode; only files that share those (links, or
  // hard links, which are files of their own) have their real paths looked up, a call per folder
  // of the path.
  const byInode = new Map<string, { file: string; real?: string }[]>();
  const realOf = (entry: { file: string; real?: string }) => (entry.real ??= realpathSync(resolve(cwd, entry.file)));
  for (const file of listed) {
    const full = absolute?.get(file) ?? resolve(cwd, file);
    let stats: Stats;
    try {
      stats = statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') skipped.push({ file, reason: 'is a symbolic link that leads round in a loop', hint: 'point the link at a file' });
      else if (lstatSafe(full)?.isSymbolicLink())
        skipped.push({ file, reason: 'is a symbolic link to a file that does not exist', hint: 'point the link at a file, or remove it' });
      else skipped.push({ file, reason: `cannot be read (${code ?? 'unknown error'})`, hint: 'check that the file exists and may be read' });
      continue;
    }
    const kind = special(stats);
    if (kind) {
      const link = lstatSafe(full)?.isSymbolicLink() ? 'is a symbolic link to ' : 'is ';
      skipped.push({ file, reason: `${link}${kind}, not a regular file`, hint: 'give qda only transcript files; remove it from the corpus folder' });
      continue;
    }
    const inode = `${stats.dev}:${stats.ino}`;
    const same = byInode.get(inode);
    const entry: { file: string; real?: string } = { file };
    if (same) {
      const real = realOf(entry);
      const seen = same.find((e) => realOf(e) === real)?.file;
      if (seen !== undefined) {
        skipped.push({ file, reason: `is the file ${seen} again, reached through a symbolic link`, hint: 'it is read once, as ' + seen });
        continue;
      }
      same.push(entry);
    } else byInode.set(inode, [entry]);
    files.push(file);
    sizes.set(file, stats.size);
  }
  return { files, skipped, sizes };
}

function special(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'something other than a file';
}

function lstatSafe(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Marks a folder qda writes results into, so that it is never read back as corpus. */
export const OUTPUT_MARKER = '.qda-output';

/**
 * Whether the file (an absolute path, or one relative to `cwd`) lies in an output folder: one that
 * holds OUTPUT_MARKER, at or below the working folder. `inside` remembers the answer per folder,
 * so the files of one folder cost one look-up.
 */
function inOutputFolder(file: string, cwd: string, inside: Map<string, boolean>): boolean {
  const top = resolve(cwd);
  const walk = (dir: string): boolean => {
    let answer = inside.get(dir);
    if (answer === undefined) {
      answer = existsSync(join(dir, OUTPUT_MARKER)) || (dirname(dir) !== dir && dir !== top && walk(dirname(dir)));
      inside.set(dir, answer);
    }
    return answer;
  };
  return walk(dirname(resolve(cwd, file)));
}

/**
 * The bytes of a regular file. It is opened without blocking and checked once open, so that a file
 * swapped for a named pipe or a device after it was listed fails at once instead of blocking.
 */
export function readBytes(path: string, cwd: string): Uint8Array {
  const fd = openSync(resolve(cwd, path), constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFile(path, special(stats) ?? 'not a file');
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? bytes : bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Size in bytes of a file, following symbolic links. */
export function fileSize(path: string, cwd: string): number {
  return statSync(resolve(cwd, path)).size;
}

export class NotRegularFile extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/** A file read piece by piece at given offsets, so that a large archive is never held whole. */
export interface RandomAccessFile {
  size: number;
  read(offset: number, length: number): Uint8Array;
  close(): void;
}

export function openRandomAccess(path: string, cwd: string): RandomAccessFile {
  const fd = openSync(resolve(cwd, path), 'r');
  const size = statSync(resolve(cwd, path)).size;
  return {
    size,
    read: (offset, length) => {
      const want = Math.max(0, Math.min(length, size - offset));
      const buffer = Buffer.alloc(want);
      let got = 0;
      while (got < want) {
        const n = readSync(fd, buffer, got, want - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return got === want ? buffer : buffer.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

/** A settings, codebook, codings or sheet file that is not UTF-8 text: where, what, and what to do. */
export class TextFileProblem extends Error {
  constructor(
    readonly path: string,
    readonly at: { line: number; column: number },
    readonly problem: string,
    readonly hint: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/**
 * A UTF-8 text file (qda.yaml, a codebook, codings, a sheet) as text: byte order marks taken off,
 * lines ended by CR alone read as lines. Bytes that are not UTF-8 are a TextFileProblem with their
 * line and column, never silently replaced.
 */
export function readText(path: string, cwd: string): string {
  const bytes = readFileSync(resolve(cwd, path));
  const mismatch = encodingMismatch(bytes, 'utf-8');
  if (mismatch)
    throw new TextFileProblem(
      path,
      { line: 1, column: 1 },
      'file is UTF-16; qda reads this file as UTF-8',
      'save it as UTF-8 (in a spreadsheet: CSV UTF-8)',
    );
  const decoded = decode(bytes, 'utf-8');
  if (!decoded.ok) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.byteOffset)).replace(/^\uFEFF+/, '');
    const at = new LineIndex(before).point(before.length);
    throw new TextFileProblem(path, at, `invalid UTF-8 at byte ${decoded.byteOffset}`, 'save it as UTF-8 (in a spreadsheet: CSV UTF-8)');
  }
  return crOnlyToLf(decoded.text);
}

export function exists(path: string, cwd: string): boolean {
  return existsSync(resolve(cwd, path));
}

export function isDirectory(path: string, cwd: string): boolean {
  const p = resolve(cwd, path);
  return existsSync(p) && statSync(p).isDirectory();
}

/** Names in a folder. */
export function listFolder(path: string): string[] {
  return readdirSync(path);
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
