// Numeric ids and attributes keep the text they were written as.
import { describe, expect, test } from 'vitest';
import { parseFrontMatter } from '../../src/ingest/front-matter.js';
import { readDocument } from '../../src/ingest/document.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('numbers in front matter', () => {
  // A comment sends the block through the full YAML parser; without it the fast reader takes it.
  test.each([false, true])('id 007 stays 007, and 20-digit ids stay apart (comment: %s)', (comment) => {
    const extra = comment ? '# interview\n' : '';
    for (const [written, id] of [
      ['007', '007'],
      ['12345678901234567890', '12345678901234567890'],
      ['12345678901234567891', '12345678901234567891'],
      ['0x1F', '0x1F'],
      ['1.50', '1.50'],
    ]) {
      const { document } = readDocument('a.md', `---\n${extra}id: ${written}\nwave: ${written}\n---\n\nTekst.\n`);
      expect(document.id, written).toBe(id);
      expect(document.attributes.wave, written).toBe(id);
    }
  });

  test('the full parser and the fast reader agree', () => {
    const block = '---\nid: 007\nwave: 12345678901234567890\n---\n\nx\n';
    expect(parseFrontMatter(block, { fast: false }).frontMatter.data).toEqual(parseFrontMatter(block).frontMatter.data);
  });

  test('two documents with 20-digit ids that differ in the last digit are two documents', async () => {
    const dir = tempDir({
      'a.md': '---\n# a\nid: 12345678901234567890\n---\n\nKorte lijnen.\n',
      'b.md': '---\n# b\nid: 12345678901234567891\n---\n\nKorte lijnen.\n',
    });
    const r = await qda(['code', '.', '--format', 'json', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents.map((d: { id: string }) => d.id)).toEqual(['12345678901234567890', '12345678901234567891']);
  });
});
