// Model files: bad ones are errors naming the file (exit 1, nothing on stdout); good ones round-trip.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { modelJson, readModel } from '../../src/learn/model-file.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

async function trained(): Promise<{ dir: string; text: string }> {
  const dir = tempDir();
  for (const part of ['qda.yaml', 'codebook.yaml', 'corpus', 'codings'])
    cpSync(join('tests/fixtures/learn', part), join(dir, part), { recursive: true });
  expect((await qda(['learn', '--out', 'model.json', '-q'], { cwd: dir })).code).toBe(0);
  return { dir, text: readFileSync(join(dir, 'model.json'), 'utf8') };
}

describe('model files', () => {
  test('a model file reads back as written, byte for byte', async () => {
    const { text } = await trained();
    const read = readModel('model.json', text);
    expect(read.diagnostics).toEqual([]);
    expect(modelJson(read.model!)).toBe(text);
  });

  test.each([
    ['not JSON', '{ "format": "qda-model",\n  "version": 1,,\n}', /bad\.json:2:16: error: not a model file: the JSON does not parse/],
    ['another JSON file', '{ "schemaVersion": 1 }', /bad\.json: error: not a model file: "format" is not "qda-model"/],
    [
      'a newer version',
      '{ "format": "qda-model", "version": 7 }',
      /bad\.json: error: model file version 7 is not supported \(this qda reads version 1\)/,
    ],
  ])('%s is an error with the file name, exit 1', async (_, content, message) => {
    const { dir } = await trained();
    writeFileSync(join(dir, 'bad.json'), content);
    const r = await qda(['code', '--model', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|at .*\.ts/);
  });

  test('missing or wrong fields are named', async () => {
    const { dir, text } = await trained();
    const model = JSON.parse(text);
    const cases: [(m: Record<string, unknown>) => void, string][] = [
      [(m) => delete m.vocabulary, '"vocabulary" must be a list of features'],
      [(m) => delete m.codebook, '"codebook" needs a name and a hash'],
      [(m) => ((m.models as Record<string, unknown>[])[0].weights = { 'w:onbekend': 1 }), 'weighs "w:onbekend", which is not in the vocabulary'],
      [(m) => ((m.models as Record<string, unknown>[])[1].bias = 'hoog'), 'models[1]: zorg.respijt needs a bias and its counts'],
      [(m) => delete (m.training as Record<string, unknown>).paragraphs, '"training" needs coders and paragraphs'],
    ];
    for (const [damage, message] of cases) {
      const copy = structuredClone(model);
      damage(copy);
      writeFileSync(join(dir, 'bad.json'), JSON.stringify(copy));
      const r = await qda(['check', '--model', 'bad.json'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`bad.json: error: model file is damaged: `);
      expect(r.stderr).toContain(message);
    }
  });

  test('a model file that is not there is an error; so is one named in qda.yaml', async () => {
    const { dir } = await trained();
    const r = await qda(['matrix', '--model', 'models/geen.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('models/geen.json: error: model file not found');
    writeFileSync(join(dir, 'qda.yaml'), 'corpus: [corpus/*.md]\ncodebook: codebook.yaml\nmodel: models/geen.json\n');
    expect((await qda(['excerpts'], { cwd: dir })).code).toBe(1);
    // learn makes the model, so it does not read the one qda.yaml names
    expect((await qda(['learn', '--out', 'models/geen.json', '-q'], { cwd: dir })).code).toBe(0);
    expect((await qda(['excerpts', '-q'], { cwd: dir })).code).toBe(0);
  });
});
