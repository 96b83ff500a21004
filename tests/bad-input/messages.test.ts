// Messages for bad input found in testing: each names the file, line and column, says what is wrong
// and what to do, and ends with exit status 1.
import { describe, expect, test } from 'vitest';
import { matchedWords, type Evidence } from '../../src/coding/coding.js';
import { anchorOf } from '../../src/manual/anchor.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { expectRefused, expectWarned } from './shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school.\n';
const BOOK = 'name: Klein\nlanguage: nl\ncodes:\n  - id: houding\n    terms: [houding*]\n';

describe('the codebook named', () => {
  test('in qda.yaml: its line and column there, and the file beside it with a close name', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus: [corpus]\ncodebook: hal.yaml\n', 'hall.yaml': BOOK, 'corpus/a.md': GOOD });
    for (const argv of [['check'], ['code'], ['learn', '--cv', '2']]) {
      const r = await qda(argv, { cwd: dir });
      expectRefused(r, 'qda.yaml:2:11: error: codebook hal.yaml not found; did you mean hall.yaml?');
    }
    const nested = tempDir({ 'qda.yaml': 'codebook: codebooks/hal.yaml\n', 'codebooks/hall.yaml': BOOK, 'a.md': GOOD });
    expectRefused(
      await qda(['check'], { cwd: nested }),
      'qda.yaml:1:11: error: codebook codebooks/hal.yaml not found; did you mean codebooks/hall.yaml?',
    );
  });

  test('with --codebook: a shipped codebook with a close name', async () => {
    const dir = tempDir({ 'a.md': GOOD });
    const r = await qda(['code', 'a.md', '--codebook', 'hal'], { cwd: dir });
    expectRefused(r, 'codebook hal not found; did you mean hall?');
    // no guess when nothing is close
    const far = await qda(['code', 'a.md', '--codebook', 'zzzzzzzz.yaml'], { cwd: dir });
    expectRefused(far, 'codebook zzzzzzzz.yaml not found');
    expect(far.stderr).not.toContain('did you mean');
  });
});

describe('qda.yaml values', () => {
  test('a corpus glob that matches nothing is named at its line: a warning beside others, an error alone', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus:\n  - corpus/*.md\n  - interviews/*.md\n', 'corpus/a.md': GOOD });
    expectWarned(await qda(['check'], { cwd: dir }), 'qda.yaml:3:5: warning: corpus glob "interviews/*.md" matches no transcripts');
    const none = tempDir({ 'qda.yaml': 'corpus: [interviews/*.md]\n', 'corpus/a.md': GOOD });
    for (const argv of [['check'], ['code']])
      expectRefused(await qda(argv, { cwd: none }), 'qda.yaml:1:10: error: corpus glob "interviews/*.md" matches no transcripts');
  });

  test('out: [out] must be a folder name, not a list', async () => {
    const dir = tempDir({ 'qda.yaml': 'corpus: [corpus]\nout: [out]\n', 'corpus/a.md': GOOD });
    const r = await qda(['check'], { cwd: dir });
    expectRefused(r, 'qda.yaml:2:6: error: `out` must be a folder name, not a list');
    expect(r.stderr).not.toContain('needs a value');
    const empty = tempDir({ 'qda.yaml': 'corpus: [corpus]\nout:\n', 'corpus/a.md': GOOD });
    expectRefused(await qda(['check'], { cwd: empty }), '`out` needs a folder name');
  });
});

describe('transcripts', () => {
  test('front matter without its opening --- is a warning at its first line', async () => {
    const dir = tempDir({ 'a.md': '\nid: gesprek-1\ndistrict: Feijenoord\n---\n\nWe hebben korte lijnen met de school.\n' });
    const r = await qda(['check', 'a.md'], { cwd: dir });
    expectWarned(r, 'a.md:2:1: warning: these lines look like front matter closed by ---, but the opening --- is missing');
    expect(r.stderr).toContain('add a line holding only --- above the first key');
    // a transcript that merely starts with a speaker's line and a rule further down is left alone
    const turns = tempDir({ 'b.md': 'R: We hebben korte lijnen.\n\nI: En verder?\n\n---\n' });
    expect((await qda(['check', 'b.md'], { cwd: turns })).stderr).not.toContain('front-matter/unopened');
  });
});

describe('qda eval', () => {
  test('a broken labelled set gives its position once', async () => {
    const dir = tempDir({ 'bad.yaml': 'items:\n  - id: a\n    text: "open\n' });
    const r = await qda(['eval', 'bad.yaml'], { cwd: dir });
    expectRefused(r, /^bad\.yaml:\d+:\d+: error: not valid YAML: /m);
    expect(r.stderr).not.toMatch(/at line \d+, column \d+/);
  });
});

describe('missing input files are input problems: exit 1 everywhere', () => {
  test.each([
    ['code', ['code', 'missing.md']],
    ['review import', ['review', 'import', 'missing.csv', '--coder', 'ana', 'a.md']],
    ['eval', ['eval', 'missing.yaml']],
    ['import qdpx', ['import', 'qdpx', 'missing.qdpx', '--into', 'project']],
    ['--codebook', ['code', 'a.md', '--codebook', 'missing.yaml']],
  ])('%s', async (_, argv) => {
    const dir = tempDir({ 'a.md': GOOD });
    const r = await qda(argv, { cwd: dir });
    expectRefused(r, /not found|no transcripts/);
  });
});

describe('codebook terms', () => {
  test('a bracket in a term is refused at its line and column', async () => {
    const dir = tempDir({ 'book.yaml': 'name: Klein\nlanguage: nl\ncodes:\n  - id: houding\n    terms: [regie, "houding(*"]\n', 'a.md': GOOD });
    const r = await qda(['check', 'a.md', '--codebook', 'book.yaml'], { cwd: dir });
    expectRefused(r, 'book.yaml:5:20: error: terms entry "houding(*": "(" has no meaning in a term');
    expect(r.stderr).toContain('regular expressions go under `patterns`');
  });
});

describe('summary lines and evidence', () => {
  test('overlapping matches are one phrase, the longest', () => {
    const e = (text: string, start: number): Evidence => ({ term: text, kind: 'phrase', text, range: { start, end: start + text.length } });
    // "wie de regie" at 10; "de regie" and "regie" inside it; "regie" again on its own at 40
    expect(matchedWords([e('regie', 17), e('de regie', 14), e('wie de regie', 10), e('Regie', 40)])).toEqual(['wie de regie', 'Regie']);
    expect(matchedWords([e('regie', 17), e('de regie', 14), e('wie de regie', 10)])).toEqual(['wie de regie']);
  });

  test('qda agree with a coder who has no codings: a close name, exit 1', async () => {
    const dir = tempDir({
      'a.md': GOOD,
      'codings/ana.csv': `document,anchor,code,decision\na,${anchorOf('We hebben korte lijnen met de school.')},houding,add\n`,
      'qda.yaml': 'codebook: book.yaml\n',
      'book.yaml': BOOK,
    });
    const r = await qda(['agree', 'ana', 'zed'], { cwd: dir });
    expectRefused(r, 'no codings of "zed"');
    const close = await qda(['agree', 'ana', 'anna'], { cwd: dir });
    expectRefused(close, 'no codings of "anna" (did you mean ana?)');
  });

  test('co-occurrence within documents counts each document once', async () => {
    const dir = tempDir({ 'a.md': GOOD, 'b.md': GOOD.replace('Hillesluis', 'Bloemhof') });
    const r = await qda(['cooccur', '--within', 'document', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/within each of 2 documents\n/);
    expect(r.stderr).not.toMatch(/documents of \d+ documents/);
  });
});
