/** `qda search`: keyword in context with the codebook's term syntax, and coding the hits. */
import { Option, type Command } from 'commander';
import type { SearchFlags } from '../actions/search.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, filterOptions, nonNegativeInt } from '../options.js';

export function registerSearch(program: Command, io: Io): Command {
  const command = program
    .command('search')
    .description('every hit of a query with its context, file:line:col, speaker and district; counts per district; --code-as codes the hits')
    .argument('<query>', 'terms as in a codebook (word, word*, *word, "a phrase", /pattern/i) with AND, OR, NOT, NEAR/n and ( )')
    .argument('[paths...]', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'csv', 'json']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator')
    .option('--width <n>', 'characters of context on either side of a hit', nonNegativeInt('--width'), 40)
    .option('--by <attribute>', 'count hits per value of this attribute, or document, or speaker (default: compareBy of qda.yaml, else district)')
    .option('--code-as <code>', 'add this code to every paragraph with a hit, as the codings of --coder (codings/NAME.csv)')
    .option('--manual-only', 'with --code: count only codes added by hand')
    .option('--coder <name>', 'with --code-as: whose codings the hits become; otherwise, with --code, only the codings of this coder count');
  filterOptions(corpusOptions(command, { selection: false })).action(async (query: string, paths: string[], flags: SearchFlags) =>
    (await import('../actions/search.js')).searchAction(query, paths, flags, io),
  );
  return examples(command, [
    'qda search "wijkteam*" examples/rotterdam',
    'qda search \'"korte lijnen" OR appen\' --where district=Crooswijk --speaker respondent',
    'qda search "school NEAR/5 wijkteam*" --width 60 --format csv --out hits.csv',
    'qda search "vertrouw* NOT wantrouw*" --code personal',
    'qda search "/regiehouder(s)?/i" --code-as organisation.roles --coder ana',
  ]);
}
