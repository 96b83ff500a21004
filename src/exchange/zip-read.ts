/**
 * Reading a zip within a budget. The central directory is read first, so that every entry's declared
 * size is known before anything is inflated; an entry is inflated only when asked for, in chunks,
 * counting what comes out, and is refused as soon as it passes its declared size, the limit per
 * entry, the limit for the whole archive or the ratio limit. Nothing else of the archive is held in
 * memory. Zip64 sizes are read, so that an entry above 4 GiB is seen for what it is.
 */
import { Inflate } from 'fflate';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatBytes } from '../formatters/bytes.js';
import { DEFAULT_ZIP_LIMITS, RATIO_FROM, type ZipLimits } from './zip-limits.js';

const KiB = 1024;

export { DEFAULT_ZIP_LIMITS, MAX_ZIP_LIMIT, RATIO_FROM, type ZipLimits } from './zip-limits.js';

/** Random access to the bytes of an archive (a file, or bytes in memory). */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Uint8Array;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) };
}

/** An entry's bytes, or why they are refused (beyond the budget, damaged): the import stops there. */
export type EntryRead = { bytes: Uint8Array } | { refused: Diagnostic };

/** Where a problem of an entry is shown: the archive with the entry's name, `x.qdpx (sources/a.txt)`. */
export const entryLabel = (file: string, entry: string) => `${file} (${entry})`;

export const ARCHIVE_RULE = 'qdpx/archive';

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressed: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

export interface Archive {
  /** Entry names as stored (folders left out). */
  names: string[];
  /** The entry's bytes, found case-insensitively, or why they are refused; undefined when there is no such entry. */
  get(name: string): EntryRead | undefined;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: at most about 16 MiB come out of 16 KiB. */
const CHUNK = 16 * KiB;

/** The archive `file` (its name for the diagnostics) as far as its central directory goes. */
export function readZip(source: ByteSource, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): { archive?: Archive; diagnostics: Diagnostic[] } {
  const entries = centralDirectory(source);
  if ('unreadable' in entries)
    return { diagnostics: [diagnostic('error', file, ARCHIVE_RULE, entries.unreadable, undefined, 'export the project again; nothing was written')] };
  const byLower = new Map<string, ZipEntry>();
  for (const e of entries.list) byLower.set(e.name.toLowerCase(), e);
  let inflated = 0;
  const archive: Archive = {
    names: entries.list.filter((e) => !e.name.endsWith('/')).map((e) => e.name),
    get: (name) => {
      const entry = byLower.get(name.toLowerCase());
      if (!entry) return undefined;
      const read = inflateEntry(source, entry, limits, inflated);
      if ('refused' in read) return { refused: diagnostic('error', entryLabel(file, entry.name), ARCHIVE_RULE, read.refused, undefined, read.hint) };
      inflated += read.bytes.length;
      return read;
    },
  };
  return { archive, diagnostics: [] };
}

/** A refusal of an entry: what is wrong, and what to do. */
interface Refusal {
  refused: string;
  hint?: string;
}

const refuse = (refused: string, hint = 'nothing was written'): Refusal => ({ refused, hint });
const raise = (option: string) => `if the file is trusted, raise the limit with ${option}; nothing was written`;

/** Refusals before inflating, from what the central directory declares. */
export function checkDeclared(entry: ZipEntry, limits: ZipLimits, inflatedBefore: number): Refusal | undefined {
  const size = formatBytes(entry.size);
  if (entry.size > limits.entry)
    return refuse(`inflates to ${size}, above the limit of ${formatBytes(limits.entry)} per entry (--max-entry-size)`, raise('--max-entry-size'));
  if (inflatedBefore + entry.size > limits.archive)
    return refuse(
      `inflates to ${size}, which takes the entries read past the limit of ${formatBytes(limits.archive)} for the whole archive (--max-archive-size)`,
      raise('--max-archive-size'),
    );
  if (entry.size > RATIO_FROM && entry.size > limits.ratio * Math.max(entry.compressed, 1))
    return refuse(`inflates from ${formatBytes(entry.compressed)} to ${size}, more than ${limits.ratio} times (--max-ratio)`, raise('--max-ratio'));
  return undefined;
}

function inflateEntry(source: ByteSource, entry: ZipEntry, limits: ZipLimits, inflatedBefore: number): { bytes: Uint8Array } | Refusal {
  if (entry.encrypted) return refuse('is encrypted', 'export the project again without a password; nothing was written');
  if (entry.method !== 0 && entry.method !== 8)
    return refuse(`is compressed with method ${entry.method}; qda reads stored and deflated entries only`);
  const refused = checkDeclared(entry, limits, inflatedBefore);
  if (refused) return refused;
  const head = source.read(entry.offset, 30);
  if (head.length < 30 || u32(head, 0) !== LOCAL) return refuse('the archive is damaged (no local header where the directory points)');
  const start = entry.offset + 30 + u16(head, 26) + u16(head, 28);
  if (start + entry.compressed > source.size) return refuse('the archive is cut short');
  if (entry.method === 0) return { bytes: source.read(start, entry.compressed).slice() };

  const out = new Uint8Array(entry.size);
  let length = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    if (over) return;
    if (length + chunk.length > entry.size) {
      over = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  try {
    for (let at = 0; at < entry.compressed && !over; at += CHUNK) {
      const n = Math.min(CHUNK, entry.compressed - at);
      inflate.push(source.read(start + at, n), at + n >= entry.compressed);
    }
  } catch (error) {
    return refuse(`the compressed data is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  if (over) return refuse(`inflates to more than the ${formatBytes(entry.size)} the archive declares for it (a damaged or forged archive)`);
  if (length !== entry.size)
    return refuse(`inflates to ${formatBytes(length)}, not the ${formatBytes(entry.size)} the archive declares (a damaged archive)`);
  return { bytes: out };
}

/** The entries the central directory lists, or what makes it unreadable (readZip makes that a Diagnostic). */
function centralDirectory(source: ByteSource): { list: ZipEntry[] } | { unreadable: string } {
  const tailLength = Math.min(source.size, 22 + 65535);
  const tail = source.read(source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (u32(tail, i) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) return { unreadable: 'the zip archive cannot be read: its central directory is missing (the file is cut short or not a zip)' };
  let count = u16(tail, eocd + 10);
  let size = u32(tail, eocd + 12);
  let offset = u32(tail, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const at = source.size - tailLength + eocd - 20;
    const locator = at >= 0 ? source.read(at, 20) : new Uint8Array(0);
    if (locator.length === 20 && u32(locator, 0) === EOCD64_LOCATOR) {
      const record = source.read(u64(locator, 8), 56);
      if (record.length === 56 && u32(record, 0) === EOCD64) {
        count = u64(record, 32);
        size = u64(record, 40);
        offset = u64(record, 48);
      }
    }
  }
  if (offset + size > source.size) return { unreadable: 'the zip archive cannot be read: its central directory lies past the end of the file' };
  const dir = source.read(offset, size);
  const list: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || u32(dir, p) !== CENTRAL)
      return { unreadable: `the zip archive cannot be read: entry ${i + 1} of its central directory is damaged` };
    const flags = u16(dir, p + 8);
    const nameLength = u16(dir, p + 28);
    const extraLength = u16(dir, p + 30);
    const entry: ZipEntry = {
      name: decodeName(dir.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0),
      method: u16(dir, p + 10),
      encrypted: (flags & 1) !== 0,
      compressed: u32(dir, p + 20),
      size: u32(dir, p + 24),
      offset: u32(dir, p + 42),
    };
    zip64Sizes(entry, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    list.push(entry);
    p += 46 + nameLength + extraLength + u16(dir, p + 32);
  }
  return { list };
}

/** The zip64 extra field holds the 8-byte values of the fields set to 0xFFFFFFFF, in this order. */
function zip64Sizes(entry: ZipEntry, extra: Uint8Array): void {
  for (let p = 0; p + 4 <= extra.length; p += 4 + u16(extra, p + 2)) {
    if (u16(extra, p) !== 1) continue;
    let q = p + 4;
    const take = () => {
      const v = q + 8 <= extra.length ? u64(extra, q) : undefined;
      q += 8;
      return v;
    };
    if (entry.size === 0xffffffff) entry.size = take() ?? entry.size;
    if (entry.compressed === 0xffffffff) entry.compressed = take() ?? entry.compressed;
    if (entry.offset === 0xffffffff) entry.offset = take() ?? entry.offset;
    return;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const LATIN1 = new TextDecoder('latin1');

/** Names are UTF-8 when flagged, and in practice often without the flag; else read as Latin-1. */
function decodeName(bytes: Uint8Array, utf8: boolean): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return utf8 ? new TextDecoder().decode(bytes) : LATIN1.decode(bytes);
  }
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;
