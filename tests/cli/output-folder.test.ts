// The output folder of qda analyse: only one qda made or an empty one, never in the corpus, never
// outside the project from qda.yaml; written as one set and swapped in; locked; cleaned after a kill
// and after Ctrl-C.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';
import { BIN, BUILT, listFiles, STACK } from '../bad-input/shared.js';

const GOOD = '---\ndistrict: Hillesluis\n---\n\nWe hebben korte lijnen met de school en de wijkagent.\n';
const OTHER = '---\ndistrict: Crooswijk\n---\n\nDe buurtcoach belt de school over de ouders.\n';

function project(extra: Record<string, string> = {}, yaml = 'corpus:\n  - corpus/**/*.md\ncompareBy: district\n') {
  return tempDir({ 'p/qda.yaml': yaml, 'p/corpus/a.md': GOOD, 'p/corpus/sub/b.md': OTHER, ...extra });
}

/** Names beside a folder that qda's own temporary folders and lock would have. */
const leftovers = (parent: string) => readdirSync(parent).filter((n) => n.includes('.qda-'));

describe('which folder analyse may write into', () => {
  test('an --out inside the corpus folder is refused, and the transcripts there are untouched', async () => {
    const dir = project();
    const r = await qda(['analyse', 'p', '--out', 'p/corpus/sub'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the output folder p/corpus/sub lies inside the corpus folder p/corpus');
    expect(listFiles(join(dir, 'p/corpus/sub'))).toEqual(['b.md']);
    expect(readFileSync(join(dir, 'p/corpus/sub/b.md'), 'utf8')).toBe(OTHER);
  });

  test('out: in qda.yaml pointing outside the project is refused; the same folder on the command line is allowed', async () => {
    const dir = project({ 'victim/index.md': 'not qda’s\n' }, 'corpus:\n  - corpus/**/*.md\nout: ../victim\n');
    const r = await qda(['analyse', 'p'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the output folder victim of qda.yaml lies outside the project');
    expect(readFileSync(join(dir, 'victim/index.md'), 'utf8')).toBe('not qda’s\n');
    const fresh = await qda(['analyse', 'p', '--out', 'elsewhere'], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(listFiles(join(dir, 'elsewhere'))).toEqual(ANALYSE_FILES);
  });

  test('a folder with files that qda did not make is refused; an empty one is used', async () => {
    const dir = project({ 'mine/notes.md': 'my notes\n' });
    mkdirSync(join(dir, 'empty'));
    const r = await qda(['analyse', 'p', '--out', 'mine'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mine is not a folder qda made (it holds files and no .qda-output)');
    expect(listFiles(join(dir, 'mine'))).toEqual(['notes.md']);
    expect((await qda(['analyse', 'p', '--out', 'empty'], { cwd: dir })).code).toBe(0);
    expect(listFiles(join(dir, 'empty'))).toEqual(ANALYSE_FILES);
  });

  test('a file someone put into qda’s folder is not thrown away: the run is refused naming it', async () => {
    const dir = project();
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, 'res/mijn-aantekeningen.md'), 'belangrijk\n');
    const r = await qda(['analyse', 'p', '--out', 'res'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('res holds mijn-aantekeningen.md, which qda did not write');
    expect(readFileSync(join(dir, 'res/mijn-aantekeningen.md'), 'utf8')).toBe('belangrijk\n');
  });
});

describe('the results as one set', () => {
  test('a second run replaces the folder whole; files an old run left half-written inside are gone', async () => {
    const dir = project();
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    const first = readFileSync(join(dir, 'res/codings.json'), 'utf8');
    writeFileSync(join(dir, 'res/codings.json.tmp-abc123'), 'half');
    writeFileSync(join(dir, 'p/corpus/c.md'), OTHER.replace('Crooswijk', 'Feijenoord'));
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    expect(listFiles(join(dir, 'res'))).toEqual(ANALYSE_FILES);
    expect(readFileSync(join(dir, 'res/codings.json'), 'utf8')).not.toBe(first);
    expect(readFileSync(join(dir, 'res/index.md'), 'utf8')).toContain('3');
    expect(leftovers(dir)).toEqual([]);
  });

  test('temporary folders of a killed run are removed at the next start; a live one is left alone', async () => {
    const dir = project();
    mkdirSync(join(dir, '.res.qda-run-999999.tmp-dead01'));
    writeFileSync(join(dir, '.res.qda-run-999999.tmp-dead01/codings.json'), 'half');
    mkdirSync(join(dir, '.res.qda-old-999999.tmp-dead02'));
    mkdirSync(join(dir, `.res.qda-run-${process.ppid}.tmp-live03`));
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    expect(leftovers(dir)).toEqual([`.res.qda-run-${process.ppid}.tmp-live03`]);
  });

  test('a run into a folder another live run holds is refused; a lock whose process is gone is taken over', async () => {
    const dir = project();
    writeFileSync(join(dir, '.res.qda-lock'), `${process.ppid}\n`);
    const r = await qda(['analyse', 'p', '--out', 'res'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`another qda run (process ${process.ppid}) is writing into res`);
    expect(r.stderr).toContain('remove .res.qda-lock');
    expect(existsSync(join(dir, 'res'))).toBe(false);
    writeFileSync(join(dir, '.res.qda-lock'), '999999\n');
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });

  test('a run that fails half-way leaves the previous results as they were and no temporary folder', async () => {
    const dir = project();
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'res/codings.json'), 'utf8');
    // On a terminal the progress line goes to stderr during the corpus pass; here that write fails.
    const io = {
      stdout: { write: () => true },
      stderr: {
        write: (text: string) => {
          if (text.startsWith('\r')) throw new Error('the terminal went away');
          return true;
        },
      },
      cwd: dir,
      env: {},
      stderrIsTTY: true,
    };
    const { run } = await import('../../src/cli/run.js');
    expect(await run(['analyse', 'p', '--out', 'res'], io)).not.toBe(0);
    expect(readFileSync(join(dir, 'res/codings.json'), 'utf8')).toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

test('a single output file: temporary files a killed run left beside it are removed, a live run’s are not', async () => {
  const dir = project();
  writeFileSync(join(dir, 'codings.json.tmp-999999-dead01'), 'half');
  writeFileSync(join(dir, `codings.json.tmp-${process.ppid}-live02`), 'busy');
  const r = await qda(['code', 'p', '--out', 'codings.json'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(
    readdirSync(dir)
      .filter((n) => n.startsWith('codings.json'))
      .sort(),
  ).toEqual(['codings.json', `codings.json.tmp-${process.ppid}-live02`]);
});

describe.skipIf(!BUILT || process.platform === 'win32')('Ctrl-C', () => {
  test('stops the run, prints one line, exits 130, removes its temporary folder and leaves the old results', async () => {
    const dir = project();
    expect((await qda(['analyse', 'p', '--out', 'res'], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'res/codings.json'), 'utf8');
    // Enough text that the corpus pass takes seconds.
    const para = 'We hebben korte lijnen met de school, de wijkagent en het wijkteam over de ouders en de kinderen.';
    for (let i = 0; i < 400; i++)
      writeFileSync(join(dir, `p/corpus/gen-${i}.md`), `---\ndistrict: D${i % 5}\n---\n\n${Array(60).fill(para).join('\n\n')}\n`);
    const child = spawn(process.execPath, [BIN, 'analyse', 'p', '--out', 'res'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // 'close', not 'exit': the exit can be reported before the last of stderr has been read.
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const started = Date.now();
    while (!readdirSync(dir).some((n) => n.startsWith('.res.qda-run-')) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    const interrupted = Date.now();
    child.kill('SIGINT');
    const code = await exit;
    expect(code).toBe(130);
    expect(Date.now() - interrupted).toBeLessThan(15_000);
    expect(stderr.trim().split('\n')).toEqual(['interrupted; res/ is as the last finished run left it']);
    expect(stderr).not.toMatch(STACK);
    expect(leftovers(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'res/codings.json'), 'utf8')).toBe(before);
  }, 120_000);
});
