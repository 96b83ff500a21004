/** `qda cooccur`: code × code, how often two codes are given together. */
import { Option, type Command } from 'commander';
import type { Measure, Within } from '../../analysis/cooccur.js';
import type { Level } from '../../analysis/units.js';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterFrom, filterOptions, tableOutputOptions, type CorpusFlags, type FilterFlags } from '../options.js';

export interface CooccurFlags extends CorpusFlags, FilterFlags {
  level: Level;
  within: Within;
  measure: Measure;
  format: FormatName<'cooccur'>;
  out?: string;
  excel?: boolean;
}

export function registerCooccur(program: Command, io: Io): Command {
  const command = program
    .command('cooccur')
    .description('code × code co-occurrence within a segment or a document, as counts or Jaccard similarity')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('--level <level>', 'codes or clusters').choices(['code', 'cluster']).default('code'))
    .addOption(
      new Option('--within <unit>', 'count codes given together to a segment or to a document').choices(['segment', 'document']).default('segment'),
    )
    .addOption(new Option('--measure <measure>', 'count, or Jaccard (both / either)').choices(['count', 'jaccard']).default('count'));
  tableOutputOptions(filterOptions(corpusOptions(command)), formatNames('cooccur')).action((paths: string[], flags: CooccurFlags) =>
    cooccurCommand(paths, flags, io),
  );
  return examples(command, [
    'qda cooccur examples/rotterdam --level cluster',
    'qda cooccur --within document --measure jaccard --format csv > cooccur.csv',
  ]);
}

async function cooccurCommand(paths: string[], flags: CooccurFlags, io: Io): Promise<void> {
  const [{ cooccur }, { openSession, corpusBar, reported }, { count, summaryLine, writeOutput }] = await Promise.all([
    import('../../app/cooccur.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  const filter = filterFrom(flags);
  const session = await openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const request = { level: flags.level, within: flags.within, measure: flags.measure, filter };
  const result = reported(io, cooccur(session, request, corpusBar(session)));
  const format = await getFormatter('cooccur', flags.format);
  await writeOutput(io, flags.out, [format(result, { excel: flags.excel })]);
  const c = result.cooccurrence;
  summaryLine(
    io,
    flags.quiet,
    flags.within === 'document'
      ? `co-occurrence of ${count(c.codes.length, flags.level)} within each of ${count(c.units, 'document')}`
      : `co-occurrence of ${count(c.codes.length, flags.level)} within ${count(c.units, flags.within)} of ${count(result.documents, 'document')}`,
  );
}
