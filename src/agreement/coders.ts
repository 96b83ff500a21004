/**
 * From codings to reliability data: for each code (or cluster), one unit per segment, holding for each
 * coder 1 (gave the code), 0 (saw the document but did not) or nothing (never coded that document).
 * Coders are the auto-coder `qda`, `inline` (the comments in the transcripts) and each sidecar file.
 * With unit `char` a segment weighs its number of characters, as NVivo's coding comparison counts.
 */
import type { Code, Codebook } from '../codebook/types.js';
import { rowCodes } from '../analysis/units.js';
import { NO_FILTER } from '../select/filter.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import { anchorsOf, INLINE_CODER } from '../manual/apply.js';
import type { ManualRow } from '../manual/sidecar.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { agreement, type Agreement, type UnitValues } from './stats.js';

export type AgreeUnit = 'segment' | 'char';

export interface CodeAgreement {
  id: string;
  agreement: Agreement;
}

export interface AgreementReport {
  coders: string[];
  unit: AgreeUnit;
  level: 'code' | 'cluster';
  codes: CodeAgreement[];
  overall: Agreement;
}

/** What one coder gave one document: codes per segment ordinal; undefined when the coder never coded it. */
type CoderView = Map<number, Set<string>> | undefined;

export class AgreementBuilder {
  private readonly units = new Map<string, UnitValues[]>();

  constructor(
    private readonly coders: string[],
    private readonly rows: ManualRow[],
    private readonly codes: Code[],
    private readonly options: { unit: AgreeUnit; level: 'code' | 'cluster' },
  ) {
    for (const id of this.labels()) this.units.set(id, []);
  }

  private labels(): string[] {
    return rowCodes({ codes: this.codes } as Codebook, this.options.level, NO_FILTER).map((c) => c.id);
  }

  /** Add a document coded by the auto-coder alone (manual codings not applied). */
  add(coded: CodedDocument): void {
    const cluster = new Map(this.codes.map((c) => [c.id, c.cluster]));
    const label = (code: string) => (this.options.level === 'cluster' ? (cluster.get(code) ?? code) : code);
    const views = this.coders.map((coder) => this.view(coder, coded, label));
    if (views.filter((v) => v !== undefined).length < 2) return;
    for (const segment of coded.segments) {
      if (coded.skipped.has(segment.ordinal)) continue;
      const weight = this.options.unit === 'char' ? [...segment.text].length : 1;
      for (const [id, list] of this.units) {
        list.push({ values: views.map((v) => (v === undefined ? undefined : v.get(segment.ordinal)?.has(id) ? 1 : 0)), weight });
      }
    }
  }

  private view(coder: string, coded: CodedDocument, label: (code: string) => string): CoderView {
    const view = new Map<number, Set<string>>();
    const give = (ordinal: number, code: string) => view.set(ordinal, (view.get(ordinal) ?? new Set()).add(label(code)));
    if (coder === AUTO_CODER) {
      for (const c of coded.codings) if (c.source === 'auto') give(c.segment, c.code);
      return view;
    }
    if (coder === INLINE_CODER) {
      let any = false;
      for (const s of coded.segments)
        for (const p of s.paragraphs)
          for (const inline of p.inline ?? []) {
            any = true;
            inline.add.forEach((code) => give(s.ordinal, code));
          }
      return any ? view : undefined;
    }
    const mine = this.rows.filter((r) => r.coder === coder && r.document === coded.document.id);
    if (mine.length === 0) return undefined;
    const anchors = anchorsOf(coded.document.text, coded.segments);
    for (const row of mine) if (row.decision === 'add') for (const o of anchors.get(row.anchor) ?? []) give(o, row.code);
    return view;
  }

  result(): AgreementReport {
    const codes = [...this.units].map(([id, units]) => ({ id, agreement: agreement(units) }));
    const overall = agreement([...this.units.values()].flat());
    return { coders: this.coders, unit: this.options.unit, level: this.options.level, codes, overall };
  }
}
