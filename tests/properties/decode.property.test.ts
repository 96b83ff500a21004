/** Property 5: UTF-8 decoding gives back the text, and never accepts or misplaces a bad byte. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decode, misreadUtf8 } from '../../src/io/decode.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** What UTF-8 can carry of a JS string: a lone surrogate becomes U+FFFD when encoded. */
const wellFormed = (s: string) => s.replace(/\p{Cs}/gu, '\uFFFD');
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());

/** Byte arrays that are mostly UTF-8 with some damage: random bytes, cut sequences, a BOM. */
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 4 }).map((s) => [...Buffer.from(s, 'utf8')]),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((s) => [...Buffer.from(s, 'utf8')].slice(0, -1)),
        fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }),
        fc.constant([...BOM]),
        fc.constantFrom([0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98]),
      ),
      { maxLength: 12 },
    )
    .map((parts) => Uint8Array.from(parts.flat())),
);

describe('decode (UTF-8)', () => {
  test('any string encoded with a BOM decodes to itself', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(decode(Buffer.concat([BOM, Buffer.from(s, 'utf8')]))).toEqual({ ok: true, text: wellFormed(s), bom: true });
      }),
      { numRuns: 300 },
    );
  });

  test('any string encoded without a BOM decodes to itself (unless it starts with U+FEFF, which is a BOM)', () => {
    fc.assert(
      fc.property(text, (s) => {
        const expected = wellFormed(s);
        const r = decode(Buffer.from(s, 'utf8'));
        if (expected.startsWith('\uFEFF')) expect(r).toEqual({ ok: true, text: expected.slice(1), bom: true });
        else expect(r).toEqual({ ok: true, text: expected, bom: false });
      }),
      { numRuns: 300 },
    );
  });

  test('any bytes: ok and re-encoding gives the bytes (without its BOMs), or an error at a byte offset within them', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const r = decode(b);
        const hasBom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
        // Every leading BOM goes, however many there are.
        let skip = 0;
        while (b[skip] === 0xef && b[skip + 1] === 0xbb && b[skip + 2] === 0xbf) skip += 3;
        const body = Buffer.from(b.subarray(skip));
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(body);
        } catch {
          valid = false;
        }
        expect(r.ok).toBe(valid);
        if (r.ok) {
          expect(r.bom).toBe(hasBom);
          expect(Buffer.from(r.text, 'utf8').equals(body)).toBe(true);
        } else {
          expect(Number.isInteger(r.byteOffset)).toBe(true);
          expect(r.byteOffset).toBeGreaterThanOrEqual(hasBom ? 3 : 0);
          expect(r.byteOffset).toBeLessThan(b.length);
          // Everything before the offset is valid UTF-8; the sequence starting there is not.
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, r.byteOffset))).not.toThrow();
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(r.byteOffset, r.byteOffset + 4))).toThrow();
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('misreadUtf8', () => {
  const accented = fc.string({ unit: fc.constantFrom(...'abc é ë ï ö ü ç ñ à è ’ ‘ “ ” – … € ß'.split(' ')), minLength: 1 });

  test('UTF-8 text with a character beyond ASCII, read as latin1 or windows-1252, is always caught at that character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc ,.\n') }),
        accented,
        fc.constantFrom('latin1', 'windows-1252'),
        (plain, rest, encoding) => {
          const wide = rest.search(/[^\x00-\x7f]/u);
          fc.pre(wide >= 0);
          const misread = misreadUtf8(Buffer.from(plain + rest, 'utf8'), encoding);
          expect(misread?.offset).toBe(plain.length + Buffer.byteLength(rest.slice(0, wide)));
          expect(misread?.meant).toBe(rest[wide]);
        },
      ),
    );
  });

  test('text written in windows-1252 with an accented letter is never taken for UTF-8', () => {
    // Dutch words in windows-1252: every accented letter is one byte, followed by an ASCII letter or space.
    const word = fc.constantFrom('café', 'ruïne', 'één', 'coördinatie', 'reünie', 'privé', 'financiële', '‘zo’', '“ja”');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = `${words.join(' ')} .`;
        const bytes = Uint8Array.from([...text].map((c) => CP1252[c] ?? c.charCodeAt(0)));
        expect(decode(bytes, 'windows-1252')).toMatchObject({ ok: true, text });
        expect(misreadUtf8(bytes, 'windows-1252')).toBeUndefined();
      }),
    );
  });
});

const CP1252: Record<string, number> = { '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
