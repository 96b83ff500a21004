import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { SearchCollector } from '../../src/search/collect.js';
import { QueryMatcher } from '../../src/search/match.js';
import { parseQuery } from '../../src/search/query.js';
import { NO_FILTER } from '../../src/select/filter.js';

function search(query: string, body: string, options: { width?: number } = {}) {
  const parsed = parseQuery(query);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  const text = `---\ndistrict: Noord\n---\n\n${body}`;
  const { document } = readDocument('t.md', text);
  const collector = new SearchCollector(new QueryMatcher(parsed.parsed), { filter: NO_FILTER, width: options.width ?? 10 });
  collector.add(document, segmentDocument(document, 'paragraph'), 'nl', new Set());
  return { text, result: collector.result('district') };
}

const hitTexts = (query: string, body: string) => search(query, body).result.hits.map((h) => h.text);

/** The oracle: words found by walking the characters, folded by hand, with line and column counted from the start. */
function plainScan(text: string, wanted: (folded: string) => boolean) {
  const out: { line: number; column: number; text: string }[] = [];
  const isWord = (c: string) => /[\p{L}\p{N}\p{M}]/u.test(c);
  let i = 0;
  while (i < text.length) {
    if (!/[\p{L}\p{N}]/u.test(text[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isWord(text[j])) j++;
    const word = text.slice(i, j);
    const folded = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
    if (wanted(folded)) {
      const before = text.slice(0, i);
      const lineStart = before.lastIndexOf('\n') + 1;
      out.push({ line: before.split('\n').length, column: i - lineStart + 1, text: word });
    }
    i = j;
  }
  return out;
}

const WORDS = ['wijkteam', 'Wijkteammedewerker', 'wíjkagent', 'buurtwijkteam', 'school', 'de', 'en', 'Team', 'jeugdteam', 'wijk', '12'];
const SEPARATORS = [' ', ' ', ', ', '. ', '\n', '\n\n', '\r\n', ' (', ') ', ' — ', '\u00a0'];

const body = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('hits and their positions', () => {
  test.each([
    ['wijk*', (w: string) => w.startsWith('wijk')],
    ['*team', (w: string) => w.endsWith('team')],
    ['*kte*', (w: string) => w.includes('kte')],
  ])('%s finds exactly the words a plain scan finds, at the same line and column', (query, wanted) => {
    fc.assert(
      fc.property(body, (text) => {
        const { text: file, result } = search(query, text);
        const found = result.hits.map((h) => ({ line: h.line, column: h.column, text: h.text }));
        expect(found).toEqual(plainScan(file, wanted));
        for (const h of result.hits) expect(file.slice(h.range.start, h.range.end)).toBe(h.text);
      }),
      { numRuns: 200 },
    );
  });

  test('stems, phrases and patterns', () => {
    expect(hitTexts('samenwerking', 'De samenwerkingen en het samenwerken. Samen werken.')).toEqual(['samenwerkingen', 'samenwerken']);
    expect(hitTexts('"korte lijnen"', 'Korte lijnen, korte\nlijnen, korte en lijnen.')).toEqual(['Korte lijnen', 'korte lijnen']);
    expect(hitTexts('/\\bappen\\b/i', 'We Appen en mappen.')).toEqual(['Appen']);
  });

  test('context: up to --width characters either side, white space collapsed, within the segment', () => {
    const { result } = search('school', 'Eerst  de\nschool van  het kind, daarna meer.\n\nVolgende alinea.');
    expect(result.hits[0]).toMatchObject({ left: 'Eerst de ', text: 'school', right: ' van het k' });
  });
});

describe('AND, OR and NOT hold within a segment', () => {
  const body = 'De school belt het wijkteam.\n\nDe school belt de ouders.\n\nHet wijkteam belt terug.';
  test('AND needs both in one segment and shows both', () => {
    expect(hitTexts('school AND wijkteam', body)).toEqual(['school', 'wijkteam']);
  });
  test('OR shows whichever occur', () => {
    expect(hitTexts('ouders OR terug', body)).toEqual(['ouders', 'terug']);
  });
  test('NOT leaves out segments with the word', () => {
    expect(search('school NOT wijkteam', body).result.hits.map((h) => h.line)).toEqual([7]);
  });
});

describe('NEAR', () => {
  // Words 0..7: een twee drie vier vijf zes zeven acht
  const body = 'een twee drie vier vijf zes zeven acht';
  test('at most n words apart, in either order; next to each other is 1 apart', () => {
    expect(hitTexts('een NEAR/3 vier', body)).toEqual(['een twee drie vier']);
    expect(hitTexts('een NEAR/2 vier', body)).toEqual([]);
    expect(hitTexts('vier NEAR/3 een', body)).toEqual(['een twee drie vier']);
    expect(hitTexts('twee NEAR/1 drie', body)).toEqual(['twee drie']);
    expect(hitTexts('drie NEAR/1 twee', body)).toEqual(['twee drie']);
  });
  test('NEAR alone is NEAR/5', () => {
    expect(hitTexts('een NEAR zes', body)).toEqual(['een twee drie vier vijf zes']);
    expect(hitTexts('een NEAR zeven', body)).toEqual([]);
  });
  test('a phrase or pattern counts from its own first and last word', () => {
    expect(hitTexts('"twee drie" NEAR/2 vijf', body)).toEqual(['twee drie vier vijf']);
    expect(hitTexts('/vier v\\w+/ NEAR/1 drie', body)).toEqual(['drie vier vijf']);
    expect(hitTexts('"zes zeven acht" NEAR/2 vier', body)).toEqual(['vier vijf zes zeven acht']);
  });
  test('never across segments', () => {
    expect(hitTexts('een NEAR/5 twee', 'een\n\ntwee')).toEqual([]);
  });
  test('every pair near enough is shown; overlapping ones as one hit', () => {
    expect(hitTexts('de NEAR/1 school', 'de school en de buurt, school de')).toEqual(['de school', 'school de']);
  });
});
