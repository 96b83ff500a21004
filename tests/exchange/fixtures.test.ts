// The REFI-QDA files the exchange tests read keep the shape their README gives them: the exports of
// other programs and the imitation of MAXQDA validate against the schemas; the imitation of Taguette
// fails on its empty <Sets/> exactly as Taguette's own codebooks do.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sample, unzip, utf8, validate } from './helpers.js';

describe('tests/fixtures/refi-qda', () => {
  it.each(['atlasti-8.4-mac_refi-standard-project.qde', 'maxqda-24-imitation_project.qde'])(
    '%s validates against the project schema',
    async (name) => {
      const result = await validate(readFileSync(sample(name), 'utf8'), 'Project');
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    },
  );

  it('the project.qde of the NVivo export validates against the project schema', async () => {
    const result = await validate(utf8(unzip(sample('nvivo-12.6-win_oltas0517.qdpx'))['project.qde']), 'Project');
    expect(result.valid).toBe(true);
  });

  it('the Taguette imitation is refused by the codebook schema for its empty <Sets/> only', async () => {
    const xml = readFileSync(sample('taguette-1.4-imitation_codebook.qdc'), 'utf8');
    const result = await validate(xml, 'Codebook');
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/Element '\{urn:QDA-XML:codebook:1\.0\}Sets': Missing child element\(s\)/);
    expect((await validate(xml.replace('<Sets/>', ''), 'Codebook')).valid).toBe(true);
  });
});
