import { describe, expect, test } from 'vitest';
import { loadDocument } from '../../src/corpus/load.js';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(s, 'utf8')]);

describe('attributes', () => {
  const text = [
    '---',
    'id: crooswijk-gezinsondersteuner-1',
    'type: interview',
    'district: [Crooswijk, Kralingen]',
    'role: gezinsondersteuner',
    'wave: 2',
    'score: 3.5',
    'anoniem: true',
    'date: 2021-06-14',
    'speakers: { I: interviewer, R: respondent }',
    '---',
    '',
    '**I:** Hoe gaat het?',
    '',
  ].join('\n');

  test('every key except id and speakers is an attribute; lists stay lists, numbers become strings', () => {
    const { document, diagnostics } = readDocument('corpus/x.md', text);
    expect(diagnostics).toEqual([]);
    expect(document.attributes).toEqual({
      type: 'interview',
      district: ['Crooswijk', 'Kralingen'],
      role: 'gezinsondersteuner',
      wave: '2',
      score: '3.5',
      anoniem: 'true',
      date: '2021-06-14',
    });
    expect(document.attributes).not.toHaveProperty('id');
    expect(document.attributes).not.toHaveProperty('speakers');
    expect(document.id).toBe('crooswijk-gezinsondersteuner-1');
    expect([...document.speakers]).toEqual([
      ['I', 'interviewer'],
      ['R', 'respondent'],
    ]);
  });

  test('a block list stays a list and numbers inside it become strings', () => {
    const { document } = readDocument('a.md', '---\ndistrict:\n  - Crooswijk\n  - Delfshaven\nwave: [1, 2]\n---\nTekst.\n');
    expect(document.attributes).toEqual({ district: ['Crooswijk', 'Delfshaven'], wave: ['1', '2'] });
  });

  test('the same front matter with CRLF gives the same attributes', () => {
    expect(readDocument('corpus/x.md', crlf(text)).document.attributes).toEqual(readDocument('corpus/x.md', text).document.attributes);
    expect(readDocument('corpus/x.md', crlf(text)).diagnostics).toEqual([]);
  });

  test('values keep no trailing CR in a CRLF file, also on the last front-matter line', () => {
    const { document, diagnostics } = readDocument('a.md', crlf('---\nrole: kindcoach\ndistrict: Crooswijk\n---\nTekst.\n'));
    expect(diagnostics).toEqual([]);
    expect(document.attributes).toEqual({ role: 'kindcoach', district: 'Crooswijk' });
  });

  test('a numeric id becomes a string', () => {
    expect(readDocument('x/y.md', '---\nid: 42\n---\nTekst.\n').document.id).toBe('42');
  });

  test.each([
    ['corpus/crooswijk/interview-3.md', 'interview-3'],
    ['interview.v2.md', 'interview.v2'],
    ['notities', 'notities'],
  ])('default id from file name %s → %s', (path, id) => {
    expect(readDocument(path, '# Kop\n\nTekst.\n').document.id).toBe(id);
    expect(readDocument(path, '---\ndistrict: Noord\n---\nTekst.\n').document.id).toBe(id);
  });

  test('an empty id falls back to the file name', () => {
    expect(readDocument('corpus/a.md', '---\nid: "  "\n---\nTekst.\n').document.id).toBe('a');
  });

  test('an id that is a list is an error at the id key', () => {
    const { diagnostics } = readDocument('a.md', '---\ndistrict: Noord\nid: [a, b]\n---\nTekst.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'front-matter/id', line: 3, column: 1 })]);
  });

  test('a nested map attribute is a warning at its key and is left out', () => {
    const { document, diagnostics } = readDocument('a.md', '---\nrole: x\n  \nadres: { straat: Hoofdweg }\n---\nTekst.\n');
    expect(document.attributes).toEqual({ role: 'x' });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'front-matter/attribute', line: 4, column: 1 })]);
  });

  test('speakers as a list declares labels', () => {
    const { document } = readDocument('a.md', '---\nspeakers: [Interviewer, Respondent]\n---\nTekst.\n');
    expect([...document.speakers.keys()]).toEqual(['Interviewer', 'Respondent']);
  });

  test('speakers that are a plain word is an error at the speakers key', () => {
    const { diagnostics } = readDocument('a.md', '---\nrole: x\nspeakers: interviewer\n---\nTekst.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'front-matter/speakers', line: 3, column: 1 })]);
  });
});

describe('front matter errors point at the line and column in the original file', () => {
  const billionLaughs = [
    '---',
    'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
    'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
    'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
    '---',
    'Tekst.',
    '',
  ].join('\n');

  // [name, text, rule, line, column]; line and column as an editor shows them.
  const cases: [string, string, string, number, number][] = [
    ['unclosed front matter', '---\nid: x\ndistrict: Crooswijk\n\n# Kop\n\nTekst.\n', 'front-matter/unclosed', 1, 1],
    ['a tab indent', '---\nid: x\ndistrict:\n\t- Crooswijk\n---\nTekst.\n', 'front-matter/yaml', 4, 1],
    ['a duplicate key', '---\nid: x\ndistrict: Crooswijk\nrole: kindcoach\ndistrict: Noord\n---\nTekst.\n', 'front-matter/yaml', 5, 1],
    ['a missing colon before the last key', '---\nid: x\ndistrict Crooswijk\nrole: kindcoach\n---\nTekst.\n', 'front-matter/yaml', 3, 1],
    ['a missing colon on the last line', '---\nid: x\nrole: kindcoach\ndistrict Crooswijk\n---\nTekst.\n', 'front-matter/yaml', 4, 1],
    ['an unclosed quote', '---\nid: x\nrole: "kindcoach\n---\nTekst.\n', 'front-matter/yaml', 3, 17],
    // The alias count error carries no position of its own; it points at the first alias (*a on line 3).
    ['an alias bomb', billionLaughs, 'front-matter/yaml', 3, 8],
  ];

  test.each(cases)('%s (LF)', (_name, text, rule, line, column) => {
    const { diagnostics } = readDocument('a.md', text);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'a.md', severity: 'error', rule, line, column })]);
  });

  test.each(cases)('%s (CRLF) gives the same position', (_name, text, rule, line, column) => {
    const { diagnostics } = readDocument('a.md', crlf(text));
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule, line, column })]);
  });

  test.each(cases)('%s (BOM + CRLF bytes through loadDocument) gives the same position and no document', (_name, text, rule, line, column) => {
    const result = loadDocument('a.md', withBom(crlf(text)), 'utf-8');
    expect(result.document).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule, line, column })]);
  });

  test('the duplicate key message names the problem and a hint', () => {
    const [d] = readDocument('a.md', '---\nrole: a\nrole: b\n---\n').diagnostics;
    expect(d.message).toMatch(/duplicate key/);
    expect(d.hint).toBeTruthy();
  });

  test('an alias bomb is an error diagnostic, not an exception, and returns quickly', () => {
    const started = Date.now();
    let result: ReturnType<typeof readDocument> | undefined;
    expect(() => (result = readDocument('bom.md', billionLaughs))).not.toThrow();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result!.diagnostics).toHaveLength(1);
    expect(result!.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'front-matter/yaml', file: 'bom.md' });
    expect(result!.document.attributes).toEqual({});
  });

  test('an alias bomb through loadDocument gives no document', () => {
    const result = loadDocument('bom.md', utf8(billionLaughs), 'utf-8');
    expect(result.document).toBeUndefined();
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  test('a few harmless aliases are fine', () => {
    const { document, diagnostics } = readDocument('a.md', '---\nwijk: &w Crooswijk\ndistrict: *w\n---\nTekst.\n');
    expect(diagnostics).toEqual([]);
    expect(document.attributes).toEqual({ wijk: 'Crooswijk', district: 'Crooswijk' });
  });

  test('front matter that is a list, not a mapping, is an error on the line after ---', () => {
    const { diagnostics } = readDocument('a.md', '---\n- Crooswijk\n- Noord\n---\nTekst.\n');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', rule: 'front-matter/not-a-mapping', line: 2, column: 1 })]);
  });

  test('errors are values even for wild YAML', () => {
    for (const yaml of ['!!binary x', 'a: !!js/function "x"', '? [a]\n: b', 'a: [', '{', '%YAML 9\n---\na: b', 'a: b\n---\nc: d']) {
      expect(() => readDocument('a.md', `---\n${yaml}\n---\nTekst.\n`), yaml).not.toThrow();
    }
  });
});

describe('where the body starts', () => {
  test.each([
    ['LF, no trailing newline', '---\nid: alleen\ndistrict: Noord\n---'],
    ['LF, trailing newline', '---\nid: alleen\ndistrict: Noord\n---\n'],
    ['CRLF, trailing newline', '---\r\nid: alleen\r\ndistrict: Noord\r\n---\r\n'],
    ['closing with ...', '---\nid: alleen\ndistrict: Noord\n...\n'],
  ])('front matter only (%s): attributes, no diagnostics, no segments', (_name, text) => {
    const { document, diagnostics } = readDocument('a.md', text);
    expect(diagnostics).toEqual([]);
    expect(document.id).toBe('alleen');
    expect(document.attributes).toEqual({ district: 'Noord' });
    expect(document.bodyStart).toBe(text.length);
    expect(segmentDocument(document, 'paragraph')).toEqual([]);
  });

  test('a file without front matter: no attributes, body starts at 0, segment lines from line 1', () => {
    const { document, diagnostics } = readDocument('corpus/notitie.md', 'Eerste alinea.\n\nTweede alinea.\n');
    expect(diagnostics).toEqual([]);
    expect(document.attributes).toEqual({});
    expect(document.bodyStart).toBe(0);
    expect(document.id).toBe('notitie');
    expect(segmentDocument(document, 'paragraph').map((s) => [s.text, s.lines])).toEqual([
      ['Eerste alinea.', { start: 1, end: 1 }],
      ['Tweede alinea.', { start: 3, end: 3 }],
    ]);
  });

  test('a --- that does not open the file is not front matter', () => {
    const text = '\n---\nid: x\n---\nTekst.\n';
    const { document, diagnostics } = readDocument('b.md', text);
    expect(diagnostics).toEqual([]);
    expect(document.id).toBe('b');
    expect(document.bodyStart).toBe(0);
  });

  test('a thematic break later in the body does not end the front matter', () => {
    const text = '---\nid: x\n---\nEen.\n\n---\n\nTwee.\n';
    const { document } = readDocument('b.md', text);
    expect(document.bodyStart).toBe('---\nid: x\n---\n'.length);
    expect(segmentDocument(document, 'paragraph').map((s) => s.text)).toEqual(['Een.', 'Twee.']);
  });

  test('empty front matter', () => {
    const { document, diagnostics } = readDocument('leeg.md', '---\n---\nTekst.\n');
    expect(diagnostics).toEqual([]);
    expect(document.attributes).toEqual({});
    expect(document.id).toBe('leeg');
    expect(segmentDocument(document, 'paragraph').map((s) => [s.text, s.lines.start])).toEqual([['Tekst.', 3]]);
  });

  test('parseFrontMatter: bodyStart is right after the closing delimiter line', () => {
    const text = '---\r\nid: x\r\n---\r\nBody';
    expect(parseFrontMatter(text).frontMatter).toEqual({ data: { id: 'x' }, bodyStart: text.indexOf('Body') });
  });

  test('BOM + CRLF front matter gives the same lines, ids and attributes as LF', () => {
    const lf = '---\nid: r1\ndistrict: Crooswijk\nspeakers: { I: interviewer, R: respondent }\n---\n\n**I:** Hoe gaat het?\n\n**R:** Goed.\n';
    const a = loadDocument('r1.md', utf8(lf), 'utf-8');
    const b = loadDocument('r1.md', withBom(crlf(lf)), 'utf-8');
    expect(a.diagnostics).toEqual([]);
    expect(b.diagnostics).toEqual([]);
    expect(b.document!.id).toBe(a.document!.id);
    expect(b.document!.attributes).toEqual(a.document!.attributes);
    expect(b.document!.text.startsWith('---')).toBe(true); // the BOM is not in the text
    const lines = (r: typeof a) => segmentDocument(r.document!, 'paragraph').map((s) => [s.speaker, s.lines]);
    expect(lines(b)).toEqual(lines(a));
    expect(lines(a)).toEqual([
      ['I', { start: 7, end: 7 }],
      ['R', { start: 9, end: 9 }],
    ]);
  });
});
