// The matrix of the bundled examples agrees with the codings JSON, and no CSV qda writes can carry a
// live formula, whatever the transcripts or attributes hold.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { code, getFormatter, matrix, openCorpus } from '../../src/index.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

interface Segment {
  ordinal: number;
  speakerRole: string | null;
  skipped?: boolean;
  codes: { id: string; cluster: string }[];
}
interface Doc {
  id: string;
  attributes: Record<string, string | string[]>;
  segments: Segment[];
}

describe('the matrix of examples/rotterdam recomputed from the codings JSON (through the library: the command line gives the same bytes, tests/app)', () => {
  test('segments per cluster and district, and documents per code and role', async () => {
    const opened = openCorpus(['examples/rotterdam'], {}, process.cwd()).result!;
    const codingsJson = [...(await getFormatter('codings', 'json'))(code(opened).result!, {})].join('');
    const codings = JSON.parse(codingsJson).documents as Doc[];
    const values = (d: Doc, key: string) => [d.attributes[key] ?? []].flat();
    const segmentsWith = (cluster: string, district: string) =>
      codings
        .filter((d) => values(d, 'district').includes(district))
        .flatMap((d) => d.segments.filter((s) => !s.skipped && s.codes.some((c) => c.cluster === cluster))).length;
    const documentsWith = (code: string, role: string) =>
      codings.filter((d) => values(d, 'role').includes(role) && d.segments.some((s) => s.codes.some((c) => c.id === code))).length;

    const clusters = Papa.parse<string[]>((await getFormatter('matrix', 'csv'))(matrix(opened, { level: 'cluster' }).result!, {}), {
      skipEmptyLines: true,
    }).data;
    const header = clusters[0];
    for (const [cluster, district] of [
      ['personal', 'Crooswijk'],
      ['institutional', 'Hillesluis'],
      ['organisation', 'Bospolder-Tussendijken'],
      ['alliance', 'Hillesluis'],
    ]) {
      const row = clusters.find((r) => r[0] === cluster)!;
      expect(Number(row[header.indexOf(district)]), `${cluster} × ${district}`).toBe(segmentsWith(cluster, district));
      expect(Number(row[header.indexOf(district)])).toBeGreaterThan(0);
    }

    const byRole = JSON.parse((await getFormatter('matrix', 'json'))(matrix(opened, { by: 'role', count: 'documents' }).result!, {}));
    for (const [code, role] of [
      ['institutional.capacity', 'wijkteammedewerker'],
      ['personal.relations', 'sleutelpersoon'],
      ['organisation.facilitation', 'leernetwerk'],
    ]) {
      const row = byRole.rows.find((r: { id: string }) => r.id === code);
      expect(row.values[byRole.columns.indexOf(role)], `${code} × ${role}`).toBe(documentsWith(code, role));
    }
  });
});

describe('formula injection', () => {
  test('no cell of any CSV from analyse starts a formula', async () => {
    const dir = tempDir({
      'corpus/a.md':
        '---\ndistrict: "=cmd|\' /C calc\'!A0"\nrole: "@SUM(1+1)"\n---\n\n=HYPERLINK("http://example.org","klik") we hebben korte lijnen.\n\n+31 6 1234 korte lijnen met de school.\n\n-2 wachtlijsten, @team samenwerking.\n',
      'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n',
      'book.yaml': readFileSync('tests/fixtures/small-codebook.yaml', 'utf8'),
    });
    const r = await qda(['analyse', '.', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    const csvs = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.csv'));
    expect(csvs.sort()).toEqual(['codings.csv', 'cooccurrence.csv', 'excerpts.csv', 'matrix-clusters.csv', 'matrix-codes.csv']);
    let cells = 0;
    for (const file of csvs) {
      const rows = Papa.parse<string[]>(readFileSync(join(dir, 'out', file), 'utf8'), { skipEmptyLines: true }).data;
      for (const cell of rows.flat()) {
        expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(50);
    const matrix = readFileSync(join(dir, 'out', 'matrix-codes.csv'), 'utf8');
    expect(matrix).toContain(`"'=cmd|' /C calc'!A0"`);
    const summary = await qda(['summary', '.', '--format', 'csv', '--by', 'role', '-q'], { cwd: dir });
    expect(summary.stdout).not.toMatch(/(^|,)[=+\-@]/m);
  });

  test('--excel: BOM, semicolons and decimal commas', async () => {
    const r = await qda(['matrix', 'tests/fixtures/analysis', '--count', 'coverage', '--format', 'csv', '--excel', '-q']);
    expect(r.stdout.startsWith('\uFEFFcode;label;Noord;Zuid;Totaal\r\n')).toBe(true);
    expect(r.stdout).toContain('organisation.communication;Communicatie;50,0;55,3;56,6');
  });
});
