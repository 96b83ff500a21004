/**
 * A resolutions sheet: the conflicts sheet of `qda agree --conflicts --format csv` with its `decision`
 * column filled in by the team, one row per unit (document, anchor, code). A decision is add or reject
 * (in any of the review sheet's words) or the name of a merged coder whose decision is taken. Rows left
 * blank resolve nothing. Whether each row's unit is a conflict is checked when the corpus is read.
 */
import type { Code } from '../codebook/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { decisionWord } from '../manual/review.js';
import { readSheet } from '../manual/sheet.js';

export interface Resolution {
  /** The decision itself, or the index of the coder whose decision is taken. */
  decision: 'add' | 'reject' | { coder: number };
  file: string;
  line: number;
  note?: string;
}

/** Key of a unit: document, anchor and code. */
export const unitKey = (document: string, anchor: string, code: string) => `${document}\u0000${anchor}\u0000${code}`;

export function readResolutions(
  path: string,
  text: string,
  coders: string[],
  codes: Map<string, Code>,
): { resolutions: Map<string, Resolution>; diagnostics: Diagnostic[] } {
  const { fields, records, problems } = readSheet(text);
  const resolutions = new Map<string, Resolution>();
  const diagnostics: Diagnostic[] = [];
  const bad = (line: number, message: string, hint?: string) =>
    diagnostics.push(diagnostic('error', path, 'merge/resolutions', line > 1 ? `row ${line}: ${message}` : message, { line, column: 1 }, hint));
  const missing = ['document', 'anchor', 'code', 'decision'].filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    const cluster = fields.includes('cluster') && missing.includes('code');
    bad(
      1,
      cluster
        ? 'the sheet lists clusters; a consensus is made of codes'
        : `the sheet lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      `use the sheet of qda agree ${coders.join(' ')} --conflicts --format csv${cluster ? ' (without --level cluster)' : ''}, with its header row`,
    );
    return { resolutions, diagnostics };
  }
  for (const p of problems) bad(p.line, p.message.replace(/^row \d+: /, ''), 'fix the quotes of that row in the spreadsheet and save it again');
  if (problems.length > 0) return { resolutions, diagnostics };
  for (const { line, cell } of records) {
    const raw = cell('decision');
    if (raw === '') continue;
    const coder = coders.indexOf(raw);
    const word = decisionWord(raw);
    if (coder < 0 && !word) {
      bad(line, `decision "${raw}" is neither add, reject nor one of ${coders.join(', ')}`, 'write add or reject, a coder’s name, or leave it empty');
      continue;
    }
    if (!codes.has(cell('code'))) {
      bad(line, `unknown code "${cell('code')}"`, 'use a code id of the codebook');
      continue;
    }
    const key = unitKey(cell('document'), cell('anchor'), cell('code'));
    const earlier = resolutions.get(key);
    if (earlier) {
      bad(line, `row ${earlier.line} already resolves ${cell('code')} on this paragraph of ${cell('document')}`, 'keep one of the two rows');
      continue;
    }
    const resolution: Resolution = { decision: coder >= 0 ? { coder } : word!, file: path, line };
    if (cell('note')) resolution.note = cell('note');
    resolutions.set(key, resolution);
  }
  return { resolutions, diagnostics };
}
