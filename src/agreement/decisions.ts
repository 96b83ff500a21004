/**
 * What each coder decided, paragraph by paragraph (the rule is spelled out in docs/codings.md):
 *
 * - the auto-coder `qda` decides every paragraph it codes: 1 for the codes it gives, 0 for the rest;
 * - a person decides a code on a paragraph with an `add` (1) or a `reject` (0), in a sidecar row or an
 *   inline comment (an accepted review row is an `add`);
 * - a paragraph on which a person wrote any decision counts as reviewed by them, and a code they did not
 *   give there is a real 0, unless the auto-coder proposed it there: then the proposal was left
 *   undecided (a review row left blank) and the value is missing;
 * - a paragraph a person wrote nothing on is missing for every code.
 *
 * One coder adding and rejecting one code on one paragraph is a conflict, reported with both rows.
 */
import type { CodedDocument } from '../corpus/pipeline.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { anchorsOf, INLINE_CODER } from '../manual/apply.js';
import type { ManualRow } from '../manual/sidecar.js';

/** One written decision and where it stands (a sidecar row, or an inline comment in the transcript). */
export interface Decided {
  add: boolean;
  file: string;
  line: number;
}

/** A coder's value for one unit: 1 given, 0 not given, undefined no decision. */
export type Value = 0 | 1 | undefined;

/** How a value came about, as the conflicts list shows it. */
export type Verdict = 'add' | 'reject' | 'not given' | undefined;

/** The decisions of the compared coders on one document, read against its auto-coding. */
export interface DocumentDecisions {
  coded: CodedDocument;
  /** Segment ordinal → the codes the auto-coder gave it. */
  auto: Map<number, Set<string>>;
  /** Per compared coder (in order): segment ordinal → code → decision; undefined for the auto-coder. */
  people: (Map<number, Map<string, Decided>> | undefined)[];
}

/** Read the coders' decisions on one auto-coded document; conflicting decisions come back as errors. */
export function documentDecisions(
  coded: CodedDocument,
  coders: string[],
  rows: ManualRow[],
): { decisions: DocumentDecisions; conflicts: Diagnostic[] } {
  const auto = new Map<number, Set<string>>();
  for (const c of coded.codings) if (c.source === 'auto') auto.set(c.segment, (auto.get(c.segment) ?? new Set()).add(c.code));
  const conflicts: Diagnostic[] = [];
  const people = coders.map((coder) => {
    if (coder === AUTO_CODER) return undefined;
    const mine = new Map<number, Map<string, Decided>>();
    const decide = (ordinal: number, code: string, made: Decided) => {
      if (coded.skipped.has(ordinal)) return;
      const paragraph = mine.get(ordinal) ?? new Map<string, Decided>();
      mine.set(ordinal, paragraph);
      const earlier = paragraph.get(code);
      if (!earlier) paragraph.set(code, made);
      else if (earlier.add !== made.add) conflicts.push(conflict(coder, code, coded, ordinal, earlier, made));
    };
    if (coder === INLINE_CODER) inlineDecisions(coded, decide);
    else {
      const anchors = anchorsOf(coded.document.text, coded.segments);
      for (const row of rows)
        if (row.coder === coder && row.document === coded.document.id)
          for (const ordinal of anchors.get(row.anchor) ?? [])
            decide(ordinal, row.code, { add: row.decision === 'add', file: row.file, line: row.line });
    }
    return mine;
  });
  return { decisions: { coded, auto, people }, conflicts };
}

function inlineDecisions(coded: CodedDocument, decide: (ordinal: number, code: string, made: Decided) => void): void {
  const { document } = coded;
  for (const s of coded.segments)
    for (const p of s.paragraphs)
      for (const inline of p.inline ?? []) {
        const line = document.lines.point(inline.offset).line;
        inline.add.forEach((code) => decide(s.ordinal, code, { add: true, file: document.path, line }));
        inline.reject.forEach((code) => decide(s.ordinal, code, { add: false, file: document.path, line }));
      }
}

function conflict(coder: string, code: string, coded: CodedDocument, ordinal: number, first: Decided, second: Decided): Diagnostic {
  const [adds, rejects] = first.add ? [first, second] : [second, first];
  const paragraph = `${coded.document.path}:${coded.segments[ordinal - 1].lines.start}`;
  return diagnostic(
    'error',
    second.file,
    'agree/conflict',
    `${coder} both adds and rejects ${code} on the paragraph at ${paragraph}: added at ${adds.file}:${adds.line}, rejected at ${rejects.file}:${rejects.line}`,
    { line: second.line, column: 1 },
    'keep one of the two decisions',
  );
}

/** Whether a coder wrote any decision in this document (the auto-coder always has one). */
export function decidesAny(decisions: DocumentDecisions, coder: number): boolean {
  const mine = decisions.people[coder];
  return mine === undefined || mine.size > 0;
}

/**
 * A coder's verdict on a unit: one segment and a label that stands for `codes` (one code, or every
 * code of a cluster). A cluster is given when any of its codes is; not given when every one of them is
 * decided not given; otherwise undecided.
 */
export function verdict(decisions: DocumentDecisions, coder: number, ordinal: number, codes: readonly string[]): Verdict {
  const proposed = decisions.auto.get(ordinal);
  const mine = decisions.people[coder];
  if (mine === undefined) return codes.some((c) => proposed?.has(c)) ? 'add' : 'not given';
  const paragraph = mine.get(ordinal);
  if (!paragraph) return undefined;
  let rejected = false;
  let open = false;
  for (const code of codes) {
    const made = paragraph.get(code);
    if (made?.add) return 'add';
    if (made) rejected = true;
    else if (proposed?.has(code)) open = true;
  }
  if (open) return undefined;
  return rejected ? 'reject' : 'not given';
}

export function valueOf(v: Verdict): Value {
  return v === undefined ? undefined : v === 'add' ? 1 : 0;
}
