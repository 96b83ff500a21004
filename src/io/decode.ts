/**
 * Bytes to text. UTF-8 (with or without BOM) is the default; other encodings are named by the user.
 * Bytes that are not valid in the chosen encoding are reported with their byte offset, never replaced.
 */

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

/** The canonical name of an encoding, or undefined when qda does not know it. */
export function normaliseEncoding(name: string): string | undefined {
  return ALIASES[name.trim().toLowerCase()];
}

/** Bytes that windows-1252 leaves undefined. */
const CP1252_HOLES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

export function decode(bytes: Uint8Array, encoding = 'utf-8'): Decoded {
  switch (normaliseEncoding(encoding)) {
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'latin1':
      // ISO-8859-1 maps every byte to the code point of the same number.
      return { ok: true, text: Buffer.from(bytes).toString('latin1'), bom: false };
    case 'windows-1252': {
      const hole = bytes.findIndex((b) => CP1252_HOLES.has(b));
      if (hole >= 0) return { ok: false, byteOffset: hole, reason: `byte 0x${bytes[hole].toString(16)} is not defined in windows-1252` };
      return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), bom: false };
    }
    case 'utf-16le':
    case 'utf-16be':
      return decodeUtf16(bytes, normaliseEncoding(encoding) as 'utf-16le' | 'utf-16be');
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    const at = firstInvalidUtf8(body);
    return { ok: false, byteOffset: at + (bom ? 3 : 0), reason: 'invalid UTF-8' };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 === 1) return { ok: false, byteOffset: bytes.length - 1, reason: `odd number of bytes for ${encoding}` };
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    const bom = encoding === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
    return { ok: true, text, bom };
  } catch {
    return { ok: false, byteOffset: 0, reason: `invalid ${encoding}` };
  }
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
