import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';
import { simpleYaml } from '../../src/ingest/simple-yaml.js';

const keys = fc.constantFrom(
  'id',
  'district',
  'role',
  'date',
  'wave',
  'speakers',
  'type',
  'organisation',
  'x-y',
  '_k',
  'Key2',
  'a b',
  '__proto__',
  '1a',
);
const values = fc.constantFrom(
  'Crooswijk',
  'family support worker',
  'Stichting Kindkracht',
  "it's",
  'Zoë',
  'naïef',
  'e\u0301',
  'Ümit',
  'A4 (papier)',
  'a/b',
  'a-b',
  'a+b',
  'c’est',
  '1',
  '0',
  '01',
  '12',
  '123456789012345',
  '1234567890123456',
  '-1',
  '1.5',
  '1e3',
  '0x1F',
  '.5',
  '2021-06-02',
  '2021-6-2',
  '2021-06-02T10:00:00',
  'true',
  'True',
  'FALSE',
  'null',
  '~',
  'yes',
  'No',
  'on',
  'y',
  'Infinity',
  '.inf',
  'NaN',
  '',
  'a: b',
  'a #b',
  'a#b',
  '#c',
  '&anchor',
  '*alias',
  '!tag',
  '|',
  '>',
  '"quoted"',
  "'single'",
  '@x',
  '`x`',
  '%x',
  'a  b',
  '- item',
  'a,b',
  '[]',
  '{ I: interviewer, R: respondent }',
  '{I: interviewer}',
  '{ A: b, A: c }',
  '{ A: b: c }',
  '{a:b}',
  '{ A: 1 }',
  '{ A: true }',
  '{}',
  '{ 1: a }',
  '"Centrum Jong en Gezond"',
  '"a: b #c"',
  '"a \\" b"',
  '"a\\nb"',
  "'it''s'",
  "'a: b'",
  '""',
  "''",
  '"a" b',
  '\n  - facilitator\n  - kindcoach',
  '\n- a\n- b',
  '\n  - a\n    - b',
  '\n  - a\n - b',
  '\n  - [a]',
  '\n  - true',
  '\n  - 12',
  '\n  - "x y"',
  '\n  -a',
  '\n',
  '\n  - ',
  '[Crooswijk, Kralingen]',
  '[a, [b]]',
  '[a,,b]',
  '[ a ]',
  '[true]',
  '[1, 2]',
  '[]',
  '[ a  b ]',
  '{ A: b  c }',
  '{ A: b,',
  '[a, b',
);
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(keys, fc.constantFrom(': ', ':  ', ':', ' : ', ':\t'), values, fc.constantFrom('', ' ', '\t'))
      .map(([k, s, v, t]) => `${k}${s}${v}${t}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  indented: x', '- item', '---x', '...', 'key: >', '  folded') },
);
const block = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([lines, nl]) => lines.join(nl));

function file(yaml: string, nl = '\n'): string {
  return `---${nl}${yaml}${nl}---${nl}${nl}Tekst.${nl}`;
}

describe('front matter without the YAML parser', () => {
  test('gives what the YAML parser gives, or leaves the block to it', () => {
    let fast = 0;
    fc.assert(
      fc.property(block, (yaml) => {
        const nl = yaml.includes('\r\n') ? '\r\n' : '\n';
        const text = file(yaml, nl);
        const full = parseFrontMatter(text, { fast: false });
        const quick = parseFrontMatter(text);
        expect(quick).toEqual(full);
        if (simpleYaml(yaml) !== undefined) fast++;
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(200); // the fast path was taken often enough to be tested
  });

  test('takes the front matter of every example transcript', () => {
    for (const dir of ['examples/rotterdam/corpus', 'examples/english/corpus']) {
      for (const f of readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'))) {
        const text = readFileSync(`${dir}/${f}`, 'utf8');
        const block = text.slice(4, text.indexOf('\n---', 3));
        expect(simpleYaml(block), f).toBeDefined();
        expect(parseFrontMatter(text)).toEqual(parseFrontMatter(text, { fast: false }));
      }
    }
  });

  test('a closing ... or an odd opening line is left to the full path', () => {
    for (const text of ['---\nid: a\n...\n\nTekst\n---\nb\n', '--- \nid: a\n---\nTekst\n', '---\nid: a\n---x\nid: b\n---\n']) {
      expect(parseFrontMatter(text)).toEqual(parseFrontMatter(text, { fast: false }));
    }
  });
});
