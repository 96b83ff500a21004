/**
 * From codings to reliability data: for each code (or cluster), one unit per segment, holding for each
 * coder 1 (gave the code), 0 (decided it does not apply) or nothing (made no decision there), as
 * decisions.ts reads them. Coders are the auto-coder `qda`, `inline` (the comments in the transcripts)
 * and each sidecar file. With unit `char` a segment weighs its number of characters, as NVivo's coding
 * comparison counts.
 */
import type { Code, Codebook } from '../codebook/types.js';
import { rowCodes } from '../analysis/units.js';
import { NO_FILTER } from '../select/filter.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ManualRow } from '../manual/sidecar.js';
import { decidesAny, documentDecisions, valueOf, verdict, type DocumentDecisions } from './decisions.js';
import { agreement, type Agreement, type UnitValues } from './stats.js';

export type AgreeUnit = 'segment' | 'char';
export type AgreeLevel = 'code' | 'cluster';

export interface CodeAgreement {
  id: string;
  agreement: Agreement;
}

export interface AgreementReport {
  coders: string[];
  unit: AgreeUnit;
  level: AgreeLevel;
  codes: CodeAgreement[];
  overall: Agreement;
}

/** A row of the comparison: a code, or a cluster, and the codes it stands for. */
export interface Label {
  id: string;
  codes: string[];
}

/**
 * What is compared: at code level every code that can be coded plus any code a compared coder's rows
 * name; at cluster level each cluster with all its codes. In codebook order.
 */
export function comparedLabels(codes: Code[], level: AgreeLevel, rows: ManualRow[]): Label[] {
  const codebook = { codes } as Codebook;
  if (level === 'cluster')
    return rowCodes(codebook, 'cluster', NO_FILTER).map((c) => ({ id: c.id, codes: codes.filter((k) => k.cluster === c.id).map((k) => k.id) }));
  const wanted = new Set([...rowCodes(codebook, 'code', NO_FILTER).map((c) => c.id), ...rows.map((r) => r.code)]);
  return codes.filter((c) => wanted.has(c.id)).map((c) => ({ id: c.id, codes: [c.id] }));
}

export class AgreementBuilder {
  private readonly units = new Map<string, UnitValues[]>();
  private readonly labels: Label[];
  private readonly rows: ManualRow[];
  /** One coder adding and rejecting one code on one paragraph, for every document added. */
  readonly conflicts: Diagnostic[] = [];

  constructor(
    private readonly coders: string[],
    rows: ManualRow[],
    codes: Code[],
    private readonly options: { unit: AgreeUnit; level: AgreeLevel },
  ) {
    this.rows = rows.filter((r) => coders.includes(r.coder));
    this.labels = comparedLabels(codes, options.level, this.rows);
    for (const label of this.labels) this.units.set(label.id, []);
  }

  /** Add a document coded by the auto-coder alone (manual codings not applied); returns its decisions. */
  add(coded: CodedDocument): DocumentDecisions {
    const { decisions, conflicts } = documentDecisions(coded, this.coders, this.rows);
    this.conflicts.push(...conflicts);
    const deciding = this.coders.filter((_, i) => decidesAny(decisions, i)).length;
    if (deciding < 2) return decisions;
    for (const segment of coded.segments) {
      if (coded.skipped.has(segment.ordinal)) continue;
      const weight = this.options.unit === 'char' ? [...segment.text].length : 1;
      for (const label of this.labels) {
        const values = this.coders.map((_, i) => valueOf(verdict(decisions, i, segment.ordinal, label.codes)));
        this.units.get(label.id)!.push({ values, weight });
      }
    }
    return decisions;
  }

  get compared(): Label[] {
    return this.labels;
  }

  result(): AgreementReport {
    const codes = [...this.units].map(([id, units]) => ({ id, agreement: agreement(units) }));
    const overall = agreement([...this.units.values()].flat());
    return { coders: this.coders, unit: this.options.unit, level: this.options.level, codes, overall };
  }
}
