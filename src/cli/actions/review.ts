// The work of `qda review export` and `qda review import`; options in ../commands/review.ts.
import { join } from 'node:path';
import { localise } from '../../codebook/types.js';
import { codeCorpus } from '../../corpus/pipeline.js';
import { diagnostic, hasErrors } from '../../diagnostics/diagnostic.js';
import { attributeColumns } from '../../formatters/codings-csv.js';
import { csvLines, csvStart } from '../../formatters/csv.js';
import { exists, isDirectory, readText } from '../../io/files.js';
import { resolvePath, writeFileAtomic } from '../../io/write.js';
import { mergeSidecar, readReviewSheet, REVIEW_FIXED, reviewRows, sidecarCsv } from '../../manual/review.js';
import { parseSidecar } from '../../manual/sidecar.js';
import { ProblemsReported, usage } from '../errors.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { count as plural, summaryLine, writeOutput } from '../output.js';
import { openSession, outputLanguage, report } from '../session.js';
import { attributeKeys } from './code.js';

export interface ReviewExportFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
}

export interface ReviewImportFlags extends CorpusFlags {
  coder: string;
}

export function reviewExport(paths: string[], flags: ReviewExportFlags, io: Io): void {
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
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

export function reviewImport(sheet: string, paths: string[], flags: ReviewImportFlags, io: Io): void {
  if (!/^[\p{L}\p{N}_-]{1,64}$/u.test(flags.coder) || flags.coder === 'qda' || flags.coder === 'inline') {
    throw usage(`--coder "${flags.coder}" cannot name a codings file`, 'use letters, digits, - and _; qda and inline are taken');
  }
  if (!exists(sheet, io.cwd)) throw usage(`review sheet ${sheet} not found`);
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
  const existing =
    exists(target, io.cwd) && !isDirectory(target, io.cwd) ? parseSidecar(target, readText(target, io.cwd)) : { rows: [], diagnostics: [] };
  if (hasErrors(existing.diagnostics)) {
    report(io, [...existing.diagnostics, diagnostic('error', target, 'review/target', 'the existing codings file has errors; nothing was imported')]);
    throw new ProblemsReported(1);
  }
  const merged = mergeSidecar(existing.rows, imported.rows);
  writeFileAtomic(resolvePath(io.cwd, target), csvLines(sidecarCsv(merged)));
  const adds = imported.rows.filter((r) => r.decision === 'add').length;
  const label = (id: string) => localise(codes.get(id)?.label, outputLanguage(session), session.codebook.language) ?? id;
  summaryLine(
    io,
    flags.quiet,
    `imported ${plural(imported.rows.length, 'decision')} of ${flags.coder} (${adds} add, ${imported.rows.length - adds} reject${imported.rows.length ? `, e.g. ${label(imported.rows[0].code)}` : ''}) into ${target}`,
  );
}
