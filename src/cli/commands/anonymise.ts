/** `qda anonymise`: a pseudonymised copy of the project for sharing, with the key kept apart. */
import type { Command } from 'commander';
import type { AnonymiseFlags } from '../actions/anonymise.js';
import type { Io } from '../io.js';
import { examples } from '../options.js';

export function registerAnonymise(program: Command, io: Io): Command {
  const command = program
    .command('anonymise')
    .alias('anonymize')
    .description(
      'a pseudonymised copy of the project: names, e-mail addresses, phone numbers, postcodes, BSNs and addresses replaced by [Persoon 1], [e-mail 1], ...; codings carried over; the key (original → pseudonym) written apart',
    )
    .argument('[paths...]', 'a project folder, or markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <dir>', 'the folder for the copy: new, empty, or an earlier copy made by qda anonymise; never inside the project')
    .option('-k, --key <file>', 'the key file (CSV); an existing key is kept and extended, so names keep their pseudonyms')
    .option('--dry-run', 'show what would change, line by line, and write nothing')
    .option('--reverse', 'restore: turn a pseudonymised copy back into the original with its key')
    .option('-c, --codebook <file>', 'codebook YAML, or the name of a shipped one (hall); copied, not changed')
    .option('--encoding <name>', 'encoding of the transcripts; the copy keeps each file in its own encoding')
    .option('-q, --quiet', 'no summary line on stderr');
  command.action(async (paths: string[], flags: AnonymiseFlags) => (await import('../actions/anonymise.js')).anonymiseAction(paths, flags, io));
  return examples(command, [
    'qda anonymise my-study --out my-study-shared --key ~/private/my-study-key.csv',
    'qda anonymise my-study --dry-run | less',
    'qda anonymise my-study-shared --reverse --key ~/private/my-study-key.csv --out my-study-restored',
  ]);
}
