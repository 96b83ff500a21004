import { describe, expect, it } from 'vitest';
import { sharedCopies } from '../../src/ingest/own-text.js';

describe('sharedCopies', () => {
  it('gives back each value as it was, also cut from a longer text, across a table that fills up', () => {
    const copy = sharedCopies(3);
    const text = 'district: Feijenoord-Noordereiland, role: gezinsmentor';
    const values = [text.slice(10, 34), text.slice(42), 'Delfshaven', text.slice(10, 34), 'x', 'y', 'z', 'Delfshaven'];
    expect(values.map(copy)).toEqual(values);
  });
});
