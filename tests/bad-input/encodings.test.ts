// No silent mojibake or loss: UTF-16 in the wrong byte order or read as UTF-8, a UTF-8 BOM read in a
// single-byte encoding, a double BOM, CR-only line ends, and bad bytes in qda.yaml, the codebook and
// codings files each get a clear message or a correct read.
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { expectRefused, STACK } from './shared.js';

const TEXT = '---\ndistrict: Noord\n---\n\nKorte lijnen met de school, café.\n\nDe wachtlijst is lang.\n';
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const be = (text: string) => {
  const body = Buffer.from(text, 'utf16le');
  body.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};

async function json(dir: string, ...args: string[]) {
  const r = await qda(['code', 'a.md', '--format', 'json', '-q', ...args], { cwd: dir });
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).documents[0];
}

describe('transcripts', () => {
  test.each([
    ['UTF-16LE read as UTF-8', le(TEXT), [], 'a.md:1:1: error: file is UTF-16, use --encoding utf-16le'],
    ['UTF-16LE without BOM read as UTF-8', Buffer.from(TEXT, 'utf16le'), [], 'file is UTF-16, use --encoding utf-16le'],
    ['UTF-16BE read as UTF-8', be(TEXT), [], 'file is UTF-16, use --encoding utf-16be'],
    ['UTF-16LE read as UTF-16BE', le(TEXT), ['--encoding', 'utf-16be'], 'byte order is little-endian, not utf-16be: UTF-16, use --encoding utf-16le'],
    ['UTF-16LE without BOM read as UTF-16BE', Buffer.from(TEXT, 'utf16le'), ['--encoding', 'utf-16be'], 'UTF-16, use --encoding utf-16le'],
    ['UTF-16BE read as UTF-16LE', be(TEXT), ['--encoding', 'utf-16le'], 'UTF-16, use --encoding utf-16be'],
    [
      'a UTF-8 BOM read as windows-1252',
      Buffer.concat([BOM8, Buffer.from(TEXT)]),
      ['--encoding', 'windows-1252'],
      'file is UTF-8 (it starts with a UTF-8 byte order mark), not windows-1252',
    ],
    ['a UTF-8 BOM read as latin1', Buffer.concat([BOM8, Buffer.from(TEXT)]), ['--encoding', 'latin1'], 'not latin1'],
  ])('%s: a clear message', async (_, bytes, args, message) => {
    const dir = tempDir({ 'a.md': bytes });
    const r = await qda(['check', 'a.md', ...args], { cwd: dir });
    expectRefused({ ...r, stdout: '' }, message);
  });

  test('UTF-16 in the right byte order reads as UTF-8 would', async () => {
    const plain = await json(tempDir({ 'a.md': TEXT }));
    expect(await json(tempDir({ 'a.md': le(TEXT) }), '--encoding', 'utf-16le')).toMatchObject({
      attributes: plain.attributes,
      segments: plain.segments.map((s: { text: string }) => ({ text: s.text })),
    });
    expect((await json(tempDir({ 'a.md': be(TEXT) }), '--encoding', 'utf-16be')).attributes).toEqual({ district: 'Noord' });
  });

  test('a double BOM: the front matter is read', async () => {
    const doc = await json(tempDir({ 'a.md': Buffer.concat([BOM8, BOM8, Buffer.from(TEXT)]) }));
    expect(doc.attributes).toEqual({ district: 'Noord' });
    expect(doc.segments.map((s: { text: string }) => s.text)).toEqual(['Korte lijnen met de school, café.', 'De wachtlijst is lang.']);
  });

  test('CR-only line ends: front matter, paragraphs and line numbers as with LF', async () => {
    const lf = await json(tempDir({ 'a.md': TEXT }));
    const cr = await json(tempDir({ 'a.md': TEXT.replace(/\n/g, '\r') }));
    expect(cr.attributes).toEqual({ district: 'Noord' });
    expect(cr.segments.map((s: { text: string; lines: number[] }) => [s.text, s.lines])).toEqual(
      lf.segments.map((s: { text: string; lines: number[] }) => [s.text, s.lines]),
    );
  });
});

describe('qda.yaml, codebook and codings files', () => {
  const project = (extra: Record<string, string | Uint8Array>) => tempDir({ 'a.md': TEXT, 'qda.yaml': 'corpus: ["*.md"]\n', ...extra });

  test.each([
    [
      'qda.yaml',
      { 'qda.yaml': Buffer.from('corpus: ["*.md"]\ncompareBy: d\xe9strict\n', 'latin1') },
      'qda.yaml:2:13: error: invalid UTF-8 at byte 29',
    ],
    [
      'the codebook',
      {
        'qda.yaml': 'corpus: ["*.md"]\ncodebook: b.yaml\n',
        'b.yaml': Buffer.from('name: B\nlanguage: nl\ncodes:\n  - id: x\n    label: { nl: caf\xe9 }\n    terms: [school]\n', 'latin1'),
      },
      'b.yaml:5:21: error: invalid UTF-8',
    ],
    [
      'a codings file',
      { 'codings/ana.csv': Buffer.from('document,anchor,code,decision\na,p-1,x,add\xff\n', 'latin1') },
      'codings/ana.csv:2:12: error: invalid UTF-8',
    ],
    ['a UTF-16 codings file', { 'codings/ana.csv': le('document,anchor,code,decision\n') }, 'codings/ana.csv:1:1: error: file is UTF-16'],
  ])('bad bytes in %s: an error with line and column', async (_, files, message) => {
    const r = await qda(['check'], { cwd: project(files) });
    expectRefused({ ...r, stdout: '' }, message);
  });

  test('a double BOM and CR-only lines in a codings file and qda.yaml are read', async () => {
    const dir = project({
      'qda.yaml': Buffer.concat([BOM8, BOM8, Buffer.from('corpus: ["*.md"]\rcompareBy: district\r')]),
      'codings/ana.csv': Buffer.concat([BOM8, BOM8, Buffer.from('document,anchor,code,decision\ra,p-0000000000,organisation.roles,add\r')]),
    });
    const r = await qda(['check'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/missing column|unknown key/);
    // The row is read (its anchor is unknown), so the header was found under both BOMs.
    expect(r.stderr).toMatch(/codings\/ana\.csv:2:1: warning: /);
  });
});
