/** `qda review export` and `qda review import`: checking auto-codes in a spreadsheet. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption, type CorpusFlags } from '../options.js';
import { ProblemsReported, usage } from '../errors.js';

export interface ReviewExportFlags extends CorpusFlags {
  out?: string;
  excel?: boolean;
  next?: number;
}

export interface ReviewImportFlags extends CorpusFlags {
  coder: string;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usage(`--next must be a whole number of paragraphs, 1 or more, not "${value}"`);
  return n;
}

export function registerReview(program: Command, io: Io): Command {
  const review = program
    .command('review')
    .description('check auto-codes in a spreadsheet: export a sheet, fill in decisions, import them into codings/');
  const exportSheet = review
    .command('export')
    .description('one row per auto coding (document, attributes, speaker, line, code, text, matched terms) with an empty decision column')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <file>', 'write the sheet to this file instead of stdout')
    .option('--excel', 'for Excel: BOM and ; as separator')
    .option('--next <n>', 'only the N paragraphs not yet reviewed where the model (--model or qda.yaml) is least sure, most uncertain first', count);
  redactOption(corpusOptions(exportSheet, { selection: false })).action((paths: string[], flags: ReviewExportFlags) =>
    exportCommand(paths, flags, io),
  );
  examples(exportSheet, [
    'qda review export --excel --out review.csv',
    'qda review export corpus/crooswijk --skip-speaker interviewer > crooswijk.csv',
    'qda review export --model models/ana.json --next 50 --out next.csv',
  ]);
  const importSheet = review
    .command('import')
    .description("read a filled-in sheet's decisions (add / reject) into codings/NAME.csv; all rows or none")
    .argument('<sheet>', 'the review sheet (CSV, , or ; separated)')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .requiredOption('--coder <name>', 'whose decisions these are: they go to codings/NAME.csv');
  corpusOptions(importSheet, { selection: false }).action((sheet: string, paths: string[], flags: ReviewImportFlags) =>
    importCommand(sheet, paths, flags, io),
  );
  examples(importSheet, ['qda review import review.csv --coder ana', 'qda review import ~/Downloads/review.csv --coder bram examples/rotterdam']);
  return examples(review, ['qda review export --excel --out review.csv', 'qda review import review.csv --coder ana']);
}

const NEXT_STEP = 'fill in the decision column with add or reject, then: qda review import FILE --coder NAME';

async function exportCommand(paths: string[], flags: ReviewExportFlags, io: Io): Promise<void> {
  const [{ reviewExport }, { openSession, reported }, { count, summaryLine, writeOutput }, { getFormatter }] = await Promise.all([
    import('../../app/review.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../formatters/index.js'),
  ]);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const sheet = reported(io, reviewExport(session, { next: flags.next }));
  await writeOutput(io, flags.out, (await getFormatter('review', 'csv'))(sheet, { excel: flags.excel }));
  const { items, paragraphs } = sheet.counts;
  summaryLine(
    io,
    flags.quiet,
    sheet.model
      ? `${count(paragraphs, 'paragraph')} where ${sheet.model} is least sure (${count(items, 'code')} to decide); ${NEXT_STEP}`
      : `${count(items, 'auto coding')} to review; ${NEXT_STEP}`,
  );
}

async function importCommand(sheet: string, paths: string[], flags: ReviewImportFlags, io: Io): Promise<void> {
  const [{ checkReviewImport, reviewImport }, { openSession, reported, showDiagnostics }, { count, summaryLine }] = await Promise.all([
    import('../../app/review.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const request = { sheet, coder: flags.coder };
  checkReviewImport(request, io.cwd);
  // --coder here names whose decisions come in, not a selection of codings to count.
  const { coder: _newCoder, ...corpusFlags } = flags;
  const session = await openSession(paths, corpusFlags, io);
  const outcome = reviewImport(session, request);
  // Bad rows of the sheet are the user's to fix there; a broken codings file says so itself.
  if (!outcome.result && !outcome.diagnostics.some((d) => d.rule === 'review/target')) {
    showDiagnostics(io, outcome.diagnostics);
    io.stderr.write(`nothing imported: fix the rows above in ${sheet} and import it again\n`);
    throw new ProblemsReported(1);
  }
  const result = reported(io, outcome);
  const decisions = result.decisions;
  const adds = decisions.filter((r) => r.decision === 'add').length;
  summaryLine(
    io,
    flags.quiet,
    `imported ${count(decisions.length, 'decision')} of ${result.coder} (${adds} add, ${decisions.length - adds} reject${result.example !== undefined ? `, e.g. ${result.example}` : ''}) into ${result.target}`,
  );
}
