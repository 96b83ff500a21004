import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/load.js';
import { chooseReading, producerReading, resolveSpan, score } from '../../src/exchange/readings.js';
import { offsetTable } from '../../src/position/counting.js';
import { readQde } from '../../src/exchange/qde-read.js';
import { anchorOf } from '../../src/manual/anchor.js';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { codingsOf, sample, unzip, utf8 } from './helpers.js';

const ROTTERDAM = join(process.cwd(), 'examples', 'rotterdam');
const NVIVO = sample('nvivo-12.6-win_oltas0517.qdpx');

describe('qda → qdpx → qda', () => {
  it('keeps codes, attributes, memos and every coding', async () => {
    const dir = tempDir();
    const file = join(dir, 'r.qdpx');
    expect((await qda(['export', 'qdpx', file, ROTTERDAM, '--quiet'])).code).toBe(0);
    const back = join(dir, 'back');
    const imported = await qda(['import', 'qdpx', file, '--into', back]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(
      /imported .*r\.qdpx \(qda [\d.]+\) into .*: 15 sources, 20 codes, codings per user: ana \d+, bram \d+, inline-imported 1, qda-auto \d+, 7 memos; left out: nothing/,
    );

    const original = await codingsOf([ROTTERDAM]);
    const again = await codingsOf([back]);
    // The auto-coder's and the inline codings come back as the codings of people called qda-auto and
    // inline-imported; the reviewers keep their names.
    const renamed = original.set.map((key) => key.replace(/\|qda\|/, '|qda-auto|').replace(/\|inline\|/, '|inline-imported|')).sort();
    expect(again.set).toEqual(renamed);
    expect(again.set.length).toBeGreaterThan(400);
    for (const doc of original.docs) expect(again.docs.find((d) => d.id === doc.id)?.attributes).toEqual(doc.attributes);

    const book = parseCodebook('imported.yaml', readFileSync(join(back, 'codebooks', 'imported.yaml'), 'utf8'));
    const hall = parseCodebook('hall.yaml', readFileSync(join(process.cwd(), 'codebooks', 'hall.yaml'), 'utf8'));
    expect(book.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const strip = (b: typeof hall.codebook) =>
      b!.codes.map((c) => ({
        id: c.id,
        parent: c.parent,
        label: c.label.nl ?? c.label['*'],
        description: c.description?.nl ?? c.description?.['*'],
        include: c.include?.nl ?? c.include?.['*'],
        exclude: c.exclude?.nl ?? c.exclude?.['*'],
        color: c.color,
      }));
    expect(strip(book.codebook)).toEqual(strip(hall.codebook));
    expect(readdirSync(join(back, 'memos'))).toHaveLength(7);
    expect(readFileSync(join(back, 'qda.yaml'), 'utf8')).toContain('codebook: codebooks/imported.yaml');

    // The right text under each code: excerpts of the imported project, coded by hand now.
    const excerpts = await qda(['excerpts', back, '--code', 'organisation.roles', '--format', 'json', '--quiet']);
    const before = await qda(['excerpts', ROTTERDAM, '--code', 'organisation.roles', '--format', 'json', '--quiet']);
    expect(excerpts.code, excerpts.stderr).toBe(0);
    const texts = (out: string) => [...out.matchAll(/"text": "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).sort();
    expect(texts(excerpts.stdout)).toEqual(texts(before.stdout));
  });
});

describe('qda import qdpx: the NVivo 12 sample', () => {
  it('reads NVivo positions as UTF-16 units and puts the selections on the words NVivo coded', () => {
    const entries = unzip(NVIVO);
    const read = readQde(utf8(entries['project.qde']), 'project.qde');
    const source = read.project!.sources.find((s) => s.name === 'videos_10_selected')!;
    expect(source.selections).toHaveLength(303);
    const text = utf8(entries[`Sources/${source.guid}.txt`]).replace(/^\uFEFF/, '');
    const reading = chooseReading(text, source.selections, producerReading(read.project!.origin));
    expect(reading).toEqual({ unit: 'utf16', crlf: 2 });
    // Measured on this export: 295 of 303 selections start and end on word boundaries as UTF-16 units, 26 as code points.
    const table = offsetTable(text, reading);
    const onWords = (t: Int32Array) => score(text, t, source.selections) / 2;
    expect(onWords(table)).toBeGreaterThan(0.95 * 303);
    expect(onWords(offsetTable(text, { unit: 'codepoint', crlf: 2 }))).toBeLessThan(onWords(table) - 100);

    const selected = (guidStart: string) => {
      const s = source.selections.find((x) => x.guid.startsWith(guidStart))!;
      const span = resolveSpan(table, s)!;
      return text.slice(span.start, span.end);
    };
    expect(selected('85e31d3f')).toBe('Zacher - az egy magyar név?');
    expect(selected('c8834f5d')).toBe('Záhertorta egy alkesz nulla');
    expect(selected('a9504413')).toBe('tudatos hal äl reklám, hatalmas árulás');
    expect(selected('7154a758')).toMatch(/^Senkit nem lehet kötelezni oltásra, .* nem szaporodhat és nem élhet\.$/);
    expect(selected('6e158a95')).toBe('A Politikusoknak kötemező, ja leszavazták maguknak!');
    expect(selected('df108b8a')).toMatch(/^köszönjük 3 tanárt vesztünk el .* jövőre$/);
  });

  it('imports as a qda project with codings on the paragraphs that hold the selections', async () => {
    const dir = tempDir();
    const into = join(dir, 'nvivo');
    const out = await qda(['import', 'qdpx', NVIVO, '--into', into]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/\(NVivo for Windows 12\.6\) into .*: 2 sources, 152 codes, codings per user: \w+ \d+/);
    expect(out.stderr).toMatch(/left out: /);
    const corpus = readdirSync(join(into, 'corpus')).sort();
    expect(corpus).toEqual(['videos_10_selected.md', 'videos_selection.md']);
    const markdown = readFileSync(join(into, 'corpus', 'videos_10_selected.md'), 'utf8');
    expect(markdown).toMatch(/^---\nid: videos_10_selected\nplain: true\n---\n\n/);

    // Each row's anchor is a paragraph of the markdown holding the selected words.
    const codings = readdirSync(join(into, 'codings'));
    expect(codings.length).toBeGreaterThan(0);
    const rows = codings.flatMap((f) =>
      readFileSync(join(into, 'codings', f), 'utf8')
        .trim()
        .split('\r\n')
        .slice(1),
    );
    const { document } = readDocument('videos_10_selected.md', markdown);
    const paragraphs = new Map(segmentDocument(document, 'paragraph').map((p) => [anchorOf(p.text), p.text]));
    const zacher = rows.find((r) => r.includes('Zacher - az egy magyar'));
    expect(zacher).toBeDefined();
    const anchor = zacher!.split(',')[1];
    expect(paragraphs.get(anchor)).toBe('Zacher - az egy magyar név?');
    const bad = rows.filter((r) => !paragraphs.has(r.split(',')[1]));
    expect(bad).toEqual([]);
    expect(rows.length).toBeGreaterThan(250);

    const check = await qda(['code', into, '--format', 'json', '--quiet']);
    expect(check.code, check.stderr).toBe(0);
    const json = JSON.parse(check.stdout) as { documents: { segments: { text: string; codes: { id: string; source: string }[] }[] }[] };
    const coded = json.documents.flatMap((d) => d.segments.filter((s) => s.codes.some((c) => c.source === 'manual')));
    expect(coded.some((s) => s.text === 'Záhertorta egy alkesz nulla.')).toBe(true);
  });
});

describe('qda import qdpx: the ATLAS.ti sample and the MAXQDA imitation', () => {
  it.each([
    [
      'atlasti-8.4-mac_refi-standard-project.qde',
      /\(ATLAS\.ti 8\.4\.0 .*\) into .*: 0 sources, 14 codes, .*left out: .*PDF source.*text sources whose text file is missing/,
    ],
    ['maxqda-24-imitation_project.qde', /\(MAXQDA 24.*\) into .*: 0 sources, 8 codes, .*left out: 3 text sources whose text file is missing/],
  ])('%s imports with a summary of what came in and what was left out', async (name, summary) => {
    const dir = tempDir();
    const into = join(dir, 'p');
    const out = await qda(['import', 'qdpx', sample(name), '--into', into]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(summary);
    expect(out.stderr).toMatch(/: warning: left out .* \[qdpx\/left-out\]$/m);
    const book = parseCodebook('imported.yaml', readFileSync(join(into, 'codebooks', 'imported.yaml'), 'utf8'));
    expect(book.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps ATLAS.ti memos and code colours', async () => {
    const dir = tempDir();
    const into = join(dir, 'p');
    expect((await qda(['import', 'qdpx', sample('atlasti-8.4-mac_refi-standard-project.qde'), '--into', into, '--quiet'])).code).toBe(0);
    expect(readdirSync(join(into, 'memos')).length).toBe(2);
    expect(readFileSync(join(into, 'codebooks', 'imported.yaml'), 'utf8')).toMatch(/color: "#[0-9a-f]{6}"/);
  });

  it('keeps the nesting and the lower-case colours of MAXQDA codes with upper-case GUIDs', async () => {
    const dir = tempDir();
    const into = join(dir, 'p');
    expect((await qda(['import', 'qdpx', sample('maxqda-24-imitation_project.qde'), '--into', into, '--quiet'])).code).toBe(0);
    const book = parseCodebook('imported.yaml', readFileSync(join(into, 'codebooks', 'imported.yaml'), 'utf8')).codebook!;
    const regie = book.codes.find((c) => c.label['*'] === 'Regie bij het gezin')!;
    expect(regie.parent).toBe('samenwerking.rolverdeling');
    expect(regie.cluster).toBe('samenwerking');
    expect(regie.color).toBe('#ef8256');
    expect(book.codes.filter((c) => !c.parent).map((c) => c.id)).toEqual(['samenwerking', 'randvoorwaarden', 'vertrouwen']);
  });
});

describe('qda import qdpx: bad input', () => {
  const run = async (files: Record<string, string | Uint8Array>, name: string) => {
    const dir = tempDir(files);
    const out = await qda(['import', 'qdpx', join(dir, name), '--into', join(dir, 'out')]);
    return { ...out, written: existsSync(join(dir, 'out')) };
  };

  it('refuses a file that is not a zip', async () => {
    const out = await run({ 'x.qdpx': 'hello' }, 'x.qdpx');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/x\.qdpx: error: not a zip file and not a project\.qde/);
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(out.written).toBe(false);
  });

  it('refuses a zip without project.qde', async () => {
    const out = await run({ 'x.qdpx': zipSync({ 'readme.txt': new TextEncoder().encode('hi') }) }, 'x.qdpx');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/x\.qdpx: error: no project\.qde in the archive/);
    expect(out.written).toBe(false);
  });

  it('refuses XML that does not parse, with where', async () => {
    const out = await run({ 'x.qdpx': zipSync({ 'project.qde': new TextEncoder().encode('<Project name="a"><Users></Project>') }) }, 'x.qdpx');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/x\.qdpx \(project\.qde\):1:26: error: the XML does not parse: Expected closing tag 'Users'/);
    expect(out.written).toBe(false);
  });

  it('refuses to write into a project', async () => {
    const dir = tempDir({ 'p/qda.yaml': 'unit: paragraph\n' });
    const out = await qda(['import', 'qdpx', NVIVO, '--into', join(dir, 'p')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/qda\.yaml already exists/);
    expect(readdirSync(join(dir, 'p'))).toEqual(['qda.yaml']);
  });

  it('takes a differently named .qde and a Sources/ folder in any case', async () => {
    const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Food" isCodable="true" color="rgb(255,0,0)"/></Codes></CodeBook><Sources><TextSource guid="AAAAAAAA-0000-0000-0000-000000000002" name="One" plainTextPath="one.txt"><PlainTextSelection guid="AAAAAAAA-0000-0000-0000-000000000003" startPosition="3" endPosition="7"><Coding guid="AAAAAAAA-0000-0000-0000-000000000004"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000001"/></Coding></PlainTextSelection></TextSource></Sources></Project>`;
    const dir = tempDir({
      'x.qdpx': zipSync({
        'My Project.QDE': new TextEncoder().encode(qde),
        'SOURCES/One.TXT': new TextEncoder().encode('\uFEFFWe bake bread.\r\nSecond line.\r\n'),
      }),
    });
    const out = await qda(['import', 'qdpx', join(dir, 'x.qdpx'), '--into', join(dir, 'out')]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/1 sources, 1 codes, codings per user: imported 1/);
    const csv = readFileSync(join(dir, 'out', 'codings', 'imported.csv'), 'utf8');
    expect(csv).toContain(`One,${anchorOf('We bake bread.')},food,add,"selection: ""bake"""`);
    expect(readFileSync(join(dir, 'out', 'codebooks', 'imported.yaml'), 'utf8')).toContain('color: "#ff0000"');
  });
});
