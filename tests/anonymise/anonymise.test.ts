/** `qda anonymise` on the fictional fixture with planted identifiers (tests/fixtures/anonymise/). */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutNames } from '../../src/anonymise/corpus.js';
import { parseKey } from '../../src/anonymise/key.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/anonymise');
const PLANTED = readFileSync(join(FIXTURE, 'planted.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [kind, text] = l.split('\t');
    return { kind, text };
  });

/** A copy of the fixture study in a temporary folder: `dir/study`. */
function study(): string {
  const dir = tempDir();
  cpSync(join(FIXTURE, 'study'), join(dir, 'study'), { recursive: true });
  return dir;
}

/** Every file below a folder (relative path → bytes). */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)));
  }
  return out;
}

const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Words of `a` not matched by a word of `b`, as a multiset difference. */
function minus(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    return n === 0;
  });
}

describe('qda anonymise on a fixture with planted identifiers', () => {
  test('finds every planted identifier (recall 100% on the list), leaves none in the copy, and changes no other word', async () => {
    const dir = study();
    const run = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
    expect(run.stderr).toMatch(/^pseudonymised 5 files \(5 changed\) into shared\/; key: \d+ identifiers/m);
    expect(run.code).toBe(0);
    const key = parseKey('key.csv', readFileSync(join(dir, 'key.csv'), 'utf8')).entries;
    for (const p of PLANTED) expect(key.find((e) => e.original === p.text)?.kind, p.text).toBe(p.kind);
    const copy = tree(join(dir, 'shared'));
    expect([...copy.keys()].sort()).toEqual([
      '.qda-anonymised',
      'codings/ana.csv',
      'corpus/noord/wijkteam-1.md',
      'corpus/zuid/kindcoach-1.md',
      'memos/noord.md',
      'qda.yaml',
    ]);
    expect(existsSync(join(dir, 'shared', 'key.csv'))).toBe(false);
    const planted = new Set(PLANTED.flatMap((p) => words(p.text)));
    for (const [path, bytes] of copy) {
      const text = bytes.toString('utf8');
      for (const p of PLANTED) expect(text.includes(p.text), `${p.text} in ${path}`).toBe(false);
      if (!path.endsWith('.md')) continue;
      const before = readFileSync(join(dir, 'study', path), 'utf8');
      // Removed words are words of planted identifiers; added words are the pseudonyms' words.
      expect(
        minus(words(before), words(text)).filter((w) => !planted.has(w)),
        path,
      ).toEqual([]);
      expect(
        minus(words(text), words(before)).filter((w) => !/^(?:Persoon|e|mail|telefoon|postcode|BSN|adres|\d+)$/.test(w)),
        path,
      ).toEqual([]);
    }
    const interview = copy.get('corpus/noord/wijkteam-1.md')!.toString();
    expect(interview).toContain('respondent: Persoon 2\nspeakers: { I: interviewer, Persoon 2.1: respondent }');
    expect(interview).toContain('**Persoon 2.1:** Meestal via school. Juf [Persoon 4] belt me gewoon op [telefoon 1]');
  });

  test('--reverse restores documents, memos and codings byte for byte', async () => {
    const dir = study();
    expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir })).code).toBe(0);
    const back = await qda(['anonymise', 'shared', '--reverse', '--key', 'key.csv', '--out', 'restored'], { cwd: dir });
    // qda.yaml holds no pseudonyms: only the other four change.
    expect(back.stderr).toBe('restored 5 files (4 changed) into restored/\n');
    expect(back.code).toBe(0);
    const original = tree(join(dir, 'study'));
    const restored = tree(join(dir, 'restored'));
    restored.delete('.qda-anonymised');
    expect([...restored.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [path, bytes] of original) {
      // qda.yaml's names: went into the key and is not put back.
      const expected = path === 'qda.yaml' ? Buffer.from(withoutNames(bytes.toString())) : bytes;
      expect(restored.get(path)!.equals(expected), path).toBe(true);
    }
  });

  test('keeps the codings: the analysis of the copy equals the original one', async () => {
    const dir = study();
    expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir })).code).toBe(0);
    const before = await qda(['analyse', 'study', '--out', 'a-before'], { cwd: dir });
    const after = await qda(['analyse', 'shared', '--out', 'a-after'], { cwd: dir });
    expect(before.code).toBe(0);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toMatch(/stale|warning/);
    expect(after.stderr.replace('a-after', 'a-before')).toBe(before.stderr);
    for (const file of ['matrix-codes.csv', 'matrix-clusters.csv', 'cooccurrence.csv', 'matrix.md'])
      expect(readFileSync(join(dir, 'a-after', file), 'utf8'), file).toBe(readFileSync(join(dir, 'a-before', file), 'utf8'));
    type Segment = { ordinal: number; codes: { id: string; source: string; coder: string }[] };
    const manual = (out: string) =>
      (JSON.parse(readFileSync(join(dir, out, 'codings.json'), 'utf8')).documents as { id: string; segments: Segment[] }[]).flatMap((d) =>
        d.segments.flatMap((s) => s.codes.filter((c) => c.source === 'manual').map((c) => `${d.id} ${s.ordinal} ${c.id} ${c.coder}`)),
      );
    expect(manual('a-after')).toEqual(manual('a-before'));
    expect(manual('a-before').length).toBeGreaterThanOrEqual(5);
  });
});

describe('qda anonymise: where it writes, and what it refuses', () => {
  test.each([
    [['--out', 'study/shared', '--key', 'key.csv'], '--out study/shared lies inside the project or the corpus'],
    [['--out', 'study/corpus/copy', '--key', 'key.csv'], '--out study/corpus/copy lies inside the project or the corpus'],
    [['--out', 'other', '--key', 'key.csv'], '--out other is a folder that qda anonymise did not make, and not empty'],
    [['--out', 'shared', '--key', 'shared/key.csv'], '--key shared/key.csv lies inside the copy'],
    [['--out', 'shared'], '--key FILE is needed'],
    [['--key', 'key.csv'], '--out DIR is needed'],
  ])('%j is refused, nothing written', async (args, message) => {
    const dir = study();
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'notes.txt'), 'mine\n');
    const run = await qda(['anonymise', 'study', ...args], { cwd: dir });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, 'key.csv')) || existsSync(join(dir, 'shared'))).toBe(false);
    expect(readdirSync(join(dir, 'other'))).toEqual(['notes.txt']);
    expect(readdirSync(dir).sort()).toEqual(['other', 'study']);
  });

  test('--dry-run shows the changed lines and the key, and writes nothing', async () => {
    const dir = study();
    const run = await qda(['anonymise', 'study', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '--- study/corpus/zuid/kindcoach-1.md',
        '+++ study/corpus/zuid/kindcoach-1.md (pseudonymised)',
        '@@ -12 +12 @@',
        '-Samira: Eigenlijk de intern begeleider, Jan-Willem de Boer. En het consultatiebureau aan de Groene Hilledijk 310. Als ik iemand niet kan bereiken bel ik +31 6 98765432 of ik stuur een mail naar kindcoach.zuid@voorbeeld.org.',
        '+Persoon 7: Eigenlijk de intern begeleider, [Persoon 8]. En het consultatiebureau aan de [adres 2]. Als ik iemand niet kan bereiken bel ik [telefoon 3] of ik stuur een mail naar [e-mail 2].',
      ].join('\n'),
    );
    expect(run.stdout).toContain('--- study/qda.yaml\n+++ study/qda.yaml (pseudonymised)\n@@ -7,2 +7,0 @@\n-names:\n-  - Ria Oudshoorn\n');
    expect(run.stdout).toContain('  123456782 → [BSN 1] (bsn)\n');
    expect(run.stderr).toBe('dry run: 5 files would change; nothing was written\n');
    expect(readdirSync(dir)).toEqual(['study']);
  });

  test('a second run keeps the key: same pseudonyms, new names numbered on, the earlier copy replaced', async () => {
    const dir = study();
    expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv', '-q'], { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8');
    const firstKey = readFileSync(join(dir, 'key.csv'), 'utf8');
    writeFileSync(join(dir, 'study/corpus/zuid/extra.md'), '---\ndistrict: Zuid\n---\n\nVandaag sprak ik Kees Bakker en Samira.\n');
    const again = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(', 2 new, in key.csv');
    expect(readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8')).toBe(first);
    expect(readFileSync(join(dir, 'shared/corpus/zuid/extra.md'), 'utf8')).toBe(
      '---\ndistrict: Zuid\n---\n\nVandaag sprak ik [Persoon 10] en [Persoon 7].\n',
    );
    expect(readFileSync(join(dir, 'key.csv'), 'utf8').startsWith(firstKey)).toBe(true);
  });

  test('pseudonyms chosen under names: in qda.yaml are used, and refused when the text already holds them', async () => {
    const dir = study();
    const settings = join(dir, 'study/qda.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace('names:\n  - Ria Oudshoorn\n', 'names: { Ria Oudshoorn: Greet Smit, Samira: Nadia }\n'),
    );
    expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv', '-q'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'shared/corpus/zuid/kindcoach-1.md'), 'utf8')).toContain('Nadia: Dat is lastig.');
    expect(readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8')).toContain('Greet Smit van het consultatiebureau');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('Samira: Nadia', 'Samira: Hatice'));
    const run = await qda(['anonymise', 'study', '--out', 'shared2', '--key', 'key2.csv'], { cwd: dir });
    expect(run.stderr).toContain(
      'study/corpus/noord/wijkteam-1.md: error: the pseudonym "Hatice" chosen under names: in qda.yaml is already in the text',
    );
    expect(run.code).toBe(1);
    expect(existsSync(join(dir, 'shared2')) || existsSync(join(dir, 'key2.csv'))).toBe(false);
  });

  test('BOM, CRLF and windows-1252 files come back byte for byte, each in its own encoding', async () => {
    const cp1252 = Buffer.from('---\ndistrict: Zuid\n---\n\nCaf\xe9 met Samira \x96 bel 06-12345678.\n', 'latin1');
    const dir = tempDir({
      'study/qda.yaml': 'corpus: [corpus]\nencodings: { "corpus/oud/*.md": windows-1252 }\n',
      'study/corpus/bom.md': '\uFEFF---\r\ndistrict: Noord\r\nrespondent: Hatice Yilmaz\r\n---\r\n\r\nHatice zegt: mail hatice@voorbeeld.nl.\r\n',
      'study/corpus/oud/cp.md': cp1252,
    });
    expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv', '-q'], { cwd: dir })).code).toBe(0);
    const shared = readFileSync(join(dir, 'shared/corpus/oud/cp.md'));
    expect(shared.equals(Buffer.from('---\ndistrict: Zuid\n---\n\nCaf\xe9 met [Persoon 2] \x96 bel [telefoon 1].\n', 'latin1'))).toBe(true);
    expect(readFileSync(join(dir, 'shared/corpus/bom.md'), 'utf8')).toBe(
      '\uFEFF---\r\ndistrict: Noord\r\nrespondent: Persoon 1\r\n---\r\n\r\n[Persoon 1.1] zegt: mail [e-mail 1].\r\n',
    );
    expect((await qda(['anonymise', 'shared', '--reverse', '--key', 'key.csv', '--out', 'back', '-q'], { cwd: dir })).code).toBe(0);
    for (const file of ['corpus/bom.md', 'corpus/oud/cp.md'])
      expect(readFileSync(join(dir, 'back', file)).equals(readFileSync(join(dir, 'study', file))), file).toBe(true);
  });
});

test('a transcript outside the project folder is named, and nothing is written', async () => {
  const dir = study();
  writeFileSync(join(dir, 'elsewhere.md'), '---\ndistrict: Noord\n---\n\nSamira belt.\n');
  const run = await qda(['anonymise', 'corpus', '../elsewhere.md', '--out', '../../shared', '--key', '../../key.csv'], { cwd: join(dir, 'study') });
  expect(run.stderr).toContain('/elsewhere.md: error: the file lies outside the project folder');
  expect(run.stderr).toContain('nothing was written');
  expect(run.code).toBe(1);
  expect(readdirSync(dir).sort()).toEqual(['elsewhere.md', 'study']);
});

test('names: FILE in qda.yaml names more people, one a line; the file stays out of the copy', async () => {
  const dir = study();
  const settings = join(dir, 'study/qda.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('names:\n  - Ria Oudshoorn\n', 'names: people.txt\n'));
  const missing = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
  expect(missing.stderr).toContain('error: names file study/people.txt (names: in qda.yaml) not found');
  expect(missing.code).toBe(1);
  writeFileSync(join(dir, 'study/people.txt'), '# participants\nRia Oudshoorn = Greet Smit\nOosterstraat = a = b\n');
  const bad = await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv'], { cwd: dir });
  expect(bad.stderr).toContain('study/people.txt:3:1: error: line 3 is not a name or `name = pseudonym`');
  expect(bad.code).toBe(1);
  writeFileSync(join(dir, 'study/people.txt'), '# participants\nRia Oudshoorn = Greet Smit\nOosterstraat\n');
  expect((await qda(['anonymise', 'study', '--out', 'shared', '--key', 'key.csv', '-q'], { cwd: dir })).code).toBe(0);
  const interview = readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8');
  expect(interview).toContain('Greet Smit van het consultatiebureau');
  expect(interview).toContain('de casussen in de [Persoon 1] en omgeving');
  expect(existsSync(join(dir, 'shared/people.txt'))).toBe(false);
  expect(readFileSync(join(dir, 'shared/qda.yaml'), 'utf8')).not.toContain('names');
});
