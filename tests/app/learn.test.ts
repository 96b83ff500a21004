// Learning as a library call: cross-validation figures and the model as values, on a generated
// study large enough to train in every fold and on the five-document fixture, where it cannot be.
// The command line keeps its tests of the table and the exit statuses (tests/learn/).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeStudy } from '../../scripts/bench/learn-study.js';
import { getFormatter, learn, modelJson, modelNameProblem, openCorpus, type OpenedCorpus } from '../../src/index.js';
import { CommandFailed } from '../../src/app/errors.js';
import { tempDir } from '../helpers/temp.js';

function open(dir: string): OpenedCorpus {
  const outcome = openCorpus([], {}, dir, { ignoreModel: true });
  expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return outcome.result!;
}

function fixture(): string {
  const dir = tempDir();
  for (const part of ['qda.yaml', 'codebook.yaml', 'corpus', 'codings'])
    cpSync(join('tests/fixtures/learn', part), join(dir, part), { recursive: true });
  return dir;
}

describe('learn() with cv on a generated study of 20 interviews', () => {
  test('the model beats the codebook on the held-out folds; a code too rare in one fold says so', async () => {
    const dir = tempDir();
    expect(writeStudy(dir, { documents: 20, paragraphs: 12 })).toMatchObject({ documents: 20, paragraphs: 240, coded: 240 });
    const outcome = learn(open(dir), { cv: 5 });
    expect(outcome.result).toMatchObject({ examples: 240, documents: 20 });
    const result = outcome.result!.crossValidation!;
    expect(result).toMatchObject({ folds: 5, documents: 20, paragraphs: 240 });
    // measured: micro F1 0.731 with the model, 0.265 the codebook alone (docs/learning.md)
    expect(result.micro.model!.f1).toBeGreaterThan(result.micro.codebook.f1 + 0.3);
    for (const code of ['zorg.wachttijd', 'zorg.respijt', 'netwerk.buren']) {
      const row = result.rows.find((r) => r.code === code)!;
      expect(row.tooFew).toEqual([]);
      expect(row.model!.f1).toBeGreaterThan(row.codebook.f1);
    }
    const familie = result.rows.find((r) => r.code === 'netwerk.familie')!;
    expect(familie.positives).toBe(11);
    expect(familie.tooFew).toEqual([{ fold: 5, positives: 7 }]);
    expect(familie.model).toBeDefined();
    const table = (await getFormatter('crossValidation', 'table'))(result, {});
    expect(table).toMatch(/netwerk\.familie .* codebook in fold 5: too few examples \(7 in training\)\n/);
    expect(table).toMatch(/micro average .* 5 folds over 20 documents\n/);
    expect(outcome.result!.model).toBeUndefined();
  });
});

describe('learn() on the five-document fixture', () => {
  test('cv: no code has 8 examples in any fold: no model figures, and the counts in training per code', () => {
    const result = learn(open(fixture()), { cv: 5 }).result!.crossValidation!;
    expect(result.micro.model).toBeUndefined();
    const buren = result.rows.find((r) => r.code === 'netwerk.buren')!;
    expect(buren.model).toBeUndefined();
    expect(buren.tooFew).toHaveLength(5);
    for (const f of buren.tooFew) expect(f.positives).toBeLessThan(8);
    // a fold's training holds the other four documents: the code's 8 examples less those of the held-out one
    expect(buren.tooFew.reduce((a, f) => a + f.positives, 0)).toBe(8 * 4);
  });

  test('the same codings give the same model bytes, whatever the order of the rows', () => {
    const dir = fixture();
    const model = () => modelJson(learn(open(dir), { train: { name: 'm' } }).result!.model!);
    const a = model();
    expect(model()).toBe(a);
    const sidecar = join(dir, 'codings', 'onderzoeker.csv');
    const [header, ...rows] = readFileSync(sidecar, 'utf8').trimEnd().split('\n');
    writeFileSync(sidecar, `${[header, ...rows.reverse()].join('\n')}\n`);
    expect(model()).toBe(a);
    const parsed = JSON.parse(a);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed.training.paragraphs).toHaveLength(40);
    expect(parsed.name).toBe('m');
  });

  test('an unknown coder, no coded paragraphs, too many folds: said, with no result', () => {
    const opened = open(fixture());
    expect(learn(opened, { coders: ['onderzoekr'], cv: 2 }).diagnostics).toMatchObject([
      { file: '', severity: 'error', message: 'no codings of "onderzoekr"; did you mean onderzoeker?', hint: 'coders: inline, onderzoeker' },
    ]);
    expect(learn(opened, { coders: ['inline'], cv: 2 })).toMatchObject({
      diagnostics: [{ severity: 'error', message: 'no coded paragraphs to learn from by inline' }],
    });
    expect(() => learn(opened, { cv: 6 })).toThrow(CommandFailed);
    expect(modelNameProblem('qda')).toBe('the model name "qda" cannot name a coder');
    expect(modelNameProblem('ana.v2')).toBeUndefined();
  });
});
