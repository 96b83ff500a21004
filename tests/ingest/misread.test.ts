// loadDocument warns when a UTF-8 file is read in a single-byte encoding, and says what to change.
import { describe, expect, test } from 'vitest';
import { loadDocument } from '../../src/corpus/load.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const TEXT = '---\ndistrict: Crooswijk\n---\n\nDe buurt is klein.\nHet café heet ‘De Hoek’.\n';

describe('a UTF-8 file read as windows-1252 or latin1', () => {
  test('loads, with a warning at the first misread character that names the encoding and the mojibake', () => {
    const r = loadDocument('corpus/oud/a.md', utf8(TEXT), { name: 'windows-1252', undo: 'drop --encoding windows-1252' });
    expect(r.document?.text).toContain('cafÃ© heet â€˜De Hoekâ€™');
    expect(r.diagnostics).toEqual([
      {
        file: 'corpus/oud/a.md',
        severity: 'warning',
        rule: 'file/mojibake',
        line: 6,
        column: 8,
        message: 'the file is UTF-8 but is read as windows-1252, which gives mojibake: "Ã©" for "é"',
        hint: 'drop --encoding windows-1252',
      },
    ]);
  });

  test('latin1 control characters are shown as \\x escapes; without an undo the hint says to read it as UTF-8', () => {
    const r = loadDocument('a.md', utf8('Het ‘eerste’ gesprek.\n'), 'latin1');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ line: 1, column: 5, message: expect.stringContaining('"â\\x80\\x98" for "‘"'), hint: 'read it as UTF-8' }),
    ]);
  });

  test('a file really in windows-1252 loads without a warning', () => {
    const bytes = new Uint8Array([...Buffer.from('Het caf'), 0xe9, ...Buffer.from(' heet '), 0x91, ...Buffer.from('De Hoek'), 0x92, 0x0a]);
    const r = loadDocument('a.md', bytes, 'windows-1252');
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.text).toBe('Het café heet ‘De Hoek’\n');
  });

  test('the warning comes with the front-matter errors of the same file', () => {
    const r = loadDocument('a.md', utf8('---\nrol gezinsondersteuner\nwijk: x\n---\nCafé.\n'), 'windows-1252');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.severity, d.rule])).toEqual([
      ['warning', 'file/mojibake'],
      ['error', 'front-matter/yaml'],
    ]);
  });
});
