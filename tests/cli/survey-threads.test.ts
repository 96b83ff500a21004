// qda search and qda words read the corpus on several threads and give, byte for byte, what one thread gives;
// so does the survey of qda code when worker threads code (its word frequencies counted in parts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openCorpus } from '../../src/app/open.js';
import { portable } from '../../src/corpus/parallel.js';
import { claimBack, claimFront, pieces } from '../../src/corpus/survey-threads.js';
import { runBuilt, type BuiltResult } from '../helpers/run-built.js';
import { tempDir } from '../helpers/temp.js';

const built = existsSync('dist/app/survey-worker.js');

function sources(folder: string): string[] {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
}

/**
 * Dutch transcripts first, then English and Dutch in turn: words, stems, pairs, districts and
 * speakers that the later threads meet first, in two languages whose terms interleave.
 */
function corpus(extra: Record<string, string> = {}): string {
  const dutch = sources('examples/rotterdam/corpus');
  const english = sources('examples/english/corpus');
  const files: Record<string, string> = {
    'qda.yaml': 'corpus:\n  - corpus/**/*.md\nunit: paragraph\ncompareBy: district\nskipSpeakers:\n  - interviewer\n',
    // A hand-made coding of a document that is not in the corpus: the survey warns once, after every thread.
    'codings/ana.csv': 'document,anchor,code,decision\nno-such-document,abc123,personal,add\n',
    ...extra,
  };
  for (let i = 0; i < 15; i++) {
    const text = i < 6 || i % 2 === 0 ? dutch[i % dutch.length] : english[i % english.length];
    files[`corpus/doc-${String(i).padStart(3, '0')}.md`] = text.replace(/^id: .*$/m, `id: doc-${i}`);
  }
  return tempDir({ ...files, ...extra });
}

/** What a run shows: its exit code, stdout and stderr (not the time it took). */
const shown = ({ code, stdout, stderr }: BuiltResult) => ({ code, stdout, stderr });

const COMMANDS = [
  ['search', 'wijkteam* OR "korte lijnen" OR (school NEAR/5 ouder*) OR famil* OR "health visitor"', '--format', 'json'],
  ['search', '/\\bwijk\\w*/i NOT school', '--width', '25'],
  ['words', '--format', 'json'],
  ['words', '--ngram', '1-3', '--format', 'json', '--top', '50', '--min-count', '1'],
  ['words', '--by', 'speaker', '--format', 'csv'],
  ['words', '--measure', 'tfidf', '--by', 'document', '--ngram', '2'],
  ['code', '--format', 'json'],
];
const CODE = COMMANDS.length - 1;

describe.runIf(built)('search and words on several threads', () => {
  test('the same stdout, stderr and exit code with 1, 2 and 3 threads', { timeout: 240_000 }, () => {
    // All the runs in one process: starting one per run took most of the time.
    const threads = ['1', '2', '3'];
    const results = runBuilt(
      corpus(),
      COMMANDS.flatMap((args) => threads.map((n) => [...args, '--workers', n])),
    ).map(shown);
    COMMANDS.forEach((args, c) => {
      const [one, ...more] = results.slice(c * threads.length, (c + 1) * threads.length);
      expect(one.code, args.join(' ')).toBe(0);
      expect(one.stderr).toMatch(/no document with id "no-such-document"/);
      more.forEach((r, k) => expect(r, `${args.join(' ')} --workers ${threads[k + 1]}`).toEqual(one));
    });
  });

  test(
    'an id used twice, or alike but for Unicode normalisation, in documents of different threads is said as by one thread',
    { timeout: 120_000 },
    () => {
      const copy = readFileSync('examples/english/corpus/family-support-1.md', 'utf8');
      const twice = corpus({ 'corpus/zz-late.md': copy.replace(/^id: .*$/m, 'id: doc-0') });
      const alike = corpus({
        'corpus/aa-early.md': copy.replace(/^id: .*$/m, 'id: caf\u00e9'),
        'corpus/zz-late.md': copy.replace(/^id: .*$/m, 'id: cafe\u0301'),
      });
      for (const [dir, status] of [
        [twice, 1],
        [alike, 0],
      ] as const) {
        const commands = [COMMANDS[0], COMMANDS[2], COMMANDS[CODE]];
        const results = runBuilt(
          dir,
          commands.flatMap((args) => [
            [...args, '--workers', '0'],
            [...args, '--workers', '2'],
          ]),
        ).map(shown);
        commands.forEach((args, c) => {
          const [one, two] = results.slice(2 * c, 2 * c + 2);
          expect(one.code, args.join(' ')).toBe(status);
          expect(one.stderr).toMatch(status === 1 ? /document id "doc-0" is also the id of/ : /looks the same as the id of/);
          expect(two).toEqual(one);
        });
      }
    },
  );
});

// Without this, a new function among the options would keep every run in one thread, unnoticed.
test('the options a corpus is opened with can be handed to worker threads', () => {
  const dir = corpus();
  for (const survey of [undefined, { frequencies: false }]) {
    const { result } = openCorpus([], {}, dir, survey ? { survey } : {});
    expect(portable(result!.corpus)).toBe(true);
  }
});

describe('cutting the files into pieces', () => {
  const cases = [[], [5], [1, 100], [100, 1], [3, 3, 3, 3, 3, 3, 3], Array.from({ length: 50 }, (_, i) => ((i * 7919) % 97) + 1)];
  const big = Array.from({ length: 400 }, (_, i) => 20_000 + ((i * 7919) % 9_000));

  test('every file in exactly one piece, in order, none empty; one piece for one thread or one file, else two or more', () => {
    for (const sizes of [...cases, big])
      for (const threads of [1, 2, 3, 4]) {
        const cut = pieces(sizes, threads);
        expect(cut.flatMap((r) => Array.from({ length: r.to - r.from }, (_, k) => r.from + k))).toEqual(sizes.map((_, i) => i));
        for (const r of cut) expect(r.to).toBeGreaterThan(r.from);
        if (sizes.length > 0) expect(cut.length >= 2).toBe(threads > 1 && sizes.length > 1);
      }
  });

  test('large pieces at both ends, smaller towards the share of the main thread', () => {
    const cut = pieces(big, 2);
    const bytes = cut.map((r) => big.slice(r.from, r.to).reduce((a, b) => a + b, 0));
    const total = bytes.reduce((a, b) => a + b, 0);
    expect(bytes[0]).toBeGreaterThan(total / 5);
    expect(bytes[bytes.length - 1]).toBeGreaterThan(total / 5);
    expect(Math.min(...bytes)).toBeLessThan(total / 20);
    expect(cut.length).toBeLessThan(30);
  });

  test('each piece is taken once, from the front or from the back, until they meet', () => {
    for (const count of [1, 2, 7]) {
      const claims = new Int32Array(new SharedArrayBuffer(4));
      const taken: number[] = [];
      for (let turn = 0; ; turn++) {
        const p = turn % 3 === 0 ? claimFront(claims, count) : claimBack(claims, count);
        if (p < 0) break;
        taken.push(p);
      }
      expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(claimFront(claims, count)).toBe(-1);
      expect(claimBack(claims, count)).toBe(-1);
    }
  });
});
