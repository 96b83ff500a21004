import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileCodebook } from '../../src/codebook/compile.js';
import { parseCodebook } from '../../src/codebook/load.js';
import { forLanguage, localise } from '../../src/codebook/types.js';
import { autoCode } from '../../src/coding/auto-code.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Segment } from '../../src/ingest/document.js';

const PATH = 'codebooks/test.yaml';

/** Diagnostics as `line:column rule`, in report order. */
function where(text: string): string[] {
  return parseCodebook(PATH, text).diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`);
}

function diagnostics(text: string): Diagnostic[] {
  return parseCodebook(PATH, text).diagnostics;
}

function errors(text: string): Diagnostic[] {
  return diagnostics(text).filter((d) => d.severity === 'error');
}

/** A codebook with one code whose body lines are given (indented under `- id: a`). */
function oneCode(...body: string[]): string {
  return ['name: T', 'language: nl', 'codes:', '  - id: a', ...body.map((l) => `    ${l}`), ''].join('\n');
}

const GOOD = `name: Test book
language: nl
description: { nl: Een boek, en: A book }
source: somewhere
version: 2
codes:
  - id: organisation
    label: { nl: Organisatie, en: Organisation }
    color: "#4E79A7"
    children:
      - id: organisation.roles
        label: { nl: Rollen, en: Roles }
        description: Who does what.
        include: Taking the lead.
        exclude: Job titles.
        examples: ["Niemand nam de regie."]
        terms: [rol, taakverdeling, regie*, "wie doet wat"]
        patterns: ['/\\bregiehouder(s)?\\b/i']
        not: [rolstoel, rollenspel]
        minHits: 2
        color: "#abc"
        children:
          - id: organisation.roles.lead
            terms: { nl: [leiding], en: [lead] }
  - id: institutional
    label: Institutioneel
    terms: [beleid]
`;

describe('a correct codebook', () => {
  const { codebook, diagnostics } = parseCodebook(PATH, GOOD);

  test('gives no diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(codebook).toBeDefined();
  });

  test('reads the book fields', () => {
    expect(codebook!.name).toBe('Test book');
    expect(codebook!.language).toBe('nl');
    expect(codebook!.path).toBe(PATH);
    expect(codebook!.description).toEqual({ nl: 'Een boek', en: 'A book' });
    expect(codebook!.source).toBe('somewhere');
  });

  test('lists codes parents first, in file order, with parent, cluster, depth and line', () => {
    expect(codebook!.codes.map((c) => [c.id, c.parent, c.cluster, c.depth, c.line])).toEqual([
      ['organisation', undefined, 'organisation', 0, 7],
      ['organisation.roles', 'organisation', 'organisation', 1, 11],
      ['organisation.roles.lead', 'organisation.roles', 'organisation', 2, 23],
      ['institutional', undefined, 'institutional', 0, 25],
    ]);
  });

  test('reads the fields of a code', () => {
    const roles = codebook!.codes[1];
    expect(roles.label).toEqual({ nl: 'Rollen', en: 'Roles' });
    expect(roles.description).toEqual({ '*': 'Who does what.' });
    expect(roles.include).toEqual({ '*': 'Taking the lead.' });
    expect(roles.exclude).toEqual({ '*': 'Job titles.' });
    expect(roles.examples).toEqual(['Niemand nam de regie.']);
    expect(roles.terms).toEqual({ '*': ['rol', 'taakverdeling', 'regie*', 'wie doet wat'] });
    expect(roles.patterns).toEqual({ '*': ['/\\bregiehouder(s)?\\b/i'] });
    expect(roles.not).toEqual({ '*': ['rolstoel', 'rollenspel'] });
    expect(roles.minHits).toBe(2);
    expect(roles.color).toBe('#abc');
  });

  test('colours are lower-cased, minHits defaults to 1, a missing label falls back to the id', () => {
    const [organisation, , lead, institutional] = codebook!.codes;
    expect(organisation.color).toBe('#4e79a7');
    expect(organisation.minHits).toBe(1);
    expect(lead.label).toEqual({ '*': 'organisation.roles.lead' });
    expect(lead.terms).toEqual({ nl: ['leiding'], en: ['lead'] });
    expect(institutional.label).toEqual({ '*': 'Institutioneel' });
    expect(localise(institutional.label, 'en', 'nl')).toBe('Institutioneel');
    expect(localise(organisation.label, 'en', 'nl')).toBe('Organisation');
  });

  test('a byte order mark is ignored', () => {
    expect(parseCodebook(PATH, '\uFEFF' + GOOD).diagnostics).toEqual([]);
  });

  test('without a name the file name is used; without a language nl', () => {
    const { codebook: cb, diagnostics: d } = parseCodebook('dir/mine.yaml', 'codes:\n  - id: a\n    terms: [x]\n');
    expect(d).toEqual([]);
    expect(cb!.name).toBe('mine');
    expect(cb!.language).toBe('nl');
  });
});

describe('unknown keys', () => {
  test.each([
    ['exclued', 'exclude'],
    ['termz', 'terms'],
    ['lable', 'label'],
    ['pattern', 'patterns'],
    ['minhits', 'minHits'],
    ['exampels', 'examples'],
  ])('code key %s suggests %s', (key, guess) => {
    const d = errors(oneCode('terms: [x]', `${key}: y`));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['6:5 codebook/unknown-key']);
    expect(d[0].message).toBe(`unknown code key "${key}"; did you mean "${guess}"?`);
    expect(d[0].hint).toContain('known keys: id, label');
  });

  test('a key far from every known key gets no suggestion', () => {
    const d = errors(oneCode('terms: [x]', 'xyzzy: 1'));
    expect(d).toHaveLength(1);
    expect(d[0].message).toBe('unknown code key "xyzzy"');
  });

  test('an unknown book key is reported at its position', () => {
    const text = 'name: T\nlanguag: nl\ncodes:\n  - id: a\n    terms: [x]\n';
    expect(where(text)).toEqual(['2:1 codebook/unknown-key']);
    expect(diagnostics(text)[0].message).toBe('unknown codebook key "languag"; did you mean "language"?');
  });

  test('unknown keys are found in nested children too', () => {
    const text = oneCode('children:', '  - id: a.b', '    terms: [x]', '    exclued: y');
    expect(where(text)).toEqual(['8:9 codebook/unknown-key']);
  });
});

describe('ids', () => {
  test('a duplicate id is reported at the second occurrence, naming the first line', () => {
    const text = 'name: T\ncodes:\n  - id: a\n    terms: [x]\n  - id: b\n    terms: [y]\n  - id: a\n    terms: [z]\n';
    const d = diagnostics(text);
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['7:9 codebook/duplicate-id']);
    expect(d[0].message).toBe('duplicate code id "a" (first defined on line 3)');
    // The duplicate is not added as a second code.
    expect(parseCodebook(PATH, text).codebook!.codes.map((c) => c.id)).toEqual(['a', 'b']);
  });

  test('a duplicate among children is found too', () => {
    const text = oneCode('children:', '  - id: a', '    terms: [x]');
    expect(where(text)).toEqual(['6:13 codebook/duplicate-id']);
    expect(diagnostics(text)[0].message).toContain('first defined on line 4');
  });

  test.each([['../etc'], ['a/../b'], ['a..b'], ['.a'], ['a.'], ['a b'], ['héllo'], ['x'.repeat(300)], ['x'.repeat(101)]])(
    'id %s is refused',
    (id) => {
      const text = `name: T\ncodes:\n  - id: "${id}"\n    terms: [x]\n`;
      const d = errors(text);
      expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['3:9 codebook/id']);
      expect(d[0].message).toBe(`code id "${id.slice(0, 60)}" is not allowed`);
      expect(parseCodebook(PATH, text).codebook!.codes).toEqual([]);
    },
  );

  test.each([['a'], ['a.b_c-d.E9'], ['x'.repeat(100)]])('id %s is allowed', (id) => {
    expect(diagnostics(`name: T\ncodes:\n  - id: "${id}"\n    terms: [x]\n`)).toEqual([]);
  });

  test('a code without id is refused', () => {
    const text = 'name: T\ncodes:\n  - label: A\n    terms: [x]\n';
    expect(where(text)).toEqual(['3:5 codebook/id']);
    expect(diagnostics(text)[0].message).toBe('code without `id`');
  });

  test('a code that is no mapping is refused', () => {
    expect(where('name: T\ncodes:\n  - just text\n')).toEqual(['3:5 codebook/code']);
  });
});

describe('empty codes', () => {
  test('a code without terms, patterns or children gets a warning', () => {
    const d = diagnostics(oneCode('label: A', 'not: [x]'));
    expect(d.map((x) => `${x.line}:${x.column} ${x.severity} ${x.rule}`)).toEqual(['4:9 warning codebook/empty-code']);
    expect(d[0].message).toBe('code "a" has no terms, patterns or children, so only people can apply it');
  });

  test.each([
    ['terms', ['terms: [x]']],
    ['patterns', ["patterns: ['/x/']"]],
    ['terms of another language', ['terms: { en: [x] }']],
    ['children', ['children:', '  - id: a.b', '    terms: [x]']],
  ])('a code with %s is not empty', (_what, body) => {
    expect(diagnostics(oneCode(...body))).toEqual([]);
  });

  test('an empty terms list still counts as empty', () => {
    expect(where(oneCode('terms: []'))).toEqual(['4:9 codebook/empty-code']);
  });
});

describe('terms', () => {
  test.each([
    ['wi*', '"wi" is too short for a wildcard (at least 3 letters)'],
    ['"*ab"', '"ab" is too short for a wildcard'],
    ['"*zo*"', '"zo" is too short for a wildcard'],
    ['a*b', 'a * may stand only at the start or end of a word'],
    ['"*"', 'no letters or digits to match'],
    ['"-*"', 'no letters or digits to match'],
    ['"de wi*"', '"wi" is too short'],
  ])('term %s is refused at load', (term, message) => {
    const d = errors(oneCode(`terms: [${term}]`));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['5:13 codebook/term']);
    expect(d[0].message).toContain(message);
    expect(d[0].message).toMatch(/^terms entry "/);
  });

  test.each([['wijkteam*'], ['"*subsidie"'], ['"*zorg*"'], ['"de regie*"'], ['"\'s avonds"'], ['e-mail*']])('term %s is accepted', (term) => {
    expect(diagnostics(oneCode(`terms: [${term}]`))).toEqual([]);
  });

  test('a bad `not` entry is refused too', () => {
    const d = errors(oneCode('terms: [x]', 'not: [ro*]'));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['6:11 codebook/term']);
    expect(d[0].message).toMatch(/^not entry "ro\*"/);
  });

  test('bad entries in per-language lists are found', () => {
    expect(where(oneCode('terms:', '  nl: [goed]', '  en: [ok, "*ab"]'))).toEqual(['7:16 codebook/term']);
  });

  test('an unquoted *subsidie is read as a YAML alias and reported with a quoting hint', () => {
    const d = errors(oneCode('terms: [regie, *subsidie]'));
    const alias = d.find((x) => x.rule === 'codebook/list');
    expect(alias).toBeDefined();
    expect(`${alias!.line}:${alias!.column}`).toBe('5:20');
    expect(alias!.message).toBe('entry *subsidie in `terms` is read as a YAML alias');
    expect(alias!.hint).toBe('quote it: "*subsidie"');
    // the alias never becomes a term
    expect(parseCodebook(PATH, oneCode('terms: [regie, *subsidie]')).codebook!.codes[0].terms).toEqual({ '*': ['regie'] });
  });

  // Regression: the alias was also reported as an empty term the user never wrote.
  test('an unquoted *subsidie is reported once, not also as an empty term', () => {
    const d = errors(oneCode('terms: [regie, *subsidie]'));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['5:20 codebook/list']);
  });

  test('an alias in a block list is reported at its line', () => {
    const text = oneCode('terms:', '  - regie', '  - *subsidie');
    const alias = errors(text).find((x) => x.rule === 'codebook/list');
    expect(`${alias!.line}:${alias!.column}`).toBe('7:9');
  });

  test('empty and non-text list entries are refused', () => {
    expect(where(oneCode('terms: [x, "", [y]]')).filter((w) => w.endsWith('codebook/list'))).toEqual(['5:16 codebook/list', '5:20 codebook/list']);
  });

  test('terms that are neither a list nor per-language lists are refused', () => {
    const d = errors(oneCode('terms: regie'));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['5:12 codebook/list']);
    expect(d[0].message).toContain('{ nl: [...], en: [...] }');
  });

  test('examples must be a list', () => {
    expect(where(oneCode('terms: [x]', 'examples: one example'))).toEqual(['6:15 codebook/list']);
  });
});

describe('patterns', () => {
  test.each([
    ["'/(a+)+/'", 'nested quantifier'],
    ["'/(\\w+\\s?)*/'", 'nested quantifier'],
    ["'/(a|ab)*/'", 'repeated alternatives'],
    ["'/(a+)\\1/'", 'backreferences'],
    ["'/(/'", 'Unterminated group'],
    ["'/x[/'", 'Unterminated character class'],
    ["'/regie/g'", 'flags "g" are not allowed'],
    ["'/regie/x'", 'flags "x" are not allowed'],
  ])('pattern %s is refused: %s', (pattern, reason) => {
    const d = errors(oneCode(`patterns: [${pattern}]`));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['5:16 codebook/pattern']);
    expect(d[0].message).toMatch(/^pattern .* refused: /);
    expect(d[0].message).toContain(reason);
    expect(d[0].hint).toBeTruthy();
  });

  test.each([["'/\\b(?:wijk|buurt)teams?\\b/i'"], ["'/(?:\\w+\\s+){0,3}bereikbaar/'"], ["'/\\bregiehouder(s)?\\b/i'"]])(
    'pattern %s loads',
    (pattern) => {
      expect(diagnostics(oneCode(`patterns: [${pattern}]`))).toEqual([]);
    },
  );

  // Regression: the ? of (?: was read as a quantifier.
  test("pattern '/\\b(?:ha)+\\b/i' (no nested quantifier) loads", () => {
    expect(diagnostics(oneCode("patterns: ['/\\b(?:ha)+\\b/i']"))).toEqual([]);
  });

  // Regression: O(n^10) backtracking was let through.
  test("pattern '/(\\w+\\s?){10}!/' (hangs on a long word) is refused", () => {
    expect(errors(oneCode("patterns: ['/(\\w+\\s?){10}!/']")).map((x) => x.rule)).toEqual(['codebook/pattern']);
  });

  test('a refused pattern in a block list is reported on its own line', () => {
    expect(where(oneCode('patterns:', "  - '/ok/'", "  - '/(a+)+/'"))).toEqual(['7:9 codebook/pattern']);
  });
});

describe('minHits', () => {
  test.each([['0'], ['101'], ['1.5'], ['"2"'], ['-1'], ['two']])('minHits %s is refused', (value) => {
    const d = errors(oneCode('terms: [x]', `minHits: ${value}`));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['6:14 codebook/min-hits']);
    expect(d[0].message).toBe('`minHits` must be a whole number from 1 to 100');
  });

  test.each([
    ['1', 1],
    ['3', 3],
    ['100', 100],
  ])('minHits %s is read', (value, expected) => {
    const r = parseCodebook(PATH, oneCode('terms: [x]', `minHits: ${value}`));
    expect(r.diagnostics).toEqual([]);
    expect(r.codebook!.codes[0].minHits).toBe(expected);
  });
});

describe('languages', () => {
  test('an unsupported codebook language is refused and nl is used', () => {
    const r = parseCodebook(PATH, 'name: T\nlanguage: fr\ncodes:\n  - id: a\n    terms: [x]\n');
    expect(r.diagnostics.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['2:11 codebook/language']);
    expect(r.diagnostics[0].message).toBe('language "fr" is not supported');
    expect(r.diagnostics[0].hint).toBe('use one of: nl, en');
    expect(r.codebook!.language).toBe('nl');
  });

  test('language en is read', () => {
    expect(parseCodebook(PATH, 'name: T\nlanguage: en\ncodes:\n  - id: a\n    terms: [x]\n').codebook!.language).toBe('en');
  });

  test('an unknown language in per-language terms is refused with a suggestion, the others are kept', () => {
    const r = parseCodebook(PATH, oneCode('terms:', '  nl: [goed]', '  enn: [good]'));
    expect(r.diagnostics.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['7:7 codebook/language']);
    expect(r.diagnostics[0].message).toBe('`terms` has unknown language "enn"; did you mean "en"?');
    expect(r.codebook!.codes[0].terms).toEqual({ nl: ['goed'] });
  });

  test('per-language lists select by language, a plain list applies to all', () => {
    const r = parseCodebook(PATH, oneCode('terms: { nl: [goed], en: [good] }', 'not: [x]'));
    const code = r.codebook!.codes[0];
    expect(forLanguage(code.terms, 'nl')).toEqual(['goed']);
    expect(forLanguage(code.terms, 'en')).toEqual(['good']);
    expect(forLanguage(code.not, 'en')).toEqual(['x']);
    expect(forLanguage(code.not, 'nl')).toEqual(['x']);
  });
});

describe('other values', () => {
  test.each([['red'], ['"#12345"'], ['"#ggg"']])('colour %s is refused', (value) => {
    expect(where(oneCode('terms: [x]', `color: ${value}`))).toEqual(['6:12 codebook/color']);
  });

  test('a label that is not text is refused', () => {
    expect(where(oneCode('terms: [x]', 'label: [a, b]'))).toEqual(['6:12 codebook/text']);
    expect(where(oneCode('terms: [x]', 'label: { nl: [a] }'))).toEqual(['6:18 codebook/text']);
  });

  test('children must be a list', () => {
    expect(where(oneCode('terms: [x]', 'children: x'))).toEqual(['6:15 codebook/children']);
  });

  test('a document that is no mapping is refused', () => {
    const r = parseCodebook(PATH, '- id: a\n');
    expect(r.codebook).toBeUndefined();
    expect(r.diagnostics.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['1:1 codebook/shape']);
  });

  test('codes must be a list', () => {
    expect(where('name: T\ncodes: nothing\n')).toEqual(['2:8 codebook/codes']);
    expect(where('name: T\n').map((w) => w.split(' ')[1])).toEqual(['codebook/codes']);
  });
});

describe('broken YAML', () => {
  test('a tab used as indentation gives line and column', () => {
    const d = diagnostics('name: T\ncodes:\n  - id: a\n\tterms: [x]\n');
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['4:1 codebook/yaml']);
    expect(d[0].message).toMatch(/^not valid YAML: .*[Tt]ab/);
    expect(d[0].message).not.toMatch(/at line \d+/);
    expect(d[0].hint).toBe('indent YAML with spaces, not tabs');
    expect(parseCodebook(PATH, 'name: T\ncodes:\n  - id: a\n\tterms: [x]\n').codebook).toBeUndefined();
  });

  test('an unclosed flow list gives a position', () => {
    const d = diagnostics('name: T\ncodes:\n  - id: a\n    terms: [x\n');
    expect(d.length).toBeGreaterThan(0);
    expect(d.every((x) => x.rule === 'codebook/yaml' && x.severity === 'error')).toBe(true);
    expect(d[0].line).toBeGreaterThanOrEqual(4);
    expect(d[0].column).toBeGreaterThanOrEqual(1);
  });

  test('a duplicate key gives its line and column', () => {
    const d = diagnostics(oneCode('terms: [x]', 'terms: [y]'));
    expect(d.map((x) => `${x.line}:${x.column} ${x.rule}`)).toEqual(['6:5 codebook/yaml']);
    expect(d[0].hint).toMatch(/once/);
  });

  test('a colon in an unquoted value is reported', () => {
    const d = diagnostics('name: T\ncodes:\n  - id: a\n    description: note: this\n    terms: [x]\n');
    expect(d.map((x) => `${x.line} ${x.rule}`)).toContain('4 codebook/yaml');
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped codebook

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HALL_PATH = `${ROOT}codebooks/hall.yaml`;

/** Rows of the code table the codebook must follow (tests/fixtures/codebook/hall-codes.md). */
function hallTable(): { id: string; nl: string; en: string; clusterOnly: boolean }[] {
  const md = readFileSync(`${ROOT}tests/fixtures/codebook/hall-codes.md`, 'utf8');
  const rows: { id: string; nl: string; en: string; clusterOnly: boolean }[] = [];
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || cells[1] === 'id' || !/^[a-z]+(\.[a-z]+)*$/.test(cells[1])) continue;
    rows.push({ id: cells[1], nl: cells[2], en: cells[3], clusterOnly: cells[4] === 'cluster' });
  }
  return rows;
}

function segment(text: string): Segment {
  return { documentId: 'doc', ordinal: 1, section: [], range: { start: 0, end: text.length }, lines: { start: 1, end: 1 }, text, paragraphs: [] };
}

describe('codebooks/hall.yaml', () => {
  const load = () => parseCodebook(HALL_PATH, readFileSync(HALL_PATH, 'utf8'));

  test('the HALL table is read', () => {
    const table = hallTable();
    expect(table.length).toBe(20);
    expect(table.filter((r) => r.clusterOnly).map((r) => r.id)).toEqual(['personal', 'institutional', 'organisation']);
  });

  test('loads without errors', () => {
    const { codebook, diagnostics } = load();
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([]);
    expect(codebook).toBeDefined();
    expect(codebook!.language).toBe('nl');
  });

  test('has every code of the HALL table, with the right cluster', () => {
    const { codebook } = load();
    const byId = new Map(codebook!.codes.map((c) => [c.id, c]));
    const missing = hallTable()
      .filter((r) => !byId.has(r.id))
      .map((r) => r.id);
    expect(missing).toEqual([]);
    for (const { id } of hallTable()) expect(byId.get(id)!.cluster, id).toBe(id.split('.')[0]);
  });

  test('has no code beyond the table, in the table\u2019s order, with its Dutch and English labels', () => {
    const { codebook } = load();
    const labels = (c: { id: string; label: Record<string, string> }) => `${c.id} | ${c.label.nl} | ${c.label.en}`;
    expect(codebook!.codes.map(labels)).toEqual(hallTable().map((r) => `${r.id} | ${r.nl} | ${r.en}`));
  });

  test('each non-cluster code has labels, texts, examples and Dutch terms', () => {
    const { codebook } = load();
    const byId = new Map(codebook!.codes.map((c) => [c.id, c]));
    const problems: string[] = [];
    for (const { id, clusterOnly } of hallTable()) {
      const code = byId.get(id);
      if (!code || clusterOnly) continue;
      if (!code.label.nl?.trim() || !code.label.en?.trim()) problems.push(`${id}: label needs nl and en`);
      for (const key of ['description', 'include', 'exclude'] as const)
        if (!code[key] || Object.values(code[key]!).every((v) => !v.trim())) problems.push(`${id}: no ${key}`);
      if (code.examples.length < 2) problems.push(`${id}: ${code.examples.length} examples`);
      if (forLanguage(code.terms, 'nl').length === 0) problems.push(`${id}: no nl terms`);
    }
    expect(problems).toEqual([]);
  });

  test('the examples of a code are mostly coded with that code\u2019s cluster', () => {
    const { codebook } = load();
    const compiled = compileCodebook(codebook!);
    let total = 0;
    const misses: string[] = [];
    for (const code of codebook!.codes) {
      for (const example of code.examples) {
        total++;
        const clusters = new Set(autoCode(segment(example), compiled).map((c) => c.cluster));
        if (!clusters.has(code.cluster)) misses.push(`${code.id}: ${example}`);
      }
    }
    expect(total).toBeGreaterThanOrEqual(34);
    expect((total - misses.length) / total, `missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
  });
});

describe('a codebook made for coding by hand', () => {
  test('many codes without terms give one warning, not one each', () => {
    const yaml = `name: hand\ncodes:\n${['a', 'b', 'c', 'd', 'e'].map((id) => `  - id: ${id}\n`).join('')}`;
    const { diagnostics } = parseCodebook('hand.yaml', yaml);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '3:9 codebook/empty-code 5 codes (a, b, c, …) have no terms, patterns or children, so only people can apply them',
    ]);
  });
});

describe('a codebook parsed again in one process', () => {
  const book = (term: string) => `name: T\nlanguage: nl\ncodes:\n  - id: a\n    terms: [${term}]\n  - id: b\n`;

  test('the same file gives the same codebook; a changed file is parsed anew', () => {
    const first = parseCodebook('again.yaml', book('wachtlijst'));
    const second = parseCodebook('again.yaml', book('wachtlijst'));
    expect(second.codebook).toBe(first.codebook);
    expect(second.diagnostics).toEqual(first.diagnostics);
    const changed = parseCodebook('again.yaml', book('budget'));
    expect(changed.codebook?.codes[0].terms).toEqual({ '*': ['budget'] });
    expect(parseCodebook('other.yaml', book('wachtlijst')).codebook?.path).toBe('other.yaml');
  });

  test('what a caller adds to its diagnostics or tries to change in the codebook reaches no other caller', () => {
    const first = parseCodebook('again.yaml', book('school'));
    first.diagnostics.push({ ...first.diagnostics[0], message: 'added by the caller' });
    expect(() => {
      (first.codebook!.codes as unknown[]).push({});
    }).toThrow(TypeError);
    const second = parseCodebook('again.yaml', book('school'));
    expect(second.diagnostics.map((d) => d.message)).not.toContain('added by the caller');
    expect(second.codebook!.codes).toHaveLength(2);
  });
});
