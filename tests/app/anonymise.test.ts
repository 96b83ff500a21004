/** anonymise() as a library call on the fictional fixture with planted identifiers (tests/fixtures/anonymise/). */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withoutNames } from '../../src/anonymise/corpus.js';
import { parseKey } from '../../src/anonymise/key.js';
import { CommandFailed } from '../../src/app/errors.js';
import {
  anonymise,
  anonymiseOpenOptions,
  code,
  matrix,
  openCorpus,
  type AnonymiseRequest,
  type AnonymiseWriters,
  type OpenedCorpus,
} from '../../src/index.js';
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

function open(dir: string, path: string, request: AnonymiseRequest = {}): OpenedCorpus {
  const outcome = openCorpus([path], {}, dir, anonymiseOpenOptions(request));
  expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return outcome.result!;
}

function run(dir: string, path: string, request: AnonymiseRequest, writers?: AnonymiseWriters) {
  return anonymise(open(dir, path, request), request, writers);
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

const COPY = { out: 'shared', key: 'key.csv' };

describe('anonymise() on a fixture with planted identifiers', () => {
  test('finds every planted identifier (recall 100% on the list), leaves none in the copy, and changes no other word', () => {
    const dir = study();
    const outcome = run(dir, 'study', COPY);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.result).toMatchObject({ written: 5, changed: 5, existing: 0 });
    const key = parseKey('key.csv', readFileSync(join(dir, 'key.csv'), 'utf8')).entries;
    expect(key).toEqual(outcome.result!.entries);
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

  test('reverse restores documents, memos and codings byte for byte', () => {
    const dir = study();
    run(dir, 'study', COPY);
    const back = run(dir, 'shared', { reverse: true, key: 'key.csv', out: 'restored' });
    // qda.yaml holds no pseudonyms: only the other four change.
    expect(back.result).toMatchObject({ written: 5, changed: 4 });
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

  test('keeps the codings: the matrices and the hand-made codings of the copy equal the original ones', () => {
    const dir = study();
    run(dir, 'study', COPY);
    const [before, after] = ['study', 'shared'].map((p) => open(dir, p));
    for (const level of ['code', 'cluster'] as const)
      expect(matrix(after, { level }).result!.matrix, level).toEqual(matrix(before, { level }).result!.matrix);
    const manual = (opened: OpenedCorpus) =>
      [...code(opened).result!.documents].flatMap((d) =>
        d.codings.filter((c) => c.source === 'manual').map((c) => `${d.document.id} ${c.segment} ${c.code} ${c.coder}`),
      );
    expect(manual(after)).toEqual(manual(before));
    expect(manual(before).length).toBeGreaterThanOrEqual(5);
  });

  test('a dry run tells each changed file with its text before and after, and writes nothing', () => {
    const dir = study();
    const previews: { source: string; before: string; after: string }[] = [];
    const outcome = run(dir, 'study', { dryRun: true }, { preview: (f) => previews.push(f) });
    expect(outcome.result).toMatchObject({ written: 0, changed: 5 });
    expect(previews.map((p) => p.source).sort()).toEqual([
      'study/codings/ana.csv',
      'study/corpus/noord/wijkteam-1.md',
      'study/corpus/zuid/kindcoach-1.md',
      'study/memos/noord.md',
      'study/qda.yaml',
    ]);
    const kindcoach = previews.find((p) => p.source.endsWith('kindcoach-1.md'))!;
    expect(kindcoach.before).toBe(readFileSync(join(dir, 'study/corpus/zuid/kindcoach-1.md'), 'utf8'));
    expect(kindcoach.after).toContain('[telefoon 3] of ik stuur een mail naar [e-mail 2].');
    expect(readdirSync(dir)).toEqual(['study']);
  });

  test('a second run keeps the key: same pseudonyms, new names numbered on, the earlier copy replaced', () => {
    const dir = study();
    run(dir, 'study', COPY);
    const first = readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8');
    const firstKey = readFileSync(join(dir, 'key.csv'), 'utf8');
    writeFileSync(join(dir, 'study/corpus/zuid/extra.md'), '---\ndistrict: Zuid\n---\n\nVandaag sprak ik Kees Bakker en Samira.\n');
    const again = run(dir, 'study', COPY).result!;
    expect(again.entries.length - again.existing).toBe(2);
    expect(readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8')).toBe(first);
    expect(readFileSync(join(dir, 'shared/corpus/zuid/extra.md'), 'utf8')).toBe(
      '---\ndistrict: Zuid\n---\n\nVandaag sprak ik [Persoon 10] en [Persoon 7].\n',
    );
    expect(readFileSync(join(dir, 'key.csv'), 'utf8').startsWith(firstKey)).toBe(true);
  });

  test('pseudonyms chosen under names: in qda.yaml are used, and refused when the text already holds them', () => {
    const dir = study();
    const settings = join(dir, 'study/qda.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8').replace('names:\n  - Ria Oudshoorn\n', 'names: { Ria Oudshoorn: Greet Smit, Samira: Nadia }\n'),
    );
    run(dir, 'study', COPY);
    expect(readFileSync(join(dir, 'shared/corpus/zuid/kindcoach-1.md'), 'utf8')).toContain('Nadia: Dat is lastig.');
    expect(readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8')).toContain('Greet Smit van het consultatiebureau');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('Samira: Nadia', 'Samira: Hatice'));
    const refused = run(dir, 'study', { out: 'shared2', key: 'key2.csv' });
    expect(refused.result).toBeUndefined();
    expect(refused.diagnostics[0]).toMatchObject({
      file: 'study/corpus/noord/wijkteam-1.md',
      severity: 'error',
      message: expect.stringMatching(/^the pseudonym "Hatice" chosen under names: in qda.yaml is already in the text/),
    });
    expect(existsSync(join(dir, 'shared2')) || existsSync(join(dir, 'key2.csv'))).toBe(false);
  });

  test('BOM, CRLF and windows-1252 files come back byte for byte, each in its own encoding', () => {
    const cp1252 = Buffer.from('---\ndistrict: Zuid\n---\n\nCaf\xe9 met Samira \x96 bel 06-12345678.\n', 'latin1');
    const dir = tempDir({
      'study/qda.yaml': 'corpus: [corpus]\nencodings: { "corpus/oud/*.md": windows-1252 }\n',
      'study/corpus/bom.md': '\uFEFF---\r\ndistrict: Noord\r\nrespondent: Hatice Yilmaz\r\n---\r\n\r\nHatice zegt: mail hatice@voorbeeld.nl.\r\n',
      'study/corpus/oud/cp.md': cp1252,
    });
    expect(run(dir, 'study', COPY).diagnostics).toEqual([]);
    const shared = readFileSync(join(dir, 'shared/corpus/oud/cp.md'));
    expect(shared.equals(Buffer.from('---\ndistrict: Zuid\n---\n\nCaf\xe9 met [Persoon 2] \x96 bel [telefoon 1].\n', 'latin1'))).toBe(true);
    expect(readFileSync(join(dir, 'shared/corpus/bom.md'), 'utf8')).toBe(
      '\uFEFF---\r\ndistrict: Noord\r\nrespondent: Persoon 1\r\n---\r\n\r\n[Persoon 1.1] zegt: mail [e-mail 1].\r\n',
    );
    run(dir, 'shared', { reverse: true, key: 'key.csv', out: 'back' });
    for (const file of ['corpus/bom.md', 'corpus/oud/cp.md'])
      expect(readFileSync(join(dir, 'back', file)).equals(readFileSync(join(dir, 'study', file))), file).toBe(true);
  });

  test('names: FILE in qda.yaml names more people, one a line; the file stays out of the copy', () => {
    const dir = study();
    const settings = join(dir, 'study/qda.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('names:\n  - Ria Oudshoorn\n', 'names: people.txt\n'));
    expect(() => run(dir, 'study', COPY)).toThrow(CommandFailed);
    expect(() => run(dir, 'study', COPY)).toThrow('names file study/people.txt (names: in qda.yaml) not found');
    writeFileSync(join(dir, 'study/people.txt'), '# participants\nRia Oudshoorn = Greet Smit\nOosterstraat = a = b\n');
    expect(run(dir, 'study', COPY).diagnostics).toMatchObject([
      { file: 'study/people.txt', line: 3, column: 1, severity: 'error', message: 'line 3 is not a name or `name = pseudonym`' },
    ]);
    writeFileSync(join(dir, 'study/people.txt'), '# participants\nRia Oudshoorn = Greet Smit\nOosterstraat\n');
    expect(run(dir, 'study', COPY).diagnostics).toEqual([]);
    const interview = readFileSync(join(dir, 'shared/corpus/noord/wijkteam-1.md'), 'utf8');
    expect(interview).toContain('Greet Smit van het consultatiebureau');
    expect(interview).toContain('de casussen in de [Persoon 1] en omgeving');
    expect(existsSync(join(dir, 'shared/people.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'shared/qda.yaml'), 'utf8')).not.toContain('names');
  });
});
