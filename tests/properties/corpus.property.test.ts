/** Properties 2 and 3: coding is deterministic and independent of file order; matrix totals add up. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { UNITS, type Unit } from '../../src/ingest/units.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { corpusFile, corpusSpec, SMALL_BOOK, type CorpusSpec } from './arbitraries.js';

const BOOK = join(process.cwd(), SMALL_BOOK);
const unit = fc.constantFrom<Unit>(...UNITS);

/** A folder with the corpus, files created in `order`; document i is named names[nameOf[i]]. */
function writeCorpus(corpus: CorpusSpec, order: number[], nameOf: number[]): string {
  const dir = tempDir();
  for (const i of order) {
    const path = join(dir, 'corpus', corpus.names[nameOf[i]]);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, corpusFile(corpus, i));
  }
  return dir;
}

const identity = (n: number) => [...Array(n).keys()];

async function code(dir: string, u: Unit): Promise<string> {
  const r = await qda(['code', 'corpus', '--format', 'json', '--codebook', BOOK, '--unit', u], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

interface JsonDocument {
  id: string;
  path: string;
  attributes: Record<string, string | string[]>;
  segments: { ordinal: number; codes: { id: string; cluster: string }[] }[];
}

describe('coding is deterministic and independent of file order', () => {
  test('two runs give the same bytes; per-document results do not depend on names or creation order', async () => {
    await fc.assert(
      fc.asyncProperty(corpusSpec, unit, async (corpus, u) => {
        const n = corpus.names.length;
        const a = writeCorpus(corpus, corpus.orderA, identity(n));
        const first = await code(a, u);
        const second = await code(a, u);
        expect(second).toBe(first);

        const b = writeCorpus(corpus, corpus.orderB, corpus.rename);
        const third = await code(b, u);
        const byId = (out: string) => {
          const json = JSON.parse(out);
          const docs = new Map<string, unknown>();
          for (const { path: _path, ...doc } of json.documents as JsonDocument[]) docs.set(doc.id, doc);
          return { docs, totals: json.totals };
        };
        const x = byId(first);
        const y = byId(third);
        expect([...y.docs.keys()].sort()).toEqual([...x.docs.keys()].sort());
        for (const [id, doc] of x.docs) expect(y.docs.get(id)).toEqual(doc);
        expect(y.totals).toEqual(x.totals);
        // Documents come in path order.
        const paths = (JSON.parse(third).documents as JsonDocument[]).map((d) => d.path);
        expect(paths).toEqual([...paths].sort());
      }),
      { numRuns: 30 },
    );
  });
});

describe('matrix totals', () => {
  test('Total row = coded segments per district, Total column = distinct coded segments; cluster cell <= sum of its codes', async () => {
    await fc.assert(
      fc.asyncProperty(corpusSpec, unit, async (corpus, u) => {
        const dir = writeCorpus(corpus, corpus.orderA, identity(corpus.names.length));
        const coded = JSON.parse(await code(dir, u));
        const run = async (...extra: string[]) => {
          const r = await qda(['matrix', 'corpus', '--format', 'json', '--codebook', BOOK, '--unit', u, ...extra], { cwd: dir });
          expect(r.code, r.stderr).toBe(0);
          return JSON.parse(r.stdout);
        };
        const codes = await run();
        const clusters = await run('--level', 'cluster');

        // Expected counts from the codings.
        const perDistrict = new Map<string, number>();
        const cell = new Map<string, number>();
        const rowTotal = new Map<string, number>();
        const clusterCell = new Map<string, number>();
        const clusterTotal = new Map<string, number>();
        const columns = new Set<string>();
        let coded_ = 0;
        const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
        for (const doc of coded.documents as JsonDocument[]) {
          const value = doc.attributes.district;
          const districts = value === undefined || (Array.isArray(value) && value.length === 0) ? ['(none)'] : [...new Set([value].flat())];
          if (doc.segments.length > 0) for (const d of districts) columns.add(d);
          for (const s of doc.segments) {
            if (s.codes.length === 0) continue;
            coded_++;
            const ids = new Set(s.codes.map((c) => c.id));
            const cl = new Set(s.codes.map((c) => c.cluster));
            for (const id of ids) bump(rowTotal, id);
            for (const c of cl) bump(clusterTotal, c);
            for (const d of districts) {
              bump(perDistrict, d);
              for (const id of ids) bump(cell, `${id}|${d}`);
              for (const c of cl) bump(clusterCell, `${c}|${d}`);
            }
          }
        }

        expect([...codes.columns].sort()).toEqual([...columns].sort());
        expect(codes.totals.columns).toEqual(codes.columns.map((d: string) => perDistrict.get(d) ?? 0));
        expect(codes.totals.all).toBe(coded_);
        for (const row of codes.rows) {
          expect(row.total).toBe(rowTotal.get(row.id) ?? 0);
          expect(row.values).toEqual(codes.columns.map((d: string) => cell.get(`${row.id}|${d}`) ?? 0));
        }

        expect(clusters.columns).toEqual(codes.columns);
        expect(clusters.totals).toEqual(codes.totals);
        for (const row of clusters.rows) {
          const children = codes.rows.filter((r: { id: string }) => r.id.startsWith(`${row.id}.`));
          row.values.forEach((v: number, j: number) => {
            const sum = children.reduce((acc: number, r: { values: number[] }) => acc + r.values[j], 0);
            const max = Math.max(0, ...children.map((r: { values: number[] }) => r.values[j]));
            expect(v).toBeLessThanOrEqual(sum);
            expect(v).toBeGreaterThanOrEqual(max);
            expect(v).toBe(clusterCell.get(`${row.id}|${codes.columns[j]}`) ?? 0);
          });
          expect(row.total).toBe(clusterTotal.get(row.id) ?? 0);
        }
      }),
      { numRuns: 30 },
    );
  });
});
