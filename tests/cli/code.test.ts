import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');

const TRANSCRIPT = [
  '---',
  'id: test-1',
  'district: Crooswijk',
  'role: gezinsondersteuner',
  'speakers: { I: interviewer, R: gezinsondersteuner }',
  '---',
  '',
  '# Samenwerking',
  '',
  '**I:** Hoe gaat de samenwerking met het wijkteam?',
  '',
  '**R:** We hebben korte lijnen, we appen even als er iets is. 😀 Maar de wachtlijst is lang.',
  '',
  'En de regie ligt niet altijd duidelijk bij één partij.',
  '',
  '## Vertrouwen',
  '',
  '**R:** Ouders zijn bang voor jeugdzorg, dus vertrouwen opbouwen kost tijd.',
  '',
].join('\n');

/** Code points of a string, for slicing the way the JSON contract counts. */
const cps = (s: string) => Array.from(s);

interface JsonSegment {
  lines: [number, number];
  range: [number, number];
  text: string;
  speaker: string | null;
  codes: { id: string; cluster: string; evidence: { range: [number, number]; text: string; line: number }[] }[];
}

function checkPositions(fileText: string, segments: JsonSegment[]): void {
  const text = fileText.replace(/^\uFEFF/, '');
  const chars = cps(text);
  const lines = text.split(/\r\n|\r|\n/);
  for (const s of segments) {
    expect(chars.slice(s.range[0], s.range[1]).join('')).toBe(s.text);
    // The first line of the segment holds the start of its text; the last line holds its end.
    const first = s.text.split(/\r\n|\r|\n/)[0];
    const last = s.text.split(/\r\n|\r|\n/).pop()!;
    expect(lines[s.lines[0] - 1]).toContain(first);
    expect(lines[s.lines[1] - 1]).toContain(last);
    for (const code of s.codes) for (const e of code.evidence) expect(chars.slice(e.range[0], e.range[1]).join('')).toBe(e.text);
  }
}

describe('qda code --format json', () => {
  test.each([
    ['LF', TRANSCRIPT],
    ['CRLF', TRANSCRIPT.replace(/\n/g, '\r\n')],
    ['BOM + CRLF', `\uFEFF${TRANSCRIPT.replace(/\n/g, '\r\n')}`],
  ])('segment text equals the file text at its range and lines (%s)', async (_name, content) => {
    const dir = tempDir({ 'a.md': content });
    const r = await qda(['code', 'a.md', '--format', 'json', '-q', '--codebook', BOOK], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(2);
    const doc = json.documents[0];
    expect(doc.attributes).toEqual({ district: 'Crooswijk', role: 'gezinsondersteuner' });
    checkPositions(content, doc.segments);
    expect(doc.segments.map((s: JsonSegment) => s.lines)).toEqual([
      [10, 10],
      [12, 12],
      [14, 14],
      [18, 18],
    ]);
  });

  test('codes carry id, cluster and evidence, and the examples corpus parses', async () => {
    const r = await qda(['code', 'examples/rotterdam', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents.length).toBeGreaterThanOrEqual(12);
    let coded = 0;
    for (const doc of json.documents) {
      checkPositions(readFileSync(doc.path, 'utf8'), doc.segments);
      for (const s of doc.segments) {
        for (const c of s.codes) {
          expect(c.id.startsWith(c.cluster)).toBe(true);
          // Auto codes carry the words that found them; codes given by hand carry none.
          expect(c.evidence.length > 0).toBe(c.source === 'auto');
          // Auto codes carry a score, codes given by hand none.
          if (c.source === 'auto') expect(c.score > 0 && c.score <= 1).toBe(true);
          else expect(c.score).toBeNull();
          if (c.source === 'auto') expect(s.clusters.map((k: { cluster: string }) => k.cluster)).toContain(c.cluster);
          coded++;
        }
        const scores = s.clusters.map((k: { score: number }) => k.score);
        expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      }
    }
    expect(coded).toBeGreaterThan(100);
  });

  test('--skip-speaker leaves the interviewer uncoded but keeps the segment', async () => {
    const dir = tempDir({ 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'json', '--skip-speaker', 'interviewer', '-q', '--codebook', BOOK], { cwd: dir });
    const first = JSON.parse(r.stdout).documents[0].segments[0];
    expect(first.speaker).toBe('I');
    expect(first.skipped).toBe(true);
    expect(first.codes).toEqual([]);
    const without = await qda(['code', 'a.md', '--format', 'json', '-q', '--codebook', BOOK], { cwd: dir });
    expect(JSON.parse(without.stdout).documents[0].segments[0].codes.length).toBeGreaterThan(0);
  });

  test('the same input gives the same bytes', async () => {
    const a = await qda(['code', 'examples/rotterdam', '--format', 'json', '-q']);
    const b = await qda(['code', 'examples/rotterdam', '--format', 'json', '-q']);
    expect(a.stdout).toBe(b.stdout);
  });

  test('--unit turn joins the paragraphs of one speaker turn', async () => {
    const dir = tempDir({ 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'json', '--unit', 'turn', '-q'], { cwd: dir });
    const segments = JSON.parse(r.stdout).documents[0].segments;
    expect(segments.map((s: JsonSegment) => s.lines)).toEqual([
      [10, 10],
      [12, 14],
      [18, 18],
    ]);
    checkPositions(TRANSCRIPT, segments);
  });
});

describe('qda code csv and md', () => {
  test('CSV has one row per coding with attribute columns, and neutralises formulas', async () => {
    const dir = tempDir({ 'a.md': `${TRANSCRIPT}\n=HYPERLINK("http://x") korte lijnen met de school\n` });
    const r = await qda(['code', 'a.md', '--format', 'csv', '-q'], { cwd: dir });
    const Papa = (await import('papaparse')).default;
    const parsed = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toContain('district');
    expect(parsed.data.every((row) => row.district === 'Crooswijk')).toBe(true);
    const formula = parsed.data.find((row) => row.text.includes('HYPERLINK'));
    expect(formula?.text.startsWith("'=")).toBe(true);
  });

  test('--excel writes a BOM and semicolons', async () => {
    const dir = tempDir({ 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'csv', '--excel', '-q'], { cwd: dir });
    expect(r.stdout.startsWith('\uFEFFdocument;path;')).toBe(true);
  });

  test('--out writes the file and leaves stdout empty', async () => {
    const dir = tempDir({ 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'md', '--out', 'codings.md'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'codings.md'), 'utf8')).toContain('## a.md');
    expect(r.stderr).toMatch(/coded 1 document/);
  });
});

describe('the codebook in codings.json', () => {
  test('names the shipped codebook without the folder qda is installed in', async () => {
    const dir = tempDir({ 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'json', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).codebook.path).toBe('hall (shipped)');
    expect(r.stdout).not.toContain(process.cwd());
  });

  test('names a codebook outside the working folder by its path relative to it', async () => {
    const root = tempDir({ 'books/mine.yaml': readFileSync(BOOK, 'utf8'), 'study/a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'json', '-q', '--codebook', join(root, 'books/mine.yaml')], { cwd: join(root, 'study') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).codebook.path).toBe('../books/mine.yaml');
    expect(r.stdout).not.toContain(root);
  });

  test('names a codebook inside the working folder as before', async () => {
    const dir = tempDir({ 'codebooks/mine.yaml': readFileSync(BOOK, 'utf8'), 'a.md': TRANSCRIPT });
    const r = await qda(['code', 'a.md', '--format', 'json', '-q', '--codebook', 'codebooks/mine.yaml'], { cwd: dir });
    expect(JSON.parse(r.stdout).codebook.path).toBe('codebooks/mine.yaml');
  });
});
