// Search as a library call on a tiny fictional corpus: hits, places and counts as values, and the
// hits coded for a coder and counted again by the matrix. The command line keeps its tests of the
// output formats, the exit statuses and the summary lines (tests/cli/search.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  codeHits,
  coderProblem,
  matrix,
  openCorpus,
  queryProblem,
  search,
  searchPass,
  type OpenedCorpus,
  type SearchRequest,
} from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';
import { SEARCH_CORPUS as CORPUS, SMALL_BOOK as BOOK } from '../helpers/corpora.js';

function open(dir: string, settings = {}, options = {}): OpenedCorpus {
  const outcome = openCorpus([], { codebook: BOOK, ...settings }, dir, options);
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!;
}

const filter = (codes: string[] = [], where: [string, string[]][] = []) => ({ codes, where: new Map(where), speakers: [] });

function found(dir: string, request: SearchRequest) {
  const outcome = search(open(dir), request);
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!.found;
}

describe('search()', () => {
  test('every hit with file:line:col, speaker, district and context; counts per district', () => {
    const dir = tempDir(CORPUS);
    const r = found(dir, { query: 'wijkteam*' });
    expect(r.hits.map((h) => `${h.path}:${h.line}:${h.column} ${h.text}`)).toEqual([
      'corpus/c.md:8:16 wijkteam',
      'corpus/c.md:10:11 wijkteammedewerker',
      'corpus/h.md:6:12 wijkteam',
    ]);
    expect(r.hits[0]).toMatchObject({ speaker: 'R', speakerRole: 'kindcoach', groups: ['Crooswijk'], segment: 2 });
    expect(r.counts).toEqual([
      { value: 'Crooswijk', hits: 2, segments: 2, documents: 1 },
      { value: 'Hillesluis', hits: 1, segments: 1, documents: 1 },
    ]);
    // The interviewer is not searched, as no analysis counts that speaker.
    expect(r.searched).toEqual({ documents: 2, segments: 4 });
    const text = readFileSync(join(dir, 'corpus/c.md'), 'utf8');
    expect(text.slice(r.hits[1].range.start, r.hits[1].range.end)).toBe('wijkteammedewerker');
  });

  test('searched while the corpus is opened (searchPass) or read again afterwards: the same result', () => {
    const dir = tempDir(CORPUS);
    const request = { query: 'wijkteam* OR school', width: 10 };
    const pass = searchPass(request);
    const during = search(open(dir, {}, { survey: pass.survey }), request, undefined, pass).result;
    expect(pass.collector).toBeDefined();
    expect(during).toEqual(search(open(dir), request).result);
    expect(during).toMatchObject({ query: 'wijkteam* OR school', by: 'district', unit: 'paragraph', width: 10 });
  });

  test('--where, --by and --code narrow or regroup as in other commands', () => {
    const dir = tempDir(CORPUS);
    expect(found(dir, { query: 'wijkteam*', filter: filter([], [['district', ['Hillesluis']]]) }).hits).toHaveLength(1);
    expect(found(dir, { query: 'wijkteam*', by: 'document' }).counts.map((c) => c.value)).toEqual(['c', 'h']);
    // Only the paragraph with "korte lijnen" carries an organisation code.
    expect(found(dir, { query: 'wijkteam*', filter: filter(['organisation']) }).hits.map((h) => h.line)).toEqual([8]);
  });

  test('a bad query, an unknown selection or --code-as code: errors of the request, no result', () => {
    const opened = open(tempDir(CORPUS));
    expect(queryProblem('school AND (wijk')?.message).toBe('query, column 12: a ( without its closing )\n  school AND (wijk\n             ^');
    const bad = search(opened, { query: 'school AND (wijk' });
    expect(bad.result).toBeUndefined();
    expect(bad.diagnostics).toMatchObject([{ severity: 'error', file: '' }]);
    expect(search(opened, { query: 'x', filter: { codes: [], where: new Map(), speakers: ['X'] } }).result).toBeUndefined();
    expect(search(opened, { query: 'x', codeAs: 'organisation.rol' }).diagnostics).toMatchObject([
      { severity: 'error', message: '--code-as: unknown code "organisation.rol"; did you mean organisation.roles?' },
    ]);
    expect(coderProblem(undefined)?.message).toBe('--code-as needs --coder NAME: whose codings the hits become');
    expect(coderProblem('../x')?.message).toBe('--coder "../x" cannot name a codings file');
    expect(coderProblem('qda')).toBeDefined();
    expect(coderProblem('ana')).toBeUndefined();
  });
});

describe('codeHits()', () => {
  const codeAs = (dir: string) => {
    const opened = open(dir);
    const searched = search(opened, { query: 'wijkteam*', codeAs: 'organisation.roles' }).result!;
    return codeHits(opened, searched, { code: 'organisation.roles', coder: 'ana' });
  };

  test('codes the hit paragraphs for a coder; the matrix of that coder counts them', () => {
    const dir = tempDir(CORPUS);
    const outcome = codeAs(dir);
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.result).toMatchObject({ shown: 'codings/ana.csv' });
    expect(outcome.result!.added).toHaveLength(3);
    const sheet = readFileSync(join(dir, 'codings/ana.csv'), 'utf8').split('\r\n');
    expect(sheet[0]).toBe('document,anchor,code,decision,note,line,text');
    expect(sheet.slice(1, -1).map((l) => l.split(',').slice(2, 6).join(','))).toEqual([
      'organisation.roles,add,qda search wijkteam*,8',
      'organisation.roles,add,qda search wijkteam*,10',
      'organisation.roles,add,qda search wijkteam*,6',
    ]);
    const m = matrix(open(dir, { coder: 'ana' }), {}).result!.matrix;
    expect(m.values[m.rows.findIndex((r) => r.id === 'organisation.roles')]).toEqual([2, 1]);
  });

  test('searching again adds nothing twice and keeps the decisions already there', () => {
    const dir = tempDir(CORPUS);
    codeAs(dir);
    const path = join(dir, 'codings/ana.csv');
    // Ana rejects the coding of the last paragraph in a spreadsheet.
    const lines = readFileSync(path, 'utf8').split('\r\n');
    lines[3] = lines[3].replace(',add,', ',reject,');
    writeFileSync(path, lines.join('\r\n'));
    const again = codeAs(dir).result!;
    expect(again.rows).toHaveLength(3);
    expect(again.added).toEqual([]);
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual(lines);
  });

  test('a YAML codings file of the coder is left alone: an error, nothing written', () => {
    const dir = tempDir({ ...CORPUS, 'codings/ana.yaml': '[]\n' });
    const outcome = codeAs(dir);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([{ severity: 'error', message: 'codings/ana.yaml already holds decisions of ana' }]);
  });
});
