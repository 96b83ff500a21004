// The excerpts written as they are gathered (part files per code) are byte for byte the excerpts
// formatted as one text, on the golden analysis fixture and the bundled examples.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openSession } from '../../src/cli/session.js';
import { codeCorpus, type CodedDocument } from '../../src/corpus/pipeline.js';
import { collectExcerpts } from '../../src/excerpts/collect.js';
import { ExcerptStream } from '../../src/excerpts/stream.js';
import { excerptsCsv, excerptsJson } from '../../src/formatters/excerpts-data.js';
import { excerptsMarkdown } from '../../src/formatters/excerpts-md.js';
import { PartFiles, scratchFolder } from '../../src/io/parts.js';
import { NO_FILTER, type Filter } from '../../src/select/filter.js';
import { tempDir } from '../helpers/temp.js';

/** The pieces of a file written as text and bytes, as its text. */
const text = (pieces: Iterable<string | Uint8Array>) =>
  Buffer.concat([...pieces].map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString();

/** Lines as bytes, each read before the next overwrites it. */
const lineTexts = (lines: Iterable<Buffer>) => Array.from(lines, (l) => l.toString());

const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: process.cwd(), env: {}, stderrIsTTY: false };

async function coded(path: string) {
  const session = await openSession([path], { quiet: true }, io);
  const documents: CodedDocument[] = [...codeCorpus(session.files, session.compiled, session.corpus)];
  return { session, documents };
}

const CASES: [string, Filter, number, boolean][] = [
  ['tests/fixtures/analysis', NO_FILTER, 0, false],
  ['tests/fixtures/analysis', NO_FILTER, 1, false],
  ['examples/rotterdam', NO_FILTER, 1, false],
  ['examples/rotterdam', { codes: [], where: new Map([['district', ['Crooswijk']]]), speakers: [] }, 2, true],
  ['examples/english', NO_FILTER, 0, true],
];

describe('streamed excerpts', () => {
  test.each(CASES)('%s (filter %j, context %d, hide empty %s): markdown, CSV, Excel CSV and JSON', async (path, filter, context, hideEmpty) => {
    const { session, documents } = await coded(path);
    const groups = collectExcerpts(documents, session.codebook, filter, context);
    expect(groups.some((g) => g.excerpts.length > 0)).toBe(true);
    const markdown = { attribute: session.project.settings.compareBy, hideEmpty, language: session.project.settings.language };
    for (const excel of [false, true]) {
      const parts = new PartFiles(scratchFolder('test'));
      try {
        const stream = new ExcerptStream(session.codebook, filter, context, parts, { markdown, csv: { excel }, json: true });
        for (const d of documents) stream.add(d);
        expect(text(stream.markdown())).toBe(excerptsMarkdown(groups, session.codebook, markdown));
        expect(text(stream.csv())).toBe(excerptsCsv(groups, { excel }));
        expect(text(stream.json())).toBe(excerptsJson(groups));
        expect(stream.total).toBe(groups.reduce((n, g) => n + g.excerpts.length, 0));
      } finally {
        parts.remove();
      }
      expect(existsSync(parts.dir)).toBe(false);
    }
  });

  test('no excerpts at all, and no codes selected: the same bytes', async () => {
    const { session } = await coded('tests/fixtures/analysis');
    for (const filter of [NO_FILTER, { codes: ['no-such-code'], where: new Map(), speakers: [] }]) {
      const parts = new PartFiles(scratchFolder('test'));
      const stream = new ExcerptStream(session.codebook, filter, 0, parts, { markdown: { attribute: 'district' }, csv: {}, json: true });
      const groups = collectExcerpts([], session.codebook, filter, 0);
      expect(text(stream.markdown())).toBe(excerptsMarkdown(groups, session.codebook, { attribute: 'district' }));
      expect(text(stream.csv())).toBe(excerptsCsv(groups));
      expect(text(stream.json())).toBe(excerptsJson(groups));
      parts.remove();
    }
  });

  test('cells with line breaks (a quoted id and attribute) and a file name with a comma: the same CSV', async () => {
    const dir = tempDir({
      'a, b.md': '---\nid: "een\\ntwee"\ndistrict: "Noord\\nZuid"\n---\n\nWe hebben korte lijnen met het wijkteam en de school belt snel.\n',
      'c.md': '---\nid: drie\ndistrict: Zuid\n---\n\nDe school belt ons, korte lijnen.\n',
    });
    const { session, documents } = await coded(dir);
    const groups = collectExcerpts(documents, session.codebook, NO_FILTER, 0);
    expect(groups.flatMap((g) => g.excerpts).some((e) => e.documentId.includes('\n'))).toBe(true);
    for (const excel of [false, true]) {
      const parts = new PartFiles(scratchFolder('test'));
      try {
        const stream = new ExcerptStream(session.codebook, NO_FILTER, 0, parts, { csv: { excel } });
        for (const d of documents) stream.add(d);
        expect(text(stream.csv())).toBe(excerptsCsv(groups, { excel }));
      } finally {
        parts.remove();
      }
    }
  });

  test('part files keep text across buffer flushes and multi-byte characters at chunk edges', () => {
    const parts = new PartFiles(scratchFolder('test'));
    try {
      const pieces = Array.from({ length: 3000 }, (_, i) => `regel ${i} — één “citaat” 🙂 ${'x'.repeat(i % 700)}\n`);
      for (const p of pieces) parts.append(7, p);
      expect(text(parts.bytes(7))).toBe(pieces.join(''));
      expect(lineTexts(parts.byteLines(7))).toEqual(pieces.map((p) => p.slice(0, -1)));
      expect([...parts.bytes(8)]).toEqual([]);
    } finally {
      parts.remove();
    }
  });
});

describe('part files', () => {
  test('each part reads back as the texts appended to it, across many buffers, texts larger than one and any script', () => {
    const parts = new PartFiles(join(tempDir(), 'parts'));
    const expected = ['', '', ''];
    const texts = ['korte lijnen\n', 'financiële zorgen – “echt” 😀\n', `${'lang '.repeat(30_000)}\n`, 'één\n', 'a\ud800b\n'];
    // Every fifth text of parts 0 and 1 is the long one (150 kB, written past the 64 kB buffer): 80 each.
    for (let i = 0; i < 1200; i++) {
      const part = i % 3;
      const text = texts[(i * 7) % texts.length];
      if (part === 2 && i > 30) continue; // a part that never fills a buffer
      parts.append(part, text);
      expected[part] += text;
    }
    try {
      for (const part of [0, 1, 2]) {
        const back = text(parts.bytes(part));
        expect(back === expected[part].replace(/\ud800/g, '\ufffd')).toBe(true);
        expect(lineTexts(parts.byteLines(part))).toEqual(
          expected[part]
            .replace(/\ud800/g, '\ufffd')
            .split('\n')
            .slice(0, -1),
        );
      }
      expect([...parts.bytes(3)]).toEqual([]);
    } finally {
      parts.remove();
    }
  });

  test('lines read back as bytes: longer than a read, the last without its \\n, and empty ones', () => {
    const parts = new PartFiles(scratchFolder('test'));
    try {
      const lines = ['', 'kort', 'é'.repeat(400_000), '', `${'ab🙂'.repeat(100_000)}`, 'eind'];
      for (const line of lines.slice(0, -1)) parts.append(1, `${line}\n`);
      parts.append(1, lines.at(-1)!);
      expect(lineTexts(parts.byteLines(1))).toEqual(lines);
    } finally {
      parts.remove();
    }
  });
});
