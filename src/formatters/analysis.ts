/**
 * The files of an analysis folder (`qda analyse`) and the formatter of each: the codings written as
 * documents are coded, the rest from the results of the pass, in the order index.md lists them.
 */
import type { AnalyseResult } from '../app/analyse.js';
import type { RunInfo } from './codings-json.js';
import { codingsJson } from './codings-json.js';
import { codingsCsv } from './codings-csv.js';
import { cooccurGrid } from './cooccur.js';
import type { CsvOptions } from './csv.js';
import { gridCsv, gridMarkdown } from './grid.js';
import { analyseIndex } from './index-md.js';
import { matrixGrid } from './matrix.js';
import { reportHtml } from './report/html.js';
import type { StreamFormatter } from './stream.js';
import { summaryMarkdown } from './summary.js';
import type { CodedDocument } from '../corpus/pipeline.js';
import type { ExcerptStream } from '../excerpts/stream.js';
import { OUTPUT_MARKER } from '../io/files.js';

/** Every file index.md lists, in its order (index.md and the marker come last). */
export const ANALYSIS_FILES = [
  'codings.json',
  'codings.csv',
  'excerpts.md',
  'excerpts.csv',
  'matrix-codes.csv',
  'matrix-clusters.csv',
  'matrix.md',
  'cooccurrence.csv',
  'report.html',
  'summary.md',
];

/** Every name qda writes into an analysis folder. */
export const ANALYSIS_NAMES = [...ANALYSIS_FILES, 'index.md', OUTPUT_MARKER];

export interface AnalysisFile {
  file: string;
  /** The text, in pieces: strings, or UTF-8 bytes copied from part files. */
  text: () => Iterable<string | Uint8Array>;
}

/** The files written document by document during the pass. */
export function analysisStreams(
  run: RunInfo,
  attributeKeys: string[],
  csv: CsvOptions,
): { file: string; formatter: StreamFormatter<CodedDocument> }[] {
  return [
    { file: 'codings.json', formatter: codingsJson(run) },
    { file: 'codings.csv', formatter: codingsCsv(attributeKeys, csv) },
  ];
}

/** The files written once the pass is done, in the order they are written. */
export function analysisFiles(r: AnalyseResult, excerpts: ExcerptStream, csv: CsvOptions): AnalysisFile[] {
  const byCode = matrixGrid(r.matrices.codes, r.language);
  const byCluster = matrixGrid(r.matrices.clusters, r.language);
  const whole = (file: string, text: () => string): AnalysisFile => ({ file, text: () => [text()] });
  return [
    { file: 'excerpts.md', text: () => excerpts.markdown() },
    { file: 'excerpts.csv', text: () => excerpts.csv() },
    whole('matrix-codes.csv', () => gridCsv(byCode, csv)),
    whole('matrix-clusters.csv', () => gridCsv(byCluster, csv)),
    whole('matrix.md', () => `${gridMarkdown(byCluster)}\n${gridMarkdown(byCode)}`),
    whole('cooccurrence.csv', () => gridCsv(cooccurGrid(r.cooccurrence), csv)),
    whole('summary.md', () => summaryMarkdown(r.summary)),
    whole('report.html', () => reportHtml(r.report)),
    whole('index.md', () =>
      analyseIndex({
        codebook: r.codebook,
        language: r.language,
        by: r.by,
        documents: r.totals.documents,
        segments: r.totals.segments,
        coded: r.totals.coded,
        count: r.totals.codings.result(),
        files: ANALYSIS_FILES,
      }),
    ),
    whole(OUTPUT_MARKER, () => 'qda writes its results into this folder; qda does not read it as corpus.\n'),
  ];
}
