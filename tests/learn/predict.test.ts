// Predictor.codeDocument against the rule written out plainly: rows made apart (RowMaker.row), each
// model's probability, `decide`, and the learned evidence as the strongest gains sorted by name.
import { describe, expect, test } from 'vitest';
import type { Coding } from '../../src/coding/coding.js';
import { codeCorpus } from '../../src/corpus/pipeline.js';
import { examplesOf } from '../../src/learn/examples.js';
import { decide, Predictor } from '../../src/learn/predict.js';
import { RowMaker } from '../../src/learn/row.js';
import { trainModel } from '../../src/learn/train.js';
import { writeStudy } from '../../scripts/bench/learn-study.js';
import { codedStudy } from '../helpers/study.js';
import { tempDir } from '../helpers/temp.js';

function study() {
  const dir = tempDir();
  writeStudy(dir, { documents: 12, coded: 8 });
  const { codebook, compiled, files, options, coded } = codedStudy(dir);
  const examples = coded.flatMap((c) => examplesOf(c.document, c.segments, c.codings, c.language, [], [], compiled.byId));
  const model = trainModel(examples, codebook, { name: 'test', generator: 'test', unit: 'paragraph', coders: [] });
  return { coded, model, codes: compiled.byId, files, options, compiled };
}

describe('Predictor.codeDocument', () => {
  test('gives the codes decide chooses, the rounded probabilities and the strongest learned words', () => {
    const { coded, model, codes } = study();
    expect(model.models.length).toBeGreaterThan(2);
    const predictor = new Predictor(model, codes);
    const maker = new RowMaker(model.vocabulary, 'nl');
    let modelCodings = 0;
    for (const c of coded) {
      const got = predictor.codeDocument(c.segments, c.codings, c.language, () => true);
      const expected: { segment: number; code: string; p?: number; learned?: string[] }[] = [];
      for (const s of c.segments) {
        const auto = c.codings.filter((x) => x.segment === s.ordinal);
        const row = maker.row(s, auto);
        const probabilities = predictor.probabilities(row);
        for (const { code, by } of decide(probabilities, new Set(auto.map((a) => a.code)), codes)) {
          if (!by) {
            expected.push({ segment: s.ordinal, code });
            continue;
          }
          const weights = model.models[by.model].weights;
          const learned = [...row.index]
            .map((i, k) => ({ name: model.vocabulary[i], gain: (weights[model.vocabulary[i]] ?? 0) * row.value[k], place: row.starts[k] }))
            .filter((f) => f.gain > 0 && f.place >= 0)
            .sort((a, b) => b.gain - a.gain || (a.name < b.name ? -1 : 1))
            .slice(0, 5)
            .map((f) => f.name.slice(2));
          expected.push({ segment: s.ordinal, code, p: Math.round(by.p * 1000) / 1000, learned });
        }
      }
      const shown = got.map((g: Coding) =>
        g.source === 'model'
          ? { segment: g.segment, code: g.code, p: g.probability, learned: g.evidence.filter((e) => e.kind === 'learned').map((e) => e.term) }
          : { segment: g.segment, code: g.code },
      );
      expect(shown).toEqual(expected);
      modelCodings += got.filter((g) => g.source === 'model').length;
    }
    expect(modelCodings).toBeGreaterThan(20);
  });

  test('codings given with the segments in another order give the same result', () => {
    const { coded, model, codes } = study();
    const predictor = new Predictor(model, codes);
    const several = coded.filter((c) => new Set(c.codings.map((x) => x.segment)).size > 1);
    expect(several.length).toBeGreaterThan(3);
    for (const c of several) {
      const inOrder = predictor.codeDocument(c.segments, c.codings, c.language, (o) => o % 3 !== 0);
      // the last segment's codings first, each segment's own in their order
      const shuffled = [...c.codings].sort((a, b) => b.segment - a.segment);
      expect(shuffled).not.toEqual(c.codings);
      expect(predictor.codeDocument(c.segments, shuffled, c.language, (o) => o % 3 !== 0)).toEqual(inOrder);
    }
  });
});

describe('the coding pass with a model', () => {
  test("takes the words it scanned for the model's rows and gives what the model gives scanning them again", () => {
    const { coded, model, codes, files, options, compiled } = study();
    const again = coded.map((c) => new Predictor(model, codes).codeDocument(c.segments, c.codings, c.language, () => true));
    const predictor = new Predictor(model, codes);
    const inPass = [...codeCorpus(files, compiled, { ...options, model: predictor })].map((c) => c.codings);
    expect(inPass).toEqual(again);
    expect(inPass.flat().filter((c) => c.source === 'model').length).toBeGreaterThan(20);
  });
});
