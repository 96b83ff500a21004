/**
 * Zips as a hostile or broken exporter makes them, built byte by byte: any declared size (zip64
 * included), any entry name, and deflate streams that inflate to gigabytes from a few megabytes
 * without ever holding the inflated bytes.
 */

export interface ForgedEntry {
  name: string;
  /** The stored bytes: raw deflate data when `method` is 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size the headers declare. */
  size: number;
}

/** A raw deflate stream of `length` times `byte`: one fixed-Huffman block of 258-byte matches. */
export function deflateRun(byte: number, length: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((length / 258) * 13 + 300 * 8) / 8) + 16);
  let at = 0;
  let bits = 0;
  let count = 0;
  const put = (value: number, n: number) => {
    bits |= value << count;
    count += n;
    while (count >= 8) {
      out[at++] = bits & 0xff;
      bits >>>= 8;
      count -= 8;
    }
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, n: number) => {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((value >> i) & 1) << (n - 1 - i);
    put(reversed, n);
  };
  const literal = (b: number) => (b < 144 ? code(0x30 + b, 8) : code(0x190 + b - 144, 9));
  put(1, 1); // last block
  put(1, 2); // fixed Huffman codes
  literal(byte);
  let left = length - 1;
  const repeat = () => {
    code(0xc5, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
    left -= 258;
  };
  // Eight matches are 104 bits, 13 whole bytes: from the eighth match on, the bytes repeat with that
  // period and the bits still pending are the same, so the gigabyte streams are copied, not coded.
  for (let i = 0; i < 16 && left >= 258; i++) repeat();
  const groups = Math.floor(left / (258 * 8));
  if (groups > 0 && at >= 13) {
    out.copyWithin(at, at - 13, at);
    let filled = 13;
    while (filled < groups * 13) {
      const n = Math.min(filled, groups * 13 - filled);
      out.copyWithin(at + filled, at, at + n);
      filled += n;
    }
    at += groups * 13;
    left -= groups * 258 * 8;
  }
  while (left >= 258) repeat();
  for (; left > 0; left--) literal(byte);
  code(0, 7); // end of block
  if (count > 0) put(0, 8 - count);
  return out.subarray(0, at);
}

/** A zip of the entries, each declaring `size`; sizes of 4 GiB and more are written as zip64. */
export function forgeZip(entries: ForgedEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const big = e.size >= 0xffffffff || e.data.length >= 0xffffffff;
    const extra = big ? zip64Extra(e.size, e.data.length) : new Uint8Array(0);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, big ? 45 : 20, true);
    local.setUint16(6, 0x800, true);
    local.setUint16(8, e.method, true);
    local.setUint32(18, big ? 0xffffffff : e.data.length, true);
    local.setUint32(22, big ? 0xffffffff : e.size, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, extra.length, true);
    parts.push(new Uint8Array(local.buffer), name, extra, e.data);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 45, true);
    dir.setUint16(6, big ? 45 : 20, true);
    dir.setUint16(8, 0x800, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(20, big ? 0xffffffff : e.data.length, true);
    dir.setUint32(24, big ? 0xffffffff : e.size, true);
    dir.setUint16(28, name.length, true);
    dir.setUint16(30, extra.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name, extra);
    offset += 30 + name.length + extra.length + e.data.length;
  }
  const dirSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function zip64Extra(size: number, compressed: number): Uint8Array {
  const v = new DataView(new ArrayBuffer(20));
  v.setUint16(0, 1, true);
  v.setUint16(2, 16, true);
  v.setBigUint64(4, BigInt(size), true);
  v.setBigUint64(12, BigInt(compressed), true);
  return new Uint8Array(v.buffer);
}

/** A stored entry of text. */
export const stored = (name: string, text: string | Uint8Array): ForgedEntry => {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { name, data, method: 0, size: data.length };
};
