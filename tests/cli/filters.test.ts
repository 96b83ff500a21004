// No silent empty results: a code, attribute, value, speaker or coder that nothing has ends the command
// with a suggestion; documents without the compare-by attribute are named and counted under (none).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { expectRefused } from '../bad-input/shared.js';

const BOOK = readFileSync('tests/fixtures/small-codebook.yaml', 'utf8');
const doc = (front: string, body: string) => `---\n${front}\n---\n\n${body}\n`;
const STUDY = {
  'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n',
  'book.yaml': BOOK,
  'codings/ana.csv': 'document,anchor,code,decision\n',
  'corpus/c.md': doc(
    'district: Crooswijk\nrole: kindcoach\nspeakers: { I: interviewer, R: kindcoach }',
    '**I:** Hoe werken jullie samen?\n\n**R:** Met korte lijnen, de wachtlijst is lang.',
  ),
  'corpus/h.md': doc('district: Hillesluis\nrole: wijkteam', '**R:** De regie ligt bij het wijkteam, vertrouwen groeit.'),
};

const FILTERED = ['excerpts', 'matrix', 'cooccur', 'summary', 'report'];

describe('a selection that names nothing is refused, with a suggestion', () => {
  test.each([
    [['--code', 'organisation.rolls'], 'unknown code "organisation.rolls"; did you mean organisation.roles?'],
    [['--code', 'instituional'], 'unknown code "instituional"; did you mean institutional?'],
    [['--where', 'distrikt=Crooswijk'], 'no document has the attribute "distrikt"; did you mean district?'],
    [['--where', 'district=Crooswik'], 'no document has district "Crooswik"; did you mean Crooswijk?'],
    [['--where', 'district=Hillesluis,Charlois'], 'no document has district "Charlois"'],
    [['--where', 'district=Crooswijk', '--where', 'role=wijkteam'], 'no document has all of district=Crooswijk and role=wijkteam'],
    [['--speaker', 'RR'], 'unknown speaker "RR"; did you mean R?'],
    [['--speaker', 'I', '--where', 'district=Hillesluis'], 'unknown speaker "I" in the documents with district=Hillesluis'],
  ])('%j: exit 1 for every command that takes it, nothing written', async (argv, message) => {
    const dir = tempDir(STUDY);
    for (const command of FILTERED) {
      const r = await qda([command, ...argv], { cwd: dir });
      expectRefused(r, `error: ${message}`);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('known names still narrow as before; a cluster id stands for its codes', async () => {
    const dir = tempDir(STUDY);
    const r = await qda(['matrix', '--code', 'organisation', '--where', 'district=crooswijk', '--speaker', 'kindcoach', '--format', 'csv', '-q'], {
      cwd: dir,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'code,label,Crooswijk,Totaal\r\norganisation.communication,Communicatie,1,1\r\norganisation.roles,Rollen,0,0\r\nTotaal,,1,1\r\n',
    );
  });

  test('a speaker who is skipped, by label or by role, is said to be skipped', async () => {
    const dir = tempDir(STUDY);
    for (const speaker of ['interviewer', 'I', 'i']) {
      for (const command of ['excerpts', 'matrix']) {
        const r = await qda([command, '--speaker', speaker, '--skip-speaker', 'interviewer'], { cwd: dir });
        expectRefused(r, `error: speaker "${speaker}" is not coded: it is one of the speakers to skip`);
      }
    }
    const coded = await qda(['excerpts', '--speaker', 'I', '-q', '--format', 'json'], { cwd: dir });
    expect(coded.code).toBe(0);
  });

  test.each([['matrix'], ['summary'], ['report']])('%s --by an attribute no document has: exit 1 with a suggestion', async (command) => {
    const dir = tempDir(STUDY);
    const r = await qda([command, '--by', 'rol'], { cwd: dir });
    expectRefused(r, 'error: --by rol: no document has the attribute "rol"; did you mean role?');
    expect(r.stderr).toContain('or by document or speaker');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect((await qda([command, '--by', 'speaker', '-q'], { cwd: dir })).code).toBe(0);
  });

  test.each([[['code']], [['matrix']], [['excerpts']], [['analyse']], [['export', 'qdpx', 'study.qdpx']]])(
    '%j --coder someone who coded nothing: exit 1 with a suggestion',
    async (argv) => {
      const dir = tempDir(STUDY);
      const r = await qda([...argv, '--coder', 'anna'], { cwd: dir });
      expectRefused(r, 'error: unknown coder "anna"; did you mean ana?');
      expect(r.stderr).toContain('coders: qda, inline, ana');
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(existsSync(join(dir, 'study.qdpx'))).toBe(false);
      expect((await qda([...argv, '--coder', 'qda', '-q'], { cwd: dir })).code).toBe(0);
    },
  );
});

describe('documents without the compare-by attribute', () => {
  const dir = () => tempDir({ ...STUDY, 'corpus/z.md': doc('role: vrijwilliger', 'De wachtlijst voor de kinderopvang is lang.') });
  const warning = 'corpus/z.md:1:1: warning: document z has no district; it is counted under (none) [attribute/missing]';

  test('the matrix names them in a warning and gives them a column (none)', async () => {
    const r = await qda(['matrix', '--format', 'csv'], { cwd: dir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(warning);
    expect(r.stdout.split('\r\n')[0]).toBe('code,label,Crooswijk,Hillesluis,(none),Totaal');
    expect(r.stdout).toContain('institutional.capacity,Capaciteit,1,0,1,2');
  });

  test('the summary tables give them a row (none)', async () => {
    const r = await qda(['summary', '--format', 'json'], { cwd: dir() });
    expect(r.stderr).toContain(warning);
    const table = JSON.parse(r.stdout).tables.find((t: { cluster: { id: string } }) => t.cluster.id === 'institutional');
    const none = table.rows.find((row: { value: string }) => row.value === '(none)');
    expect(none.aspects).toEqual([{ id: 'institutional.capacity', label: 'Capaciteit', count: 1 }]);
    expect(none.explanation.source).toBe('corpus/z.md:5');
  });

  test('analyse warns once per such document; summary.md and the report heatmap show (none)', async () => {
    const d = dir();
    const r = await qda(['analyse', '-q'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr.split(warning)).toHaveLength(2);
    expect(readFileSync(join(d, 'out/summary.md'), 'utf8')).toMatch(/^\| \(none\) \| Capaciteit \(1\) \|/m);
    const report = readFileSync(join(d, 'out/report.html'), 'utf8');
    const heatmap = report.match(/<section id="heatmap">[^]*?<\/tr>/)![0];
    expect([...heatmap.matchAll(/<th scope="col" class="num">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual([
      'Crooswijk',
      'Hillesluis',
      '(none)',
      'Totaal',
    ]);
  });

  test('--where leaves them out, and then there is nothing to warn about', async () => {
    const r = await qda(['matrix', '--where', 'district=Crooswijk', '-q'], { cwd: dir() });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('when no document has the compareBy of qda.yaml, one warning says so and the run goes on', async () => {
    const d = tempDir({ ...STUDY, 'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\ncompareBy: wijk\n' });
    const r = await qda(['analyse', '-q'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'warning: no document has the attribute "wijk"; every document is counted under (none)\n  compare by an attribute of the front matter (district, role), or by document or speaker\n',
    );
  });
});
