/**
 * The units on which coders differ: a paragraph and a code (or cluster) where at least two coders made
 * a decision and the decisions are not all the same. What a team goes through to reach consensus.
 */
import { anchorOf } from '../manual/anchor.js';
import type { Label } from './coders.js';
import { valueOf, verdict, type DocumentDecisions, type Verdict } from './decisions.js';

export interface Disagreement {
  document: string;
  path: string;
  /** First line of the paragraph in its file. */
  line: number;
  anchor: string;
  /** The code, or the cluster. */
  label: string;
  /** The segment's text as the file has it, whole (formatters make it readable). */
  text: string;
  /** Per compared coder, in order. */
  verdicts: Verdict[];
}

export function disagreements(decisions: DocumentDecisions, labels: Label[], coders: number): Disagreement[] {
  const { coded } = decisions;
  const out: Disagreement[] = [];
  for (const segment of coded.segments) {
    if (coded.skipped.has(segment.ordinal)) continue;
    for (const label of labels) {
      const verdicts = Array.from({ length: coders }, (_, i) => verdict(decisions, i, segment.ordinal, label.codes));
      const values = verdicts.map(valueOf).filter((v) => v !== undefined);
      if (values.length < 2 || values.every((v) => v === values[0])) continue;
      const p = segment.paragraphs[0]?.range ?? segment.range;
      out.push({
        document: coded.document.id,
        path: coded.document.path,
        line: segment.lines.start,
        anchor: anchorOf(coded.document.text.slice(p.start, p.end)),
        label: label.id,
        text: segment.text,
        verdicts,
      });
    }
  }
  return out;
}
