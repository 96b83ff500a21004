// Ctrl-C (and SIGTERM) while a command reads the corpus or writes its output: one line, exit status
// 130 (143), and nothing left behind (no temporary file, spool or lock, no scratch folder, no
// result). Each signal is sent once the run is seen at work (its temporary file or scratch folder
// exists, or the survey's warning about the one empty transcript is out and the coding pass has
// begun), not after a fixed time, so that a busy machine does not change what is tested. The runs
// share one generated project and run side by side; each writes under names of its own.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BIN, BUILT, STACK } from '../bad-input/shared.js';

const EXAMPLE = 'examples/rotterdam';
/** Copies of each example transcript: 300 documents, 3.6 MB, about a second of CPU to survey and as much to code. */
const COPIES = 20;
/** What the survey says of p/corpus/empty.md once it has read every file (NO_COLOR). */
const SURVEYED = 'p/corpus/empty.md: warning: document has no text to code [document/no-text]\n  add text below the front matter\n';

let dir = '';

/**
 * A project that takes seconds to code: the Rotterdam transcripts, each COPIES times under an id of its
 * own (the first time under its own id, so that the example's codings apply), the example's
 * codings, and one transcript without text.
 */
function bigProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'qda-test-interrupt-'));
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put('p/qda.yaml', 'corpus:\n  - corpus/**/*.md\ncompareBy: district\n');
  for (const f of readdirSync(join(EXAMPLE, 'corpus'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(EXAMPLE, 'corpus', f), 'utf8');
    for (let k = 0; k < COPIES; k++) put(`p/corpus/${k}/${f}`, k === 0 ? text : text.replace(/^id: (.*)$/m, `id: $1-${k}`));
  }
  for (const f of readdirSync(join(EXAMPLE, 'codings'))) put(`p/codings/${f}`, readFileSync(join(EXAMPLE, 'codings', f), 'utf8'));
  put('p/corpus/empty.md', '---\ndistrict: Crooswijk\n---\n');
  return root;
}

interface Seen {
  pid: number;
  stderr: string;
}

/** Runs qda, sends `signal` as soon as `started` holds, and waits for the end. */
async function interrupt(argv: string[], started: (seen: Seen) => boolean, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  const seen = { pid: child.pid!, stderr: '' };
  child.stderr.on('data', (d) => (seen.stderr += d));
  // 'close', not 'exit': the exit can be reported before the last of stderr has been read.
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const begin = Date.now();
  let ready = false;
  while (!(ready = started(seen)) && child.exitCode === null && Date.now() - begin < 90_000) await new Promise((r) => setTimeout(r, 20));
  const sent = Date.now();
  child.kill(signal);
  const end = await exit;
  return { ...end, ready, stderr: seen.stderr, ms: Date.now() - sent, pid: seen.pid };
}

/** Names in `folder` (and below) that a run of process `pid` made and did not finish, and any lock. */
function leftovers(folder: string, pid: number): string[] {
  return names(folder).filter((n) => n.includes(`.tmp-${pid}-`) || n.includes(`-${pid}.tmp-`) || /(^|[./])(qda-)?lock$/.test(n));
}

/** Every name below `folder`; a folder that another run removes meanwhile is passed over. */
function names(folder: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => [e.name, ...(e.isDirectory() ? names(join(folder, e.name)).map((n) => `${e.name}/${n}`) : [])]);
}

const temporary = (name: string) => () => readdirSync(dir).some((n) => n.startsWith(`${name}.tmp-`) || n.startsWith(`.${name}.tmp-`));
const scratch = (seen: Seen) => readdirSync(tmpdir()).some((n) => n.startsWith(`qda-excerpts-${seen.pid}.`));
const surveyed = (seen: Seen) => seen.stderr.includes(SURVEYED);

const WROTE = 'interrupted; nothing was written';

const CASES: { name: string; argv: string[]; started: (seen: Seen) => boolean; line: string; result?: string[]; signal?: NodeJS.Signals }[] = [
  {
    name: 'code --out',
    argv: ['code', 'p', '--format', 'json', '--out', 'code.json'],
    started: temporary('code.json'),
    line: WROTE,
    result: ['code.json'],
  },
  {
    name: 'review export --out',
    argv: ['review', 'export', 'p', '--out', 'review.csv'],
    started: temporary('review.csv'),
    line: WROTE,
    result: ['review.csv'],
  },
  {
    name: 'anonymise',
    argv: ['anonymise', 'p', '--out', 'copy', '--key', 'key.csv'],
    started: temporary('copy'),
    line: WROTE,
    result: ['copy', 'key.csv'],
  },
  // The archive's temporary file and its spools are made together.
  { name: 'export qdpx', argv: ['export', 'qdpx', 'project.qdpx', 'p'], started: temporary('project.qdpx'), line: WROTE, result: ['project.qdpx'] },
  { name: 'excerpts to stdout', argv: ['excerpts', 'p'], started: scratch, line: WROTE },
  { name: 'matrix to stdout, SIGTERM', argv: ['matrix', 'p'], started: surveyed, line: 'interrupted', signal: 'SIGTERM' },
  { name: 'learn --out', argv: ['learn', 'p', '--out', 'model.json'], started: surveyed, line: 'interrupted', result: ['model.json'] },
  { name: 'report --out', argv: ['report', 'p', '--out', 'report.html'], started: surveyed, line: 'interrupted', result: ['report.html'] },
];

describe.skipIf(!BUILT || process.platform === 'win32')('Ctrl-C while reading or writing', () => {
  beforeAll(() => {
    dir = bigProject();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.concurrent.each(CASES)(
    'qda $name: one line, exit 130 (143), nothing left and no result',
    async ({ argv, started, line, result = [], signal = 'SIGINT' }) => {
      const r = await interrupt(argv, started, signal);
      expect(r.ready, r.stderr).toBe(true);
      expect(r.signal, r.stderr).toBe(null);
      expect(r.code, r.stderr).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(r.stderr.replace(SURVEYED, '').trim().split('\n')).toEqual([line]);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.ms).toBeLessThan(15_000);
      for (const name of result) expect(existsSync(join(dir, name)), name).toBe(false);
      expect(leftovers(dir, r.pid)).toEqual([]);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`qda-excerpts-${r.pid}.`))).toEqual([]);
    },
  );
});
