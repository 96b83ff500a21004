// The README's commands, run as written and in order, in a folder that holds copies of what they read
// from the repository (examples/ and eval/). Every one must succeed, and none may change a file of the
// repository: new files inside examples/ are allowed only where .gitignore keeps them out of git.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const README = readFileSync('README.md', 'utf8');

/** Each `npx qda …` (and `cp -r`) of the README's sh blocks: the arguments, and the file its stdout goes to. */
function readmeCommands(): { line: string; argv: string[]; stdout?: string }[] {
  const blocks = [...README.matchAll(/```sh\n([^]*?)```/g)].map((m) => m[1]);
  const commands: { line: string; argv: string[]; stdout?: string }[] = [];
  for (const line of blocks.flatMap((b) => b.split('\n'))) {
    for (const part of line.split('&&')) {
      const command = part.replace(/\s+#\s.*$/, '').trim();
      if (command.startsWith('cp -r ')) commands.push({ line: command, argv: command.split(/\s+/) });
      if (!command.startsWith('npx qda ')) continue;
      const words = command.slice('npx qda '.length).split(/\s+/);
      const to = words.indexOf('>');
      commands.push(to < 0 ? { line: command, argv: words } : { line: command, argv: words.slice(0, to), stdout: words[to + 1] });
    }
  }
  return commands;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** What a team does with the conflicts sheet before `merge --resolutions`: every other one as ana decided. */
function fillInConflicts(path: string): void {
  const rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
  const decision = rows[0].indexOf('decision');
  rows.slice(1).forEach((row, i) => (row[decision] = i % 2 === 0 ? 'ana' : 'reject'));
  writeFileSync(path, `${Papa.unparse(rows)}\r\n`);
}

/** What a reviewer does in the spreadsheet between `review export` and `review import`. */
function fillInReview(path: string): void {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
  const decision = rows[0].indexOf('decision');
  rows[1][decision] = 'reject';
  rows[2][decision] = 'add';
  writeFileSync(path, `\uFEFF${Papa.unparse(rows, { delimiter: ';' })}\r\n`);
}

describe('README.md', () => {
  test('the tour starts with qda init and runs on what init made', () => {
    const tour = /## A tour\n\n```sh\n([^]*?)```/.exec(README)?.[1] ?? '';
    expect(tour.split('\n')[0]).toMatch(/^npx qda init my-study\b/);
    expect(tour.split('\n').filter((l) => l.startsWith('npx qda ')).length).toBeGreaterThanOrEqual(8);
  });

  test('every qda command runs as written, in order, and leaves the files of the repository as they were', async () => {
    const dir = tempDir();
    // As a fresh clone has them: without the output folders that git ignores (an earlier analyse may have written them).
    const output = /^examples[/\\][^/\\]+[/\\]out$/;
    for (const folder of ['examples', 'eval']) cpSync(folder, join(dir, folder), { recursive: true, filter: (from) => !output.test(from) });
    const before = new Map(filesBelow(dir).map((f) => [f, readFileSync(join(dir, f))]));
    const commands = readmeCommands();
    expect(commands.map((c) => c.argv[0])).toEqual(
      expect.arrayContaining(['analyse', 'init', 'check', 'code', 'excerpts', 'matrix', 'summary', 'report', 'eval', 'review', 'agree', 'merge']),
    );

    for (const { line, argv, stdout } of commands) {
      if (argv[0] === 'cp') {
        cpSync(join(dir, argv[2]), join(dir, argv[3]), { recursive: true });
        continue;
      }
      if (argv[0] === 'review' && argv[1] === 'import') fillInReview(join(dir, argv[2]));
      if (argv[0] === 'merge' && argv.includes('--resolutions')) fillInConflicts(join(dir, argv[argv.indexOf('--resolutions') + 1]));
      const r = await qda(argv, { cwd: dir });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
      expect(r.stderr, line).not.toMatch(/\berror\b|\n\s+at /);
      // The agreement figures and conflicts the README shows are what qda prints.
      if (argv[0] === 'agree' && !argv.includes('--out')) expect(README, line).toContain(`\n${r.stdout}`);
      if (stdout) writeFileSync(join(dir, stdout), r.stdout);
      else if (!argv.includes('--out') && !['init', 'check', 'analyse', 'review', 'merge'].includes(argv[0])) expect(r.stdout, line).not.toBe('');
    }

    // What the tour says it gives.
    const json = JSON.parse(readFileSync(join(dir, 'codings.json'), 'utf8')) as { documents: { attributes: { district: string } }[] };
    expect(json.documents.map((d) => d.attributes.district)).toEqual(['Crooswijk', 'Hillesluis']);
    expect(readFileSync(join(dir, 'matrix.csv'), 'utf8')).toMatch(/^\uFEFFcluster;label;Crooswijk;Hillesluis;/);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(existsSync(join(dir, 'my-study', 'out', 'index.md'))).toBe(true);

    // Nothing of the repository changed; new files in examples/ only where git ignores them.
    for (const [file, bytes] of before) expect(readFileSync(join(dir, file)).equals(bytes), `${file} was changed`).toBe(true);
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('examples/*/out/');
    const added = filesBelow(dir).filter((f) => !before.has(f) && f.startsWith('examples/'));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((f) => !/^examples\/[^/]+\/out\//.test(f))).toEqual([]);
    // The review went into the project of the tour: the two decisions filled in above.
    expect(
      readFileSync(join(dir, 'my-study', 'codings', 'ana.csv'), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(3);
    // The consensus of the copied example: the figures the README quotes.
    expect(README).toContain('wrote 71 decisions of consensus to rotterdam-copy/codings/consensus.csv: 63\nagreed, 0 of one coder only, 8 resolved');
    expect(
      readFileSync(join(dir, 'rotterdam-copy', 'codings', 'consensus.csv'), 'utf8')
        .trim()
        .split('\r\n'),
    ).toHaveLength(72);
  }, 120_000);
});
