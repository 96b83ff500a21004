// Evidence reads as words: excerpts, the review sheet and the report show the words of the text that
// matched (each once), never a regular expression's source or a wildcard term.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { matchedWords, type Evidence } from '../../src/coding/coding.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = `name: Woorden
language: nl
codes:
  - id: capacity
    label: { nl: Capaciteit }
    patterns: ['/\\bwacht(lijst|tijd)(en)?\\b/i']
  - id: communication
    label: { nl: Communicatie }
    terms: ["korte lijn*", appen]
`;
const STUDY = {
  'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n',
  'book.yaml': BOOK,
  'corpus/a.md':
    '---\ndistrict: Noord\n---\n\nWachtlijsten zijn lang; de wachtlijsten groeien en de wachttijd ook.\n\nWe hebben korte\nlijnen en we appen veel.\n',
};
const REGEX = /\\b|[()|]|\*/;

describe('the words that matched', () => {
  test('excerpts in markdown, CSV and JSON', async () => {
    const dir = tempDir(STUDY);
    const md = await qda(['excerpts', '-q'], { cwd: dir });
    expect(md.stdout).toContain('gevonden via: Wachtlijsten, wachttijd\n');
    expect(md.stdout).toContain('gevonden via: korte lijnen, appen\n');
    const cited = md.stdout.split('\n').filter((l) => l.includes('gevonden via'));
    expect(cited).toHaveLength(2);
    for (const line of cited) expect(line).not.toMatch(REGEX);

    const csv = Papa.parse<Record<string, string>>((await qda(['excerpts', '-q', '--format', 'csv'], { cwd: dir })).stdout, {
      header: true,
      skipEmptyLines: true,
    });
    expect(csv.data.map((r) => r.terms)).toEqual(['Wachtlijsten; wachttijd', 'korte lijnen; appen']);

    const json = JSON.parse((await qda(['excerpts', '-q', '--format', 'json'], { cwd: dir })).stdout);
    const [capacity] = json.codes[0].excerpts;
    expect(capacity.matched).toEqual(['Wachtlijsten', 'wachttijd']);
    expect(capacity.terms).toEqual(['/\\bwacht(lijst|tijd)(en)?\\b/i']); // the codebook's own text stays in the data
  });

  test('the review sheet', async () => {
    const dir = tempDir(STUDY);
    const r = await qda(['review', 'export', '-q'], { cwd: dir });
    const rows = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((row) => [row.code, row.terms])).toEqual([
      ['capacity', 'Wachtlijsten; wachttijd'],
      ['communication', 'korte lijnen; appen'],
    ]);
  });

  test('the report: each excerpt behind a cell carries its words', async () => {
    const dir = tempDir(STUDY);
    expect((await qda(['report', '-q'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    const data = JSON.parse(html.match(/<script type="application\/json" id="qda-data">([^]*?)<\/script>/)![1].replace(/\\u003c/g, '<'));
    expect(data.words.matched).toBe('gevonden via');
    expect(data.excerpts.map((e: { matched: string[] }) => e.matched)).toEqual([
      ['Wachtlijsten', 'wachttijd'],
      ['korte lijnen', 'appen'],
    ]);
    expect(html).not.toContain('wacht(lijst');
  });

  test('matchedWords: the text as it stands, each word once without regard to case, white space as one space', () => {
    const e = (text: string, term = '/x/'): Evidence => ({ term, kind: 'pattern', text, range: { start: 0, end: 0 } });
    expect(matchedWords([e('Wachtlijst'), e('wachtlijst'), e('korte\n  lijnen', 'korte lijn*'), e('WACHTLIJST')])).toEqual([
      'Wachtlijst',
      'korte lijnen',
    ]);
    expect(matchedWords([])).toEqual([]);
  });
});
