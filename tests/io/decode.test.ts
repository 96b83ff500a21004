import { describe, expect, test } from 'vitest';
import { decode, ENCODING_NAMES, ENCODINGS, firstInvalidUtf8, misreadUtf8, normaliseEncoding } from '../../src/io/decode.js';

const BOM = [0xef, 0xbb, 0xbf];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
const bytes = (...parts: (number | number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : typeof p === 'number' ? [p] : p)));

describe('UTF-8', () => {
  test('without BOM', () => {
    const r = decode(bytes('café 😀\nregel twee'));
    expect(r).toEqual({ ok: true, text: 'café 😀\nregel twee', bom: false });
  });

  test('with BOM: bom flag set, BOM not in the text', () => {
    const r = decode(bytes(BOM, 'café'));
    expect(r).toEqual({ ok: true, text: 'café', bom: true });
  });

  test('BOM only gives empty text', () => {
    expect(decode(bytes(BOM))).toEqual({ ok: true, text: '', bom: true });
  });

  // A tool that adds a BOM each time it saves leaves two: neither is text (a second one kept in the
  // text hid the front matter, which must start the file).
  test('a second BOM after the first is removed too', () => {
    expect(decode(bytes(BOM, BOM, 'x'))).toEqual({ ok: true, text: 'x', bom: true });
    expect(decode(bytes(BOM, BOM, BOM, '---'))).toEqual({ ok: true, text: '---', bom: true });
    expect(decode(bytes('x', BOM))).toEqual({ ok: true, text: 'x\uFEFF', bom: false });
  });

  test('default encoding is UTF-8, and aliases work', () => {
    expect(decode(bytes('é'))).toMatchObject({ ok: true, text: 'é' });
    expect(decode(bytes(BOM, 'é'), 'UTF-8-SIG')).toMatchObject({ ok: true, text: 'é', bom: true });
    expect(decode(bytes('é'), 'utf8')).toMatchObject({ ok: true, text: 'é' });
  });

  test.each([
    ['latin1 é (0xE9) in the middle', bytes('caf', 0xe9, ' au lait'), 3],
    ['latin1 é after a valid two-byte é', bytes('é en ', 0xe9), 6],
    ['latin1 é after a BOM counts the BOM bytes', bytes(BOM, 'caf', 0xe9), 6],
    ['truncated three-byte sequence at the end', bytes('ab', 0xe2, 0x82), 2],
    ['truncated four-byte sequence at the end', bytes('ab', 0xf0, 0x9f, 0x98), 2],
    ['lead byte followed by ASCII', bytes('x', 0xc3, 'y'), 1],
    ['overlong two-byte slash (C0 AF)', bytes('a', 0xc0, 0xaf, 'b'), 1],
    ['overlong two-byte (C1 BF)', bytes('ab', 0xc1, 0xbf), 2],
    ['overlong three-byte (E0 80 AF)', bytes('abc', 0xe0, 0x80, 0xaf), 3],
    ['overlong four-byte (F0 80 80 AF)', bytes('a', 0xf0, 0x80, 0x80, 0xaf), 1],
    ['UTF-8 encoded high surrogate (ED A0 80)', bytes('ok ', 0xed, 0xa0, 0x80), 3],
    ['UTF-8 encoded low surrogate (ED BF BF)', bytes('ok', 0xed, 0xbf, 0xbf, '!'), 2],
    ['code point above U+10FFFF (F4 90 80 80)', bytes('z', 0xf4, 0x90, 0x80, 0x80), 1],
    ['lead byte F5', bytes('zz', 0xf5, 0x80, 0x80, 0x80), 2],
    ['stray continuation byte', bytes('één', 0x80), 5],
    ['0xFF', bytes(0xff), 0],
  ])('invalid: %s', (_name, input, offset) => {
    const r = decode(input);
    expect(r).toEqual({ ok: false, byteOffset: offset, reason: 'invalid UTF-8' });
    // firstInvalidUtf8 agrees (on the bytes after a BOM)
    const bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
    expect(firstInvalidUtf8(input.subarray(bom)) + bom).toBe(offset);
  });

  test.each([
    ['ASCII', bytes('abc')],
    ['two-byte', bytes('é')],
    ['three-byte (€, U+FFFD)', bytes('€\uFFFD')],
    ['four-byte emoji', bytes('😀𝄞')],
    ['highest code point U+10FFFF', bytes(0xf4, 0x8f, 0xbf, 0xbf)],
    ['U+D7FF and U+E000 around the surrogates', bytes(0xed, 0x9f, 0xbf, 0xee, 0x80, 0x80)],
    ['empty', bytes()],
  ])('firstInvalidUtf8 is -1 for valid %s', (_name, input) => {
    expect(firstInvalidUtf8(input)).toBe(-1);
    expect(decode(input).ok).toBe(true);
  });
});

describe('latin1 and windows-1252', () => {
  test.each(['latin1', 'latin-1', 'ISO-8859-1', 'windows-1252', 'cp1252', 'CP1252'])('%s decodes café', (encoding) => {
    expect(decode(Uint8Array.from([...ascii('caf'), 0xe9]), encoding)).toEqual({ ok: true, text: 'café', bom: false });
  });

  // Node 20 (>= 20.18.3) TextDecoder('windows-1252') takes a latin1 fast path (nodejs/node#56542, #60888),
  // so decode must not rely on it for 0x80-0x9F.
  test('windows-1252 maps 0x80 to € and 0x93/0x94/0x85 to curly quotes and an ellipsis', () => {
    const r = decode(Uint8Array.from([0x80, 0x20, 0x93, ...ascii('ja'), 0x94, 0x85]), 'windows-1252');
    expect(r).toEqual({ ok: true, text: '€ “ja”…', bom: false });
  });

  test.each([
    ['80', 0x80, '€'],
    ['8a', 0x8a, 'Š'],
    ['92', 0x92, '’'],
    ['96', 0x96, '–'],
    ['99', 0x99, '™'],
    ['9f', 0x9f, 'Ÿ'],
  ])('windows-1252 byte 0x$0 decodes to $2', (_hex, byte, expected) => {
    expect(decode(Uint8Array.from([0x61, byte]), 'windows-1252')).toEqual({ ok: true, text: `a${expected}`, bom: false });
  });

  test('latin1 maps 0x80 to U+0080, not €', () => {
    expect(decode(Uint8Array.from([0x80]), 'latin1')).toEqual({ ok: true, text: '\u0080', bom: false });
  });

  test('latin1 maps every byte to the code point of the same number', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const r = decode(all, 'latin1');
    expect(r.ok && [...r.text].map((c) => c.charCodeAt(0))).toEqual([...all]);
  });

  test.each([0x81, 0x8d, 0x8f, 0x90, 0x9d].map((b) => [b.toString(16), b]))(
    'windows-1252 undefined byte 0x%s is an error at its offset',
    (_hex, hole) => {
      const r = decode(Uint8Array.from([...ascii('wij'), 0xe9, hole, ...ascii('k')]), 'windows-1252');
      expect(r).toMatchObject({ ok: false, byteOffset: 4 });
      expect(!r.ok && r.reason).toContain(`0x${hole.toString(16)}`);
    },
  );

  test('windows-1252 reports the first undefined byte', () => {
    const r = decode(Uint8Array.from([0x41, 0x9d, 0x81]), 'windows-1252');
    expect(r).toMatchObject({ ok: false, byteOffset: 1 });
  });
});

describe('UTF-16', () => {
  test('utf-16le with BOM: bom flag, BOM not in text', () => {
    const input = Uint8Array.from([0xff, 0xfe, ...Buffer.from('café €\r\n😀', 'utf16le')]);
    expect(decode(input, 'utf-16le')).toEqual({ ok: true, text: 'café €\r\n😀', bom: true });
  });

  test('utf-16le without BOM', () => {
    expect(decode(Uint8Array.from(Buffer.from('één', 'utf16le')), 'UTF16LE')).toEqual({ ok: true, text: 'één', bom: false });
  });

  test('utf-16be with BOM', () => {
    const le = Buffer.from('\uFEFFcafé', 'utf16le');
    const be = Uint8Array.from(le).map((_, i, a) => a[i ^ 1]);
    expect(decode(be, 'utf-16be')).toEqual({ ok: true, text: 'café', bom: true });
  });

  test('utf-16le with an odd number of bytes points at the last byte', () => {
    expect(decode(Uint8Array.from([0x61, 0x00, 0x62]), 'utf-16le')).toMatchObject({ ok: false, byteOffset: 2 });
  });

  test('utf-16le with an unpaired surrogate reports the byte offset of the surrogate', () => {
    // "ab" then a lone high surrogate D83D then "c": the surrogate starts at byte 4.
    const input = Uint8Array.from([0x61, 0x00, 0x62, 0x00, 0x3d, 0xd8, 0x63, 0x00]);
    expect(decode(input, 'utf-16le')).toMatchObject({ ok: false, byteOffset: 4 });
  });

  test.each([
    ['lone low surrogate after a BOM', 'utf-16le', [0xff, 0xfe, 0x61, 0x00, 0x00, 0xdc, 0x62, 0x00], 4],
    ['high surrogate at the end', 'utf-16le', [0x61, 0x00, 0x3d, 0xd8], 2],
    ['two high surrogates', 'utf-16le', [0x3d, 0xd8, 0x3d, 0xd8, 0x00, 0xde], 0],
    ['lone high surrogate, big endian', 'utf-16be', [0x00, 0x61, 0xd8, 0x3d, 0x00, 0x62], 2],
  ])('%s', (_name, encoding, input, offset) => {
    expect(decode(Uint8Array.from(input as number[]), encoding as string)).toMatchObject({ ok: false, byteOffset: offset });
  });

  test('a valid surrogate pair in utf-16le decodes', () => {
    expect(decode(Uint8Array.from([0x3d, 0xd8, 0x00, 0xde]), 'utf-16le')).toEqual({ ok: true, text: '😀', bom: false });
  });
});

describe('normaliseEncoding', () => {
  test.each([
    ['utf8', 'utf-8'],
    [' UTF-8 ', 'utf-8'],
    ['utf-8-sig', 'utf-8'],
    ['Latin1', 'latin1'],
    ['iso8859-1', 'latin1'],
    ['cp1252', 'windows-1252'],
    ['UTF-16LE', 'utf-16le'],
    ['utf16be', 'utf-16be'],
    ['shift_jis', undefined],
    ['', undefined],
  ])('%j → %j', (name, expected) => {
    expect(normaliseEncoding(name)).toBe(expected);
  });
});

describe('a UTF-8 file read as latin1 or windows-1252 (misreadUtf8)', () => {
  test.each([
    ['é', 'windows-1252', 'Ã©'],
    ['ë', 'windows-1252', 'Ã«'],
    ['‘', 'windows-1252', 'â€˜'],
    ['’', 'windows-1252', 'â€™'],
    ['“', 'windows-1252', 'â€œ'],
    ['é', 'latin1', 'Ã©'],
    ['’', 'latin1', 'â\u0080\u0099'],
    ['😀', 'cp1252', 'ðŸ˜€'],
  ])('%j read as %s shows as %j', (meant, encoding, seen) => {
    const text = `De wijk ${meant} en verder ${meant}.`;
    expect(misreadUtf8(bytes(text), encoding)).toEqual({ offset: 'De wijk '.length, seen, meant });
  });

  test('a UTF-8 byte order mark is the first misread character', () => {
    expect(misreadUtf8(bytes(BOM, 'café'), 'windows-1252')).toEqual({ offset: 0, seen: 'ï»¿', meant: '\uFEFF' });
  });

  test('text really written in windows-1252 or latin1 is not taken for UTF-8', () => {
    expect(misreadUtf8(bytes(ascii('Caf'), 0xe9, ascii(' en '), 0x93, ascii('de wijk'), 0x94), 'windows-1252')).toBeUndefined();
    expect(misreadUtf8(bytes(ascii('Caf'), 0xe9), 'latin1')).toBeUndefined();
    // Valid UTF-8 up to the last byte, then a lone é: not UTF-8.
    expect(misreadUtf8(bytes('café ', 0xe9), 'windows-1252')).toBeUndefined();
  });

  test('plain ASCII reads the same in every encoding: no misreading', () => {
    expect(misreadUtf8(bytes('De wijk en de school.'), 'windows-1252')).toBeUndefined();
  });

  test('only single-byte encodings misread this way', () => {
    for (const encoding of ['utf-8', 'utf8', 'utf-16le', 'utf-16be']) expect(misreadUtf8(bytes('café'), encoding)).toBeUndefined();
  });
});

describe('ENCODING_NAMES', () => {
  test('every name normalises to a canonical encoding', () => {
    for (const name of ENCODING_NAMES) expect(ENCODINGS).toContain(normaliseEncoding(name));
    for (const name of ENCODINGS) expect(ENCODING_NAMES).toContain(name);
  });
});
