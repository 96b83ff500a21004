/** The codings files of an import: codings/<coder>.csv, one row per (document, paragraph, code), sorted. */
import { csvLines } from '../../formatters/csv.js';
import type { Row } from './selections.js';

/** The files, and how many codings each coder got. */
export function codingsFiles(rows: Map<string, Row[]>): { files: [string, string][]; codings: Map<string, number> } {
  const files: [string, string][] = [];
  const codings = new Map<string, number>();
  for (const [coder, list] of [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const unique = dedupe(list);
    codings.set(coder, unique.length);
    const table = [
      ['document', 'anchor', 'code', 'decision', 'note', 'line', 'text'],
      ...unique.map((r) => [r.document, r.anchor, r.code, 'add', r.note, r.line, r.text]),
    ];
    files.push([`codings/${coder}.csv`, csvLines(table, { store: true })]);
  }
  return { files, codings };
}

/** One row per (document, paragraph, code); the notes of rows that fall together are joined. */
function dedupe(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const r of rows) {
    const key = `${r.document}\u0000${r.anchor}\u0000${r.code}`;
    const old = seen.get(key);
    if (!old) seen.set(key, r);
    else if (r.note && old.note !== r.note) old.note = old.note ? `${old.note}; ${r.note}` : r.note;
  }
  return [...seen.values()].sort(
    (a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0) || a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
