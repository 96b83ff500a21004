/** The units on which coders differ, as a grid (a sheet to fill in, or a table to read) or JSON. */
import type { AgreeLevel } from '../agreement/coders.js';
import type { Disagreement } from '../agreement/conflicts.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { Formatter } from './index.js';
import { citation, readable } from './text.js';

/** The sheet's own columns; a coder cannot share a name with one of them. */
export const SHEET_COLUMNS = ['document', 'where', 'anchor', 'code', 'cluster', 'label', 'text', 'decision', 'note'];

export interface ConflictsView {
  coders: string[];
  level: AgreeLevel;
  list: Disagreement[];
  label: (id: string) => string;
}

/**
 * For a spreadsheet (csv): every column a resolutions file needs, with empty `decision` and `note` for
 * the team to fill in. For reading (table, md): where, code, the coders' decisions and the text.
 */
export function conflictsGrid(view: ConflictsView, sheet: boolean, missing: string): Grid {
  const codeColumn = view.level === 'cluster' ? 'cluster' : 'code';
  const verdicts = (d: Disagreement) => d.verdicts.map((v) => v ?? missing);
  if (sheet)
    return {
      header: ['document', 'where', 'anchor', codeColumn, 'label', ...view.coders, 'text', 'decision', 'note'],
      rows: view.list.map((d) => [
        d.document,
        citation(d.path, d.line),
        d.anchor,
        d.label,
        view.label(d.label),
        ...verdicts(d),
        shorten(readable(d.text), 80),
        '',
        '',
      ]),
    };
  return {
    header: ['where', codeColumn, ...view.coders, 'text'],
    rows: view.list.map((d) => [citation(d.path, d.line), d.label, ...verdicts(d), shorten(readable(d.text), 60)]),
  };
}

export function conflictsJson(view: ConflictsView): string {
  const conflicts = view.list.map((d) => ({
    document: d.document,
    path: d.path,
    line: d.line,
    anchor: d.anchor,
    code: d.label,
    label: view.label(d.label),
    text: readable(d.text),
    decisions: Object.fromEntries(view.coders.map((c, i) => [c, d.verdicts[i] ?? null])),
  }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, coders: view.coders, level: view.level, conflicts }, null, 2)}\n`;
}

/** The start of a text, cut at a word where one is near, with … when something was left out. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  return `${space > max / 2 ? head.slice(0, space) : head}…`;
}

/** The formats of the registry (formatters/index.ts): CSV is the sheet to fill in, the others are for reading. */
export const conflictsFormats = {
  table: (v) => gridText(conflictsGrid(v, false, '—')),
  csv: (v, options) => gridCsv(conflictsGrid(v, true, ''), options),
  md: (v) => gridMarkdown(conflictsGrid(v, false, '—')),
  json: (v) => conflictsJson(v),
} satisfies Record<string, Formatter<ConflictsView>>;
