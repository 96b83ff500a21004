import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { excerptText, MAX_EXCERPT, readable } from '../../src/formatters/text.js';
import { quote } from '../../src/formatters/summary.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const sentence = 'De **wijkteams** werken samen met de school en de ouders, _echt_ goed. ';

describe('excerpt text', () => {
  test('up to the limit it is the readable text, whole', () => {
    const text = sentence.repeat(Math.floor(MAX_EXCERPT / sentence.length));
    expect(text.length).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(excerptText(text)).toBe(readable(text));
  });

  test('beyond it the start, cut at a space and marked, never half a surrogate pair', () => {
    const long = sentence.repeat(1000);
    const cut = excerptText(long);
    expect(cut.endsWith(' …')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(MAX_EXCERPT + 2);
    expect(readable(long).startsWith(cut.slice(0, -2))).toBe(true);
    const astral = excerptText(`a${'😀'.repeat(MAX_EXCERPT)}`).slice(0, -2);
    expect(astral.length).toBe(MAX_EXCERPT - 1); // the cut falls inside a pair and moves before it
    expect(astral === `a${'😀'.repeat(MAX_EXCERPT / 2 - 1)}`).toBe(true);
  });

  test('a quotation of a very long text is its first words, as for a short one', () => {
    const long = 'woord '.repeat(100_000);
    expect(quote(long)).toBe(quote(long.slice(0, 2000)));
    expect(quote('kort')).toBe('kort');
  });
});

describe('readable text', () => {
  test.each([
    ['plain words stay as they are', 'korte lijnen met de school', 'korte lijnen met de school'],
    ['quote markers go', '> eerste regel\n>tweede regel', 'eerste regel tweede regel'],
    ['a > inside a line stays', 'meer > minder', 'meer > minder'],
    ['bold goes', 'de **wijkteams** werken', 'de wijkteams werken'],
    ['emphasis with underscores alone goes', 'dat is _echt_ goed', 'dat is echt goed'],
    ['emphasis with stars goes', 'dat is *echt*, goed', 'dat is echt, goed'],
    ['an underscore inside a word stays', 'bestand_naam en meer', 'bestand_naam en meer'],
    ['tabs, line breaks and double spaces become one space', 'een\ttwee\r\ndrie  vier\u00a0vijf', 'een twee drie vier vijf'],
    ['white space at the ends goes', '  \n midden \t ', 'midden'],
  ])('%s', (_, text, expected) => {
    expect(readable(text)).toBe(expected);
  });
});

describe('one long paragraph', () => {
  test('CSV rows and markdown excerpts hold its start; codings.json holds all of it', async () => {
    const body = 'Met het wijkteam en de school hebben we korte lijnen en veel vertrouwen. '.repeat(2000);
    const dir = tempDir({ 'corpus/lang.md': `---\nid: lang\ndistrict: Crooswijk\n---\n\n${body}\n` });
    const r = await qda(['analyse', '.', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/codings.json'), 'utf8'));
    expect(json.documents[0].segments[0].text).toBe(body.trim());
    for (const file of ['codings.csv', 'excerpts.csv']) {
      const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out', file), 'utf8'), { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) {
        expect(row.text.length).toBeLessThanOrEqual(MAX_EXCERPT + 2);
        expect(row.text.endsWith(' …')).toBe(true);
      }
    }
    expect(readFileSync(join(dir, 'out/excerpts.md'), 'utf8').length).toBeLessThan(body.length);
  });
});
