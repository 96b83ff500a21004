// Two coders, ana and bram, on two small interviews: the decisions the agreement and merge tests share.
import { readFileSync } from 'node:fs';
import { anchorOf } from '../../src/manual/anchor.js';
import { tempDir } from './temp.js';

const BOOK = readFileSync('tests/fixtures/small-codebook.yaml', 'utf8');
// Auto codes: a1 organisation.communication, a2 institutional.capacity, a3 none,
// b1 organisation.roles and organisation.communication, b2 personal.relations.
export const A = `---
district: Noord
---

**R:** We hebben korte lijnen met school.

**R:** De wachtlijst is lang.

**R:** Dit gaat over niets.
`;
export const B = `---
district: Zuid
---

**R:** De regie ligt bij ons, en we appen veel.

**R:** Het vertrouwen groeit.
`;
export const P = {
  a1: 'We hebben korte lijnen met school.',
  a2: 'De wachtlijst is lang.',
  b1: 'De regie ligt bij ons, en we appen veel.',
  b2: 'Het vertrouwen groeit.',
};

export type Row = [keyof typeof P, string, 'add' | 'reject'];
export const sidecar = (rows: Row[]) =>
  'document,anchor,code,decision\n' + rows.map(([p, code, decision]) => `${p[0]},${anchorOf(P[p])},${code},${decision}\n`).join('');

// ana reviewed a1, b1 and b2; on b1 she left organisation.communication blank. bram reviewed a1, a2 and b1.
export const ANA: Row[] = [
  ['a1', 'personal.relations', 'add'],
  ['a1', 'organisation.communication', 'reject'],
  ['a1', 'organisation.roles', 'add'],
  ['b1', 'organisation.roles', 'add'],
  ['b2', 'personal.relations', 'add'],
];
export const BRAM: Row[] = [
  ['a1', 'personal.relations', 'add'],
  ['a1', 'organisation.communication', 'add'],
  ['b1', 'organisation.roles', 'add'],
  ['b1', 'organisation.communication', 'reject'],
  ['a2', 'institutional.capacity', 'add'],
];

export function project(extra: Record<string, string> = {}): string {
  return tempDir({
    'qda.yaml': 'corpus: [corpus/**/*.md]\ncodebook: book.yaml\n',
    'book.yaml': BOOK,
    'corpus/a.md': A,
    'corpus/b.md': B,
    'codings/ana.csv': sidecar(ANA),
    'codings/bram.csv': sidecar(BRAM),
    ...extra,
  });
}
