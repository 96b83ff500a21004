/**
 * Text to bytes in the encoding it was read in (see decode.ts), so that a file written back holds
 * the same bytes wherever its text is the same. Characters the encoding lacks are an error: the
 * caller writes only text that came from that encoding plus ASCII.
 */
import { CP1252_HIGH, normaliseEncoding } from './decode.js';

const CP1252_BYTE = new Map<number, number>(CP1252_HIGH.flatMap((code, i): [number, number][] => (code === 0 ? [] : [[code, 0x80 + i]])));

export function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  switch (normaliseEncoding(encoding)) {
    case 'latin1':
    case 'windows-1252': {
      const cp1252 = normaliseEncoding(encoding) === 'windows-1252';
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        // windows-1252 puts other characters at 0x80–0x9F; above that it agrees with latin1.
        const byte = cp1252 && code >= 0x80 && !(code >= 0xa0 && code <= 0xff) ? CP1252_BYTE.get(code) : code;
        if (byte === undefined || byte > 0xff) throw new Error(`character U+${code.toString(16)} cannot be written in ${encoding}`);
        bytes[i] = byte;
      }
      return bytes;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const little = normaliseEncoding(encoding) === 'utf-16le';
      const full = bom ? `\uFEFF${text}` : text;
      const bytes = new Uint8Array(full.length * 2);
      for (let i = 0; i < full.length; i++) {
        const unit = full.charCodeAt(i);
        bytes[2 * i + (little ? 0 : 1)] = unit & 0xff;
        bytes[2 * i + (little ? 1 : 0)] = unit >> 8;
      }
      return bytes;
    }
    default:
      return new TextEncoder().encode(bom ? `\uFEFF${text}` : text);
  }
}
