/** `qda review export` and `qda review import`: checking auto-codes in a spreadsheet. */
import type { Command } from 'commander';
import type { ReviewExportFlags, ReviewImportFlags } from '../actions/review.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, redactOption } from '../options.js';
import { usage } from '../errors.js';

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw usage(`--next must be a whole number of paragraphs, 1 or more, not "${value}"`);
  return n;
}

export function registerReview(program: Command, io: Io): Command {
  const review = program
    .command('review')
    .description('check auto-codes in a spreadsheet: export a sheet, fill in decisions, import them into codings/');
  const exportCommand = review
    .command('export')
    .description('one row per auto coding (document, attributes, speaker, line, code, text, matched terms) with an empty decision column')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <file>', 'write the sheet to this file instead of stdout')
    .option('--excel', 'for Excel: BOM and ; as separator')
    .option('--next <n>', 'only the N paragraphs not yet reviewed where the model (--model or qda.yaml) is least sure, most uncertain first', count);
  redactOption(corpusOptions(exportCommand, { selection: false })).action(async (paths: string[], flags: ReviewExportFlags) =>
    (await import('../actions/review.js')).reviewExport(paths, flags, io),
  );
  examples(exportCommand, [
    'qda review export --excel --out review.csv',
    'qda review export corpus/crooswijk --skip-speaker interviewer > crooswijk.csv',
    'qda review export --model models/ana.json --next 50 --out next.csv',
  ]);
  const importCommand = review
    .command('import')
    .description("read a filled-in sheet's decisions (add / reject) into codings/NAME.csv; all rows or none")
    .argument('<sheet>', 'the review sheet (CSV, , or ; separated)')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .requiredOption('--coder <name>', 'whose decisions these are: they go to codings/NAME.csv');
  corpusOptions(importCommand, { selection: false }).action(async (sheet: string, paths: string[], flags: ReviewImportFlags) =>
    (await import('../actions/review.js')).reviewImport(sheet, paths, flags, io),
  );
  examples(importCommand, ['qda review import review.csv --coder ana', 'qda review import ~/Downloads/review.csv --coder bram examples/rotterdam']);
  return examples(review, ['qda review export --excel --out review.csv', 'qda review import review.csv --coder ana']);
}
