/**
 * The only module besides io/write.ts that touches the file system: finding corpus files and
 * reading them as bytes. Paths handed on are relative to the working folder, with `/` separators,
 * sorted, so that every later stage sees the corpus in the same order.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { LineIndex } from '../position/line-index.js';
import { crOnlyToLf, decode, encodingMismatch } from './decode.js';

export const CORPUS_EXTENSIONS = ['md', 'markdown', 'txt'];
const IGNORED_DIRS = ['**/node_modules/**', '**/.*/**'];

export interface FoundFiles {
  files: string[];
  /** Paths or globs that matched nothing. */
  missing: string[];
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
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    let found: string[];
    if (existsSync(absolute) && statSync(absolute).isFile()) found = [absolute];
    else {
      const glob = existsSync(absolute) ? `${toPosix(relative(cwd, absolute)) || '.'}/**/*.{${CORPUS_EXTENSIONS.join(',')}}` : pattern;
      found = globSync(glob, { cwd, ignore, absolute: true, dot: false, expandDirectories: false });
    }
    if (found.length === 0) missing.push(pattern);
    for (const f of found) {
      // Inside the working folder a path is shown relative to it; outside, whole.
      const rel = relative(cwd, f);
      files.add(rel && !rel.startsWith('..') ? toPosix(rel) : toPosix(f));
    }
  }
  const marked = new Map<string, boolean>();
  return { files: [...files].filter((f) => !inOutputFolder(f, cwd, marked)).sort(), missing };
}

/** Marks a folder qda writes results into, so that it is never read back as corpus. */
export const OUTPUT_MARKER = '.qda-output';

function inOutputFolder(file: string, cwd: string, markedFolders: Map<string, boolean>): boolean {
  for (let dir = dirname(resolve(cwd, file)); ; dir = dirname(dir)) {
    let marked = markedFolders.get(dir);
    if (marked === undefined) markedFolders.set(dir, (marked = existsSync(join(dir, OUTPUT_MARKER))));
    if (marked) return true;
    if (dirname(dir) === dir || dir === resolve(cwd)) return false;
  }
}

export function readBytes(path: string, cwd: string): Uint8Array {
  return readFileSync(resolve(cwd, path));
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

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
