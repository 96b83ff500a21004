// Per-file encodings: globs in qda.yaml, --encoding for the files named on the command line, and a
// warning when a UTF-8 file is forced through a single-byte encoding.
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = 'name: t\nlanguage: nl\ncodes:\n  - id: horeca\n    terms: [café]\n';
/** An older file, saved by a word processor in windows-1252: é is 0xE9, curly quotes 0x93/0x94. */
const OLD = Buffer.concat([
  Buffer.from('---\ndistrict: Oud\n---\n\nHet caf'),
  Buffer.from([0xe9]),
  Buffer.from(' op de hoek heet '),
  Buffer.from([0x93]),
  Buffer.from('De Buurt'),
  Buffer.from([0x94]),
  Buffer.from('.\n'),
]);
const NEW = '---\ndistrict: Nieuw\n---\n\nHet café op het plein heet ‘Plein 5’.\n';
const study = (yaml: string) =>
  tempDir({ 'study/qda.yaml': yaml, 'study/book.yaml': BOOK, 'study/corpus/oud/a.md': OLD, 'study/corpus/nieuw/b.md': NEW });
const MAPPED = 'corpus: [corpus]\ncodebook: book.yaml\nencodings:\n  "corpus/oud/*.md": windows-1252\n';

const texts = (stdout: string) =>
  Object.fromEntries(
    (JSON.parse(stdout).documents as { path: string; segments: { text: string }[] }[]).map((d) => [d.path, d.segments.map((s) => s.text)]),
  );

describe('encodings in qda.yaml', () => {
  test('a glob gives the older files their encoding; the others stay UTF-8', async () => {
    const dir = study(MAPPED);
    const r = await qda(['code', 'study', '--format', 'json'], { cwd: dir });
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    expect(texts(r.stdout)).toEqual({
      'study/corpus/nieuw/b.md': ['Het café op het plein heet ‘Plein 5’.'],
      'study/corpus/oud/a.md': ['Het café op de hoek heet “De Buurt”.'],
    });
  });

  test('without the glob the older file is an error that points at `encodings`', async () => {
    const dir = study('corpus: [corpus]\ncodebook: book.yaml\n');
    const r = await qda(['check', 'study'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/study\/corpus\/oud\/a\.md:5:8: error: invalid UTF-8 at byte \d+/);
    expect(r.stderr).toContain('`encodings` in qda.yaml');
  });

  test('a folder works as a glob, and a later glob wins over an earlier one', async () => {
    const yaml = 'corpus: [corpus]\ncodebook: book.yaml\nencodings:\n  corpus: windows-1252\n  corpus/nieuw/*.md: utf-8\n';
    const r = await qda(['code', 'study', '--format', 'json'], { cwd: study(yaml) });
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(texts(r.stdout)['study/corpus/nieuw/b.md']).toEqual(['Het café op het plein heet ‘Plein 5’.']);
  });

  test('a UTF-8 file caught by a glob gets a warning naming it, and the hint names the glob', async () => {
    const yaml = 'corpus: [corpus]\ncodebook: book.yaml\nencodings:\n  "corpus/**/*.md": windows-1252\n';
    const r = await qda(['check', 'study'], { cwd: study(yaml) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'study/corpus/nieuw/b.md:5:8: warning: the file is UTF-8 but is read as windows-1252, which gives mojibake: "Ã©" for "é"',
    );
    expect(r.stderr).toContain('narrow "corpus/**/*.md" under `encodings` in study/qda.yaml so that it leaves this file out');
    expect(r.stderr).not.toContain('oud/a.md');
  });

  test('`encoding` for the whole project on a UTF-8 file: the warning says to drop it', async () => {
    const r = await qda(['check', 'corpus/nieuw/b.md'], { cwd: `${study('corpus: [corpus]\ncodebook: book.yaml\nencoding: latin1\n')}/study` });
    expect(r.stderr).toContain('corpus/nieuw/b.md:5:8: warning: the file is UTF-8 but is read as latin1');
    expect(r.stderr).toContain('drop `encoding: latin1` from qda.yaml');
  });

  test('bad globs and unknown encodings: qda.yaml:line:col with did-you-mean, exit 1, nothing on stdout', async () => {
    const yaml = [
      'corpus: [corpus]',
      'codebook: book.yaml',
      'encodings:',
      '  "corpus/[oud.md": latin1',
      '  corpus/oud/*.md: windows1252',
      '  /data/corpus/*.md: latin1',
      '  ../elders/*.md: latin1',
      '  "corpus\\\\oud\\\\*.md": latin1',
      '  corpus/{oud,nieuw/*.md: latin1',
      '  corpus/nieuw/*.md: ebcdic',
      '',
    ].join('\n');
    const r = await qda(['code', 'study'], { cwd: study(yaml) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const errors = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('study/qda.yaml:'))
      .map((l) => l.replace(/ \[[\w/]+\]$/, ''));
    expect(errors).toEqual([
      'study/qda.yaml:4:3: error: glob "corpus/[oud.md" under `encodings` leaves a [ unclosed',
      'study/qda.yaml:5:20: error: encoding "windows1252" is not known; did you mean windows-1252?',
      'study/qda.yaml:6:3: error: glob "/data/corpus/*.md" under `encodings` is absolute; write it relative to the project folder',
      'study/qda.yaml:7:3: error: glob "../elders/*.md" under `encodings` reaches outside the project folder',
      'study/qda.yaml:8:3: error: glob "corpus\\oud\\*.md" under `encodings` holds a \\; separate folders with /',
      'study/qda.yaml:9:3: error: glob "corpus/{oud,nieuw/*.md" under `encodings` leaves a { unclosed',
      'study/qda.yaml:10:22: error: encoding "ebcdic" is not known',
    ]);
  });

  test('`encodings` that is not a mapping, and a misspelt `encoding`', async () => {
    const r = await qda(['check', 'study'], { cwd: study('corpus: [corpus]\nencodings: windows-1252\nencoding: latin-l\n') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('study/qda.yaml:2:12: error: `encodings` must map globs to encodings');
    expect(r.stderr).toContain('study/qda.yaml:3:11: error: encoding "latin-l" is not known; did you mean latin1?');
  });

  test('a glob that takes no file is a warning at its place', async () => {
    const r = await qda(['check', 'study'], { cwd: study(`${MAPPED}  "corpus/archief/*.md": latin1\n`) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('study/qda.yaml:5:3: warning: no file matches "corpus/archief/*.md" under `encodings`');
  });
});

describe('--encoding on the command line', () => {
  test('applies to the files named on it and wins over qda.yaml for them', async () => {
    const dir = study(MAPPED);
    const forced = await qda(['check', 'corpus/oud/a.md', '--encoding', 'utf-8'], { cwd: `${dir}/study` });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/corpus\/oud\/a\.md:5:8: error: invalid UTF-8/);
    const latin = await qda(['code', 'corpus/oud/a.md', '--encoding', 'latin1', '--format', 'json'], { cwd: `${dir}/study` });
    expect(latin.code).toBe(0);
    // latin1 reads 0x93 as a control character, where windows-1252 (from qda.yaml) has a curly quote.
    expect(texts(latin.stdout)['corpus/oud/a.md']).toEqual(['Het café op de hoek heet \u0093De Buurt\u0094.']);
  });

  test('a UTF-8 file named with --encoding windows-1252 gets a warning naming the file and saying to drop the flag', async () => {
    const r = await qda(['check', 'corpus/nieuw/b.md', '--encoding', 'windows-1252'], { cwd: `${study(MAPPED)}/study` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('corpus/nieuw/b.md:5:8: warning: the file is UTF-8 but is read as windows-1252, which gives mojibake: "Ã©" for "é"');
    expect(r.stderr).toContain('drop --encoding windows-1252');
  });

  test('an unknown encoding is wrong usage with did-you-mean', async () => {
    const r = await qda(['check', '--encoding', 'windows1252'], { cwd: `${study(MAPPED)}/study` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown encoding "windows1252"; did you mean windows-1252?');
  });
});
