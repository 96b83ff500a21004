// The work of `qda review export` and `qda review import`; options in ../commands/review.ts.
import { join } from 'node:path';
import { localise } from '../../codebook/types.js';
import { codeCorpus, rowsFor } from '../../corpus/pipeline.js';
import { diagnostic, hasErrors } from '../../diagnostics/diagnostic.js';
import { attributeColumns } from '../../formatters/codings-csv.js';
import { csvLines, csvStart } from '../../formatters/csv.js';
import { exists, isDirectory, readText } from '../../io/files.js';
import { ensureDir, resolvePath } from '../../io/write.js';
import { lockedWrite } from '../locked-write.js';
import { mergeSidecar, readReviewSheet, REVIEW_FIXED, reviewRow, reviewRows, sidecarCsv } from '../../manual/review.js';
import { reviewedSegments } from '../../learn/examples.js';
import { MostUncertain, uncertainSegments, type Uncertain } from '../../learn/uncertain.js';
import { parseSidecar } from '../../manual/sidecar.js';
import { inputProblem, ProblemsReported, usage } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { count as plural, summaryLine, writeOutput } from '../output.js';
import { openSession, outputLanguage, report, type Session } from '../session.js';
import { attributeKeys } from '../../app/code.js';

export interface ReviewExportFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
  next?: number;
}

export interface ReviewImportFlags extends CorpusFlags {
  coder: string;
}

export function reviewExport(paths: string[], flags: ReviewExportFlags, io: Io): void {
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  if (flags.next !== undefined) return reviewNext(session, flags, flags.next, io);
  // The sheet shows what the auto-coder found, before anyone's decisions.
  const corpus = { ...session.corpus, manual: undefined };
  const keys = attributeColumns(attributeKeys(session));
  const codes = new Map(session.codebook.codes.map((c) => [c.id, c]));
  const language = outputLanguage(session);
  const header = [...REVIEW_FIXED.slice(0, 2), ...keys.map((k) => k.column), ...REVIEW_FIXED.slice(2)];
  let count = 0;
  const chunks = function* () {
    yield csvStart({ excel: flags.excel }) + csvLines([header], { excel: flags.excel });
    for (const coded of codeCorpus(session.files, session.compiled, corpus)) {
      const rows = reviewRows(
        coded,
        keys.map((k) => k.key),
        codes,
        language,
      );
      count += rows.length;
      yield csvLines(rows, { excel: flags.excel });
    }
  };
  writeOutput(io, flags.out, chunks());
  summaryLine(
    io,
    flags.quiet,
    `${plural(count, 'auto coding')} to review; fill in the decision column with add or reject, then: qda review import FILE --coder NAME`,
  );
}

/**
 * `--next N`: the N paragraphs nobody has decided on where the model is least sure (src/learn/uncertain.ts),
 * most uncertain first, one row per code in question, with the model's probability and the code's examples.
 */
function reviewNext(session: Session, flags: ReviewExportFlags, n: number, io: Io): void {
  const predictor = session.corpus.model;
  if (!predictor)
    throw usage(
      '--next needs a model to say where it is unsure: name one with --model FILE or model: in qda.yaml',
      'train one with qda learn --out models/NAME.json',
    );
  const keys = attributeColumns(attributeKeys(session));
  const codes = new Map(session.codebook.codes.map((c) => [c.id, c]));
  const language = outputLanguage(session);
  const header = [
    ...REVIEW_FIXED.slice(0, 2),
    ...keys.map((k) => k.column),
    ...REVIEW_FIXED.slice(2, 8),
    'probability',
    'examples',
    ...REVIEW_FIXED.slice(8),
  ];
  // The codebook's own codings, before the model and people's decisions: the model is asked here.
  const corpus = { ...session.corpus, manual: undefined, model: undefined };
  const kept = new MostUncertain<Uncertain & { rows: string[][] }>(n);
  for (const coded of codeCorpus(session.files, session.compiled, corpus)) {
    const reviewed = new Set(
      reviewedSegments(coded.document, coded.segments, rowsFor(session.corpus, coded.document.id), [], codes).map((r) => r.segment),
    );
    const open = (o: number) => !reviewed.has(o) && !coded.skipped.has(o) && !coded.furniture.has(o);
    const found = uncertainSegments(coded.document.id, coded.segments, coded.codings, coded.language, predictor, open);
    const auto = (segment: number, code: string) => coded.codings.find((c) => c.segment === segment && c.code === code)?.evidence ?? [];
    kept.add(
      found.map((u) => ({
        ...u,
        rows: u.questions.map((q) =>
          reviewRow(
            coded,
            u.segment,
            q.code,
            q.coding?.evidence ?? auto(u.segment, q.code),
            keys.map((k) => k.key),
            codes,
            language,
            [q.probability === undefined ? '' : q.probability.toFixed(3), String(q.examples)],
          ),
        ),
      })),
    );
  }
  const chosen = kept.result();
  const rows = chosen.flatMap((u) => u.rows);
  writeOutput(io, flags.out, [csvStart({ excel: flags.excel }) + csvLines([header, ...rows], { excel: flags.excel })]);
  summaryLine(
    io,
    flags.quiet,
    `${plural(chosen.length, 'paragraph')} where ${predictor.model.name} is least sure (${plural(rows.length, 'code')} to decide); fill in the decision column with add or reject, then: qda review import FILE --coder NAME`,
  );
}

export function reviewImport(sheet: string, paths: string[], flags: ReviewImportFlags, io: Io): void {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(flags.coder) || flags.coder === 'qda' || flags.coder === 'inline') {
    throw usage(`--coder "${flags.coder}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
  }
  if (!exists(sheet, io.cwd)) throw inputProblem(`review sheet ${sheet} not found`);
  // --coder here names whose decisions come in, not a selection of codings to count.
  const { coder: _newCoder, ...corpusFlags } = flags;
  const session = openSession(paths, corpusFlags, io);
  const codes = new Map(session.codebook.codes.map((c) => [c.id, c]));
  const documents = new Map<string, { text: string; segments: ReturnType<typeof Array.prototype.slice> }>();
  for (const coded of codeCorpus(session.files, session.compiled, { ...session.corpus, manual: undefined })) {
    documents.set(coded.document.id, { text: coded.document.text, segments: coded.segments });
  }
  const imported = readReviewSheet(sheet, readText(sheet, io.cwd), flags.coder, documents, codes);
  report(io, imported.diagnostics);
  if (hasErrors(imported.diagnostics)) {
    io.stderr.write(`nothing imported: fix the rows above in ${sheet} and import it again\n`);
    throw new ProblemsReported(1);
  }
  const folder = join(session.project.root, 'codings');
  const target = join(folder, `${flags.coder}.csv`);
  ensureDir(resolvePath(io.cwd, folder));
  // Read, merge and write under one lock: two imports at once each keep the other's rows.
  lockedWrite(resolvePath(io.cwd, target), target, () => {
    const existing =
      exists(target, io.cwd) && !isDirectory(target, io.cwd) ? parseSidecar(target, readText(target, io.cwd)) : { rows: [], diagnostics: [] };
    if (hasErrors(existing.diagnostics)) {
      report(io, [
        ...existing.diagnostics,
        diagnostic('error', target, 'review/target', 'the existing codings file has errors; nothing was imported'),
      ]);
      throw new ProblemsReported(1);
    }
    return csvLines(sidecarCsv(mergeSidecar(existing.rows, imported.rows)), { store: true });
  });
  const adds = imported.rows.filter((r) => r.decision === 'add').length;
  const label = (id: string) => localise(codes.get(id)?.label, outputLanguage(session), session.codebook.language) ?? id;
  summaryLine(
    io,
    flags.quiet,
    `imported ${plural(imported.rows.length, 'decision')} of ${flags.coder} (${adds} add, ${imported.rows.length - adds} reject${imported.rows.length ? `, e.g. ${label(imported.rows[0].code)}` : ''}) into ${target}`,
  );
}
