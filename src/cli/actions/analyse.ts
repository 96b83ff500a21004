// The work of `qda analyse`; its options are declared in ../commands/analyse.ts.
import { join } from 'node:path';
import { codingsCsv } from '../../formatters/codings-csv.js';
import { codingsJson } from '../../formatters/codings-json.js';
import { analyseIndex } from '../../formatters/index-md.js';
import { codingsWithSources } from '../../formatters/plural.js';
import type { StreamFormatter } from '../../formatters/stream.js';
import { OUTPUT_MARKER } from '../../io/files.js';
import { MatrixBuilder } from '../../analysis/matrix.js';
import { CooccurBuilder } from '../../analysis/cooccur.js';
import { SummaryBuilder } from '../../analysis/summary.js';
import { gridCsv, gridMarkdown } from '../../formatters/grid.js';
import { matrixGrid } from '../../formatters/matrix.js';
import { cooccurGrid } from '../../formatters/cooccur.js';
import { summaryMarkdown } from '../../formatters/summary.js';
import { ProblemsReported } from '../errors.js';
import { reportHtml } from '../../formatters/report/html.js';
import { newReportBuilder, reportTitle } from './report.js';
import { displayPath, type Project } from '../../corpus/project.js';
import { NO_FILTER } from '../../select/filter.js';
import type { CodedDocument } from '../../corpus/pipeline.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { checkOutputFolder, count, openOutputFolder, percent, summaryLine } from '../output.js';
import { watchInterrupt } from '../interrupt.js';
import { PartFiles } from '../../io/parts.js';
import { ExcerptStream } from '../../excerpts/stream.js';
import { counted, loadMemos, newTotals, openSession, outputLanguage } from '../session.js';
import { checkSelection } from '../selection.js';
import { attributeKeys, runInfo } from '../../app/code.js';
import { askedWorkers, workerCount } from '../workers.js';
export interface AnalyseFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
  workers?: string;
}

/** Every file `qda analyse` writes, in the order index.md lists them (the marker and index.md last). */
const FILES = [
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

export async function analyseAction(paths: string[], flags: AnalyseFlags, io: Io): Promise<void> {
  const asked = askedWorkers(flags.workers, io.env);
  const outFolder = (project: Project) => flags.out ?? project.settings.out;
  const session = openSession(paths, flags, io, {
    outputDir: flags.out ?? undefined,
    checkProject: (project) =>
      checkOutputFolder(io, outFolder(project), {
        fromCommandLine: flags.out !== undefined,
        root: project.root,
        corpus: project.settings.corpus,
        names: [...FILES, 'index.md', OUTPUT_MARKER],
      }),
  });
  const outDir = outFolder(session.project);
  const csv = { excel: flags.excel };
  const streams: { file: string; formatter: StreamFormatter<CodedDocument> }[] = [
    { file: 'codings.json', formatter: codingsJson(runInfo(session)) },
    { file: 'codings.csv', formatter: codingsCsv(attributeKeys(session), csv) },
  ];
  checkSelection(session, NO_FILTER, { name: session.project.settings.compareBy, explicit: false });
  const memos = loadMemos(session);
  if (!memos) throw new ProblemsReported(1);
  const by = session.project.settings.compareBy;
  const language = outputLanguage(session);
  const matrices = (['code', 'cluster'] as const).map(
    (level) => new MatrixBuilder(session.codebook, { level, by, count: 'segments', filter: NO_FILTER, language }),
  );
  const cooccur = new CooccurBuilder(session.codebook, { level: 'code', within: 'segment', measure: 'count', filter: NO_FILTER, language });
  const summary = new SummaryBuilder(session.codebook, { by, filter: NO_FILTER, language, aspects: 3 });
  const report = newReportBuilder(session, undefined);
  const builders = [...matrices, cooccur, summary, report];
  const workers = workerCount(session, asked);
  const shown = displayPath(outDir, io.cwd);
  const folder = openOutputFolder(io, outDir);
  const interrupt = watchInterrupt(io, `interrupted; ${shown}/ is as the last finished run left it`);
  try {
    const parts = new PartFiles(join(folder.temp, '.parts'));
    const excerpts = new ExcerptStream(session.codebook, NO_FILTER, 1, parts, {
      markdown: { attribute: session.project.settings.compareBy, language: session.project.settings.language },
      csv,
    });
    const files = streams.map((s) => folder.file(s.file));
    streams.forEach((s, i) => files[i].write(s.formatter.start()));
    const totals = newTotals();
    for (const coded of counted(session, totals, workers)) {
      streams.forEach((s, i) => files[i].write(s.formatter.item(coded)));
      for (const b of builders) b.add(coded);
      excerpts.add(coded);
      await interrupt.poll();
    }
    streams.forEach((s, i) => files[i].writeAll([s.formatter.end()]));
    folder.file('excerpts.md').writeAll(excerpts.markdown());
    await interrupt.poll();
    folder.file('excerpts.csv').writeAll(excerpts.csv());
    parts.remove();
    await interrupt.poll();
    const [byCode, byCluster] = matrices.map((m) => matrixGrid(m.result(), language));
    folder.file('matrix-codes.csv').writeAll([gridCsv(byCode, csv)]);
    folder.file('matrix-clusters.csv').writeAll([gridCsv(byCluster, csv)]);
    folder.file('matrix.md').writeAll([`${gridMarkdown(byCluster)}\n${gridMarkdown(byCode)}`]);
    folder.file('cooccurrence.csv').writeAll([gridCsv(cooccurGrid(cooccur.result()), csv)]);
    folder.file('summary.md').writeAll([summaryMarkdown(summary.result(memos))]);
    folder.file('report.html').writeAll([reportHtml(report.result(reportTitle(session), memos))]);
    folder.file('index.md').writeAll([
      analyseIndex({
        codebook: session.codebook.name,
        language,
        by,
        documents: totals.documents,
        segments: totals.segments,
        coded: totals.coded,
        count: totals.codings.result(),
        files: FILES,
      }),
    ]);
    folder.file(OUTPUT_MARKER).writeAll(['qda writes its results into this folder; qda does not read it as corpus.\n']);
    await interrupt.poll();
    folder.commit();
    summaryLine(
      io,
      flags.quiet,
      `analysed ${count(totals.documents, 'document')}: ${totals.coded} of ${count(totals.segments, 'segment')} coded (${percent(totals.coded, totals.segments)}), ${codingsWithSources(totals.codings.result())}; wrote ${FILES.length + 1} files to ${shown}/`,
    );
  } catch (error) {
    folder.abort();
    throw error;
  } finally {
    interrupt.done();
  }
}
