// qda never modifies its input: bytes and mtime of every input file are the same after `qda analyse`.
import { cpSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { listFiles, snapshot, STACK } from './shared.js';

const EXAMPLE = join(process.cwd(), 'examples/rotterdam');
const OLD = new Date('2020-01-02T03:04:05Z');

/** A copy of the example study without its out/, every file dated in the past so that any write shows. */
function study(): { dir: string; inputs: string[] } {
  const dir = tempDir();
  // The reviewers' codings name HALL codes; the small codebook below does not have them.
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.startsWith(join(EXAMPLE, 'out')) && !src.startsWith(join(EXAMPLE, 'codings')) });
  // A small codebook with the cluster ids the example memos are about.
  const clusters = { personal: 'vertrouwen', institutional: 'wachtlijst*', organisation: 'samenwerking*', alliance: 'samen' };
  writeFileSync(
    join(dir, 'codebook.yaml'),
    `name: klein\nlanguage: nl\ncodes:\n${Object.entries(clusters)
      .map(([id, term]) => `  - id: ${id}\n    terms: [${term}]\n`)
      .join('')}  - id: organisation.roles\n    terms: [regie]\n`,
  );
  const inputs = listFiles(dir);
  for (const f of inputs) utimesSync(join(dir, f), OLD, OLD);
  return { dir, inputs };
}

describe('input files are never modified', () => {
  // The shipped codebook once; the runs that vary where and what is written use the small one.
  test.each([
    [['analyse']],
    [['analyse', '--codebook', 'codebook.yaml', '--out', 'elders']],
    [['analyse', '--codebook', 'codebook.yaml', '--excel', '--unit', 'sentence']],
    [['analyse', '--codebook', 'codebook.yaml']],
    [['analyse', 'corpus', '--codebook', 'codebook.yaml', '--out', 'out2']],
  ])('%j', async (argv) => {
    const { dir, inputs } = study();
    const before = snapshot(dir, inputs);
    const r = await qda(argv, { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    expect(snapshot(dir, inputs)).toEqual(before);
    // And a second run does not read what the first wrote, nor touch the inputs.
    const again = await qda(argv, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr.split('\n').find((l) => l.startsWith('analysed'))).toBe(r.stderr.split('\n').find((l) => l.startsWith('analysed')));
    expect(snapshot(dir, inputs)).toEqual(before);
  });

  test('an output folder inside the corpus folder is refused before anything is written', async () => {
    const { dir, inputs } = study();
    const before = snapshot(dir, inputs);
    const r = await qda(['analyse', '--out', 'corpus/results'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the output folder corpus/results lies inside the corpus folder corpus');
    expect(listFiles(dir)).toEqual(inputs);
    expect(snapshot(dir, inputs)).toEqual(before);
  });

  test('a failed run (one bad transcript) touches nothing and writes nothing', async () => {
    const { dir } = study();
    writeFileSync(join(dir, 'corpus/kapot.md'), '---\ndistrict: [\n---\nTekst.\n');
    const inputs = listFiles(dir);
    for (const f of inputs) utimesSync(join(dir, f), OLD, OLD);
    const before = snapshot(dir, inputs);
    const r = await qda(['analyse'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^corpus\/kapot\.md:2:\d+: error: /m);
    expect(listFiles(dir)).toEqual(inputs);
    expect(snapshot(dir, inputs)).toEqual(before);
  });

  // Regression: `--out .` made the corpus folder the output folder, and results overwrote transcripts
  // named index.md or excerpts.md.
  test('qda analyse . --out . does not overwrite transcripts named index.md or excerpts.md', async () => {
    const dir = tempDir({
      'index.md': '---\ndistrict: A\n---\n\nWe hebben korte lijnen met de school.\n',
      'excerpts.md': '---\ndistrict: B\n---\n\nDe wachtlijst is lang.\n',
    });
    const inputs = listFiles(dir);
    for (const f of inputs) utimesSync(join(dir, f), OLD, OLD);
    const before = snapshot(dir, inputs);
    const r = await qda(['analyse', '.', '--out', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose an --out outside the corpus');
    expect(snapshot(dir, inputs)).toEqual(before);
  });
});
