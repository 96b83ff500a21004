// The work of `qda analyse`; its options are declared in ../commands/analyse.ts.
import { join } from 'node:path';
import { collectExcerpts } from '../../excerpts/collect.js';
import { codingsCsv } from '../../formatters/codings-csv.js';
import { codingsJson } from '../../formatters/codings-json.js';
import { excerptsCsv } from '../../formatters/excerpts-data.js';
import { excerptsMarkdown } from '../../formatters/excerpts-md.js';
import { analyseIndex } from '../../formatters/index-md.js';
import { codingsWithSources } from '../../formatters/plural.js';
import type { StreamFormatter } from '../../formatters/stream.js';
import { AtomicFile, resolvePath } from '../../io/write.js';
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
import { displayPath } from '../../corpus/project.js';
import { NO_FILTER } from '../../select/filter.js';
import type { CodedDocument } from '../../corpus/pipeline.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { assertWritableFolder, count, percent, summaryLine } from '../output.js';
import { counted, loadMemos, newTotals, openSession, outputLanguage } from '../session.js';
import { checkSelection } from '../selection.js';
import { attributeKeys, runInfo } from '../../app/code.js';
import { askedWorkers, workerCount } from '../workers.js';
export interface AnalyseFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
  workers?: string;
}

export function analyseAction(paths: string[], flags: AnalyseFlags, io: Io): void {
  const asked = askedWorkers(flags.workers, io.env);
  const session = openSession(paths, flags, io, { outputDir: flags.out ?? undefined });
  const outDir = flags.out ?? session.project.settings.out;
  assertWritableFolder(io, outDir);
  const csv = { excel: flags.excel };
  const streams: { file: string; formatter: StreamFormatter<CodedDocument> }[] = [
    { file: 'codings.json', formatter: codingsJson(runInfo(session)) },
    { file: 'codings.csv', formatter: codingsCsv(attributeKeys(session), csv) },
  ];
  const open: AtomicFile[] = [];
  const create = (name: string) => {
    const f = new AtomicFile(resolvePath(io.cwd, join(outDir, name)));
    open.push(f);
    return f;
  };
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
  try {
    const files = streams.map((s) => create(s.file));
    streams.forEach((s, i) => files[i].write(s.formatter.start()));
    const totals = newTotals();
    const tee = function* () {
      for (const coded of counted(session, totals, workers)) {
        streams.forEach((s, i) => files[i].write(s.formatter.item(coded)));
        for (const b of builders) b.add(coded);
        yield coded;
      }
    };
    const groups = collectExcerpts(tee(), session.codebook, NO_FILTER, 1);
    streams.forEach((s, i) => files[i].write(s.formatter.end()));
    const written: string[] = streams.map((s) => s.file);
    create('excerpts.md').write(
      excerptsMarkdown(groups, session.codebook, { attribute: session.project.settings.compareBy, language: session.project.settings.language }),
    );
    written.push('excerpts.md');
    create('excerpts.csv').write(excerptsCsv(groups, csv));
    written.push('excerpts.csv');
    const [byCode, byCluster] = matrices.map((m) => matrixGrid(m.result(), language));
    create('matrix-codes.csv').write(gridCsv(byCode, csv));
    written.push('matrix-codes.csv');
    create('matrix-clusters.csv').write(gridCsv(byCluster, csv));
    written.push('matrix-clusters.csv');
    create('matrix.md').write(`${gridMarkdown(byCluster)}\n${gridMarkdown(byCode)}`);
    written.push('matrix.md');
    create('cooccurrence.csv').write(gridCsv(cooccurGrid(cooccur.result()), csv));
    written.push('cooccurrence.csv');
    create('summary.md').write(summaryMarkdown(summary.result(memos)));
    create('report.html').write(reportHtml(report.result(reportTitle(session), memos)));
    written.push('report.html');
    written.push('summary.md');
    create('index.md').write(
      analyseIndex({
        codebook: session.codebook.name,
        language,
        by,
        documents: totals.documents,
        segments: totals.segments,
        coded: totals.coded,
        count: totals.codings.result(),
        files: written,
      }),
    );
    create(OUTPUT_MARKER).write('qda writes its results into this folder; qda does not read it as corpus.\n');
    for (const f of open) f.commit();
    summaryLine(
      io,
      flags.quiet,
      `analysed ${count(totals.documents, 'document')}: ${totals.coded} of ${count(totals.segments, 'segment')} coded (${percent(totals.coded, totals.segments)}), ${codingsWithSources(totals.codings.result())}; wrote ${written.length + 1} files to ${displayPath(outDir, io.cwd)}/`,
    );
  } catch (error) {
    for (const f of open) f.abort();
    throw error;
  }
}
