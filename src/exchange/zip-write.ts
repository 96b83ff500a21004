/**
 * A zip written into a file entry by entry (io/staged.ts), so that no archive is ever held in memory. The layout is
 * the one fflate's zipSync gives (sizes in each local header, no data descriptors, a fixed date), so
 * an entry deflated whole has the same bytes as before. An entry too large to hold (project.qde) is
 * deflated as it is written, and its header's CRC and sizes are filled in when it ends.
 */
import { Deflate, deflateSync } from 'fflate';
import type { CopySource, PositionalOutput } from '../io/staged.js';

/** 1 January 2000, local time as zip stores it: any fixed date would do. */
const FIXED_DATE = new Date(2000, 0, 1, 0, 0, 0);
const LEVEL = 6;
/** Bytes handed to the streaming deflater at a time: fixed, so the same text gives the same bytes. */
const BLOCK = 64 * 1024;
/** Sizes and offsets above this need zip64, which this writer does not write. */
const MAX_ZIP32 = 0xffffffff;

/** An entry's data deflated, with what its headers state. */
export interface DeflatedEntry {
  crc: number;
  /** Bytes before and after deflating. */
  size: number;
  compressed: number;
}

interface WrittenEntry extends DeflatedEntry {
  name: Uint8Array;
  offset: number;
}

/** What a zip without zip64 cannot hold: the export stops with this message, and nothing is written. */
export class TooLargeForZip extends Error {}

export class ZipFile {
  private position = 0;
  private readonly entries: WrittenEntry[] = [];

  constructor(private readonly out: PositionalOutput) {}

  /** An entry whose deflated data is at hand. */
  add(name: string, entry: DeflatedEntry, data: Uint8Array): void {
    this.header(name, entry);
    this.write(data);
  }

  /** An entry whose deflated data is `entry.compressed` bytes of `from` at `offset` (a spool file). */
  copy(name: string, entry: DeflatedEntry, from: CopySource, offset: number): void {
    this.header(name, entry);
    from.copyTo(offset, entry.compressed, (chunk) => this.write(chunk));
  }

  /** An entry deflated as it is written; `end` completes its header. */
  stream(name: string): EntryStream {
    const at = this.position;
    const entry: DeflatedEntry = { crc: 0, size: 0, compressed: 0 };
    this.header(name, entry);
    const crc = new Crc32();
    const deflate = new Deflate({ level: LEVEL }, (chunk) => {
      entry.compressed += chunk.length;
      this.write(chunk);
    });
    const pending = new Uint8Array(BLOCK);
    let filled = 0;
    const push = (bytes: Uint8Array, final: boolean) => {
      crc.update(bytes);
      entry.size += bytes.length;
      deflate.push(bytes, final);
    };
    return {
      write: (bytes) => {
        for (let i = 0; i < bytes.length;) {
          const n = Math.min(BLOCK - filled, bytes.length - i);
          pending.set(bytes.subarray(i, i + n), filled);
          filled += n;
          i += n;
          if (filled === BLOCK) {
            push(pending.slice(), false);
            filled = 0;
          }
        }
      },
      end: () => {
        push(pending.slice(0, filled), true);
        entry.crc = crc.value();
        checkSize(name, entry);
        this.out.writeAt(localHeader(this.entries[this.entries.length - 1].name, entry), at);
        Object.assign(this.entries[this.entries.length - 1], entry);
      },
    };
  }

  /** The central directory and its end record; the file is complete after this. */
  finish(): void {
    if (this.entries.length > 0xffff)
      throw new TooLargeForZip(`the archive would hold ${this.entries.length} files, more than the 65,535 a zip without zip64 holds`);
    const start = this.position;
    for (const e of this.entries) this.write(centralHeader(e));
    const end = new Uint8Array(22);
    const view = new DataView(end.buffer);
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, this.entries.length, true);
    view.setUint16(10, this.entries.length, true);
    view.setUint32(12, this.position - start, true);
    view.setUint32(16, start, true);
    this.write(end);
  }

  private header(name: string, entry: DeflatedEntry): void {
    const bytes = new TextEncoder().encode(name);
    checkSize(name, entry);
    if (this.position > MAX_ZIP32) throw new TooLargeForZip(`the archive passes 4 GiB at ${name}, more than a zip without zip64 holds`);
    this.entries.push({ ...entry, name: bytes, offset: this.position });
    this.write(localHeader(bytes, entry));
  }

  private write(bytes: Uint8Array): void {
    this.out.writeAt(bytes, this.position);
    this.position += bytes.length;
  }
}

export interface EntryStream {
  write(bytes: Uint8Array): void;
  end(): void;
}

/** An entry held whole, deflated as zipSync deflates it. */
export function deflateEntry(data: Uint8Array): { entry: DeflatedEntry; data: Uint8Array } {
  const compressed = deflateSync(data, { level: LEVEL });
  const crc = new Crc32();
  crc.update(data);
  return { entry: { crc: crc.value(), size: data.length, compressed: compressed.length }, data: compressed };
}

function checkSize(name: string, entry: DeflatedEntry): void {
  if (entry.size > MAX_ZIP32 || entry.compressed > MAX_ZIP32)
    throw new TooLargeForZip(`${name} is larger than 4 GiB, more than a zip without zip64 holds`);
}

/** DOS date and time of FIXED_DATE, as zip stores it. */
function dosTime(): number {
  const d = FIXED_DATE;
  return (
    (((d.getFullYear() - 1980) << 25) |
      ((d.getMonth() + 1) << 21) |
      (d.getDate() << 16) |
      (d.getHours() << 11) |
      (d.getMinutes() << 5) |
      (d.getSeconds() >> 1)) >>>
    0
  );
}

/** Version 2.0, no flags (ASCII names), deflate, the fixed date, CRC and sizes. */
function commonFields(view: DataView, at: number, entry: DeflatedEntry, nameLength: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, 0, true);
  view.setUint16(at + 4, 8, true);
  view.setUint32(at + 6, dosTime(), true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressed, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, nameLength, true);
}

function localHeader(name: Uint8Array, entry: DeflatedEntry): Uint8Array {
  const out = new Uint8Array(30 + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  commonFields(view, 4, entry, name.length);
  out.set(name, 30);
  return out;
}

function centralHeader(e: WrittenEntry): Uint8Array {
  const out = new Uint8Array(46 + e.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true);
  commonFields(view, 6, e, e.name.length);
  view.setUint32(42, e.offset, true);
  out.set(e.name, 46);
  return out;
}

/** CRC-32 (the zip polynomial), a table a byte at a time. */
class Crc32 {
  private static readonly table = (() => {
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    return t;
  })();
  private c = -1;

  update(bytes: Uint8Array): void {
    const t = Crc32.table;
    let c = this.c;
    for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    this.c = c;
  }

  value(): number {
    return ~this.c >>> 0;
  }
}
