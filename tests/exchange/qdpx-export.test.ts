import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDescription } from '../../src/exchange/codes.js';
import { allCodes } from '../../src/exchange/model.js';
import { readQde } from '../../src/exchange/qde-read.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { codePoints, codingsOf, unzip, utf8, validate } from './helpers.js';

const ROTTERDAM = join(process.cwd(), 'examples', 'rotterdam');

describe('qda export qdpx', () => {
  it('writes a project.qde that validates against the REFI-QDA schema, with every selection on its text', async () => {
    const dir = tempDir();
    const file = join(dir, 'rotterdam.qdpx');
    const result = await qda(['export', 'qdpx', file, ROTTERDAM]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/exported 15 documents, 20 codes, \d+ codings, \d+ variables and 7 memos/);

    const entries = unzip(file);
    expect(Object.keys(entries)[0]).toBe('project.qde');
    expect(
      Object.keys(entries)
        .filter((n) => n !== 'project.qde')
        .every((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n)),
    ).toBe(true);
    const xml = utf8(entries['project.qde']);
    const validation = await validate(xml, 'Project');
    expect(validation.errors).toEqual([]);
    expect(validation.valid).toBe(true);

    const read = readQde(xml, 'project.qde');
    expect(read.diagnostics).toEqual([]);
    const project = read.project!;
    expect(project.users.map((u) => u.name)).toContain('qda');
    const codeIds = new Map([...allCodes(project.codes)].map((c) => [c.guid, parseDescription(c.description).id]));
    const roles = [...allCodes(project.codes)].find((c) => parseDescription(c.description).id === 'organisation.roles')!;
    expect(roles.name).toBe('Rollen en verantwoordelijkheden');
    expect(roles.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(roles.description).toMatch(
      /Include: .+\n\nExclude: .+\n\n(?:qda-(?:examples|terms|patterns|not|min-hits): .+\n)+qda-id: organisation.roles$/s,
    );
    expect(project.codes.map((c) => parseDescription(c.description).id)).toEqual(['personal', 'institutional', 'organisation', 'alliance']);

    // Re-read the export: each selection, in code points of the exported text, is the coded segment.
    const exported: string[] = [];
    const users = new Map(project.users.map((u) => [u.guid, u.name]));
    for (const source of project.sources) {
      const text = utf8(entries[`sources/${source.plainTextPath!.replace('internal://', '')}`]);
      expect(text).not.toMatch(/\r|^\uFEFF/);
      for (const s of source.selections) {
        const selected = codePoints(text, s.start, s.end);
        expect(selected.replace(/\s+/g, ' ').trim().startsWith(s.name!.replace(/…$/, ''))).toBe(true);
        for (const c of s.codings) exported.push(`${source.name}|${codeIds.get(c.code)}|${users.get(c.user ?? '')}|${selected}`);
      }
    }
    const { set, docs } = await codingsOf([ROTTERDAM]);
    expect(exported.sort()).toEqual(set);

    // Attributes as variables with values in each source.
    const variables = new Map(project.variables.map((v) => [v.guid, v.name]));
    const crooswijk = project.sources.find((s) => s.name === 'crooswijk-gezinsondersteuner-1')!;
    const values = Object.fromEntries(crooswijk.values.map((v) => [variables.get(v.variable), v.value]));
    expect(values).toEqual(docs.find((d) => d.id === 'crooswijk-gezinsondersteuner-1')!.attributes);

    // Memos as notes, attached to their code.
    expect(project.notes).toHaveLength(7);
    const alliance = project.codes.find((c) => parseDescription(c.description).id === 'alliance')!;
    expect(alliance.notes.length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same project, and leaves auto codings out with --manual-only', async () => {
    const dir = tempDir();
    const a = await qda(['export', 'qdpx', join(dir, 'a.qdpx'), ROTTERDAM, '--quiet']);
    const b = await qda(['export', 'qdpx', join(dir, 'b.qdpx'), ROTTERDAM, '--quiet']);
    expect(a.code + b.code).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'a.qdpx')), readFileSync(join(dir, 'b.qdpx')))).toBe(0);
    const manual = await qda(['export', 'qdpx', join(dir, 'm.qdpx'), ROTTERDAM, '--manual-only']);
    expect(manual.code, manual.stderr).toBe(0);
    const xml = utf8(unzip(join(dir, 'm.qdpx'))['project.qde']);
    // Only the reviewers' and the inline codes remain: no selection is the auto-coder's.
    const auto = /<User guid="([^"]+)" name="qda"\/>/.exec(xml)?.[1];
    const creators = [...xml.matchAll(/<Coding [^>]*creatingUser="([^"]+)"/g)].map((m) => m[1]);
    expect(creators.length).toBeGreaterThan(100);
    expect(creators).not.toContain(auto);
    expect((await validate(xml, 'Project')).valid).toBe(true);
  });

  it('puts astral characters and CRLF files at code-point offsets into LF text', async () => {
    const dir = tempDir({
      'qda.yaml': 'corpus: [corpus/*.md]\ncodebook: book.yaml\n',
      'book.yaml': 'name: t\nlanguage: en\ncodes:\n  - id: food\n    terms: [bread]\n',
      'corpus/a.md': '---\nid: a\ngroup: x\n---\r\n\r\nEmoji 😀😀 first.\r\n\r\nWe bake bread 🍞 daily.\r\n',
    });
    const out = await qda(['export', 'qdpx', join(dir, 'a.qdpx'), dir]);
    expect(out.code, out.stderr).toBe(0);
    const entries = unzip(join(dir, 'a.qdpx'));
    const read = readQde(utf8(entries['project.qde']), 'project.qde');
    const source = read.project!.sources[0];
    const text = utf8(entries[`sources/${source.plainTextPath!.slice('internal://'.length)}`]);
    expect(text).toBe('Emoji 😀😀 first.\n\nWe bake bread 🍞 daily.\n');
    expect(source.selections).toHaveLength(1);
    const s = source.selections[0];
    expect(codePoints(text, s.start, s.end)).toBe('We bake bread 🍞 daily.');
    expect([s.start, s.end]).toEqual([17, 39]);
  });
});
