// Bad transcripts: each ends with file:line:col and exit 1, or with a warning and a correct result.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused, expectWarned, listFiles, spawnQda, STACK } from './shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';

/** The bad file next to a good one: check, code and analyse all refuse it, and analyse writes nothing. */
async function refusedEverywhere(files: Record<string, string | Uint8Array>, message: RegExp | string) {
  const dir = tempDir({ 'good.md': GOOD, ...files });
  for (const argv of [
    ['check', '.'],
    ['code', '.', '--format', 'json'],
    ['code', '.', '--format', 'csv'],
    ['excerpts', '.'],
    ['matrix', '.', '--format', 'csv'],
  ]) {
    const r = await qda(argv, { cwd: dir });
    expectRefused(r, message);
  }
  const r = await qda(['analyse', '.', '--out', 'res'], { cwd: dir });
  expectRefused(r, message);
  expect(listFiles(join(dir, 'res'))).toEqual([]);
  expect(existsSync(join(dir, 'out'))).toBe(false);
  return dir;
}

describe('front matter', () => {
  test('unclosed', async () => {
    await refusedEverywhere(
      { 'open.md': '---\ndistrict: Crooswijk\nrole: wijkteam\n\nTekst zonder einde van de kop.\n' },
      /^open\.md:1:1: error: front matter is not closed/m,
    );
  });

  test('tabs for indentation', async () => {
    await refusedEverywhere({ 'tabs.md': '---\ndistrict: Crooswijk\nspeakers:\n\tI: interviewer\n---\nTekst.\n' }, /^tabs\.md:4:1: error: .*tab/im);
  });

  test('duplicate keys', async () => {
    await refusedEverywhere(
      { 'dup.md': '---\ndistrict: Crooswijk\nrole: a\ndistrict: Hillesluis\n---\nTekst.\n' },
      /^dup\.md:4:1: error: duplicate key/m,
    );
  });

  const bomb = () => {
    const lines = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const name of 'bcdefghi') {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = name;
    }
    lines.push('district: X', '---', '', 'Tekst over samenwerking.', '');
    return lines.join('\n');
  };

  test('a YAML alias bomb (billion laughs) is refused quickly', async () => {
    const started = Date.now();
    await refusedEverywhere({ 'bomb.md': bomb() }, /^bomb\.md:\d+:\d+: error: .*alias/im);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test.skipIf(!BUILT)('a YAML alias bomb is refused by a separate process too', () => {
    const dir = tempDir({ 'good.md': GOOD, 'bomb.md': bomb() });
    const r = spawnQda(['code', 'bomb.md', '--format', 'json'], dir, 20_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^bomb\.md:\d+:\d+: error: .*alias/im);
    expect(r.stderr).not.toMatch(STACK);
  });

  test('front matter only, no body: a warning, still exit 0, the document with no segments', async () => {
    const dir = tempDir({ 'fm.md': '---\ndistrict: Crooswijk\n---\n' });
    const check = await qda(['check', '.'], { cwd: dir });
    expectWarned(check, /^fm\.md(:\d+:\d+)?: warning: .*no text/m);
    const r = await qda(['code', '.', '--format', 'json'], { cwd: dir });
    expectWarned(r, /fm\.md(:\d+:\d+)?: warning: /);
    const json = JSON.parse(r.stdout);
    expect(json.documents).toHaveLength(1);
    expect(json.documents[0].attributes).toEqual({ district: 'Crooswijk' });
    expect(json.documents[0].segments).toEqual([]);
  });
});

describe('files that are not transcripts', () => {
  test('an empty file: a warning, the rest is coded', async () => {
    const dir = tempDir({ 'good.md': GOOD, 'empty.md': '' });
    const check = await qda(['check', '.'], { cwd: dir });
    expectWarned(check, /^empty\.md(:\d+:\d+)?: warning: file is empty/m);
    const r = await qda(['code', '.', '--format', 'json'], { cwd: dir });
    expectWarned(r, /empty\.md(:\d+:\d+)?: warning: /);
    const json = JSON.parse(r.stdout);
    expect(json.documents.map((d: { id: string }) => d.id)).toContain('good');
    expect(json.totals.codedSegments).toBe(1);
  });

  test('a binary file (PNG header with NUL bytes)', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 2, 0, 0, 0,
    ]);
    await refusedEverywhere({ 'plaatje.md': png }, /^plaatje\.md:3:1: error: file looks binary \(a NUL byte at byte 8\)/m);
  });

  test('invalid UTF-8: byte offset and the --encoding hint; the same file passes with --encoding windows-1252', async () => {
    const latin = Buffer.concat([
      Buffer.from('---\ndistrict: Delfshaven\n---\n\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from(' in de wijk, korte lijnen.\n'),
    ]);
    const dir = await refusedEverywhere({ 'latin.md': latin }, /^latin\.md:5:4: error: invalid UTF-8 at byte 33/m);
    const hint = await qda(['code', 'latin.md'], { cwd: dir });
    expect(hint.stderr).toContain('--encoding windows-1252');
    const fixed = await qda(['code', 'latin.md', '--encoding', 'windows-1252', '--format', 'json'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).not.toMatch(STACK);
    const segment = JSON.parse(fixed.stdout).documents[0].segments[0];
    expect(segment.text).toBe('Café in de wijk, korte lijnen.');
    expect(segment.lines).toEqual([5, 5]);
    expect(segment.codes.map((c: { id: string }) => c.id)).toContain('organisation.communication');
  });

  test('two documents with the same id: an error naming both files', async () => {
    const doc = '---\nid: zelfde\ndistrict: A\n---\n\nTekst.\n';
    await refusedEverywhere({ 'een.md': doc, 'sub/twee.md': doc }, /sub\/twee\.md:\d+:\d+: error: document id "zelfde" is also the id of een\.md/);
  });
});

describe('line endings', () => {
  test('mixed LF and CRLF: works, and lines and ranges still point at the text', async () => {
    const text =
      '---\r\ndistrict: A\n---\r\n\r\n# Kop\n\nEerste alinea.\n\nTweede alinea over samenwerking.\r\n\r\nDerde\r\nalinea met wachtlijsten.\n';
    const dir = tempDir({ 'mixed.md': text });
    const check = await qda(['check', '.'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stderr).not.toMatch(STACK);
    const r = await qda(['code', 'mixed.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const segments = JSON.parse(r.stdout).documents[0].segments as {
      lines: number[];
      range: [number, number];
      text: string;
      codes: { evidence: { range: [number, number]; line: number; text: string }[] }[];
    }[];
    expect(segments.map((s) => s.lines)).toEqual([
      [7, 7],
      [9, 9],
      [11, 12],
    ]);
    const chars = Array.from(text);
    const lineOf = (offset: number) => chars.slice(0, offset).join('').split(/\r?\n/).length;
    for (const s of segments) {
      expect(chars.slice(...s.range).join('')).toBe(s.text);
      expect(lineOf(s.range[0])).toBe(s.lines[0]);
      for (const code of s.codes)
        for (const e of code.evidence) {
          expect(chars.slice(...e.range).join('')).toBe(e.text);
          expect(lineOf(e.range[0])).toBe(e.line);
        }
    }
    expect(segments[2].text).toBe('Derde\r\nalinea met wachtlijsten.');
    expect(segments[2].codes.some((c) => c.evidence.some((e) => e.line === 12))).toBe(true);
  });
});

describe.runIf(BUILT)('a 20 MB transcript on one line', () => {
  test('qda code --format json codes a 20 MB one-line transcript in its own process and gives JSON that parses', async () => {
    const dir = tempDir();
    const words = 'de het samenwerking wijkteam korte lijnen wachtlijst regie vertrouwen school buurt ouders kinderen gemeente subsidie'.split(' ');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 20 * 1024 * 1024; i++) {
      const w = words[(i * 7919) % words.length];
      parts.push(w);
      size += w.length + 1;
    }
    writeFileSync(join(dir, 'lang.md'), `---\ndistrict: A\n---\n${parts.join(' ')}\n`);
    // The time it takes is measured by `npm run bench -- --paragraph 20MB`; here a generous limit only
    // catches a hang on a machine that may be busy.
    const r = spawnQda(['code', 'lang.md', '--format', 'json'], dir, 150_000);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(STACK);
    const json = JSON.parse(r.stdout);
    expect(json.documents[0].segments).toHaveLength(1);
    expect(json.documents[0].segments[0].lines).toEqual([4, 4]);
    expect(json.totals.codedSegments).toBe(1);
  }, 180_000);
});
