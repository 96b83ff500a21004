// The work of `qda agree`; its options are declared in ../commands/agree.ts.
import { AgreementBuilder, type AgreeUnit } from '../../agreement/coders.js';
import { disagreements, type Disagreement } from '../../agreement/conflicts.js';
import { readReliabilityData } from '../../agreement/reliability-data.js';
import { agreement, type Metric } from '../../agreement/stats.js';
import { localise } from '../../codebook/types.js';
import { codeCorpus } from '../../corpus/pipeline.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { agreementGrid, agreementJson, type AgreementRow } from '../../formatters/agreement.js';
import { conflictsGrid, conflictsJson, SHEET_COLUMNS, type ConflictsView } from '../../formatters/conflicts.js';
import { renderGrid } from '../../formatters/grid.js';
import { exists, readText } from '../../io/files.js';
import { INLINE_CODER } from '../../manual/apply.js';
import type { ManualRow } from '../../manual/sidecar.js';
import { AUTO_CODER } from '../../coding/auto-code.js';
import { inputProblem, ProblemsReported, usage } from '../errors.js';
import { closest } from '../../codebook/suggest.js';
import type { Io } from '../io.js';
import type { CorpusFlags, GridFormat } from '../options.js';
import { summaryLine, writeOutput } from '../output.js';
import { openSession, outputLanguage, report } from '../session.js';

export interface AgreeFlags extends CorpusFlags {
  paths?: string[];
  unit: AgreeUnit;
  level: 'code' | 'cluster';
  data?: string;
  metric: Metric;
  format: GridFormat;
  out?: string;
  excel?: boolean;
  conflicts?: boolean;
}

export function agreeAction(coders: string[], flags: AgreeFlags, io: Io): void {
  if (flags.data) return agreeOnData(flags, io);
  if (coders.length < 2)
    throw usage('name two or more coders', 'e.g. qda agree ana bram (files codings/ana.csv and codings/bram.csv), or qda for the auto-coder');
  // Anchors are paragraphs, so agreement is always measured on paragraphs; --unit here means segment or char.
  const session = openSession(flags.paths ?? [], { ...flags, unit: 'paragraph' }, io, flags.out ? { output: flags.out } : {});
  const rows = session.corpus.manual?.rows ?? [];
  checkCoders(coders, rows);
  const builder = new AgreementBuilder(coders, rows, session.codebook.codes, { unit: flags.unit, level: flags.level });
  if (flags.conflicts) {
    const clash = coders.filter((c) => SHEET_COLUMNS.includes(c));
    if (clash.length > 0) throw usage(`a coder named ${clash.join(', ')} would share a column with the conflicts sheet`, 'rename the codings file');
  }
  const found: Disagreement[] = [];
  // Each coder is compared on what they gave; the auto-coder before anyone's decisions.
  for (const coded of codeCorpus(session.files, session.compiled, { ...session.corpus, manual: undefined })) {
    const decisions = builder.add(coded);
    if (flags.conflicts) found.push(...disagreements(decisions, builder.compared, coders.length));
  }
  if (builder.conflicts.length > 0) {
    report(io, builder.conflicts);
    throw new ProblemsReported(1);
  }
  const language = outputLanguage(session);
  const label = (id: string) => localise(session.codebook.codes.find((c) => c.id === id)?.label, language, session.codebook.language) ?? id;
  if (flags.conflicts) return writeConflicts(io, flags, { coders, level: flags.level, list: found, label });
  const result = builder.result();
  const overallLabel = language === 'nl' ? 'alle codes' : 'all codes';
  const lines: AgreementRow[] = [
    ...result.codes.map((c) => ({ id: c.id, label: label(c.id), agreement: c.agreement })),
    { id: '*', label: overallLabel, agreement: result.overall },
  ];
  write(io, flags, lines, coders.length === 2, result);
  summaryLine(
    io,
    flags.quiet,
    `agreement of ${coders.join(', ')} over ${result.overall.units} ${flags.level}×${flags.unit} units; alpha overall ${fmt(result.overall.alpha)}`,
  );
}

function writeConflicts(io: Io, flags: AgreeFlags, view: ConflictsView): void {
  const grid = conflictsGrid(view, flags.format === 'csv', flags.format === 'csv' ? '' : '—');
  writeOutput(io, flags.out, [renderGrid(grid, flags.format, () => conflictsJson(view), { excel: flags.excel })]);
  const units = new Set(view.list.map((d) => `${d.document}\u0000${d.line}`)).size;
  summaryLine(
    io,
    flags.quiet,
    `${view.list.length} ${flags.level}s on ${units} paragraphs where ${view.coders.join(' and ')} differ` +
      (flags.format === 'csv' && flags.level === 'code' ? '; fill in the decision column, then: qda merge ... --resolutions FILE' : ''),
  );
}

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

function agreeOnData(flags: AgreeFlags, io: Io): void {
  const file = flags.data!;
  if (!exists(file, io.cwd)) throw inputProblem(`${file} not found`);
  const data = readReliabilityData(readText(file, io.cwd));
  if (data.problems.length > 0) {
    report(
      io,
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
    );
    throw new ProblemsReported(1);
  }
  const result = agreement(data.units, { metric: flags.metric });
  const lines: AgreementRow[] = [{ id: 'all', label: `${data.units.length} units, ${flags.metric}`, agreement: result }];
  write(io, flags, lines, data.coders.length === 2 && flags.metric === 'nominal', { coders: data.coders }, { metric: flags.metric });
  summaryLine(io, flags.quiet, `alpha (${flags.metric}) = ${fmt(result.alpha)} for ${data.coders.length} coders and ${data.units.length} units`);
}

function write(
  io: Io,
  flags: AgreeFlags,
  rows: AgreementRow[],
  twoCoders: boolean,
  report: { coders: string[] },
  extra: Record<string, unknown> = {},
): void {
  const grid = agreementGrid(rows, twoCoders, flags.format === 'csv' ? '' : '—');
  const text = renderGrid(grid, flags.format, () => agreementJson(report, rows, extra), { excel: flags.excel });
  writeOutput(io, flags.out, [text]);
}

function fmt(v: number | null): string {
  return v === null ? 'undefined' : v.toFixed(3);
}
