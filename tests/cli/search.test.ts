import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');
const doc = (district: string, body: string) => `---\ndistrict: ${district}\nspeakers: { I: interviewer, R: kindcoach }\n---\n\n${body}\n`;
const CORPUS = {
  'qda.yaml': 'corpus: [corpus]\nskipSpeakers: [interviewer]\n',
  'corpus/c.md': doc(
    'Crooswijk',
    '**I:** Hoe gaat het met het wijkteam?\n\n**R:** Met het wijkteam hebben we korte lijnen.\n\n**R:** De wijkteammedewerker belt de school.',
  ),
  'corpus/h.md': doc('Hillesluis', '**R:** Het wijkteam ken ik niet.\n\n**R:** Vertrouwen moet groeien, ook met het buurtteam.'),
};

const json = async (dir: string, ...args: string[]) => {
  const r = await qda(['search', ...args, '--codebook', BOOK, '--format', 'json', '-q'], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('qda search', () => {
  test('every hit with file:line:col, speaker, district and context; counts per district', async () => {
    const dir = tempDir(CORPUS);
    const r = await json(dir, 'wijkteam*');
    expect(r.hits.map((h: { path: string; line: number; column: number; text: string }) => `${h.path}:${h.line}:${h.column} ${h.text}`)).toEqual([
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
    const [start, end] = r.hits[1].range;
    expect(text.slice(start, end)).toBe('wijkteammedewerker');
  });

  test('markdown and CSV', async () => {
    const dir = tempDir(CORPUS);
    const md = await qda(['search', 'school', '--codebook', BOOK, '--width', '12'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('- `corpus/c.md:10:38` · Crooswijk · R (kindcoach) — …ker belt de **school**.…');
    expect(md.stdout).toContain('| Crooswijk | 1 | 1 | 1 |');
    expect(md.stderr).toBe('1 hit in 1 segment of 1 document (searched 4 segments of 2 documents)\n');
    const csv = await qda(['search', 'wijkteam', '--codebook', BOOK, '--format', 'csv', '--width', '8', '-q'], { cwd: dir });
    expect(csv.stdout.split('\r\n')[0]).toBe('document,path,line,column,segment,speaker,speaker_role,group,left,hit,right,district');
    expect(csv.stdout.split('\r\n')[1]).toBe('c,corpus/c.md,8,16,2,R,kindcoach,Crooswijk,"Met het ",wijkteam," hebben ",Crooswijk');
  });

  test('--where, --speaker, --by and --code narrow or regroup as in other commands', async () => {
    const dir = tempDir(CORPUS);
    expect((await json(dir, 'wijkteam*', '--where', 'district=Hillesluis')).hits).toHaveLength(1);
    expect((await json(dir, 'wijkteam*', '--by', 'document')).counts.map((c: { value: string }) => c.value)).toEqual(['c', 'h']);
    // Only the paragraph with "korte lijnen" carries an organisation code.
    const coded = await json(dir, 'wijkteam*', '--code', 'organisation');
    expect(coded.hits.map((h: { line: number }) => h.line)).toEqual([8]);
    const none = await qda(['search', 'wijkteam', '--codebook', BOOK, '--speaker', 'X'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
  });

  test('a bad query is wrong usage that points at the column', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['search', 'school AND (wijk', '--codebook', BOOK], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('query, column 12: a ( without its closing )');
    expect(r.stderr).toContain('\n  school AND (wijk\n             ^');
  });
});

describe('qda search --code-as', () => {
  test('codes the hit paragraphs for a coder; the matrix of that coder counts them', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['search', 'wijkteam*', '--codebook', BOOK, '--code-as', 'organisation.roles', '--coder', 'ana', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const sheet = readFileSync(join(dir, 'codings/ana.csv'), 'utf8').split('\r\n');
    expect(sheet[0]).toBe('document,anchor,code,decision,note,line,text');
    expect(sheet.slice(1, -1).map((l) => l.split(',').slice(2, 6).join(','))).toEqual([
      'organisation.roles,add,qda search wijkteam*,8',
      'organisation.roles,add,qda search wijkteam*,10',
      'organisation.roles,add,qda search wijkteam*,6',
    ]);
    const matrix = await qda(['matrix', '--codebook', BOOK, '--coder', 'ana', '--format', 'json', '-q'], { cwd: dir });
    const roles = JSON.parse(matrix.stdout).rows.find((row: { id: string }) => row.id === 'organisation.roles');
    expect(roles.values).toEqual([2, 1]);
    const check = await qda(['check', '--codebook', BOOK], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(': 0 errors, 0 warnings');
  });

  test('searching again adds nothing twice and keeps the decisions already there', async () => {
    const dir = tempDir(CORPUS);
    const args = ['search', 'wijkteam*', '--codebook', BOOK, '--code-as', 'organisation.roles', '--coder', 'ana', '--format', 'json'];
    await qda(args, { cwd: dir });
    const path = join(dir, 'codings/ana.csv');
    // Ana rejects the coding of the last paragraph in a spreadsheet.
    const lines = readFileSync(path, 'utf8').split('\r\n');
    lines[3] = lines[3].replace(',add,', ',reject,');
    writeFileSync(path, lines.join('\r\n'));
    const again = await qda(args, { cwd: dir });
    expect(again.stderr).toContain('3 paragraphs with a hit: 0 coded organisation.roles for ana');
    expect(readFileSync(path, 'utf8').split('\r\n')).toEqual(lines);
  });

  test('needs a coder and a code of the codebook; writes nothing otherwise', async () => {
    const dir = tempDir(CORPUS);
    const noCoder = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.roles'], { cwd: dir });
    expect(noCoder.code).toBe(2);
    expect(noCoder.stderr).toContain('--code-as needs --coder NAME');
    const unknown = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.rol', '--coder', 'ana'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown code "organisation.rol"; did you mean organisation.roles?');
    const bad = await qda(['search', 'wijkteam', '--codebook', BOOK, '--code-as', 'organisation.roles', '--coder', '../x'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(existsSync(join(dir, 'codings'))).toBe(false);
  });
});
