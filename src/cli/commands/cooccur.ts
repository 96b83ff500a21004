/** `qda cooccur`: code × code, how often two codes are given together. */
import { Option, type Command } from 'commander';
import type { CooccurFlags } from '../actions/cooccur.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions, tableOutputOptions } from '../options.js';

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
  tableOutputOptions(filterOptions(corpusOptions(command))).action(async (paths: string[], flags: CooccurFlags) =>
    (await import('../actions/cooccur.js')).cooccurAction(paths, flags, io),
  );
  return examples(command, [
    'qda cooccur examples/rotterdam --level cluster',
    'qda cooccur --within document --measure jaccard --format csv > cooccur.csv',
  ]);
}
