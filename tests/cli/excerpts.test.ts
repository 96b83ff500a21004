import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';

const BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');
const doc = (district: string, body: string) => `---\ndistrict: ${district}\nrole: kindcoach\n---\n\n${body}\n`;
const CORPUS = {
  'c.md': doc(
    'Crooswijk',
    '**I:** Hoe werken jullie samen?\n\n**R:** Met korte lijnen, we appen veel.\n\n**I:** En de wachtlijst?\n\n**R:** De wachtlijsten zijn lang.',
  ),
  'h.md': doc('Hillesluis', '**I:** Wie heeft de regie?\n\n**R:** De regie ligt bij het wijkteam, maar vertrouwen moet groeien.'),
};

describe('qda excerpts', () => {
  test('groups excerpts by code in codebook order, with file:line, district and speaker', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['excerpts', '--codebook', BOOK, '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const headings = [...r.stdout.matchAll(/^#+ (\S+) — /gm)].map((m) => m[1]);
    expect(headings).toEqual([
      'organisation',
      'organisation.communication',
      'organisation.roles',
      'institutional',
      'institutional.capacity',
      'personal',
      'personal.relations',
    ]);
    expect(r.stdout).toContain('`c.md:12` · Crooswijk · R (respondent)');
    expect(r.stdout).toContain('> **R:** De wachtlijsten zijn lang.');
  });

  test('--code takes a cluster or a code; --where and --speaker narrow', async () => {
    const dir = tempDir(CORPUS);
    const json = async (...args: string[]) =>
      JSON.parse((await qda(['excerpts', '--codebook', BOOK, '-q', '--format', 'json', ...args], { cwd: dir })).stdout);
    const cluster = await json('--code', 'organisation');
    expect(cluster.codes.map((c: { id: string }) => c.id)).toEqual(['organisation', 'organisation.communication', 'organisation.roles']);
    const where = await json('--where', 'district=Hillesluis');
    const paths = where.codes.flatMap((c: { excerpts: { path: string }[] }) => c.excerpts.map((e) => e.path));
    expect(new Set(paths)).toEqual(new Set(['h.md']));
    const speaker = await json('--speaker', 'I', '--code', 'organisation.roles');
    expect(speaker.codes[0].excerpts.map((e: { lines: { start: number } }) => e.lines.start)).toEqual([6]);
    const none = await qda(['excerpts', '--codebook', BOOK, '--where', 'district=Charlois'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no document has district "Charlois"');
  });

  test('--context shows the segments around an excerpt', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['excerpts', '--codebook', BOOK, '-q', '--code', 'institutional.capacity', '--context', '1'], { cwd: dir });
    expect(r.stdout).toContain('> _I: En de wachtlijst?_');
  });
});

describe('language of the excerpts', () => {
  test('an English project gets English labels and English matching', async () => {
    const r = await qda(['excerpts', 'examples/english', '-q', '--hide-empty']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Excerpts by code — /);
    expect(r.stdout).toContain('### institutional.funding — Funding and procurement');
    expect(r.stdout).not.toContain('Fragmenten');
  });
});

describe('qda analyse', () => {
  test('writes codings, excerpts and an index into the output folder', async () => {
    const dir = tempDir(CORPUS);
    const r = await qda(['analyse', '.', '--codebook', BOOK, '--out', 'results'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(dir, 'results')).sort()).toEqual(ANALYSE_FILES);
    const json = JSON.parse(readFileSync(join(dir, 'results', 'codings.json'), 'utf8'));
    expect(json.totals.documents).toBe(2);
    expect(readFileSync(join(dir, 'results', 'index.md'), 'utf8')).toContain('[excerpts.md](excerpts.md)');
    // The output folder is not read back as corpus on the next run.
    const again = await qda(['analyse', '.', '--codebook', BOOK, '--out', 'results'], { cwd: dir });
    expect(again.stderr).toContain('analysed 2 documents');
  });

  test('the bundled examples: readable excerpts for every cluster', async () => {
    const out = tempDir();
    const r = await qda(['analyse', 'examples/rotterdam', '--out', out]);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'excerpts.md'), 'utf8');
    for (const id of ['personal.relations', 'institutional.capacity', 'organisation.communication', 'alliance']) {
      const section = md.split(/\n#+ /).find((s) => s.startsWith(`${id} — `));
      expect(section, id).toBeDefined();
      expect(section!.match(/examples\/rotterdam\/corpus\/[\w/-]+\.md:\d+/g)?.length ?? 0, id).toBeGreaterThan(2);
    }
  });
});
