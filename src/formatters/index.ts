/**
 * Every output format of every result, by name: `--format NAME` picks one here. A formatter is a pure
 * function from a result (typed values, never pre-formatted strings) to text. Adding a format is
 * writing its function and adding one line below; the command's --format choices follow. Entries
 * load their module when asked for, so that declaring the commands loads no formatter.
 */
import type { AgreeResult } from '../app/agree.js';
import type { AuditResult } from '../app/audit.js';
import type { Written } from '../app/code.js';
import type { ConflictsView } from './conflicts.js';
import type { CrossValidation } from '../learn/cross-validate.js';
import type { CooccurResult } from '../app/cooccur.js';
import type { EvalResult } from '../app/eval.js';
import type { ExcerptsResult } from '../app/excerpts.js';
import type { MatrixResult } from '../app/matrix.js';
import type { ReportResult } from '../app/report.js';
import type { SearchResult } from '../app/search.js';
import type { ReviewSheet } from '../app/review.js';
import type { SummaryResult } from '../app/summary.js';
import type { WordsResult } from '../app/words.js';

export interface FormatOptions {
  /** CSV for Excel: BOM, `;` and decimal commas. */
  excel?: boolean;
  /** Leave out what has nothing to show (codes without excerpts), where the format lists them. */
  hideEmpty?: boolean;
  /** List the items where the codebook and the labels differ (evaluation). */
  misses?: boolean;
}

/** Text whole, or (for results that stream, such as codings) in pieces as the result is read. */
export type Formatter<R, Out = string> = (result: R, options: FormatOptions) => Out;
type Load<R, Out = string> = () => Promise<Formatter<R, Out>>;

const matrix = {
  table: async () => (await import('./matrix.js')).matrixFormats.table,
  csv: async () => (await import('./matrix.js')).matrixFormats.csv,
  md: async () => (await import('./matrix.js')).matrixFormats.md,
  json: async () => (await import('./matrix.js')).matrixFormats.json,
  tsv: async () => (await import('./matrix-tsv.js')).matrixTsv,
} satisfies Record<string, Load<MatrixResult>>;

const cooccur = {
  table: async () => (await import('./cooccur.js')).cooccurFormats.table,
  csv: async () => (await import('./cooccur.js')).cooccurFormats.csv,
  md: async () => (await import('./cooccur.js')).cooccurFormats.md,
  json: async () => (await import('./cooccur.js')).cooccurFormats.json,
} satisfies Record<string, Load<CooccurResult>>;

const summary = {
  table: async () => (await import('./summary.js')).summaryFormats.md,
  csv: async () => (await import('./summary.js')).summaryFormats.csv,
  md: async () => (await import('./summary.js')).summaryFormats.md,
  json: async () => (await import('./summary.js')).summaryFormats.json,
} satisfies Record<string, Load<SummaryResult>>;

const excerpts = {
  md: async () => (await import('./excerpts-md.js')).excerptsMarkdownFormat,
  csv: async () => (await import('./excerpts-data.js')).excerptsFormats.csv,
  json: async () => (await import('./excerpts-data.js')).excerptsFormats.json,
} satisfies Record<string, Load<ExcerptsResult>>;

const evaluation = {
  md: async () => (await import('./evaluation.js')).evaluationFormats.md,
  json: async () => (await import('./evaluation.js')).evaluationFormats.json,
} satisfies Record<string, Load<EvalResult>>;

const codings = {
  json: async () => (await import('./codings.js')).codingsFormats.json,
  csv: async () => (await import('./codings.js')).codingsFormats.csv,
  md: async () => (await import('./codings.js')).codingsFormats.md,
} satisfies Record<string, Load<Written, Iterable<string | Uint8Array>>>;

const agreement = {
  table: async () => (await import('./agreement.js')).agreementFormats.table,
  csv: async () => (await import('./agreement.js')).agreementFormats.csv,
  md: async () => (await import('./agreement.js')).agreementFormats.md,
  json: async () => (await import('./agreement.js')).agreementFormats.json,
} satisfies Record<string, Load<AgreeResult>>;

const conflicts = {
  table: async () => (await import('./conflicts.js')).conflictsFormats.table,
  csv: async () => (await import('./conflicts.js')).conflictsFormats.csv,
  md: async () => (await import('./conflicts.js')).conflictsFormats.md,
  json: async () => (await import('./conflicts.js')).conflictsFormats.json,
} satisfies Record<string, Load<ConflictsView>>;

const words = {
  md: async () => (await import('./words.js')).wordsFormats.md,
  csv: async () => (await import('./words.js')).wordsFormats.csv,
  json: async () => (await import('./words.js')).wordsFormats.json,
} satisfies Record<string, Load<WordsResult>>;

const report = {
  html: async () => (await import('./report/html.js')).reportHtmlFormat,
} satisfies Record<string, Load<ReportResult>>;

const search = {
  md: async () => (await import('./search.js')).searchFormats.md,
  csv: async () => (await import('./search.js')).searchFormats.csv,
  json: async () => (await import('./search.js')).searchFormats.json,
} satisfies Record<string, Load<SearchResult>>;

const review = {
  csv: async () => (await import('./review-sheet.js')).reviewSheetCsv,
} satisfies Record<string, Load<ReviewSheet, Iterable<string>>>;

const crossValidation = {
  table: async () => (await import('./cross-validation.js')).crossValidationFormats.table,
  csv: async () => (await import('./cross-validation.js')).crossValidationFormats.csv,
  md: async () => (await import('./cross-validation.js')).crossValidationFormats.md,
  json: async () => (await import('./cross-validation.js')).crossValidationFormats.json,
} satisfies Record<string, Load<CrossValidation>>;

const audit = {
  table: async () => (await import('./audit.js')).auditFormats.table,
  csv: async () => (await import('./audit.js')).auditFormats.csv,
  md: async () => (await import('./audit.js')).auditFormats.md,
  json: async () => (await import('./audit.js')).auditFormats.json,
} satisfies Record<string, Load<AuditResult>>;

export const FORMATTERS = {
  matrix,
  cooccur,
  summary,
  excerpts,
  evaluation,
  codings,
  agreement,
  conflicts,
  words,
  report,
  search,
  review,
  crossValidation,
  audit,
};

export type Kind = keyof typeof FORMATTERS;
export type FormatName<K extends Kind> = keyof (typeof FORMATTERS)[K] & string;
/** The formatter an entry loads. */
export type FormatterOf<K extends Kind, N extends FormatName<K> = FormatName<K>> = (typeof FORMATTERS)[K][N] extends () => Promise<
  (result: infer R, ...rest: never[]) => infer Out
>
  ? Formatter<R, Out>
  : never;

/** The format names of a kind of result, in the order `--help` lists them. */
export function formatNames<K extends Kind>(kind: K): FormatName<K>[] {
  return Object.keys(FORMATTERS[kind]) as FormatName<K>[];
}

export function getFormatter<K extends Kind, N extends FormatName<K>>(kind: K, name: N): Promise<FormatterOf<K, N>> {
  const load = FORMATTERS[kind][name] as () => Promise<FormatterOf<K, N>>;
  return load();
}
