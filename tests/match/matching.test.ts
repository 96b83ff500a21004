import { describe, expect, test } from 'vitest';
import { compileCodebook, type CompiledCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { autoCode } from '../../src/coding/auto-code.js';
import type { Coding } from '../../src/coding/coding.js';
import type { Segment } from '../../src/ingest/document.js';
import { Lexicon } from '../../src/match/lexicon.js';
import { stemmerFor } from '../../src/match/stem.js';
import { parseTerm } from '../../src/match/term.js';
import { fold, tokenize } from '../../src/match/tokens.js';
import { WordTable } from '../../src/match/words.js';
import { FrequencyCounter } from '../../src/scoring/frequencies.js';

// ---------------------------------------------------------------------------------------------
// helpers

interface CodeSpec {
  terms?: string[] | Record<string, string[]>;
  patterns?: string[] | Record<string, string[]>;
  not?: string[] | Record<string, string[]>;
  minHits?: number;
}

/** YAML of a codebook with the given top-level codes (JSON flow values, so every entry is quoted). */
function yamlOf(codes: Record<string, CodeSpec>, language = 'nl'): string {
  const lines = ['name: Test', `language: ${language}`, 'codes:'];
  for (const [id, spec] of Object.entries(codes)) {
    lines.push(`  - id: ${id}`);
    for (const key of ['terms', 'patterns', 'not', 'minHits'] as const) {
      if (spec[key] !== undefined) lines.push(`    ${key}: ${JSON.stringify(spec[key])}`);
    }
  }
  return lines.join('\n') + '\n';
}

function compile(text: string): CompiledCodebook {
  const { codebook, diagnostics } = parseCodebook('test.yaml', text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compileCodebook(codebook!);
}

function book(codes: Record<string, CodeSpec>, language = 'nl'): CompiledCodebook {
  return compile(yamlOf(codes, language));
}

function segment(text: string, start = 0): Segment {
  return {
    documentId: 'doc-1',
    ordinal: 1,
    section: [],
    range: { start, end: start + text.length },
    lines: { start: 1, end: 1 },
    text,
    paragraphs: [],
  };
}

function code(text: string, compiled: CompiledCodebook, language?: string, start = 0): Coding[] {
  return autoCode(segment(text, start), compiled, language);
}

/** Ids of the codes a text gets. */
function ids(text: string, compiled: CompiledCodebook, language?: string): string[] {
  return code(text, compiled, language).map((c) => c.code);
}

/** Does a single-code book with these terms code the text? */
function matches(terms: string[], text: string, language = 'nl'): boolean {
  return ids(text, book({ a: { terms } }, language)).includes('a');
}

/** Matched texts of a single-code book with these terms. */
function found(terms: string[], text: string, language = 'nl'): string[] {
  return code(text, book({ a: { terms } }, language)).flatMap((c) => c.evidence.map((e) => e.text));
}

// ---------------------------------------------------------------------------------------------

describe('tokens', () => {
  test('words with offsets, folded to lower case without diacritics', () => {
    expect(tokenize('Financiële zorg, 24/7!')).toEqual([
      { word: 'financiele', start: 0, end: 10 },
      { word: 'zorg', start: 11, end: 15 },
      { word: '24', start: 17, end: 19 },
      { word: '7', start: 20, end: 21 },
    ]);
  });

  test('offsets are shifted by the given offset', () => {
    expect(tokenize('de regie', 100).map((t) => [t.start, t.end])).toEqual([
      [100, 102],
      [103, 108],
    ]);
  });

  test('a decomposed diacritic stays inside its word and is folded away', () => {
    const text = 'financie\u0308le hulp';
    const [first] = tokenize(text);
    expect(first).toEqual({ word: 'financiele', start: 0, end: 11 });
  });

  test.each([
    ['Financiële', 'financiele'],
    ['ÉÉN', 'een'],
    ['coördinatie', 'coordinatie'],
    ['café', 'cafe'],
  ])('fold(%s) = %s', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });
});

describe('term syntax', () => {
  test.each([
    ['regie', [{ kind: 'stem', text: 'regie' }]],
    ['Regie*', [{ kind: 'prefix', text: 'regie' }]],
    ['*subsidie', [{ kind: 'suffix', text: 'subsidie' }]],
    ['*zorg*', [{ kind: 'infix', text: 'zorg' }]],
    [
      'korte  lijnen',
      [
        { kind: 'stem', text: 'korte' },
        { kind: 'stem', text: 'lijnen' },
      ],
    ],
    [
      'de regie*',
      [
        { kind: 'stem', text: 'de' },
        { kind: 'prefix', text: 'regie' },
      ],
    ],
    [
      "'s avonds",
      [
        { kind: 'stem', text: 's' },
        { kind: 'stem', text: 'avonds' },
      ],
    ],
    [
      'e-mail*',
      [
        { kind: 'stem', text: 'e' },
        { kind: 'prefix', text: 'mail' },
      ],
    ],
  ])('parseTerm(%s)', (term, words) => {
    expect(parseTerm(term)).toEqual({ words });
  });

  test.each([['wi*'], ['*ab'], ['*ab*'], ['a*b'], ['*'], ['**'], [''], ['  '], ['de wi*']])('parseTerm(%s) has a problem', (term) => {
    const parsed = parseTerm(term);
    expect(parsed.problem).toBeTruthy();
    expect(parsed.words).toEqual([]);
  });
});

describe('stems (Dutch)', () => {
  test.each([
    ['samenwerking', 'We gaan samenwerken met de school.', true],
    ['samenwerking', 'Er zijn veel samenwerkingen in de wijk.', true],
    ['samenwerking', 'De samenwerking loopt goed.', true],
    ['samenwerken', 'De samenwerking loopt goed.', true],
    ['wachtlijst', 'De wachtlijsten zijn lang.', true],
    ['wachtlijsten', 'Er is een wachtlijst.', true],
    ['financiele', 'De financiële situatie is zorgelijk.', true],
    ['financiële', 'De financiele situatie is zorgelijk.', true],
    ['Financiële', 'FINANCIËLE PROBLEMEN', true],
    ['rolstoel', 'Twee rolstoelen.', true],
    // a plain term is a word stem, not a prefix: compounds need a wildcard
    ['samenwerking', 'Het samenwerkingsverband is nieuw.', false],
    ['wachtlijst', 'De wachtlijstproblematiek.', false],
    ['team', 'Het wijkteam komt langs.', false],
    ['rol', 'Hij zit in een rolstoel.', false],
  ])('term %s in "%s": %s', (term, text, expected) => {
    expect(matches([term], text)).toBe(expected);
  });

  test('the Dutch stemmer gives these stems (the matching above relies on them)', () => {
    const nl = stemmerFor('nl');
    expect(['samenwerking', 'samenwerken', 'samenwerkingen'].map(nl)).toEqual(['samenwerk', 'samenwerk', 'samenwerk']);
    expect(nl('wachtlijsten')).toBe(nl('wachtlijst'));
    expect(nl('kortere')).not.toBe(nl('korte'));
  });

  test('the matched text is the word as it stands in the segment', () => {
    expect(found(['financiele'], 'De Financiële situatie')).toEqual(['Financiële']);
    expect(found(['samenwerking'], 'Samenwerken en samenwerkingen')).toEqual(['Samenwerken', 'samenwerkingen']);
  });
});

describe('stems (English, language en)', () => {
  test.each([
    ['partnership', 'Two partnerships were formed.', true],
    ['partnerships', 'A partnership.', true],
    ['funding', 'The project was funded by the city.', true],
    ['funding', 'Several funds.', true],
    ['funded', 'Funding stopped.', true],
    ['collaboration', 'They are collaborating.', true],
    ['waiting list', 'Long waiting lists.', true],
    ['partner', 'A partnership.', false],
  ])('term %s in "%s": %s', (term, text, expected) => {
    expect(matches([term], text, 'en')).toBe(expected);
  });

  test('the Dutch stemmer is not used for en', () => {
    expect(stemmerFor('en')('funding')).toBe(stemmerFor('en')('funded'));
    expect(matches(['collaboration'], 'They are collaborating.', 'nl')).toBe(false);
  });

  test('an English codebook is coded with the English stemmer by default', () => {
    const compiled = book({ a: { terms: ['partnership'] } }, 'en');
    expect(ids('Partnerships matter.', compiled)).toEqual(['a']);
  });
});

describe('compounds and wildcards', () => {
  test.each([
    ['wijkteam*', 'De wijkteammedewerker belde.', true],
    ['wijkteam*', 'Alle wijkteams waren er.', true],
    ['wijkteam*', 'Het wijkteam.', true],
    ['wijkteam*', 'Het WijkTeamOverleg.', true],
    ['wijkteam*', 'Een teamwijk bestaat niet.', false],
    ['wijkteam*', 'Het buurtwijkteam.', false],
    ['*subsidie', 'De projectsubsidie stopt.', true],
    ['*subsidie', 'Een subsidie.', true],
    ['*subsidie', 'De projectsubsidies stoppen.', false], // raw ending, not stemmed
    ['*subsidie', 'De subsidieaanvraag.', false],
    ['*zorg*', 'De jeugdzorgaanbieder.', true],
    ['*zorg*', 'Jeugdzorg.', true],
    ['*zorg*', 'Zorgen.', true],
    ['*zorg*', 'Zorg.', true],
    ['*zorg*', 'De zor ging.', false],
    ['*zorg*', 'Een zorgeloze dag.', true],
    ['regie*', 'De regievoerder.', true],
    ['regie*', 'Zelfregie.', false],
  ])('%s in "%s": %s', (term, text, expected) => {
    expect(matches([term], text)).toBe(expected);
  });

  test.each([
    ['wijkteam*', 'De wijkteammedewerker', 'prefix', 'wijkteammedewerker'],
    ['*subsidie', 'een projectsubsidie', 'suffix', 'projectsubsidie'],
    ['*zorg*', 'de jeugdzorgaanbieder', 'infix', 'jeugdzorgaanbieder'],
    ['samenwerking', 'wij samenwerken', 'stem', 'samenwerken'],
  ])('%s gives evidence of kind %s on the whole word', (term, text, kind, word) => {
    const [coding] = code(text, book({ a: { terms: [term] } }));
    expect(coding.evidence).toEqual([{ term, kind, text: word, range: { start: text.indexOf(word), end: text.indexOf(word) + word.length } }]);
  });

  test('an infix found twice in one word gives one piece of evidence', () => {
    const [coding] = code('zorgzorg', book({ a: { terms: ['*zorg*'] } }));
    expect(coding.evidence).toHaveLength(1);
  });

  test('every word that carries a wildcard term is found', () => {
    expect(found(['wijkteam*'], 'wijkteams, wijkteamleden en het wijkteam')).toEqual(['wijkteams', 'wijkteamleden', 'wijkteam']);
  });

  test('a hyphenated wildcard term matches the hyphenated spelling', () => {
    expect(found(['e-mail*'], 'Ik stuur een e-mailtje.')).toEqual(['e-mailtje']);
  });
});

describe('phrases', () => {
  test.each([
    ['korte lijnen', 'We hebben korte lijnen.', true],
    ['korte lijnen', 'KORTE LIJNEN!', true],
    ['korte lijnen', 'Een korte lijn.', true], // stems: kort + lijn
    ['korte lijnen', 'Korte, lijnen.', true], // punctuation between the words is no break
    ['korte lijnen', 'korte\nlijnen', true],
    ['korte lijnen', 'Kortere lijnen.', false], // kortere stems to korter
    ['korte lijnen', 'Korte, heldere lijnen.', false], // words must be consecutive
    ['korte lijnen', 'De lijnen zijn kort.', false], // order matters
    ['korte lijnen', 'Het was korte', false], // phrase cut off at the end
    ['korte lijnen', 'De lijnen.', false],
    ['de regie*', 'De regievoering ligt bij ons.', true],
    ['de regie*', 'Wie heeft de regie?', true],
    ['de regie*', 'Zij nam regie.', false],
    ['de regie*', 'Het regieteam.', false],
    ["'s avonds", "Ook 's avonds bereikbaar.", true],
    ["'s avonds", 'Ook \u2019s avonds bereikbaar.', true],
    ["'s avonds", 'Ook savonds.', false],
    ["'s avonds", 'Het is avonds.', false],
    ['wie doet wat', 'Het is onduidelijk wie wat doet.', false],
    ['wie doet wat', 'Onduidelijk wie doet wat.', true],
  ])('"%s" in "%s": %s', (term, text, expected) => {
    expect(matches([term], text)).toBe(expected);
  });

  test('phrase evidence spans from the first to the last word', () => {
    const text = 'Wij hebben korte, snelle lijnen; echt korte lijnen hier.';
    const [coding] = code(text, book({ a: { terms: ['korte lijnen'] } }));
    const start = text.indexOf('korte lijnen');
    expect(coding.evidence).toEqual([{ term: 'korte lijnen', kind: 'phrase', text: 'korte lijnen', range: { start, end: start + 12 } }]);
  });

  test('phrase evidence includes the punctuation between its words', () => {
    const [coding] = code('Heel korte, lijnen.', book({ a: { terms: ['korte lijnen'] } }));
    expect(coding.evidence.map((e) => [e.text, e.range.start, e.range.end])).toEqual([['korte, lijnen', 5, 18]]);
  });

  test('a phrase ending in a wildcard word spans the whole last word', () => {
    const [coding] = code('Bij ons ligt de regievoering.', book({ a: { terms: ['de regie*'] } }));
    expect(coding.evidence.map((e) => [e.kind, e.text])).toEqual([['phrase', 'de regievoering']]);
  });

  test('a phrase is found each time it occurs, also overlapping itself', () => {
    expect(found(['ja ja'], 'ja ja ja')).toEqual(['ja ja', 'ja ja']);
  });

  test('a word that starts many phrases finds each that goes on there, in the order the lexicon files them', () => {
    // niet starts phrases of stem words, of a wildcard word, and is a term of its own.
    const terms = ['niet weten', 'niet*', 'niet kunnen', 'niet meer*', 'niet goed', 'niet', 'niet weet'];
    const lexicon = new Lexicon('nl', [{ code: 0, terms, not: [] }]);
    const text = 'Ik zou het niet weten, niet meerdere keren, niet goed. Niet kunnen, niet';
    const hits = lexicon.findAll(lexicon.scan(text));
    const run = lexicon.scan(text); // the same words again, for their offsets
    const shown = hits.map((h) => `${h.entry.term}@${h.first}-${h.last}`);
    const at = (word: string, from = 0) => {
      for (let i = from; i < run.count; i++) if (text.slice(run.starts[i], run.ends[i]).toLowerCase() === word) return i;
      return -1;
    };
    const n = [at('niet')];
    while (n.length < 5) n.push(at('niet', n[n.length - 1] + 1));
    // Terms whose first word is a stem, in the codebook's order, then the prefix niet*.
    expect(shown).toEqual([
      ...[`niet weten@${n[0]}-${n[0] + 1}`, `niet@${n[0]}-${n[0]}`, `niet weet@${n[0]}-${n[0] + 1}`, `niet*@${n[0]}-${n[0]}`],
      ...[`niet meer*@${n[1]}-${n[1] + 1}`, `niet@${n[1]}-${n[1]}`, `niet*@${n[1]}-${n[1]}`],
      ...[`niet goed@${n[2]}-${n[2] + 1}`, `niet@${n[2]}-${n[2]}`, `niet*@${n[2]}-${n[2]}`],
      ...[`niet kunnen@${n[3]}-${n[3] + 1}`, `niet@${n[3]}-${n[3]}`, `niet*@${n[3]}-${n[3]}`],
      ...[`niet@${n[4]}-${n[4]}`, `niet*@${n[4]}-${n[4]}`],
    ]);
  });
});

describe('vetoes', () => {
  const compiled = book({ roles: { terms: ['rol'], not: ['rolstoel', 'rollenspel*'] }, other: { terms: ['rol'] } });

  test('a `not` word stops the code in a segment that has it', () => {
    expect(ids('Zijn rol was onduidelijk; hij zit in een rolstoel.', compiled)).toEqual(['other']);
  });

  test('the code applies in a segment without the veto word', () => {
    expect(ids('Zijn rol was onduidelijk.', compiled)).toEqual(['roles', 'other']);
  });

  test('the veto works before or after the match and on inflections', () => {
    expect(ids('Rolstoelen, en toen zijn rol.', compiled)).toEqual(['other']);
  });

  test('a wildcard veto', () => {
    expect(ids('Het rollenspeldeel ging over je rol.', compiled)).toEqual(['other']);
  });

  test('a veto of one code does not affect another code', () => {
    const two = book({ a: { terms: ['wachtlijst'], not: ['rolstoel'] }, b: { terms: ['rolstoel'] } });
    expect(ids('Een wachtlijst voor een rolstoel.', two)).toEqual(['b']);
  });

  test('a phrase veto', () => {
    const c = book({ a: { terms: ['rol'], not: ['een rol spelen'] } });
    expect(ids('Dat kan een rol spelen.', c)).toEqual([]);
    expect(ids('Dat is mijn rol.', c)).toEqual(['a']);
  });

  test('vetoes are per language too', () => {
    const c = book({ a: { terms: ['rol', 'role'], not: { en: ['wheelchair'] } } });
    expect(ids('rol en wheelchair', c, 'nl')).toEqual(['a']);
    expect(ids('role and wheelchair', c, 'en')).toEqual([]);
  });
});

describe('patterns', () => {
  test('a pattern finds "we appen even", with kind pattern and the right range', () => {
    const text = 'Dan we appen even.';
    const [coding] = code(text, book({ a: { patterns: ['/\\bappen?\\b/i'] } }));
    expect(coding.evidence).toEqual([{ term: '/\\bappen?\\b/i', kind: 'pattern', text: 'appen', range: { start: 7, end: 12 } }]);
  });

  test.each([
    ['We appen even', true],
    ['Wij APPEN', true],
    ['Stuur een app', false], // appen? needs at least "appe"
    ['Ik appe je', true],
    ['Het apparaat', false],
    ['whatsappen', false],
  ])('/\\bappen?\\b/i in "%s": %s', (text, expected) => {
    expect(ids(text, book({ a: { patterns: ['/\\bappen?\\b/i'] } }))).toEqual(expected ? ['a'] : []);
  });

  test('zero-length matches are ignored', () => {
    const c = book({ a: { patterns: ['/x*/'] } });
    expect(ids('abc', c)).toEqual([]);
    const [coding] = code('axxbx', c);
    expect(coding.evidence.map((e) => [e.text, e.range.start, e.range.end])).toEqual([
      ['xx', 1, 3],
      ['x', 4, 5],
    ]);
  });

  test('a pattern without flags is case-sensitive, a bare pattern is not', () => {
    expect(ids('de regie', book({ a: { patterns: ['/Regie/'] } }))).toEqual([]);
    expect(ids('de Regie', book({ a: { patterns: ['/Regie/'] } }))).toEqual(['a']);
    expect(ids('de regie', book({ a: { patterns: ['Regie'] } }))).toEqual(['a']);
  });

  test('coding the same segment twice gives the same result (global regexps are reset)', () => {
    const c = book({ a: { patterns: ['/\\bapp\\b/i'], minHits: 2 } });
    const first = code('app app', c);
    const second = code('app app', c);
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
  });

  test('a refused pattern is skipped; the rest of the code still works', () => {
    const { codebook, diagnostics } = parseCodebook('t.yaml', yamlOf({ a: { terms: ['regie'], patterns: ['/(a+)+b/'] } }));
    expect(diagnostics.map((d) => d.rule)).toEqual(['codebook/pattern']);
    const c = compileCodebook(codebook!);
    expect(c.matcher().patterns).toEqual([]);
    expect(ids('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac regie', c)).toEqual(['a']);
  });

  test('patterns per language', () => {
    const c = book({ a: { patterns: { en: ['/\\btext(ed)?\\b/i'] } } });
    expect(ids('we texted', c, 'en')).toEqual(['a']);
    expect(ids('we texted', c, 'nl')).toEqual([]);
  });
});

describe('minHits', () => {
  const two = (terms: string[], patterns: string[] = []) => book({ a: { terms, patterns, minHits: 2 } });

  test('minHits 2 requires two separate matches', () => {
    expect(ids('Er is een wachtlijst.', two(['wachtlijst']))).toEqual([]);
    expect(ids('Een wachtlijst, en nog een wachtlijst.', two(['wachtlijst']))).toEqual(['a']);
    expect(ids('wachtlijst wachtlijsten', two(['wachtlijst']))).toEqual(['a']);
  });

  test('matches of different terms add up', () => {
    expect(ids('De wachtlijst en de werkdruk.', two(['wachtlijst', 'werkdruk']))).toEqual(['a']);
  });

  test('a phrase and a word inside it count once', () => {
    const c = two(['korte lijnen', 'lijnen']);
    const [coding] = code('korte lijnen en lijnen', c);
    expect(coding.evidence.map((e) => e.text)).toEqual(['korte lijnen', 'lijnen', 'lijnen']);
    expect(ids('We hebben korte lijnen.', c)).toEqual([]);
  });

  test('two terms on the same word count once', () => {
    expect(ids('De wijkteams.', two(['wijkteam*', 'wijkteams']))).toEqual([]);
    expect(ids('De wijkteams en het wijkteam.', two(['wijkteam*', 'wijkteams']))).toEqual(['a']);
  });

  test('a term and a pattern on the same text count once', () => {
    expect(ids('We app.', two(['app'], ['/\\bapp\\b/i']))).toEqual([]);
  });

  test('adjacent matches are separate', () => {
    expect(ids('lijnen lijnen', two(['lijnen']))).toEqual(['a']);
  });

  test('a coding keeps all its evidence, overlapping or not', () => {
    const [coding] = code('korte lijnen', book({ a: { terms: ['korte lijnen', 'lijnen', 'korte'] } }));
    expect(coding.evidence.map((e) => [e.term, e.text])).toEqual([
      ['korte', 'korte'],
      ['korte lijnen', 'korte lijnen'],
      ['lijnen', 'lijnen'],
    ]);
  });
});

describe('evidence and codings', () => {
  const NESTED = `name: Nested
language: nl
codes:
  - id: zeta
    terms: [werkdruk]
    children:
      - id: zeta.child
        children:
          - id: zeta.child.leaf
            terms: [Wijkteam*]
  - id: alpha
    terms: ["korte lijnen", "*subsidie"]
    patterns: ['/\\bappen?\\b/i']
`;
  const compiled = compile(NESTED);

  test('evidence carries the term as written, the kind, the text and the absolute range', () => {
    const text = 'Het Wijkteams-overleg: korte lijnen, en we appen over de projectsubsidie.';
    const start = 100;
    const codings = code(text, compiled, undefined, start);
    const at = (s: string) => ({ start: start + text.indexOf(s), end: start + text.indexOf(s) + s.length });
    expect(codings).toEqual([
      {
        documentId: 'doc-1',
        segment: 1,
        code: 'zeta.child.leaf',
        cluster: 'zeta',
        source: 'auto',
        coder: 'qda',
        hits: 1,
        evidence: [{ term: 'Wijkteam*', kind: 'prefix', text: 'Wijkteams', range: at('Wijkteams') }],
      },
      {
        documentId: 'doc-1',
        segment: 1,
        code: 'alpha',
        cluster: 'alpha',
        source: 'auto',
        coder: 'qda',
        hits: 3,
        evidence: [
          { term: 'korte lijnen', kind: 'phrase', text: 'korte lijnen', range: at('korte lijnen') },
          { term: '/\\bappen?\\b/i', kind: 'pattern', text: 'appen', range: at('appen') },
          { term: '*subsidie', kind: 'suffix', text: 'projectsubsidie', range: at('projectsubsidie') },
        ],
      },
    ]);
  });

  test('the evidence range points at the evidence text in the file', () => {
    const prefix = 'x'.repeat(37) + '\n';
    const body = 'Eerst de werkdruk, dan korte lijnen.';
    const file = prefix + body;
    for (const coding of code(body, compiled, undefined, prefix.length)) {
      for (const e of coding.evidence) expect(file.slice(e.range.start, e.range.end)).toBe(e.text);
    }
  });

  test('codings are in codebook order, not text order', () => {
    expect(ids('korte lijnen en toen de werkdruk', compiled)).toEqual(['zeta', 'alpha']);
  });

  test('the cluster is the top-level ancestor; a child match does not code its parent', () => {
    const codings = code('het wijkteam', compiled);
    expect(codings.map((c) => [c.code, c.cluster])).toEqual([['zeta.child.leaf', 'zeta']]);
  });

  test('the segment ordinal and document id are copied', () => {
    const s = { ...segment('werkdruk'), documentId: 'interview-7', ordinal: 12 };
    expect(autoCode(s, compiled).map((c) => [c.documentId, c.segment])).toEqual([['interview-7', 12]]);
  });

  test('evidence within a coding is in text order', () => {
    const [coding] = code('de projectsubsidie, korte lijnen', compiled).filter((c) => c.code === 'alpha');
    expect(coding.evidence.map((e) => e.text)).toEqual(['projectsubsidie', 'korte lijnen']);
  });

  test('an empty segment gets no codings', () => {
    expect(code('', compiled)).toEqual([]);
  });
});

describe('languages', () => {
  const compiled = book({
    a: { terms: { nl: ['wachtlijst'], en: ['waiting list'] } },
    b: { terms: ['AVG'] },
  });

  test('per-language terms select by language', () => {
    expect(ids('Er is een wachtlijst.', compiled)).toEqual(['a']);
    expect(ids('Er is een wachtlijst.', compiled, 'nl')).toEqual(['a']);
    expect(ids('Er is een wachtlijst.', compiled, 'en')).toEqual([]);
    expect(ids('There is a waiting list.', compiled, 'en')).toEqual(['a']);
    expect(ids('There is a waiting list.', compiled, 'nl')).toEqual([]);
  });

  test('a plain list applies to every language', () => {
    expect(ids('De AVG.', compiled, 'nl')).toEqual(['b']);
    expect(ids('The AVG.', compiled, 'en')).toEqual(['b']);
  });

  test('the stemmer follows the language asked for, not the codebook language', () => {
    const c = book({ a: { terms: ['funding'] } }, 'nl');
    expect(ids('It was funded.', c, 'en')).toEqual(['a']);
    expect(ids('It was funded.', c, 'nl')).toEqual([]);
  });

  test('a language without a stemmer matches folded words exactly', () => {
    const c = book({ a: { terms: ['wachtlijst'] } });
    expect(ids('Une wachtlijst.', c, 'fr')).toEqual(['a']);
    expect(ids('Des wachtlijsten.', c, 'fr')).toEqual([]);
  });
});

describe('a segment with very many matches', () => {
  test('counts every match in hits but reports the first 20 as evidence', () => {
    const compiled = compile('name: t\ncodes:\n  - id: a\n    terms: [wachtlijst]\n');
    const text = Array.from({ length: 5000 }, () => 'de wachtlijst').join(' ');
    const [coding] = code(text, compiled);
    expect(coding.hits).toBe(5000);
    expect(coding.evidence).toHaveLength(20);
    expect(coding.evidence[19].range.start).toBe(text.indexOf('wachtlijst') + 19 * 'de wachtlijst '.length);
  });
});

describe('a lexicon sharing its word table with the survey', () => {
  test('forgets what it knew per word id once the survey has cleared the table', () => {
    const table = new WordTable(3);
    const lexicon = new Lexicon('nl', [{ code: 0, terms: ['wijkteam'], not: [] }], [], [], table);
    const found = (text: string) => lexicon.findAll(lexicon.scan(text)).map((h) => h.entry.term);
    expect(found('wijkteam')).toEqual(['wijkteam']); // wijkteam is word 0
    const counter = new FrequencyCounter(stemmerFor('nl'), table);
    counter.add('een twee drie'); // the table is full
    counter.add('buurt'); // cleared first: buurt is word 0 now
    expect(found('buurt')).toEqual([]);
    expect(found('het wijkteam')).toEqual(['wijkteam']);
  });

  test('takes the words the survey kept for a segment, and codes it as a new scan would', () => {
    const table = new WordTable();
    const lexicon = new Lexicon('nl', [{ code: 0, terms: ['wijkteam', 'korte lijnen'], not: [] }], [], [], table);
    const counter = new FrequencyCounter(stemmerFor('nl'), table);
    const segment = { text: 'Het wijkteam werkt met korte lijnen.' };
    counter.add(segment.text, segment);
    const kept = lexicon.findAll(lexicon.scan(segment.text, segment));
    const again = lexicon.findAll(lexicon.scan(segment.text));
    expect(kept).toEqual(again);
    expect(kept.map((h) => h.entry.term)).toEqual(['wijkteam', 'korte lijnen']);
  });
});
