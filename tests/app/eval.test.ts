// qda eval as a library call: the evaluation of the shipped labelled set as values, the same text as
// the command prints, and a missing file as a problem of the request.
import { describe, expect, test } from 'vitest';
import { evaluateLabelled, getFormatter } from '../../src/index.js';
import { qda } from '../helpers/run-cli.js';

const FILE = 'eval/hall-nl.test.yaml';

describe('evaluateLabelled()', () => {
  test('one evaluation per file, figures between 0 and 1; the markdown is what qda eval --misses prints', async () => {
    const { result, diagnostics } = evaluateLabelled({ files: [FILE] }, process.cwd());
    expect(diagnostics).toEqual([]);
    const [{ file, evaluation }] = result!.evaluations;
    expect(file).toBe(FILE);
    expect(evaluation.level).toBe('cluster');
    expect(evaluation.items).toBeGreaterThan(10);
    for (const s of [...evaluation.scores, evaluation.micro]) for (const v of [s.precision, s.recall, s.f1]) expect(v >= 0 && v <= 1).toBe(true);
    const text = (await getFormatter('evaluation', 'md'))(result!, { misses: true });
    expect(text.startsWith(`## ${FILE}\n`)).toBe(true);
    expect(text).toBe((await qda(['eval', FILE, '--misses'])).stdout);
  });

  test('a labelled file that is not there stops it: an error of the request, no result', async () => {
    const outcome = evaluateLabelled({ files: [FILE, 'eval/none.yaml'] }, process.cwd());
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([{ file: '', severity: 'error', message: 'eval/none.yaml not found' }]);
    const cli = await qda(['eval', FILE, 'eval/none.yaml']);
    expect([cli.code, cli.stdout, cli.stderr]).toEqual([1, '', 'error: eval/none.yaml not found\n']);
  });
});
