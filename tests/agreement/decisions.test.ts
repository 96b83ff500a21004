// Agreement counts only what coders decided: a blank review row is no decision, a coder's own add and
// reject of one code on one paragraph is an error, and --conflicts lists exactly the units that differ.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { anchorOf } from '../../src/manual/anchor.js';
import { qda } from '../helpers/run-cli.js';
import { ANA, B, P, project, sidecar } from '../helpers/two-coders.js';

interface Row_ {
  id: string;
  units: number;
  percent: number;
  kappa: number | null;
  alpha: number | null;
  brennanPrediger: number | null;
  counts: Record<string, number>;
}
const agree = async (dir: string, ...args: string[]): Promise<Row_[]> => {
  const r = await qda(['agree', 'ana', 'bram', '--format', 'json', '-q', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).rows;
};

describe('agreement over decisions', () => {
  test('a blank review row and an unreviewed paragraph are missing, not "not coded"', async () => {
    // Pairable units (ana, bram), worked out by hand:
    //   organisation.communication a1 (0,1); b1 is missing for ana (proposed, left blank), a2 and b2 have one coder each.
    //   organisation.roles a1 (1,0: ana adds, bram reviewed a1 and did not) and b1 (1,1).
    //   institutional.capacity a1 (0,0), b1 (0,0); a2 only bram.   personal.relations a1 (1,1), b1 (0,0); b2 only ana.
    // Overall 7 units, 5 agree; ana gives 1 three times, bram three times.
    // kappa = (35/49 − 25/49)/(1 − 25/49) = 5/12; alpha: n = 14 values, n0 = 8, n1 = 6, 4 disagreeing pairs:
    // 1 − (4/14)/(2·8·6/(14·13)) = 11/24; Brennan–Prediger (5/7 − 1/2)/(1/2) = 3/7.
    const rows = await agree(project());
    const by = (id: string) => rows.find((r) => r.id === id)!;
    expect(by('organisation.communication')).toMatchObject({ units: 1, percent: 0, counts: { both: 0, firstOnly: 0, secondOnly: 1, neither: 0 } });
    expect(by('organisation.roles')).toMatchObject({ units: 2, percent: 0.5, kappa: 0, counts: { both: 1, firstOnly: 1 } });
    expect(by('institutional.capacity')).toMatchObject({ units: 2, percent: 1, kappa: null, alpha: null });
    expect(by('personal.relations')).toMatchObject({ units: 2, percent: 1, kappa: 1, alpha: 1 });
    const all = rows.at(-1)!;
    expect(all.id).toBe('*');
    expect(all.units).toBe(7);
    expect(all.counts).toMatchObject({ both: 2, firstOnly: 1, secondOnly: 1, neither: 3, pairable: 14 });
    expect(all.percent).toBeCloseTo(5 / 7, 12);
    expect(all.kappa).toBeCloseTo(5 / 12, 12);
    expect(all.alpha).toBeCloseTo(11 / 24, 12);
    expect(all.brennanPrediger).toBeCloseTo(3 / 7, 12);
  });

  test('clusters: given when any code is, not given only when every code is decided', async () => {
    // organisation: a1 ana 1 (roles), bram 1 (communication) → agree; b1 (1,1); a2 bram 0 only; b2 ana 0 only.
    // institutional: a1 (0,0), b1 (0,0). personal: a1 (1,1), b1 (0,0).
    const rows = await agree(project(), '--level', 'cluster');
    expect(rows.map((r) => [r.id, r.units, r.percent])).toEqual([
      ['organisation', 2, 1],
      ['institutional', 2, 1],
      ['personal', 2, 1],
      ['*', 6, 1],
    ]);
  });

  test('characters weigh only the units both decided', async () => {
    const rows = await agree(project(), '--unit', 'char');
    const relations = rows.find((r) => r.id === 'personal.relations')!;
    expect(relations.counts).toMatchObject({ both: [...P.a1].length, neither: [...P.b1].length, firstOnly: 0, secondOnly: 0 });
  });

  test('the auto-coder decides every paragraph it codes', async () => {
    // qda vs ana on organisation.communication: a1 (1 vs reject 0); b1 missing for ana; b2 (0, 0: reviewed, not proposed).
    const r = await qda(['agree', 'qda', 'ana', '--format', 'json', '-q'], { cwd: project() });
    const communication = JSON.parse(r.stdout).rows.find((x: Row_) => x.id === 'organisation.communication');
    expect(communication).toMatchObject({ units: 2, percent: 0.5, counts: { both: 0, firstOnly: 1, secondOnly: 0, neither: 1 } });
  });

  test('one coder adding and rejecting a code on one paragraph is an error naming both rows', async () => {
    const dir = project({
      'codings/ana.csv': sidecar([...ANA, ['b2', 'organisation.roles', 'add'], ['b2', 'personal.relations', 'reject']]),
    });
    const r = await qda(['agree', 'ana', 'bram'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'codings/ana.csv:8:1: error: ana both adds and rejects personal.relations on the paragraph at corpus/b.md:7: added at codings/ana.csv:6, rejected at codings/ana.csv:8',
    );
    // Inline comments are a coder too, with the comment's line.
    const inline = project({ 'corpus/b.md': B.replace('groeit.', 'groeit. <!-- qda: personal.relations, -personal.relations -->') });
    const i = await qda(['agree', 'inline', 'ana', '--conflicts'], { cwd: inline });
    expect(i.code).toBe(1);
    expect(i.stderr).toContain(
      'inline both adds and rejects personal.relations on the paragraph at corpus/b.md:7: added at corpus/b.md:7, rejected at corpus/b.md:7',
    );
  });
});

describe('qda agree --conflicts', () => {
  test('lists exactly the units where the coders differ, with file:line and text', async () => {
    const dir = project();
    const json = JSON.parse((await qda(['agree', 'ana', 'bram', '--conflicts', '--format', 'json', '-q'], { cwd: dir })).stdout);
    expect(json.conflicts.map((c: { path: string; line: number; code: string; decisions: object }) => [c.path, c.line, c.code, c.decisions])).toEqual(
      [
        ['corpus/a.md', 5, 'organisation.communication', { ana: 'reject', bram: 'add' }],
        ['corpus/a.md', 5, 'organisation.roles', { ana: 'add', bram: 'not given' }],
      ],
    );
    expect(json.conflicts[0]).toMatchObject({ document: 'a', anchor: anchorOf(P.a1), text: P.a1 });

    const csv = await qda(['agree', 'ana', 'bram', '--conflicts', '--format', 'csv'], { cwd: dir });
    expect(csv.stdout.split('\r\n')).toEqual([
      'document,where,anchor,code,label,ana,bram,text,decision,note',
      `a,corpus/a.md:5,${anchorOf(P.a1)},organisation.communication,Communicatie,reject,add,${P.a1},,`,
      `a,corpus/a.md:5,${anchorOf(P.a1)},organisation.roles,Rollen,add,not given,${P.a1},,`,
      '',
    ]);
    expect(csv.stderr).toContain('2 codes on 1 paragraphs where ana and bram differ');

    const table = (await qda(['agree', 'ana', 'bram', '--conflicts', '-q'], { cwd: dir })).stdout;
    expect(table.split('\n')[0].split(/\s+/)).toEqual(['where', 'code', 'ana', 'bram', 'text']);
    expect(table).toContain('corpus/a.md:5');
    const md = (await qda(['agree', 'ana', 'bram', '--conflicts', '--format', 'md', '-q'], { cwd: dir })).stdout;
    expect(md.split('\n')[2]).toBe(`| corpus/a.md:5 | organisation.communication | reject | add | ${P.a1} |`);

    // At cluster level the two codes of a1 are one cluster both coders gave: nothing to discuss.
    const clusters = JSON.parse(
      (await qda(['agree', 'ana', 'bram', '--conflicts', '--level', 'cluster', '--format', 'json', '-q'], { cwd: dir })).stdout,
    );
    expect(clusters.conflicts).toEqual([]);
  });

  test('long paragraphs are shortened at a word', async () => {
    const long = 'De regie ligt bij ons, en we appen veel, ' + 'maar de lijnen zijn lang en traag '.repeat(5);
    const dir = project({
      'corpus/b.md': B.replace('De regie ligt bij ons, en we appen veel.', long.trim()),
      'codings/ana.csv': `document,anchor,code,decision\nb,${anchorOf(long)},organisation.roles,add\n`,
      'codings/bram.csv': `document,anchor,code,decision\nb,${anchorOf(long)},organisation.roles,reject\n`,
    });
    const [conflict] = JSON.parse((await qda(['agree', 'ana', 'bram', '--conflicts', '--format', 'json', '-q'], { cwd: dir })).stdout).conflicts;
    expect(conflict.text).toBe(long.trim());
    const table = (await qda(['agree', 'ana', 'bram', '--conflicts', '-q'], { cwd: dir })).stdout.split('\n')[2];
    expect(table).toMatch(/reject {2}De regie ligt bij ons, en we appen veel, maar de lijnen…$/);
  });
});

describe('qda merge', () => {
  const a1 = anchorOf(P.a1);
  const HEADER = 'document,anchor,code,decision,note,line,text';
  const consensus = (dir: string) => readFileSync(join(dir, 'codings/consensus.csv'), 'utf8').split('\r\n');
  const rest = [
    `a,${a1},personal.relations,add,agreed,5,${P.a1}`,
    `a,${anchorOf(P.a2)},institutional.capacity,add,only bram,7,${P.a2}`,
    `b,${anchorOf(P.b1)},organisation.communication,reject,only bram,5,"${P.b1}"`,
    `b,${anchorOf(P.b1)},organisation.roles,add,agreed,5,"${P.b1}"`,
    `b,${anchorOf(P.b2)},personal.relations,add,only ana,7,${P.b2}`,
    '',
  ];

  test('--prefer settles every conflict with one coder; the rest is what they agreed or one of them decided', async () => {
    const dir = project();
    const r = await qda(['merge', 'ana', 'bram', '--into', 'consensus', '--prefer', 'ana'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote 7 decisions of consensus to codings/consensus.csv: 2 agreed, 3 of one coder only, 2 resolved');
    expect(consensus(dir)).toEqual([
      HEADER,
      `a,${a1},organisation.communication,reject,resolved: ana preferred,5,${P.a1}`,
      `a,${a1},organisation.roles,add,resolved: ana preferred,5,${P.a1}`,
      ...rest,
    ]);
    // The consensus is a coder like any other: it agrees with ana wherever both decided.
    const [, , , , all] = JSON.parse((await qda(['agree', 'ana', 'consensus', '--format', 'json', '-q'], { cwd: dir })).stdout).rows;
    expect(all).toMatchObject({ id: '*', percent: 1 });

    // An existing coder file is never replaced without --force.
    const again = await qda(['merge', 'ana', 'bram', '--into', 'consensus', '--prefer', 'bram'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('codings/consensus.csv already exists');
    expect(consensus(dir)[1]).toContain('resolved: ana preferred');
    const forced = await qda(['merge', 'ana', 'bram', '--into', 'consensus', '--prefer', 'bram', '--force', '-q'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(consensus(dir).slice(1, 3)).toEqual([
      `a,${a1},organisation.communication,add,resolved: bram preferred,5,${P.a1}`,
      `a,${a1},organisation.roles,reject,resolved: bram preferred,5,${P.a1}`,
    ]);
  });

  test('a filled-in conflicts sheet resolves conflicts one by one; open conflicts write nothing', async () => {
    const dir = project();
    const open = await qda(['merge', 'ana', 'bram', '--into', 'consensus'], { cwd: dir });
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('corpus/a.md:5:1: error: no resolution for organisation.communication on this paragraph (ana reject, bram add)');
    expect(open.stderr).toContain('corpus/a.md:5:1: error: no resolution for organisation.roles on this paragraph (ana add, bram reject)');
    expect(open.stderr).toContain('2 conflicts have no resolution');
    expect(open.stderr).toContain('nothing written to codings/consensus.csv');
    expect(existsSync(join(dir, 'codings/consensus.csv'))).toBe(false);

    await qda(['agree', 'ana', 'bram', '--conflicts', '--format', 'csv', '--excel', '--out', 'conflicts.csv', '-q'], { cwd: dir });
    const sheet = readFileSync(join(dir, 'conflicts.csv'), 'utf8').split('\r\n');
    sheet[1] = sheet[1].replace(/;;$/, ';ja;besproken 3 dec');
    sheet[2] = sheet[2].replace(/;;$/, ';bram;');
    writeFileSync(join(dir, 'conflicts.csv'), sheet.join('\r\n'));
    const r = await qda(['merge', 'ana', 'bram', '--into', 'consensus', '--resolutions', 'conflicts.csv'], { cwd: dir });
    expect(r.stderr).toContain('2 agreed, 3 of one coder only, 2 resolved');
    expect(consensus(dir)).toEqual([
      HEADER,
      `a,${a1},organisation.communication,add,resolved in conflicts.csv:2: besproken 3 dec,5,${P.a1}`,
      `a,${a1},organisation.roles,reject,resolved in conflicts.csv:3,5,${P.a1}`,
      ...rest,
    ]);
  });

  // What the conflicts and bad resolutions say, and each usage check, are tested on the library (tests/app/merge.test.ts).
  test('wrong usage exits 2; a resolutions file that is not there is a problem with the input (1)', async () => {
    const dir = project();
    expect((await qda(['merge', 'ana', 'bram', '--into', 'ana'], { cwd: dir })).code).toBe(2);
    expect((await qda(['merge', 'ana', 'bram', '--into', 'consensus', '--resolutions', 'missing.csv'], { cwd: dir })).code).toBe(1);
  });
});
