// Where a speaker turn ends: at the next label, a heading, a horizontal rule, and in a narrated
// document (an article or report that quotes people) at the next paragraph without a label.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';

const ARTICLE = readFileSync('tests/fixtures/ingest/article.md', 'utf8');

/** Speaker, role and the start of the text of each segment. */
const speakers = (text: string, unit: 'paragraph' | 'turn' = 'paragraph') => {
  const { document, diagnostics } = readDocument('article.md', text);
  expect(diagnostics).toEqual([]);
  return segmentDocument(document, unit).map((s) => [s.speaker, s.speakerRole, s.text.slice(0, 24)]);
};

describe('a narrated article quoting two people', () => {
  const expected = [
    [undefined, undefined, 'On Tuesday mornings the '],
    ['Amina', 'community worker', 'We never planned a help '],
    [undefined, undefined, 'She keeps a box of forms'],
    ['Tom', 'school nurse', 'I see more children here'],
    [undefined, undefined, 'The school nurse comes e'],
    ['Amina', 'community worker', 'If the funding stops in '],
    [undefined, undefined, 'Photographs by the autho'],
    [undefined, undefined, 'A spokesperson declined '],
  ];

  test('each quoted paragraph has its speaker, narration has none', () => {
    expect(speakers(ARTICLE)).toEqual(expected);
  });

  test('as turns: each quote is one turn and each narrated paragraph its own segment', () => {
    expect(speakers(ARTICLE, 'turn')).toEqual(expected);
  });

  test('a quote in a blockquote keeps its continuation lines', () => {
    const { document } = readDocument('article.md', ARTICLE);
    const quote = segmentDocument(document, 'paragraph')[5];
    expect(quote.text).toBe('If the funding stops in March, the families will still come.\n> They will just find the door locked.');
    expect(quote.lines).toEqual({ start: 26, end: 27 });
  });

  test('`narration` is a setting of the document, not an attribute to compare by', () => {
    const { document } = readDocument('article.md', ARTICLE);
    expect(document.narration).toBe(true);
    expect(Object.keys(document.attributes)).toEqual(['date', 'district', 'type']);
  });

  test('without `narration`, the paragraphs after a quote stay with its speaker until a rule or heading', () => {
    const plain = ARTICLE.replace('narration: true\n', '');
    expect(speakers(plain).map(([speaker]) => speaker)).toEqual([undefined, 'Amina', 'Amina', 'Tom', 'Tom', 'Amina', undefined, undefined]);
  });

  test('`narration: false` is the default behaviour', () => {
    const off = ARTICLE.replace('narration: true', 'narration: false');
    expect(speakers(off)).toEqual(speakers(ARTICLE.replace('narration: true\n', '')));
  });

  test('`narration` that is not true or false is an error at its line and column', () => {
    const { diagnostics } = readDocument('article.md', ARTICLE.replace('narration: true', 'narration: sometimes'));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'front-matter/narration',
        line: 6,
        column: 1,
        message: '`narration` must be true or false',
      }),
    ]);
  });
});

describe('turns end at headings and horizontal rules', () => {
  test.each([['---'], ['***'], ['___'], ['- - -'], ['* * *']])('a rule %j ends the turn', (rule) => {
    const text = `**R:** Dat was het.\n\nNog een zin van R.\n\n${rule}\n\nNotitie van de onderzoeker.\n\n**I:** Dank je.\n`;
    expect(speakers(text).map(([speaker, , t]) => [speaker, t])).toEqual([
      ['R', 'Dat was het.'],
      ['R', 'Nog een zin van R.'],
      [undefined, 'Notitie van de onderzoek'],
      ['I', 'Dank je.'],
    ]);
  });

  test('text after a rule is not joined to the turn before it', () => {
    const text = 'R: Eerste.\n\nTweede.\n\n---\n\nDerde.\n\nVierde.\n';
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'turn').map((s) => [s.speaker, s.text])).toEqual([
      ['R', 'Eerste.\n\nTweede.'],
      [undefined, 'Derde.'],
      [undefined, 'Vierde.'],
    ]);
  });

  test.each([['## Tweede deel\n'], ['Tweede deel\n-----------\n'], ['Tweede deel\n===\n']])('a heading %j ends the turn', (heading) => {
    const text = `I: Hoe ging het?\n\nR: Goed.\n\nEcht goed.\n\n${heading}\nHet gesprek werd na de pauze hervat.\n\nR: Waar waren we?\n`;
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.section, s.text])).toEqual([
      ['I', [], 'Hoe ging het?'],
      ['R', [], 'Goed.'],
      ['R', [], 'Echt goed.'],
      [undefined, ['Tweede deel'], 'Het gesprek werd na de pauze hervat.'],
      ['R', ['Tweede deel'], 'Waar waren we?'],
    ]);
  });

  test('a rule inside a fenced block does not end the turn', () => {
    const text = 'R: Ik schreef dit op:\n\n```\n---\n```\n\nEn verder.\n';
    expect(speakers(text).map(([speaker]) => speaker)).toEqual(['R', 'R', 'R']);
  });
});
