/** How large a transcript may be, and sizes as messages and options write them. */

/**
 * The largest transcript read unless --max-file-size says otherwise. Reading one takes memory of
 * several times its size at once (its text, segments, word tables and codings), so that a file of
 * this size is read well within 1 GB; a corpus of many files needs no more than its largest file.
 */
export const MAX_FILE_SIZE = 25_000_000;

/** Bytes as --max-file-size is written: 50MB, 1.5GB, 800KB. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ] as const)
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))}${unit}`;
  return `${bytes} bytes`;
}
