// A fictional study of informal carers: the researcher coded 40 paragraphs of five interviews
// (codings/onderzoeker.csv); 40 paragraphs of five other interviews were labelled apart
// (held-out.csv), read only here. A model trained on the 40 must code the other 40 better than the
// codebook alone.
import { cpSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { anchorOf } from '../../src/manual/anchor.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = 'tests/fixtures/learn';

function study(): string {
  const dir = tempDir();
  for (const part of ['qda.yaml', 'codebook.yaml', 'corpus', 'codings']) cpSync(join(FIXTURE, part), join(dir, part), { recursive: true });
  return dir;
}

interface CodeJson {
  id: string;
  source: string;
  coder: string;
  probability?: number;
  learnedFrom?: number;
  evidence: { kind: string; term: string; text: string }[];
}
interface CodingsJson {
  documents: { id: string; segments: { text: string; codes: CodeJson[] }[] }[];
}

const heldOut = new Map(
  Papa.parse<{ document: string; anchor: string; codes: string }>(readFileSync(join(FIXTURE, 'held-out.csv'), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data.map((r) => [`${r.document} ${r.anchor}`, new Set(r.codes.split(' ').filter(Boolean))]),
);

/** Micro-averaged F1 over the held-out paragraphs. */
function heldOutF1(json: CodingsJson): { f1: number; paragraphs: number } {
  let [tp, fp, fn, paragraphs] = [0, 0, 0, 0];
  for (const d of json.documents) {
    for (const s of d.segments) {
      const expected = heldOut.get(`${d.id} ${anchorOf(s.text)}`);
      if (!expected) continue;
      paragraphs++;
      const found = new Set(s.codes.map((c) => c.id));
      for (const c of found) expected.has(c) ? tp++ : fp++;
      for (const c of expected) if (!found.has(c)) fn++;
    }
  }
  return { f1: (2 * tp) / (2 * tp + fp + fn), paragraphs };
}

const codings = async (dir: string, ...args: string[]): Promise<CodingsJson> => {
  const r = await qda(['code', '--format', 'json', '-q', ...args], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe('qda learn on the Veendijk study', () => {
  test('a model trained on 40 coded paragraphs codes 40 others better than the codebook alone', async () => {
    const dir = study();
    const learned = await qda(['learn', '--out', 'models/onderzoeker.json'], { cwd: dir });
    expect(learned.code).toBe(0);
    expect(learned.stdout).toBe('');
    expect(learned.stderr).toContain('learned 5 codes from 40 coded paragraphs in 5 documents');
    expect(learned.stderr).toContain('not modelled, fewer than 8 examples: netwerk.familie (3)');
    const alone = heldOutF1(await codings(dir));
    const withModel = heldOutF1(await codings(dir, '--model', 'models/onderzoeker.json'));
    expect(alone.paragraphs).toBe(40);
    expect(withModel.paragraphs).toBe(40);
    // measured: 0.435 alone, 0.833 with the model (docs/learning.md)
    expect(alone.f1).toBeLessThan(0.5);
    expect(withModel.f1).toBeGreaterThan(0.8);
    expect(withModel.f1 - alone.f1).toBeGreaterThan(0.3);
  });

  test('model codings: source model, the model as coder, a probability and the words that weighed', async () => {
    const dir = study();
    await qda(['learn', '--out', 'models/onderzoeker.json', '-q'], { cwd: dir });
    const json = await codings(dir, '--model', 'models/onderzoeker.json');
    const segment = json.documents.find((d) => d.id === 'mantelzorger-07')!.segments[0]; // "Er is nergens plek, we wachten ..."
    const coding = segment.codes.find((c) => c.id === 'zorg.wachttijd')!;
    expect(coding).toMatchObject({ source: 'model', coder: 'onderzoeker', learnedFrom: 40 });
    expect(coding.probability).toBeGreaterThanOrEqual(0.5);
    expect(coding.probability).toBeLessThanOrEqual(1);
    const learned = coding.evidence.filter((e) => e.kind === 'learned');
    expect(learned.length).toBeGreaterThan(0);
    for (const e of learned) expect(segment.text).toContain(e.text);
    const md = (await qda(['code', '-q', '--model', 'models/onderzoeker.json'], { cwd: dir })).stdout;
    expect(md).toMatch(/`zorg\.wachttijd` \(p 0\.\d\d, learned from 40 coded paragraphs: /);
  });

  test("people's decisions override the model: a reject removes its coding, an add stays", async () => {
    const dir = study();
    await qda(['learn', '--out', 'models/onderzoeker.json', '-q'], { cwd: dir });
    const text = 'Er is nergens plek, we wachten nu al een half jaar op de indicatie.';
    const before = await codings(dir, '--model', 'models/onderzoeker.json');
    const find = (json: CodingsJson) => json.documents.find((d) => d.id === 'mantelzorger-07')!.segments.find((s) => s.text === text)!.codes;
    expect(find(before).map((c) => c.id)).toContain('zorg.wachttijd');
    writeFileSync(
      join(dir, 'codings', 'tweede.csv'),
      `document,anchor,code,decision\nmantelzorger-07,${anchorOf(text)},zorg.wachttijd,reject\nmantelzorger-07,${anchorOf(text)},geld.kosten,add\n`,
    );
    const after = await qda(['code', '--format', 'json', '--model', 'models/onderzoeker.json'], { cwd: dir });
    const codes = find(JSON.parse(after.stdout));
    expect(codes.map((c) => c.id)).not.toContain('zorg.wachttijd');
    expect(codes.find((c) => c.id === 'geld.kosten')).toMatchObject({ source: 'manual', coder: 'tweede' });
    // every analysis command takes the model: the matrix counts its codings
    const matrix = async (...args: string[]) => JSON.parse((await qda(['matrix', '--format', 'json', '-q', ...args], { cwd: dir })).stdout);
    const total = (m: { rows: { id: string; total: number }[] }) => m.rows.find((r) => r.id === 'belasting.zwaar')!.total;
    expect(total(await matrix('--model', 'models/onderzoeker.json'))).toBeGreaterThan(total(await matrix()));
  });

  test('staleness: a changed codebook, an edited coded paragraph and new codings are warnings in code and check', async () => {
    const dir = study();
    await qda(['learn', '--out', 'models/onderzoeker.json', '-q'], { cwd: dir });
    appendFileSync(join(dir, 'qda.yaml'), 'model: models/onderzoeker.json\n');
    const clean = await qda(['check'], { cwd: dir });
    expect(clean.stderr).toContain('0 errors, 0 warnings');

    const book = join(dir, 'codebook.yaml');
    writeFileSync(book, readFileSync(book, 'utf8').replace('terms: [overbelast*]', 'terms: [overbelast*, uitgeput]'));
    const doc = join(dir, 'corpus', 'mantelzorger-01.md');
    writeFileSync(doc, readFileSync(doc, 'utf8').replace('zeven maanden', 'acht maanden'));
    appendFileSync(
      join(dir, 'codings', 'onderzoeker.csv'),
      `mantelzorger-06,${anchorOf('De buurvrouw doet boodschappen en komt even langs.')},netwerk.buren,add,,,\n`,
    );
    const check = await qda(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stderr).toContain("models/onderzoeker.json: warning: the codebook's codes or terms have changed since this model was trained");
    expect(check.stderr).toContain('1 of the 40 paragraphs the model learned from have changed or are gone (first: p-bd2c5290dd of mantelzorger-01)');
    expect(check.stderr).toContain("people's codings have changed since the model was trained: 1 paragraph newly coded");
    expect(check.stderr).toContain('run qda learn again');
    const code = await qda(['code', '--format', 'json'], { cwd: dir });
    expect(code.code).toBe(0);
    expect(code.stderr).toContain('model/paragraphs-changed');
    JSON.parse(code.stdout);
    // qda search reads each document once without keeping it: the check is made as the survey goes
    const search = await qda(['search', 'buurvrouw'], { cwd: dir });
    expect(search.code).toBe(0);
    expect(search.stderr).toContain(
      '1 of the 40 paragraphs the model learned from have changed or are gone (first: p-bd2c5290dd of mantelzorger-01)',
    );
    expect(search.stderr).toContain("people's codings have changed since the model was trained: 1 paragraph newly coded");
  });

  test('--cv 5: per code precision, recall, F1 and examples by folds of documents, beside the codebook alone', async () => {
    const dir = study();
    const r = await qda(['learn', '--cv', '5', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const cv = JSON.parse(r.stdout);
    expect(cv).toMatchObject({ folds: 5, documents: 5, paragraphs: 40 });
    const familie = cv.rows.find((row: { code: string }) => row.code === 'netwerk.familie');
    expect(familie).toMatchObject({ level: 'code', positives: 3 });
    expect(familie.model).toBeUndefined();
    const buren = cv.rows.find((row: { code: string }) => row.code === 'netwerk.buren');
    expect(buren.positives).toBe(8);
    expect(buren.codebook.precision).toBeGreaterThan(0);
    const table = (await qda(['learn', '--cv', '5'], { cwd: dir })).stdout;
    expect(table).toMatch(/netwerk\.familie .* too few examples \(2–3 in training\): not modelled/);
    expect(table).toContain('5 folds over 5 documents');
    const tooMany = await qda(['learn', '--cv', '6'], { cwd: dir });
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--cv 6 needs at least 6 documents with coded paragraphs; there are 5');
  });
});

describe('coders', () => {
  test('--coder limits what is learned; an unknown one is refused; the model is a coder analyses can select', async () => {
    const dir = study();
    const wrong = await qda(['learn', '--out', 'm.json', '--coder', 'onderzoekr'], { cwd: dir });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('no codings of "onderzoekr"; did you mean onderzoeker?');
    expect((await qda(['learn', '--out', 'models/veendijk.json', '--coder', 'onderzoeker', '-q'], { cwd: dir })).code).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'models', 'veendijk.json'), 'utf8'));
    expect(model.training.coders).toEqual(['onderzoeker']);
    const only = await qda(['matrix', '--format', 'json', '-q', '--model', 'models/veendijk.json', '--coder', 'veendijk'], { cwd: dir });
    expect(only.code).toBe(0);
    const rows: { id: string; total: number }[] = JSON.parse(only.stdout).rows;
    expect(rows.find((r) => r.id === 'zorg.wachttijd')!.total).toBeGreaterThan(0);
  });
});
