import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('codings JSON layout', () => {
  test.each([
    ['plain text', 'Het wijkteam en de school hebben korte lijnen.'],
    ['accents, emoji and quotes', 'Zoë zegt: "één gezin, één plan" 😀 – ja.\tKlaar.'],
  ])('each document is its JSON.stringify, indented four spaces after every line start (%s)', async (_, text) => {
    const dir = tempDir({ 'corpus/a.md': `---\nid: a\n---\n\n${text}\n` });
    const r = await qda(['code', '.', '--format', 'json', '--quiet'], { cwd: dir });
    expect(r.code).toBe(0);
    const document = JSON.parse(r.stdout).documents[0];
    expect(r.stdout).toContain(JSON.stringify(document, null, 2).replace(/^/gm, '    '));
  });
});

describe('line and paragraph separators in a segment', () => {
  // JSON.stringify writes U+2028 and U+2029 as they are; indenting must not treat them as line breaks.
  test.each([
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
  ])('%s stays in the text, with no spaces after it', async (_, separator) => {
    const text = `Het wijkteam${separator}en de school hebben korte lijnen.`;
    const dir = tempDir({ 'corpus/a.md': `---\nid: a\n---\n\n${text}\n` });
    const r = await qda(['code', '.', '--format', 'json', '--quiet'], { cwd: dir });
    expect(r.code).toBe(0);
    const segment = JSON.parse(r.stdout).documents[0].segments[0];
    expect(segment.text).toBe(text);
    expect(r.stdout).not.toMatch(new RegExp(`${separator} `));
  });
});
