// Ctrl-C while a command writes its output: one line, exit status 130, and nothing left behind (no
// temporary file beside the target, no scratch folder, no target). The signal is sent once the run
// is seen writing (its temporary file exists), not after a fixed time, so that a busy machine does
// not change what is tested.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { BIN, BUILT, STACK } from '../bad-input/shared.js';

const PARA = 'We hebben korte lijnen met de school, de wijkagent en het wijkteam over de ouders en de kinderen.';

/** A project whose corpus takes seconds to code: the Rotterdam transcripts, each many times under its own id. */
function bigProject(): string {
  const files: Record<string, string> = { 'p/qda.yaml': 'corpus:\n  - corpus/**/*.md\ncompareBy: district\n' };
  const examples = readdirSync('examples/rotterdam/corpus', { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
  for (const f of examples) {
    const text = readFileSync(join('examples/rotterdam/corpus', f), 'utf8');
    for (let k = 0; k < 40; k++) files[`p/corpus/${k}/${f}`] = text.replace(/^id: (.*)$/m, `id: $1-${k}`);
  }
  return tempDir(files);
}

/** Runs qda, sends SIGINT as soon as `started` holds, and waits for the end. */
async function interrupt(dir: string, argv: string[], started: (pid: number) => boolean) {
  const child = spawn(process.execPath, [BIN, ...argv], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const begin = Date.now();
  let seen = false;
  while (!(seen = started(child.pid!)) && child.exitCode === null && Date.now() - begin < 90_000) await new Promise((r) => setTimeout(r, 20));
  const sent = Date.now();
  child.kill('SIGINT');
  const end = await exit;
  return { ...end, seen, stderr, ms: Date.now() - sent, pid: child.pid! };
}

const beside = (dir: string, name: string) => readdirSync(dir).filter((n) => n.startsWith(`${name}.tmp-`) || n.startsWith(`.${name}.tmp-`));

describe.skipIf(!BUILT || process.platform === 'win32')('Ctrl-C while writing', () => {
  test.each([
    ['code', ['code', 'p', '--format', 'json', '--out', 'result.json']],
    ['review export', ['review', 'export', 'p', '--out', 'result.json']],
  ])('qda %s --out: one line, exit 130, no temporary file and no result', async (_, argv) => {
    const dir = bigProject();
    const r = await interrupt(dir, argv, () => beside(dir, 'result.json').length > 0);
    expect(r.seen, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr.trim().split('\n')).toEqual(['interrupted; nothing was written']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(15_000);
    expect(beside(dir, 'result.json')).toEqual([]);
    expect(existsSync(join(dir, 'result.json'))).toBe(false);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`qda-excerpts-${r.pid}.`))).toEqual([]);
  }, 120_000);

  test('qda anonymise: the copy being written is removed', async () => {
    const dir = bigProject();
    // Names to pseudonymise in many more transcripts, so that the copy takes a while to write.
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `p/corpus/gen-${i}.md`), `---\ndistrict: D${i % 5}\n---\n\n${Array(60).fill(`${PARA} Mail naar jan.de.vries${i}@voorbeeld.nl.`).join('\n\n')}\n`);
    const r = await interrupt(dir, ['anonymise', 'p', '--out', 'copy', '--key', 'key.csv'], () => beside(dir, 'copy').length > 0);
    expect(r.seen, r.stderr).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr.trim().split('\n').pop()).toBe('interrupted; nothing was written');
    expect(beside(dir, 'copy')).toEqual([]);
    expect(beside(dir, 'key.csv')).toEqual([]);
    expect(existsSync(join(dir, 'copy'))).toBe(false);
    expect(existsSync(join(dir, 'key.csv'))).toBe(false);
  }, 120_000);
});
