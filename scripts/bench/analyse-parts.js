// What `qda analyse` does beyond coding, part by part, for two builds in one process: each build
// opens and codes the corpus once, then each part is fed the coded documents (fresh copies each
// time, so that nothing made for a document in an earlier round is reused) and timed in CPU
// seconds, the two builds alternately. Parts that write go to a scratch file in the system's temporary folder.
//
//   node scripts/bench/analyse-parts.js BEFORE AFTER CORPUS [rounds] [parts]
//
// BEFORE and AFTER are checkouts with `npm run build` done (their dist/ is loaded), CORPUS a
// folder with a qda.yaml (scripts/bench/corpus.js writeCorpus), parts a comma-separated list of
// codingsCsv, excerpts, cooccur, summary, report (default: all). Prints the median of the rounds.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [before, after, corpus, rounds = '5', only] = process.argv.slice(2);
if (!corpus) {
  console.error('usage: node scripts/bench/analyse-parts.js BEFORE AFTER CORPUS [rounds] [parts]');
  process.exit(2);
}

async function parts(checkout, tag) {
  const load = (file) => import(pathToFileURL(join(resolve(checkout), 'dist', file)).href);
  const { openCorpus } = await load('app/open.js');
  const { codedDocuments, newTotals, outputLanguage } = await load('app/corpus.js');
  const { CooccurBuilder } = await load('analysis/cooccur.js');
  const { SummaryBuilder } = await load('analysis/summary.js');
  const { ExcerptStream } = await load('excerpts/stream.js');
  const { PartFiles, scratchFolder } = await load('io/parts.js');
  const { analysisStreams } = await load('formatters/analysis.js');
  const { reportHtml } = await load('formatters/report/html.js');
  const { NO_FILTER } = await load('select/filter.js');
  const { attributeKeys, runInfo } = await load('app/code.js');
  const { reportBuilder, reportTitle } = await load('app/report.js');
  const opened = openCorpus([resolve(corpus)], {}, process.cwd()).result;
  const coded = [...codedDocuments(opened, newTotals())];
  const by = opened.project.settings.compareBy;
  const language = outputLanguage(opened);
  const fresh = () => coded.map((c) => ({ ...c }));
  // A file, not /dev/null: writing into the page cache is part of what a run costs.
  const sink = () => {
    const file = join(tmpdir(), `qda-bench-${tag}-${process.pid}.out`);
    const fd = openSync(file, 'w');
    return {
      write: (s) => writeSync(fd, s),
      close: () => {
        closeSync(fd);
        rmSync(file);
      },
    };
  };
  return {
    codingsCsv: (docs) => {
      const { formatter } = analysisStreams(runInfo(opened), attributeKeys(opened), {})[1];
      const out = sink();
      out.write(formatter.start());
      for (const c of docs) out.write(formatter.item(c));
      out.close();
    },
    excerpts: (docs) => {
      const files = new PartFiles(scratchFolder(`bench-${tag}`));
      const stream = new ExcerptStream(opened.codebook, NO_FILTER, 1, files, {
        markdown: { attribute: by, language: opened.project.settings.language },
        csv: {},
      });
      for (const c of docs) stream.add(c);
      const out = sink();
      // As analyse writes them: as bytes where the build has that.
      for (const t of stream.markdownBytes?.() ?? stream.markdown()) out.write(t);
      for (const t of stream.csvBytes?.() ?? stream.csv()) out.write(t);
      out.close();
      files.remove();
    },
    cooccur: (docs) => {
      const b = new CooccurBuilder(opened.codebook, { level: 'code', within: 'segment', measure: 'count', filter: NO_FILTER, language });
      for (const c of docs) b.add(c);
      b.result();
    },
    summary: (docs) => {
      const b = new SummaryBuilder(opened.codebook, { by, filter: NO_FILTER, language, aspects: 3 });
      for (const c of docs) b.add(c);
      b.result([]);
    },
    report: (docs) => {
      const b = reportBuilder(opened, by);
      for (const c of docs) b.add(c);
      const out = sink();
      out.write(reportHtml(b.result(reportTitle(opened), [])));
      out.close();
    },
    fresh,
  };
}

const builds = [
  ['before', await parts(before, 'a')],
  ['after', await parts(after, 'b')],
];
const names = only ? only.split(',') : ['codingsCsv', 'excerpts', 'cooccur', 'summary', 'report'];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const times = new Map();
for (let r = 0; r < Number(rounds); r++)
  for (const name of names)
    for (const [tag, build] of builds) {
      const docs = build.fresh();
      const start = cpu();
      build[name](docs);
      const key = `${name} ${tag}`;
      times.set(key, [...(times.get(key) ?? []), cpu() - start]);
    }
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`CPU seconds, median and least of ${rounds} rounds (${tmpdir()} for part files)`);
// The least is the steadier figure on a shared machine: other processes only ever add to a round.
for (const [key, v] of times)
  console.log(`${key.padEnd(18)} ${median(v).toFixed(3)} ${Math.min(...v).toFixed(3)}   (${v.map((x) => x.toFixed(3)).join(' ')})`);
