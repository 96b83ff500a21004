import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/load.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { sample, validate } from './helpers.js';

const ROTTERDAM = join(process.cwd(), 'examples', 'rotterdam');
const plain = (b: ReturnType<typeof parseCodebook>['codebook']) =>
  b!.codes.map((c) => ({ id: c.id, parent: c.parent, label: Object.values(c.label)[0], color: c.color }));

describe('qda codebook export / import', () => {
  it('writes QDC that validates against the codebook schema and reads it back', async () => {
    const dir = tempDir();
    const qdc = join(dir, 'hall.qdc');
    const out = await qda(['codebook', 'export', ROTTERDAM, '--format', 'qdc', '--out', qdc]);
    expect(out.code, out.stderr).toBe(0);
    const xml = readFileSync(qdc, 'utf8');
    const result = await validate(xml, 'Codebook');
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).not.toContain('<Sets');

    const back = await qda(['codebook', 'import', qdc, '--out', join(dir, 'back.yaml')]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toMatch(/imported 20 codes/);
    const again = parseCodebook('back.yaml', readFileSync(join(dir, 'back.yaml'), 'utf8'));
    const hall = parseCodebook('hall.yaml', readFileSync(join(process.cwd(), 'codebooks', 'hall.yaml'), 'utf8'));
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plain(again.codebook)).toEqual(hall.codebook!.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label.nl, color: c.color })));
  });

  it('writes markdown and CSV; CSV reads back with terms', async () => {
    const md = await qda(['codebook', 'export', ROTTERDAM, '--format', 'md', '--quiet']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# HALL/);
    expect(md.stdout).toContain('### Rollen en verantwoordelijkheden `organisation.roles`');
    expect(md.stdout).toContain('**Include:**');
    const dir = tempDir();
    const csv = await qda(['codebook', 'export', ROTTERDAM, '--format', 'csv', '--out', join(dir, 'book.csv')]);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'book.csv'), 'utf8')).toMatch(/^id,parent,label,description,include,exclude,examples,terms,color\r\n/);
    const back = await qda(['codebook', 'import', join(dir, 'book.csv'), '--quiet']);
    expect(back.code, back.stderr).toBe(0);
    const book = parseCodebook('b.yaml', back.stdout);
    expect(book.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const roles = book.codebook!.codes.find((c) => c.id === 'organisation.roles')!;
    expect(roles.parent).toBe('organisation');
    expect(roles.terms['*'].length).toBeGreaterThan(3);
  });

  it('imports the Taguette codebook (whose empty <Sets/> the schema refuses) leniently', async () => {
    const out = await qda(['codebook', 'import', sample('taguette-1.4-imitation_codebook.qdc')]);
    expect(out.code, out.stderr).toBe(0);
    const book = parseCodebook('t.yaml', out.stdout);
    expect(book.codebook!.codes).toHaveLength(3);
    expect(book.codebook!.codes.every((c) => /^[a-z0-9_-]+$/.test(c.id))).toBe(true);
  });

  it('refuses a QDC that does not parse, naming the file', async () => {
    const dir = tempDir({ 'bad.qdc': '<CodeBook><Codes>' });
    const out = await qda(['codebook', 'import', join(dir, 'bad.qdc')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/bad\.qdc:1:\d+: error: the XML does not parse: .* \[qdc\/xml\]/);
  });
});
