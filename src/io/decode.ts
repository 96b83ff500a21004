/**
 * Bytes to text. UTF-8 (with or without BOM) is the default; other encodings are named by the user.
 * Bytes that are not valid in the chosen encoding are reported with their byte offset, never replaced.
 */
import { isUtf8 } from 'node:buffer';

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; byteOffset: number; reason: string };

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-8-sig': 'utf-8',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
};

export const ENCODINGS = ['utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'] as const;

/** Every name qda takes for an encoding, canonical names and aliases, for did-you-mean. */
export const ENCODING_NAMES = Object.keys(ALIASES);

/** The canonical name of an encoding, or undefined when qda does not know it. */
export function normaliseEncoding(name: string): string | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

export interface Misread {
  /** Offset of the first misread character, in bytes and (one byte a character) in the text. */
  offset: number;
  /** What the single-byte encoding made of it, e.g. `Ã©`. */
  seen: string;
  /** The character the UTF-8 bytes stand for, e.g. `é`. */
  meant: string;
}

/**
 * A UTF-8 file read as latin1 or windows-1252 decodes without error but turns every accented letter
 * and curly quote into two or three characters (`Ã©` for `é`, `â€™` for `’`). Text really written in
 * those encodings is almost never valid UTF-8 (an `é` is one byte there, which UTF-8 never allows
 * alone), so valid UTF-8 with any byte above 0x7F is the sign. Returns the first such character.
 */
export function misreadUtf8(bytes: Uint8Array, encoding: string): Misread | undefined {
  const name = normaliseEncoding(encoding);
  if (name !== 'latin1' && name !== 'windows-1252') return undefined;
  let offset = 0;
  while (offset < bytes.length && bytes[offset] < 0x80) offset++;
  if (offset === bytes.length || !isUtf8(bytes)) return undefined;
  const lead = bytes[offset];
  const sequence = bytes.subarray(offset, offset + (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2));
  const seen = decode(sequence, name);
  return { offset, seen: seen.ok ? seen.text : '', meant: new TextDecoder('utf-8', { ignoreBOM: true }).decode(sequence) };
}

/**
 * windows-1252 differs from latin1 in 0x80–0x9F only. Node's TextDecoder decodes that range as latin1
 * control characters, so the table is ours; 0 marks the five bytes the encoding leaves undefined.
 */
export const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeCp1252(bytes: Uint8Array): Decoded {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    for (let i = start; i < Math.min(start + CHUNK, bytes.length); i++) {
      const b = bytes[i];
      const code = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
      if (code === 0) return { ok: false, byteOffset: i, reason: `byte 0x${b.toString(16)} is not defined in windows-1252` };
      codes.push(code);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return { ok: true, text: parts.join(''), bom: false };
}

export function decode(bytes: Uint8Array, encoding = 'utf-8'): Decoded {
  switch (normaliseEncoding(encoding)) {
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'latin1':
      // ISO-8859-1 maps every byte to the code point of the same number.
      return { ok: true, text: Buffer.from(bytes).toString('latin1'), bom: false };
    case 'windows-1252':
      return decodeCp1252(bytes);
    case 'utf-16le':
    case 'utf-16be':
      return decodeUtf16(bytes, normaliseEncoding(encoding) as 'utf-16le' | 'utf-16be');
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  // A file saved twice by a tool that adds a BOM each time has two (or more): none is text.
  let skip = 0;
  while (bytes[skip] === 0xef && bytes[skip + 1] === 0xbb && bytes[skip + 2] === 0xbf) skip += 3;
  const bom = skip > 0;
  const body = bytes.subarray(skip);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    const at = firstInvalidUtf8(body);
    return { ok: false, byteOffset: at + skip, reason: 'invalid UTF-8' };
  }
}

/**
 * The byte order of a file that looks like UTF-16: from its byte order mark, else from where its
 * zero bytes stand (ASCII text in UTF-16LE has them at odd offsets, in UTF-16BE at even ones).
 */
export function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 4096);
  // Most files have no zero byte at all: found without reading every byte here.
  const zero = bytes.indexOf(0);
  if (zero < 0 || zero >= n) return undefined;
  for (let i = zero; i < n; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = n / 2;
  if (odd > half * 0.3 && even < odd / 10) return 'utf-16le';
  if (even > half * 0.3 && odd < even / 10) return 'utf-16be';
  return undefined;
}

/**
 * Why bytes cannot be what the chosen encoding says, before decoding: UTF-16 read as UTF-8 or in
 * the wrong byte order, or a UTF-8 byte order mark read in a single-byte encoding.
 */
export function encodingMismatch(bytes: Uint8Array, encoding: string): { message: string; use: string } | undefined {
  const name = normaliseEncoding(encoding) ?? encoding;
  const order = utf16Order(bytes);
  if (order && name !== order) {
    const wrongOrder = name.startsWith('utf-16')
      ? `the file's byte order is ${order === 'utf-16le' ? 'little' : 'big'}-endian, not ${name}: `
      : 'file is ';
    return { message: `${wrongOrder}UTF-16, use --encoding ${order}`, use: order };
  }
  if ((name === 'latin1' || name === 'windows-1252') && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { message: `file is UTF-8 (it starts with a UTF-8 byte order mark), not ${name}`, use: 'utf-8' };
  return undefined;
}

/** Lines ended by CR alone (old Mac files) as LF: the same length, so every offset stays. */
export function crOnlyToLf(text: string): string {
  return text.includes('\r') && !text.includes('\n') ? text.replace(/\r/g, '\n') : text;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 === 1) return { ok: false, byteOffset: bytes.length - 1, reason: `odd number of bytes for ${encoding}` };
  const little = encoding === 'utf-16le';
  const unit = (i: number) => (little ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
  const bom = bytes.length >= 2 && unit(0) === 0xfeff;
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0, k = 0; i < bytes.length; i += 2, k++) units[k] = unit(i);
  // Every high surrogate needs a low one after it, and no low surrogate may stand alone.
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = units[k + 1];
      if (next === undefined || next < 0xdc00 || next > 0xdfff) return { ok: false, byteOffset: 2 * k, reason: `unpaired surrogate in ${encoding}` };
      k++;
    } else if (u >= 0xdc00 && u <= 0xdfff) return { ok: false, byteOffset: 2 * k, reason: `unpaired surrogate in ${encoding}` };
  }
  const parts: string[] = [];
  for (let k = bom ? 1 : 0; k < units.length; k += 8192) parts.push(String.fromCharCode(...units.subarray(k, Math.min(k + 8192, units.length))));
  return { ok: true, text: parts.join(''), bom };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
