/**
 * `agree`: inter-coder agreement per code and overall (percent, Cohen's kappa, Krippendorff's alpha,
 * Brennan–Prediger), the units where coders differ (`agreeConflicts`), or agreement on generic
 * reliability data (`agreeOnData`). Anchors are paragraphs: open the corpus with unit paragraph.
 */
import { AgreementBuilder, type AgreeLevel, type AgreeUnit, type AgreementReport } from '../agreement/coders.js';
import { disagreements, type Disagreement } from '../agreement/conflicts.js';
import { readReliabilityData } from '../agreement/reliability-data.js';
import { agreement, type Agreement, type Metric } from '../agreement/stats.js';
import { AUTO_CODER } from '../coding/auto-code.js';
import { localise } from '../codebook/types.js';
import { codeCorpus } from '../corpus/pipeline.js';
import { diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { AgreementRow } from '../formatters/agreement.js';
import { SHEET_COLUMNS, type ConflictsView } from '../formatters/conflicts.js';
import { wordsFor } from '../formatters/labels.js';
import { exists, readText } from '../io/files.js';
import { INLINE_CODER } from '../manual/apply.js';
import type { ManualRow } from '../manual/sidecar.js';
import { outputLanguage, type OpenedCorpus } from './corpus.js';
import { inputProblem, usage } from './errors.js';
import { closest } from '../codebook/suggest.js';
import type { Outcome } from './outcome.js';

export interface AgreeRequest {
  /** Two or more coders: names of files in codings/, qda (the auto-coder), inline (comments). */
  coders: string[];
  /** Each segment is a unit, or each character (NVivo's coding comparison). Default segment. */
  unit?: AgreeUnit;
  /** Default code. */
  level?: AgreeLevel;
}

export interface AgreeResult {
  /** One row per code, then `*` for all codes together. */
  rows: AgreementRow[];
  /** Two coders: Cohen's kappa and the two-by-two counts are shown too. */
  twoCoders: boolean;
  report: Pick<AgreementReport, 'coders'> & Partial<AgreementReport>;
  overall: Agreement;
  /** Units compared: of the corpus, or rows of the reliability data. */
  units: number;
  /** More fields for JSON (the metric of reliability data). */
  extra?: Record<string, unknown>;
}

export function agree(opened: OpenedCorpus, request: AgreeRequest): Outcome<AgreeResult> {
  const compared = compare(opened, request, false);
  if (!compared.result) return { diagnostics: compared.diagnostics };
  const report = compared.result.builder.result();
  const language = outputLanguage(opened);
  const rows: AgreementRow[] = [
    ...report.codes.map((c) => ({ id: c.id, label: labelOf(opened, language)(c.id), agreement: c.agreement })),
    { id: '*', label: wordsFor(language).allCodes, agreement: report.overall },
  ];
  return { result: { rows, twoCoders: request.coders.length === 2, report, overall: report.overall, units: report.overall.units }, diagnostics: [] };
}

/** The paragraphs and codes where the coders decided differently, for a consensus meeting. */
export function agreeConflicts(opened: OpenedCorpus, request: AgreeRequest): Outcome<ConflictsView> {
  const clash = request.coders.filter((c) => SHEET_COLUMNS.includes(c));
  const compared = compare(opened, request, true, () => {
    if (clash.length > 0) throw usage(`a coder named ${clash.join(', ')} would share a column with the conflicts sheet`, 'rename the codings file');
  });
  if (!compared.result) return { diagnostics: compared.diagnostics };
  const view = {
    coders: request.coders,
    level: request.level ?? 'code',
    list: compared.result.found,
    label: labelOf(opened, outputLanguage(opened)),
  };
  return { result: view, diagnostics: [] };
}

function compare(
  opened: OpenedCorpus,
  request: AgreeRequest,
  conflicts: boolean,
  beforeCoding: () => void = () => {},
): Outcome<{ builder: AgreementBuilder; found: Disagreement[] }> {
  const { coders } = request;
  const rows = opened.corpus.manual?.rows ?? [];
  checkCoders(coders, rows);
  const builder = new AgreementBuilder(coders, rows, opened.codebook.codes, { unit: request.unit ?? 'segment', level: request.level ?? 'code' });
  beforeCoding();
  const found: Disagreement[] = [];
  // Each coder is compared on what they gave; the auto-coder before anyone's decisions.
  for (const coded of codeCorpus(opened.files, opened.compiled, { ...opened.corpus, manual: undefined })) {
    const decisions = builder.add(coded);
    if (conflicts) found.push(...disagreements(decisions, builder.compared, coders.length));
  }
  if (builder.conflicts.length > 0) return { diagnostics: sortDiagnostics(builder.conflicts) };
  return { result: { builder, found }, diagnostics: [] };
}

const labelOf = (opened: OpenedCorpus, language: string) => (id: string) =>
  localise(opened.codebook.codes.find((c) => c.id === id)?.label, language, opened.codebook.language) ?? id;

/** Every coder named must have codings here (exit 1, with the closest coder that has). */
export function checkCoders(coders: string[], rows: ManualRow[]): void {
  const known = new Set([AUTO_CODER, INLINE_CODER, ...rows.map((r) => r.coder)]);
  const unknown = coders.filter((c) => !known.has(c));
  if (unknown.length === 0) return;
  const named = unknown.map((c) => {
    const guess = closest(c, [...known]);
    return `"${c}"${guess ? ` (did you mean ${guess}?)` : ''}`;
  });
  // A coder with no codings is a problem with what the command was given to read, as a filter naming nothing is.
  throw inputProblem(`no codings of ${named.join(', ')}`, `coders here: ${[...known].sort().join(', ')}`);
}

/** Agreement on reliability data: a CSV in long form with the columns unit, coder, value. */
export function agreeOnData(file: string, metric: Metric, cwd: string): Outcome<AgreeResult> {
  if (!exists(file, cwd)) throw inputProblem(`${file} not found`);
  const data = readReliabilityData(readText(file, cwd));
  if (data.problems.length > 0)
    return {
      diagnostics: sortDiagnostics(
        data.problems.map((p) =>
          diagnostic(
            'error',
            file,
            'agree/data',
            p.message,
            { line: p.row + 1, column: 1 },
            'the CSV needs the columns unit, coder, value; one row per unit and coder',
          ),
        ),
      ),
    };
  const overall = agreement(data.units, { metric });
  return {
    result: {
      rows: [{ id: 'all', label: `${data.units.length} units, ${metric}`, agreement: overall }],
      twoCoders: data.coders.length === 2 && metric === 'nominal',
      report: { coders: data.coders },
      overall,
      units: data.units.length,
      extra: { metric },
    },
    diagnostics: [],
  };
}
