/**
 * The consensus of two or more coders, as the rows of a new coder file. One row for every unit (a
 * paragraph and a code) on which any of them wrote a decision:
 * - the coders who decided agree: their decision (agreed, or of one coder only when the others made none);
 * - they differ: the resolution of the resolutions sheet, else the preferred coder's decision; without
 *   either the conflict is reported and nothing is written.
 * Units nobody wrote a decision on get no row, so the consensus reviews exactly the paragraphs the
 * coders reviewed and its implicit "not given" stays what theirs was.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { anchorOf } from '../manual/anchor.js';
import { rowText, type ManualRow } from '../manual/sidecar.js';
import type { Label } from './coders.js';
import { valueOf, verdict, type DocumentDecisions, type Value } from './decisions.js';
import { unitKey, type Resolution } from './resolutions.js';

export interface ConsensusCounts {
  agreed: number;
  /** Units only one of the coders decided. */
  single: number;
  resolved: number;
}

export interface ConsensusOptions {
  coders: string[];
  into: string;
  resolutions: Map<string, Resolution>;
  /** Index of the coder whose decision settles a conflict the resolutions leave open. */
  prefer?: number;
}

export interface DocumentConsensus {
  rows: ManualRow[];
  problems: Diagnostic[];
  /** Resolutions this document used, and the units it holds (for telling a stale resolution from a needless one). */
  used: Set<string>;
  units: Set<string>;
}

export function documentConsensus(
  decisions: DocumentDecisions,
  labels: Label[],
  options: ConsensusOptions,
  counts: ConsensusCounts,
): DocumentConsensus {
  const { coded } = decisions;
  const { coders } = options;
  const out: DocumentConsensus = { rows: [], problems: [], used: new Set(), units: new Set() };
  for (const segment of coded.segments) {
    const p = segment.paragraphs[0]?.range ?? segment.range;
    const anchor = anchorOf(coded.document.text.slice(p.start, p.end));
    out.units.add(`${coded.document.id}\u0000${anchor}`);
    if (coded.skipped.has(segment.ordinal)) continue;
    for (const label of labels) {
      const written = decisions.people.some((mine) => mine?.get(segment.ordinal)?.has(label.id));
      if (!written) continue;
      const values = coders.map((_, i) => valueOf(verdict(decisions, i, segment.ordinal, label.codes)));
      const present = values.filter((v) => v !== undefined);
      const key = unitKey(coded.document.id, anchor, label.id);
      const resolution = options.resolutions.get(key);
      let value: Value;
      let note: string;
      if (present.every((v) => v === present[0])) {
        value = present[0];
        note = present.length > 1 ? 'agreed' : `only ${coders[values.findIndex((v) => v !== undefined)]}`;
        counts[present.length > 1 ? 'agreed' : 'single']++;
      } else if (resolution) {
        out.used.add(key);
        const chosen = typeof resolution.decision === 'string' ? resolution.decision : values[resolution.decision.coder];
        if (chosen === undefined) {
          const coder = coders[(resolution.decision as { coder: number }).coder];
          out.problems.push(
            diagnostic('error', resolution.file, 'merge/resolutions', `row ${resolution.line}: ${coder} made no decision on this unit`, {
              line: resolution.line,
              column: 1,
            }),
          );
          continue;
        }
        value = chosen === 'add' || chosen === 1 ? 1 : 0;
        note = `resolved in ${resolution.file}:${resolution.line}${resolution.note ? `: ${resolution.note}` : ''}`;
        counts.resolved++;
      } else if (options.prefer !== undefined && values[options.prefer] !== undefined) {
        value = values[options.prefer];
        note = `resolved: ${coders[options.prefer]} preferred`;
        counts.resolved++;
      } else {
        const what = coders.map((c, i) => `${c} ${values[i] === undefined ? 'no decision' : values[i] ? 'add' : 'reject'}`).join(', ');
        out.problems.push(
          diagnostic('error', coded.document.path, 'merge/unresolved', `no resolution for ${label.id} on this paragraph (${what})`, {
            line: segment.lines.start,
            column: 1,
          }),
        );
        continue;
      }
      out.rows.push({
        document: coded.document.id,
        anchor,
        code: label.id,
        decision: value === 1 ? 'add' : 'reject',
        note,
        coder: options.into,
        file: '',
        line: 0,
        text: rowText(segment.text),
        paragraphLine: segment.lines.start,
      });
    }
  }
  return out;
}
