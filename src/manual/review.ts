/**
 * The review sheet: one row per auto coding for a spreadsheet, and reading the decisions back. A sheet
 * is imported whole or not at all; every bad row is reported with its row number as the spreadsheet
 * shows it (the header is row 1).
 */
import { localise, type Code } from '../codebook/types.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { matchedWords, type Evidence } from '../coding/coding.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { anchorOf } from './anchor.js';
import { anchorsOf } from './apply.js';
import { readSheet } from './sheet.js';
import { rowText, SIDECAR_COLUMNS, type Decision, type ManualRow } from './sidecar.js';
import { attributeOf, type AttributeValue } from '../ingest/document.js';

/** One row of the review sheet: a code in question at a segment, with what found it there. */
export interface ReviewItem {
  document: string;
  path: string;
  /** The document's value of each attribute column, in their order. */
  attributes: (AttributeValue | undefined)[];
  speaker?: string;
  /** First line of the segment. */
  line: number;
  /** The anchor of the segment's first paragraph: what the decision is matched to on import. */
  anchor: string;
  code: string;
  /** The code's label in the output language (its id when it has none). */
  label: string;
  /** The words that found the code there. */
  terms: string[];
  /** The segment's text as the file has it. */
  text: string;
  /** In a sheet of the most uncertain paragraphs (--next): the model's probability (absent without a model of the code) and its examples. */
  uncertain?: { probability?: number; examples: number };
}

/** The review items of one coded document (auto and model codings only). */
export function reviewItems(coded: CodedDocument, attributeKeys: string[], codes: Map<string, Code>, language: string): ReviewItem[] {
  return coded.codings
    .filter((c) => c.source === 'auto' || c.source === 'model')
    .map((c) => reviewItem(coded, c.segment, c.code, c.evidence, attributeKeys, codes, language));
}

export function reviewItem(
  coded: Pick<CodedDocument, 'document' | 'segments'>,
  ordinal: number,
  codeId: string,
  evidence: readonly Evidence[],
  attributeKeys: string[],
  codes: Map<string, Code>,
  language: string,
): ReviewItem {
  const { document, segments } = coded;
  const s = segments[ordinal - 1];
  const p = s.paragraphs[0]?.range ?? s.range;
  const code = codes.get(codeId);
  const item: ReviewItem = {
    document: document.id,
    path: document.path,
    attributes: attributeKeys.map((k) => attributeOf(document.attributes, k)),
    line: s.lines.start,
    anchor: anchorOf(document.text.slice(p.start, p.end)),
    code: codeId,
    label: (code && localise(code.label, language, language)) ?? codeId,
    terms: matchedWords(evidence),
    text: s.text,
  };
  if (s.speaker !== undefined) item.speaker = s.speaker;
  return item;
}

const ADD = new Set(['add', 'accept', 'accepted', 'yes', 'y', 'ja', 'j', 'ok', '1', 'true', 'x', '✓', 'keep']);
const REJECT = new Set(['reject', 'rejected', 'no', 'n', 'nee', '0', 'false', 'remove', 'delete', '-']);

/** The decision a person wrote in a sheet's decision cell, in any of the words people use for it. */
export function decisionWord(cell: string): Decision | undefined {
  const word = cell.trim().toLowerCase();
  return ADD.has(word) ? 'add' : REJECT.has(word) ? 'reject' : undefined;
}

export interface ImportedSheet {
  rows: ManualRow[];
  diagnostics: Diagnostic[];
}

/**
 * Decisions of a filled-in review sheet, checked against the corpus: known documents, paragraphs that
 * still exist, codes of the codebook, and decisions that say add or reject. Rows left empty are skipped.
 */
export function readReviewSheet(
  path: string,
  text: string,
  coder: string,
  documents: Map<string, { text: string; segments: CodedDocument['segments'] }>,
  codes: Map<string, Code>,
): ImportedSheet {
  const { fields, records, problems } = readSheet(text);
  const diagnostics: Diagnostic[] = [];
  const missing = ['document', 'anchor', 'code', 'decision'].filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'review/columns',
        `the sheet lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
        { line: 1, column: 1 },
        'import the sheet that qda review export wrote, with its header row',
      ),
    );
    return { rows: [], diagnostics };
  }
  for (const p of problems)
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'review/row',
        p.message,
        { line: p.line, column: 1 },
        'fix the quotes of that row in the spreadsheet and save it again',
      ),
    );
  if (problems.length > 0) return { rows: [], diagnostics };
  const anchors = new Map<string, Map<string, number[]>>();
  const rows: ManualRow[] = [];
  records.forEach(({ line, cell }) => {
    const raw = cell('decision');
    if (raw === '') return;
    const bad = (message: string, hint?: string) =>
      diagnostics.push(diagnostic('error', path, 'review/row', `row ${line}: ${message}`, { line, column: 1 }, hint));
    const decision = decisionWord(raw);
    if (!decision)
      return bad(`decision "${cell('decision')}" is not add or reject`, 'write add (or accept, yes, ja) or reject (or no, nee), or leave it empty');
    const document = documents.get(cell('document'));
    if (!document) return bad(`no document with id "${cell('document')}"`);
    if (!codes.has(cell('code'))) return bad(`unknown code "${cell('code')}"`, 'use a code id of the codebook');
    let byAnchor = anchors.get(cell('document'));
    if (!byAnchor) anchors.set(cell('document'), (byAnchor = anchorsOf(document.text, document.segments)));
    const ordinals = byAnchor.get(cell('anchor'));
    if (!ordinals)
      return bad(
        `the paragraph ${cell('anchor')} of ${cell('document')} has changed since the sheet was made`,
        'export a new sheet for this document',
      );
    const segment = document.segments[ordinals[0] - 1];
    const row: ManualRow = {
      document: cell('document'),
      anchor: cell('anchor'),
      code: cell('code'),
      decision,
      coder,
      file: path,
      line,
      text: rowText(segment.text),
    };
    if (cell('note')) row.note = cell('note');
    row.paragraphLine = segment.lines.start;
    rows.push(row);
  });
  return { rows, diagnostics };
}

/** A coder's sidecar with the new rows laid over the old ones (same document, anchor and code). */
export function mergeSidecar(existing: ManualRow[], incoming: ManualRow[]): ManualRow[] {
  const key = (r: ManualRow) => `${r.document}\u0000${r.anchor}\u0000${r.code}`;
  const merged = new Map(existing.map((r) => [key(r), r]));
  for (const r of incoming) merged.set(key(r), r);
  return [...merged.values()];
}

export function sidecarCsv(rows: ManualRow[]): string[][] {
  return [
    [...SIDECAR_COLUMNS],
    ...rows.map((r) => [
      r.document,
      r.anchor,
      r.code,
      r.decision,
      r.note ?? '',
      r.paragraphLine === undefined ? '' : String(r.paragraphLine),
      r.text ?? '',
    ]),
  ];
}
