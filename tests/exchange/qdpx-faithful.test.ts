// Import as faithful as the file allows: text from other programs stays text, names come through,
// positions are checked. Each project is made here, as a small exporter would write it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { codingsOf, unzip, utf8 } from './helpers.js';

const G = (n: number) => `bbbbbbbb-0000-0000-0000-${String(n).padStart(12, '0')}`;
const enc = (s: string) => new TextEncoder().encode(s);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

interface Src {
  name?: string;
  path: string;
  text: string;
  /** [start, end] as the file writes them (strings, to write any form). */
  spans: [string, string][];
}

let serial = 100;
function projectXml(sources: Src[], codes = `<Code guid="${G(1)}" name="Food" isCodable="true"/>`, code = G(1)): string {
  const body = sources
    .map((s) => {
      const sel = s.spans
        .map(
          ([a, b]) =>
            `<PlainTextSelection guid="${G(serial++)}" startPosition="${a}" endPosition="${b}" creatingUser="${G(9)}"><Coding guid="${G(serial++)}" creatingUser="${G(9)}"><CodeRef targetGUID="${code}"/></Coding></PlainTextSelection>`,
        )
        .join('');
      return `<TextSource guid="${G(serial++)}"${s.name === undefined ? '' : ` name="${esc(s.name)}"`} plainTextPath="${s.path}">${sel}</TextSource>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="Small Exporter 1.0"><Users><User guid="${G(9)}" name="ann"/></Users><CodeBook><Codes>${codes}</Codes></CodeBook><Sources>${body}</Sources></Project>`;
}

function qdpx(sources: Src[], codes?: string, code?: string): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': enc(projectXml(sources, codes, code)) };
  for (const s of sources) files[`sources/${s.path.replace('internal://', '')}`] = enc(s.text);
  return zipSync(files);
}

async function imported(zip: Uint8Array) {
  const dir = tempDir({ 'x.qdpx': zip });
  const into = join(dir, 'p');
  const out = await qda(['import', 'qdpx', join(dir, 'x.qdpx'), '--into', into]);
  return { dir, into, out };
}

/** [start, end] in code points of every line of a text. */
function lineSpans(lines: string[]): [string, string][] {
  let at = 0;
  return lines.map((l) => {
    const span: [string, string] = [String(at), String(at + Array.from(l).length)];
    at += Array.from(l).length + 1;
    return span;
  });
}

describe('imported plain text stays plain text', () => {
  const LINES = [
    '# Not a heading, a line of the interview',
    '---',
    '- said with a dash in front',
    '1. said with a number in front',
    '> said after a quote mark',
    '<!-- qda: topic -->',
    'A line that ends in a comment <!-- qda: food, -other -->',
    '```',
    'title: a line that looks like front matter',
    '| a table | row |',
    '|---|---|',
    '===',
    '    four spaces in front',
    '***',
  ];

  it('keeps every line as the paragraph it was, with every coding and no new one', async () => {
    const { into, out } = await imported(
      qdpx([{ name: 'notes', path: 'internal://notes.txt', text: `${LINES.join('\n')}\n`, spans: lineSpans(LINES) }]),
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/codings per user: ann 14, 0 memos; left out: nothing/);
    const markdown = readFileSync(join(into, 'corpus', 'notes.md'), 'utf8');
    expect(markdown).toMatch(/^---\nid: notes\nplain: true\n---\n\n/);
    const { set, docs } = await codingsOf([into]);
    expect(set).toEqual(LINES.map((l) => `notes|food|ann|${l.trim()}`).sort());
    expect(docs[0].segments.map((s) => s.text)).toEqual(LINES.map((l) => l.trim()));
    expect(docs[0].attributes).toEqual({});
  });

  it('exports the same text again, comments and all', async () => {
    const text = `${LINES.join('\n')}\n`;
    const { dir, into } = await imported(qdpx([{ name: 'notes', path: 'internal://notes.txt', text, spans: lineSpans(LINES) }]));
    const back = join(dir, 'back.qdpx');
    const exported = await qda(['export', 'qdpx', back, into]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/14 codings/);
    const entries = unzip(back);
    const txt = Object.keys(entries).find((n) => n.startsWith('sources/'))!;
    expect(utf8(entries[txt]).split('\n').filter(Boolean)).toEqual(LINES);
  });
});

describe('names of sources come through, and no variable is invented', () => {
  it('a source without a name takes its file name; a named one keeps its name as the id', async () => {
    const { dir, into, out } = await imported(
      qdpx([
        { path: 'internal://interview-one.txt', text: 'We bake bread.\n', spans: [['3', '7']] },
        { name: 'Interview 2 (Anna)', path: 'internal://x2.txt', text: 'We buy bread.\n', spans: [['3', '6']] },
      ]),
    );
    expect(out.code, out.stderr).toBe(0);
    expect(readFileSync(join(into, 'corpus', 'interview-one.md'), 'utf8')).toBe('---\nid: interview-one\nplain: true\n---\n\nWe bake bread.\n');
    expect(readFileSync(join(into, 'corpus', 'interview-2-anna.md'), 'utf8')).toMatch(/^---\nid: Interview 2 \(Anna\)\nplain: true\n---\n/);
    const back = join(dir, 'back.qdpx');
    expect((await qda(['export', 'qdpx', back, into, '--quiet'])).code).toBe(0);
    const qde = utf8(unzip(back)['project.qde']);
    expect([...qde.matchAll(/<TextSource [^>]*name="([^"]*)"/g)].map((m) => m[1]).sort()).toEqual(['Interview 2 (Anna)', 'interview-one']);
    expect(qde).not.toContain('<Variables>');
  });
});

describe('selection positions are whole numbers within the text', () => {
  it('refuses 1e3, 12.7 and -3 with a warning naming the selection, and keeps the good one', async () => {
    const text = 'We bake bread every morning, and we sell it in the afternoon.\n';
    const { into, out } = await imported(
      qdpx([
        {
          name: 'one',
          path: 'internal://one.txt',
          text,
          spans: [
            ['1e3', '1005'],
            ['12.7', '20'],
            ['-3', '4'],
            ['3', '7'],
          ],
        },
      ]),
    );
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(
      /^.*x\.qdpx: warning: left out 3 codings whose selection positions are not whole numbers \(e\.g\. «one» 1e3–1005, «one» 12\.7–20, «one» -3–4\) \[qdpx\/left-out\]$/m,
    );
    expect(out.stderr).toMatch(/codings per user: ann 1,/);
    const csv = readFileSync(join(into, 'codings', 'ann.csv'), 'utf8');
    expect(csv).toContain('"selection: ""bake"""');
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });
});

describe('code ids of long and deep code trees', () => {
  it('keeps whole paths, cuts only at word boundaries with a mark, and never makes a child look like a sibling', async () => {
    const names = [
      'Experiences with the healthcare system',
      'Barriers when trying to reach the healthcare system',
      'Managing the healthcare system alone',
      'Managing the healthcare system alone with the help of family members',
    ];
    // Each code nested in the one before, and a sibling of the same name at the deepest level.
    let guid = 1;
    const nest = (i: number): string =>
      i === names.length
        ? ''
        : `<Code guid="${G(guid++)}" name="${names[i]}" isCodable="true">${nest(i + 1)}${i === names.length - 1 ? `<Code guid="${G(50)}" name="${names[i]}" isCodable="true"/>` : ''}</Code>`;
    const qdc = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Small Exporter 1.0"><Codes>${nest(0)}<Code guid="${G(60)}" name="Short" isCodable="true"/></Codes></CodeBook>`;
    const dir = tempDir({ 'long.qdc': qdc });
    const out = await qda(['codebook', 'import', join(dir, 'long.qdc'), '--out', join(dir, 'long.yaml')]);
    expect(out.code, out.stderr).toBe(0);
    const { parseCodebook } = await import('../../src/codebook/load.js');
    const book = parseCodebook('long.yaml', readFileSync(join(dir, 'long.yaml'), 'utf8'));
    expect(book.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const codes = book.codebook!.codes;
    expect(codes.map((c) => c.label['*'])).toEqual([...names, names[3], 'Short']);
    // The first two paths fit whole; the deeper ones are shortened.
    expect(codes[0].id).toBe('experiences-with-the-healthcare-system');
    expect(codes[1].id).toBe(`${codes[0].id}.barriers-when-trying-to-reach-the-healthcare-system`);
    expect(codes[2].id).toMatch(/^experiences-with-the-healthcare-system\.managing-the-healthcare-system-alone-[0-9a-f]{6}$/);
    expect(codes[3].parent).toBe(codes[2].id);
    for (const c of codes) {
      expect(c.id.length).toBeLessThanOrEqual(100);
      const last = c.id.split('.').pop()!;
      const words = slugOf(c.label['*']);
      // The last part is whole words of the name, then (when shortened) six hex digits of the GUID.
      const m = /^(.*?)(?:-([0-9a-f]{6}))?$/.exec(last)!;
      expect(words === m[1] || words.startsWith(`${m[1]}-`), `${c.id} ends mid-word`).toBe(true);
      if (c.parent) {
        // A child's id is under one of its ancestors, never the parent's id with a number added.
        expect(c.id.startsWith(`${c.parent}-`)).toBe(false);
        const ancestors = codes.filter((a) => c.id.startsWith(`${a.id}.`));
        expect(ancestors.length, c.id).toBeGreaterThan(0);
      }
    }
    expect(new Set(codes.map((c) => c.id)).size).toBe(codes.length);
    expect(codes[3].id).not.toBe(codes[4].id);
  });
});

const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');

describe('a project imported without documents', () => {
  it('holds a codebook only: it can be checked and exported, and other commands say why they cannot run', async () => {
    const dir = tempDir();
    const into = join(dir, 'codes');
    const atlas = join(process.cwd(), 'tests', 'fixtures', 'refi-qda', 'atlasti-8.4-mac_refi-standard-project.qde');
    expect((await qda(['import', 'qdpx', atlas, '--into', into, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(into, 'qda.yaml'), 'utf8')).toMatch(/^corpus: \[\]$/m);
    const check = await qda(['check'], { cwd: into });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/checked 0 documents \(0 segments\) and a codebook of 14 codes: 0 errors/);
    const file = join(dir, 'codes.qdpx');
    const exported = await qda(['export', 'qdpx', file, '--validate'], { cwd: into });
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/exported 0 documents, 14 codes, 0 codings, 0 variables and 2 memos to .*codes\.qdpx \(valid REFI-QDA\)/);
    const qde = utf8(unzip(file)['project.qde']);
    expect([...qde.matchAll(/<Code /g)]).toHaveLength(14);
    expect(qde).not.toContain('<Sources>');
    const code = await qda(['code'], { cwd: into });
    expect(code.code).toBe(1);
    expect(code.stderr).toContain('qda.yaml has `corpus: []`: this project holds a codebook only');
  });
});

describe('the example round trip', () => {
  it('gives back every coding and the same matrices', async () => {
    const rotterdam = join(process.cwd(), 'examples', 'rotterdam');
    const dir = tempDir();
    const file = join(dir, 'r.qdpx');
    const exported = await qda(['export', 'qdpx', file, rotterdam]);
    expect(exported.code, exported.stderr).toBe(0);
    const sent = Number(/(\d+) codings/.exec(exported.stderr)![1]);
    const into = join(dir, 'back');
    const back = await qda(['import', 'qdpx', file, '--into', into]);
    expect(back.code, back.stderr).toBe(0);
    const per = /codings per user: ([^;]*?), \d+ memos/.exec(back.stderr)![1];
    const received = [...per.matchAll(/ (\d+)(?:,|$)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(received).toBe(sent);
    expect(sent).toBeGreaterThan(600);
    const matrix = async (dirOf: string, level: string) => {
      const out = await qda(['matrix', dirOf, '--level', level, '--format', 'csv', '--quiet']);
      expect(out.code, out.stderr).toBe(0);
      return out.stdout;
    };
    expect(await matrix(into, 'cluster')).toBe(await matrix(rotterdam, 'cluster'));
    // By code the same, but for the rows of parent codes whose terms a project import leaves out (they are all 0).
    const original = (await matrix(rotterdam, 'code')).split('\r\n');
    const again = (await matrix(into, 'code')).split('\r\n');
    const dropped = original.filter((row) => !again.includes(row));
    expect(again.filter((row) => !original.includes(row))).toEqual([]);
    expect(dropped.length).toBeLessThanOrEqual(3);
    for (const row of dropped) expect(row).toMatch(/^[a-z]+,[^,]*(?:,0)+$/);
  });
});
