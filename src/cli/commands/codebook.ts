/** `qda codebook export|import|audit`: the codebook as REFI-QDA QDC, markdown or CSV, and back; its terms audited on a corpus. */
import { Option, type Command } from 'commander';
import type { Io } from '../io.js';
import { corpusOptions, examples, nonNegativeInt, share, tableOutputOptions } from '../options.js';
import { formatNames, type FormatName } from '../../formatters/index.js';
import type { CodebookFormat } from '../../app/codebook.js';
import type { CorpusFlags } from '../options.js';

export function registerCodebook(program: Command, io: Io): Command {
  const group = program.command('codebook').description('exchange the codebook (REFI-QDA .qdc, markdown, CSV) and audit its terms on a corpus');
  const out = group
    .command('export')
    .description('write the codebook as QDC (for NVivo, ATLAS.ti, MAXQDA, QualCoder), markdown for people, or CSV for spreadsheets')
    .argument('[paths...]', 'a project folder (default: the qda.yaml at or above this folder)')
    .addOption(
      new Option('-f, --format <format>', "output format (taguette: Taguette's CSV of tag and description)")
        .choices(['qdc', 'md', 'csv', 'taguette'])
        .default('qdc'),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout');
  corpusOptions(out).action((paths: string[], flags: CodebookExportFlags) => exportCommand(paths, flags, io));
  examples(out, ['qda codebook export --format qdc --out hall.qdc', 'qda codebook export examples/rotterdam --format md > codebook.md']);
  const into = group
    .command('import')
    .description("read a QDC (.qdc) or CSV codebook (qda's columns, or Taguette's tag and description) and write it as codebook YAML for qda")
    .argument('<file>', 'the .qdc or .csv file')
    .option('-o, --out <file>', 'write the YAML to this file instead of stdout')
    .option('--name <name>', 'name of the codebook (default: the file name)')
    .option('-q, --quiet', 'no summary line on stderr')
    .action((file: string, flags: CodebookImportFlags) => importCommand(file, flags, io));
  examples(into, ['qda codebook import nvivo-codes.qdc --out codebooks/nvivo.yaml', 'qda codebook import codes.csv > codebooks/mine.yaml']);
  const audit = group
    .command('audit')
    .description(
      'what each term matches in the corpus, how many segments each code takes; flags topic words and wildcard or stem matches that look like other words',
    )
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('--topic-share <share>', 'a term firing in more than this share of segments is a topic word', share('--topic-share'), 0.1)
    .option('--forms <n>', 'matched words shown per term', nonNegativeInt('--forms'), 8)
    .option('--flagged', 'only terms with a flag');
  tableOutputOptions(corpusOptions(audit, { selection: false }), formatNames('audit')).action((paths: string[], flags: AuditFlags) =>
    auditCommand(paths, flags, io),
  );
  examples(audit, ['qda codebook audit examples/rotterdam --flagged', 'qda codebook audit --format csv > audit.csv']);
  return group;
}

export interface CodebookExportFlags extends CorpusFlags {
  format: CodebookFormat;
  out?: string;
}

export interface CodebookImportFlags {
  out?: string;
  name?: string;
  quiet?: boolean;
}

async function exportCommand(paths: string[], flags: CodebookExportFlags, io: Io): Promise<void> {
  const [{ exportCodebook }, { reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/codebook.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const book = reported(io, exportCodebook(paths, flags, io.cwd, flags.format));
  await writeOutput(io, flags.out, [book.text]);
  summaryLine(io, flags.quiet, `wrote ${count(book.codes, 'code')} of ${book.name} as ${flags.format}${flags.out ? ` to ${flags.out}` : ''}`);
}

async function importCommand(file: string, flags: CodebookImportFlags, io: Io): Promise<void> {
  const [{ importCodebook }, { reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/codebook.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const book = reported(io, importCodebook({ file, cwd: io.cwd, name: flags.name, out: flags.out }));
  await writeOutput(io, flags.out, [book.yaml]);
  summaryLine(io, flags.quiet, `imported ${count(book.codes, 'code')} from ${file}${flags.out ? ` into ${flags.out}` : ''}`);
}

export interface AuditFlags extends CorpusFlags {
  format: FormatName<'audit'>;
  out?: string;
  excel?: boolean;
  topicShare: number;
  forms: number;
  flagged?: boolean;
}

async function auditCommand(paths: string[], flags: AuditFlags, io: Io): Promise<void> {
  const [{ audit }, { openSession, progress, reported }, { count, summaryLine, writeOutput }, { getFormatter }] = await Promise.all([
    import('../../app/audit.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../formatters/index.js'),
  ]);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const request = { topicShare: flags.topicShare, forms: flags.forms, flaggedOnly: flags.flagged };
  const result = reported(io, audit(session, request, progress(io, session.files.length)));
  await writeOutput(io, flags.out, [(await getFormatter('audit', flags.format))(result, { excel: flags.excel })]);
  const terms = result.audit.codes.flatMap((c) => c.terms);
  const topic = terms.filter((t) => t.flags.includes('topic')).length;
  const collisions = terms.filter((t) => t.flags.includes('collision')).length;
  summaryLine(
    io,
    flags.quiet,
    `audited ${count(terms.length, 'term')} that matched in ${count(result.audit.segments, 'segment')}: ${count(topic, 'topic word')}, ${count(collisions, 'term')} with suspect matches`,
  );
}
