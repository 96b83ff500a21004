// Word counts as a library call on tiny fictional corpora; G² and TF-IDF worked out by hand in
// tests/words/keyness.test.ts. The command line keeps its own tests of the output and exit status.
import { describe, expect, test } from 'vitest';
import { openCorpus, report, words, wordsPass, type OpenedCorpus, type WordsRequest } from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';
import { SMALL_BOOK as BOOK, WORDS_TINY as TINY } from '../helpers/corpora.js';

const doc = (district: string, body: string) => `---\ndistrict: ${district}\n---\n\n${body}\n`;

function open(dir: string, options = {}): OpenedCorpus {
  const outcome = openCorpus([], { codebook: BOOK }, dir, options);
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!;
}

function counted(files: Record<string, string>, request: WordsRequest) {
  const outcome = words(open(tempDir(files)), request);
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!;
}

describe('words()', () => {
  test('frequencies by stem without stop words, and the distinctive terms of each district with G²', () => {
    const { words: w, by } = counted(TINY, { top: 3, minCount: 1, minG2: 0 });
    expect(by).toBe('district');
    expect(w.words).toBe(30);
    expect(w.frequencies[0]).toEqual({ n: 1, term: 'wijkteam', count: 4, documents: 2 });
    const noord = w.groups.find((g) => g.value === 'Noord')!;
    expect(noord).toMatchObject({ documents: 1, words: 10 });
    expect(noord.distinctive[0]).toMatchObject({ term: 'wijkteam', count: 3, other: 1, documents: 2 });
    expect(noord.distinctive[0].statistic).toBeCloseTo(2.90392, 4);
    expect(noord.distinctive[0].logRatio).toBeCloseTo(Math.log2(6), 4);
    // 2.90 is below 3.84: a difference that could be chance, listed only because --min-g2 is 0.
    expect(noord.distinctive[0].pBelow).toBeNull();
    const zuid = w.groups.find((g) => g.value === 'Zuid')!;
    expect(zuid.words).toBe(20);
    expect(zuid.distinctive.map((d) => d.term)).not.toContain('wijkteam');
  });

  test('counted while the corpus is opened (wordsPass) or read again afterwards: the same result', () => {
    const dir = tempDir(TINY);
    const request = { minCount: 1 };
    const pass = wordsPass(request, dir);
    const during = words(open(dir, { survey: pass.survey }), request, undefined, pass).result;
    expect(pass.counter).toBeDefined();
    expect(during).toEqual(words(open(dir), request).result);
  });

  test('TF-IDF: the share of the words times ln(documents / documents holding the term)', () => {
    const noord = counted(TINY, { measure: 'tfidf', minCount: 3, minG2: 0 }).words.groups.find((g) => g.value === 'Noord')!;
    expect(noord.distinctive).toHaveLength(1);
    expect(noord.distinctive[0].statistic).toBeCloseTo(0.3 * Math.log(3 / 2), 5);
  });

  test('pairs and triples neither begin nor end with a stop word, nor cross punctuation; each word in its commonest form', () => {
    const files = { 'a.md': doc('Noord', 'De korte lijnen met het wijkteam. Korte lijnen! Een korte lijn, twee keer per week, drie keer per week.') };
    expect(counted(files, { ngram: [2, 3], minCount: 2 }).words.frequencies).toEqual([
      { n: 2, term: 'korte lijnen', count: 3, documents: 1 },
      { n: 2, term: 'keer per', count: 2, documents: 1 },
      { n: 2, term: 'per week', count: 2, documents: 1 },
      { n: 3, term: 'keer per week', count: 2, documents: 1 },
    ]);
  });

  test('stop words of qda.yaml are left out too', () => {
    const w = counted({ ...TINY, 'qda.yaml': 'stopWords: [wijkteam]\n' }, { minCount: 1 }).words;
    expect(w.words).toBe(26);
    expect(w.frequencies.map((f) => f.term)).not.toContain('wijkteam');
  });

  test('--code counts only the segments that carry the code', () => {
    const files = { 'a.md': doc('Noord', 'De wachtlijst is lang, de wachtlijst groeit.\n\nWe fietsen naar huis en fietsen terug.') };
    const w = counted(files, { minCount: 1, filter: { codes: ['institutional.capacity'], where: new Map(), speakers: [] } }).words;
    expect(w.frequencies.map((f) => f.term)).toContain('wachtlijst');
    expect(w.frequencies.map((f) => f.term)).not.toContain('fietsen');
  });
});

describe('words(): only significant terms are distinctive', () => {
  // Noord has 18 words: wijkteam 9 times, regisseur twice, seven other words once. Zuid has 29 words:
  // wijkteam 5 times and 24 other words once.
  // wijkteam: E1 = 18 · 14 / 47 = 5.361702, E2 = 29 · 14 / 47 = 8.638298;
  //   G² = 2 · (9 · ln(9 / 5.361702) + 5 · ln(5 / 8.638298)) = 2 · (4.661488 − 2.733838) = 3.855299, p < 0.05
  // regisseur: E1 = 18 · 2 / 47 = 0.765957; G² = 2 · 2 · ln(2 / 0.765957) = 2 · 1.919552 = 3.839103, just not p < 0.05
  const BOUNDARY = {
    'noord.md': doc('Noord', `${'wijkteam '.repeat(9)}regisseur regisseur appel peer kers pruim druif meloen banaan.`),
    'zuid.md': doc(
      'Zuid',
      `${'wijkteam '.repeat(5)}tafel stoel kast lamp deur raam muur vloer plafond fiets auto trein tram bus boot vliegtuig scooter step kar zolder kelder tuin schuur garage.`,
    ),
  };
  const noord = (request: WordsRequest) => counted(BOUNDARY, { minCount: 2, ...request }).words.groups.find((g) => g.value === 'Noord')!;

  test('by default from G² 3.84 (p < 0.05): 3.8553 is in, 3.8391 is out', () => {
    const result = counted(BOUNDARY, { minCount: 2 }).words;
    expect(result.minG2).toBe(3.84);
    const g = result.groups.find((x) => x.value === 'Noord')!;
    expect(g.words).toBe(18);
    expect(g.distinctive).toHaveLength(1);
    expect(g.distinctive[0]).toMatchObject({ term: 'wijkteam', count: 9, other: 5, pBelow: 0.05 });
    expect(g.distinctive[0].statistic).toBeCloseTo(3.855299, 5);
    expect(result.groups.find((x) => x.value === 'Zuid')!.distinctive).toEqual([]);
  });

  test('a lower --min-g2 lets the other in, marked as not significant; a higher one leaves nothing', () => {
    const low = noord({ minG2: 3.8 }).distinctive;
    expect(low.map((d) => [d.term, d.pBelow])).toEqual([
      ['wijkteam', 0.05],
      ['regisseur', null],
    ]);
    expect(low[1].statistic).toBeCloseTo(3.839103, 5);
    expect(noord({ minG2: 3.8552 }).distinctive.map((d) => d.term)).toEqual(['wijkteam']);
    expect(noord({ minG2: 3.8554 }).distinctive).toEqual([]);
    expect(noord({ minG2: 6.63 }).distinctive).toEqual([]);
  });

  test('minG2 in qda.yaml sets the cut-off of qda words and of the report; a request still overrides it', () => {
    const strict = { ...BOUNDARY, 'qda.yaml': 'minG2: 3.86\n' };
    const result = counted(strict, { minCount: 2 }).words;
    expect(result.minG2).toBe(3.86);
    expect(result.groups.find((g) => g.value === 'Noord')!.distinctive).toEqual([]);
    expect(counted(strict, { minCount: 2, minG2: 3.8 }).words.groups.find((g) => g.value === 'Noord')!.distinctive).toHaveLength(2);

    const words = (files: Record<string, string>) => report(open(tempDir(files))).result!.report.words!.find((g) => g.value === 'Noord')!.distinctive;
    expect(words(BOUNDARY).map((d) => d.term)).toEqual(['wijkteam']);
    expect(words(strict)).toEqual([]);
  });

  test('a minG2 that is no number of 0 or more is an error at its line in qda.yaml', () => {
    const outcome = openCorpus([], { codebook: BOOK }, tempDir({ ...BOUNDARY, 'qda.yaml': 'language: nl\nminG2: veel\n' }));
    expect(outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity}: ${d.message}`)).toEqual([
      'qda.yaml:2:8 error: `minG2` must be a number of 0 or more',
    ]);
  });

  test('TF-IDF ranks, but the same G² filter decides what is listed', () => {
    const tfidf = noord({ measure: 'tfidf' }).distinctive;
    expect(tfidf.map((d) => [d.term, d.pBelow])).toEqual([['wijkteam', 0.05]]);
    // 9 of Noord's 18 words, in both documents: 0.5 · ln(2 / 2) = 0.
    expect(tfidf[0].statistic).toBe(0);
    expect(noord({ measure: 'tfidf', minG2: 3.8 }).distinctive.map((d) => d.term)).toEqual(['regisseur', 'wijkteam']);
  });
});

describe('words() with suggest', () => {
  const CODED = {
    'a.md': doc(
      'Noord',
      [
        'De wachtlijsten zijn lang, de regisseur wacht.',
        '<!-- qda: institutional.capacity -->',
        '',
        'De regisseur belt, de wachtlijst groeit, de regisseur zucht.',
        '<!-- qda: institutional.capacity -->',
        '',
        'We fietsen naar huis.',
        '',
        'Het weer is mooi en we fietsen.',
        '',
        'Zaterdag gaan we met de kinderen naar de markt, het park en de bibliotheek.',
        '',
        'Oma bakt taart, opa leest de krant, buurman repareert zijn brommer in de schuur.',
      ].join('\n'),
    ),
  };

  test('terms of the segments coded by hand, without what the code\u2019s own terms already find', () => {
    const result = counted(CODED, { suggest: 'institutional.capacity', minCount: 2 });
    expect(result.suggest).toBe('institutional.capacity');
    expect(result.words.groups).toHaveLength(1);
    const terms = result.words.groups[0].distinctive.map((d) => d.term);
    expect(terms).toContain('regisseur');
    expect(terms.some((t) => t.startsWith('wachtlijst'))).toBe(false);
    expect(result.words.groups[0].distinctive.every((d) => d.pBelow !== null)).toBe(true);
    // The same filter as for groups: with a G² no term reaches, no suggestion is left.
    expect(counted(CODED, { suggest: 'institutional.capacity', minCount: 2, minG2: 1000 }).words.groups[0].distinctive).toEqual([]);
  });

  test('a code nobody coded by hand, or one the codebook lacks: an error of the request, no result', () => {
    const opened = open(tempDir(CODED));
    const none = words(opened, { suggest: 'personal.relations' });
    expect(none.result).toBeUndefined();
    expect(none.diagnostics).toMatchObject([{ file: '', severity: 'error', message: 'no segment is coded personal.relations by hand' }]);
    const unknown = words(opened, { suggest: 'institutional.capacit' });
    expect(unknown.diagnostics).toMatchObject([
      { file: '', severity: 'error', message: '--suggest: unknown code "institutional.capacit"; did you mean institutional.capacity?' },
    ]);
  });
});
